package dev.periscope.sim;

import dev.periscope.model.Aggressor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the simulator knows and the consolidated tape does not: the true aggressor side and originating agent of
 * every print, keyed by {@link dev.periscope.model.event.TradeEvent#tradeId} (1, 2, 3, ... in tape order), and
 * the schedule of meta-orders and sweeps. The tape itself carries {@link Aggressor#UNKNOWN}, as real SIP data
 * does; use this side channel to measure the accuracy of trade-signing algorithms and detectors.
 *
 * <p>Negotiated off-exchange prints ('W' average price, '4' derivatively priced) have no initiator: their true
 * side is {@link Aggressor#UNKNOWN}. Grows as the simulation runs; read it after (or while) consuming events.
 */
public final class GroundTruth {
    /** Who sent the order that initiated a print. */
    public enum Agent {
        /** Noise trader's marketable order, routed by a smart order router. */
        NOISE,
        /** VWAP-style child of an institutional meta-order. */
        META,
        /** News-driven intermarket sweep (ISO) across all lit venues. */
        SWEEP,
        /** Arbitrageur taking stale quotes left behind by a latent-price move (ISO). */
        ARBITRAGE,
        /** Retail order internalized off-exchange by a wholesaler, often with sub-penny price improvement. */
        RETAIL,
        /** Dark pool (ATS) print at the NBBO midpoint or at the quote. */
        DARK,
        /** Negotiated off-exchange block of at least 10,000 shares. */
        BLOCK,
        /** Average-price print ('W'). */
        AVERAGE_PRICE,
        /** Derivatively priced print ('4'). */
        DERIVATIVELY_PRICED
    }

    /**
     * One institutional meta-order.
     *
     * @param id          0-based id, as returned by {@link #metaOrder(long)}
     * @param side        {@link Aggressor#BUY} or {@link Aggressor#SELL}
     * @param startNanos  first child's scheduled time, epoch ns
     * @param endNanos    end of the execution window, epoch ns
     * @param shares      total shares to execute
     * @param children    number of child orders
     */
    public record MetaOrder(int id, byte side, long startNanos, long endNanos, long shares, int children) {}

    private static final Agent[] AGENTS = Agent.values();
    private byte[] aggressor = new byte[1 << 16];
    private byte[] agent = new byte[1 << 16];
    private byte[] meta = new byte[1 << 16];
    private int count;
    private final List<MetaOrder> metaOrders = new ArrayList<>();
    private long[] sweepTimes = new long[0];

    void record(byte side, Agent a, int metaId) {
        if (count == aggressor.length) {
            int c = count * 2;
            aggressor = Arrays.copyOf(aggressor, c); agent = Arrays.copyOf(agent, c); meta = Arrays.copyOf(meta, c);
        }
        aggressor[count] = side; agent[count] = (byte) a.ordinal(); meta[count] = (byte) metaId;
        count++;
    }

    void addMetaOrder(MetaOrder m) { metaOrders.add(m); }

    void setSweepTimes(long[] t) { sweepTimes = t.clone(); }

    /** Number of prints so far; trade ids run from 1 to this. */
    public long tradeCount() { return count; }

    /** True aggressor of a print: {@link Aggressor#BUY}, {@link Aggressor#SELL} or {@link Aggressor#UNKNOWN}. */
    public byte aggressor(long tradeId) { return aggressor[index(tradeId)]; }

    public Agent agent(long tradeId) { return AGENTS[agent[index(tradeId)]]; }

    /** The meta-order a print belongs to, or -1. */
    public int metaOrder(long tradeId) { return meta[index(tradeId)]; }

    public List<MetaOrder> metaOrders() { return Collections.unmodifiableList(metaOrders); }

    /** Scheduled times of the news-driven sweeps, epoch ns. */
    public long[] sweepTimesNanos() { return sweepTimes.clone(); }

    private int index(long tradeId) {
        if (tradeId < 1 || tradeId > count) throw new IllegalArgumentException("unknown trade id " + tradeId + " (have " + count + ")");
        return (int) (tradeId - 1);
    }
}
