package dev.periscope.sim;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.truth.GroundTruthLabel;

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
        /** Child order of an institutional meta-order (VWAP, TWAP or POV). */
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
        DERIVATIVELY_PRICED,
        /** Burst of aggressive orders soaked up by a planted absorber (see {@link #labels()}). */
        BURST,
        /** Momentum (trend-following) trader: buys above the mid's moving average, sells below ({@link SimConfig.Strategies}). */
        MOMENTUM,
        /** Mean-reversion trader: sells above the mid's slow moving average, buys below; half its orders rest passively. */
        MEAN_REVERSION
    }

    /**
     * One institutional meta-order.
     *
     * @param id          0-based id, as returned by {@link #metaOrder(long)}
     * @param side        {@link Aggressor#BUY} or {@link Aggressor#SELL}
     * @param startNanos  first child's scheduled time (POV: the start of its window), epoch ns
     * @param endNanos    end of the execution window, epoch ns (a POV order stops earlier once it is done)
     * @param shares      total shares to execute
     * @param children    number of scheduled child orders (0 for POV: its children are decided while it trades)
     * @param style       how the children are scheduled
     */
    public record MetaOrder(int id, byte side, long startNanos, long endNanos, long shares, int children,
                            SimConfig.ExecutionStyle style) {
        /** A VWAP meta-order (the only style before {@link SimConfig.Strategies}). */
        public MetaOrder(int id, byte side, long startNanos, long endNanos, long shares, int children) {
            this(id, side, startNanos, endNanos, shares, children, SimConfig.ExecutionStyle.VWAP);
        }
    }

    private static final Agent[] AGENTS = Agent.values();
    private byte[] aggressor = new byte[1 << 16];
    private byte[] agent = new byte[1 << 16];
    private byte[] meta = new byte[1 << 16];
    private int count;
    /** Parent order of each print (0 = none: off-exchange and negotiated prints). */
    private int[] parentOf = new int[1 << 16];
    // per parent order id (dense 1, 2, 3, ...): first/last tape time, shares, prices, lit venues, side, agent, ISO
    private long[] pFirst = new long[1 << 12], pLast = new long[1 << 12], pShares = new long[1 << 12],
            pLow = new long[1 << 12], pHigh = new long[1 << 12];
    private int[] pVenues = new int[1 << 12], pPrints = new int[1 << 12];
    private byte[] pSide = new byte[1 << 12], pAgent = new byte[1 << 12];
    private boolean[] pIso = new boolean[1 << 12];
    private int maxParent;
    private final List<MetaOrder> metaOrders = new ArrayList<>();
    private long[] sweepTimes = new long[0];

    private final String instrument;
    private final List<Planted> planted = new ArrayList<>();

    /** A ground truth for instrument id "SIM" (kept for callers of the earlier public no-argument constructor). */
    public GroundTruth() { this("SIM"); }

    GroundTruth(String instrument) { this.instrument = instrument; }

    /**
     * One planted pattern being built while the simulation runs: its prints are added when they reach the tape
     * (that is when they get their trade id), its orders when they are sent.
     */
    static final class Planted {
        final String kind;
        final byte side;
        long tsStart, tsEnd;
        /** Explicit size in shares, or -1 to use the sum of the prints. */
        long explicitShares = -1;
        long printShares;
        long pxLow = Long.MAX_VALUE, pxHigh = Long.MIN_VALUE;
        int venues; // bit (c - 'A') per venue letter
        long[] orders = new long[4];
        int nOrders;
        long[] trades = new long[8];
        int nTrades;
        String note = "";
        /** False for a planned pattern that never happened (no print and no order): left out of the labels. */
        boolean happened;
        /** False when the price range describes the planted orders only (spoofs), not the prints. */
        boolean pricesFromPrints = true;

        Planted(String kind, byte side, long tsStart, long tsEnd) {
            this.kind = kind; this.side = side; this.tsStart = tsStart; this.tsEnd = tsEnd;
        }

        /** Forgets the orders and prices so far (a pattern that re-pegged before anything traded). */
        void restart(long ts) {
            tsStart = tsEnd = ts;
            nOrders = 0;
            venues = 0;
            pxLow = Long.MAX_VALUE; pxHigh = Long.MIN_VALUE;
            happened = false;
        }

        void venue(char c) { venues |= 1 << (c - 'A'); }

        void price(long px) { pxLow = Math.min(pxLow, px); pxHigh = Math.max(pxHigh, px); }

        void until(long ts) { tsEnd = Math.max(tsEnd, ts); }

        void order(long id, char venue, long px, long ts) {
            if (nOrders == orders.length) orders = Arrays.copyOf(orders, nOrders * 2);
            orders[nOrders++] = id;
            venue(venue);
            until(ts);
            happened = true;
        }

        void print(long tradeId, long ts, long px, long shares, char venue, boolean priced) {
            if (nTrades == trades.length) trades = Arrays.copyOf(trades, nTrades * 2);
            trades[nTrades++] = tradeId;
            printShares += shares;
            if (priced && pricesFromPrints) price(px);
            venue(venue);
            until(ts);
            happened = true;
        }

        GroundTruthLabel label(String instrument) {
            StringBuilder v = new StringBuilder();
            for (int b = 0; b < 26; b++) if ((venues & (1 << b)) != 0) v.append((char) ('A' + b));
            long shares = explicitShares >= 0 ? explicitShares : printShares;
            boolean px = pxLow <= pxHigh;
            return new GroundTruthLabel(kind, instrument, v.toString(), side, tsStart, Math.max(tsStart, tsEnd),
                    Px.ofUnits(shares), px ? pxLow : Px.NONE, px ? pxHigh : Px.NONE,
                    Arrays.copyOf(orders, nOrders), Arrays.copyOf(trades, nTrades), note);
        }
    }

    /** Registers a planted pattern; returns its tag (index). */
    int plant(Planted p) {
        planted.add(p);
        return planted.size() - 1;
    }

    Planted planted(int tag) { return planted.get(tag); }

    /**
     * The planted patterns of the session as labels, sorted by (tsStart, kind, tsEnd); complete once the simulator
     * has been drained ({@code next()} returned null). Kinds: {@code iceberg}, {@code sweep},
     * {@code off-exchange-block}, {@code spoof}, {@code absorption}, {@code meta-order}; the fields per kind are
     * documented in docs/simulator.md. Patterns that never happened (e.g. nothing to trade against) are left out.
     */
    public List<GroundTruthLabel> labels() {
        List<GroundTruthLabel> out = new ArrayList<>(planted.size());
        for (Planted p : planted) if (p.happened) out.add(p.label(instrument));
        out.sort(LABEL_ORDER);
        return Collections.unmodifiableList(out);
    }

    /** The order of {@link #labels()}: tsStart, then kind, then tsEnd (then size, so ties stay deterministic). */
    public static final java.util.Comparator<GroundTruthLabel> LABEL_ORDER = java.util.Comparator
            .comparingLong(GroundTruthLabel::tsStart).thenComparing(GroundTruthLabel::kind)
            .thenComparingLong(GroundTruthLabel::tsEnd).thenComparingLong(GroundTruthLabel::size)
            .thenComparing(GroundTruthLabel::venue);

    void recordPlanted(int tag, long tradeId, long ts, long px, long shares, char venue, boolean priced) {
        if (tag >= 0) planted.get(tag).print(tradeId, ts, px, shares, venue, priced);
    }

    void record(byte side, Agent a, int metaId) {
        if (count == aggressor.length) {
            int c = count * 2;
            aggressor = Arrays.copyOf(aggressor, c); agent = Arrays.copyOf(agent, c); meta = Arrays.copyOf(meta, c);
        }
        aggressor[count] = side; agent[count] = (byte) a.ordinal(); meta[count] = (byte) metaId;
        count++;
    }

    /**
     * Records that print {@code tradeId} (just passed to {@link #record}) belongs to aggressive parent order
     * {@code parent} (0 = none), for {@link #incidentalLabels()}.
     */
    void recordParent(int parent, long tradeId, long ts, long px, long shares, char venue, byte side, byte agentOrdinal, long cond) {
        int t = index(tradeId);
        if (t >= parentOf.length) parentOf = Arrays.copyOf(parentOf, Math.max(parentOf.length * 2, t + 1));
        parentOf[t] = parent;
        if (parent <= 0) return;
        if (parent >= pFirst.length) growParents(parent);
        if (pPrints[parent] == 0) {
            pFirst[parent] = ts;
            pLow[parent] = Long.MAX_VALUE; pHigh[parent] = Long.MIN_VALUE;
            pSide[parent] = side;
            pAgent[parent] = agentOrdinal;
        }
        pPrints[parent]++;
        pLast[parent] = Math.max(pLast[parent], ts);
        pShares[parent] += shares;
        pLow[parent] = Math.min(pLow[parent], px);
        pHigh[parent] = Math.max(pHigh[parent], px);
        pVenues[parent] |= 1 << (venue - 'A');
        pIso[parent] |= (cond & dev.periscope.model.SaleCondition.INTERMARKET_SWEEP.bit()) != 0;
        maxParent = Math.max(maxParent, parent);
    }

    private void growParents(int need) {
        int c = Math.max(pFirst.length * 2, need + 1);
        pFirst = Arrays.copyOf(pFirst, c); pLast = Arrays.copyOf(pLast, c); pShares = Arrays.copyOf(pShares, c);
        pLow = Arrays.copyOf(pLow, c); pHigh = Arrays.copyOf(pHigh, c); pVenues = Arrays.copyOf(pVenues, c);
        pPrints = Arrays.copyOf(pPrints, c); pSide = Arrays.copyOf(pSide, c); pAgent = Arrays.copyOf(pAgent, c);
        pIso = Arrays.copyOf(pIso, c);
    }

    /** The aggressive parent order a print belongs to (1, 2, 3, ... in routing order), or 0 (off-exchange, negotiated). */
    public int parentOrder(long tradeId) { return parentOf[index(tradeId)]; }

    /**
     * Sweeps that were not planted but happened: every aggressive parent order of the ordinary agents (noise,
     * arbitrage, meta-order children, absorption bursts, ...) that took liquidity on at least 2 lit venues or at at
     * least 2 prices, as kind {@code sweep} labels (note: agent, ISO or routed, venues, prices). The planted news
     * sweeps ({@link Agent#SWEEP}) are in {@link #labels()} and not repeated here. Scorers use these as
     * "don't care" truth: an alert they explain is a real sweep, neither a hit on a planted label nor a false alarm
     * (docs/evaluation.md §2). Complete once the simulator has been drained; sorted like {@link #labels()}.
     */
    public List<GroundTruthLabel> incidentalLabels() {
        int n = maxParent;
        // trade ids per parent by counting sort over the per-print parent ids
        int[] start = new int[n + 2];
        for (int t = 0; t < count; t++) if (parentOf[t] > 0) start[parentOf[t] + 1]++;
        for (int p = 1; p <= n + 1; p++) start[p] += start[p - 1];
        long[] ids = new long[start[n + 1]];
        int[] fill = Arrays.copyOf(start, n + 1);
        for (int t = 0; t < count; t++) if (parentOf[t] > 0) ids[fill[parentOf[t]]++] = t + 1;
        List<GroundTruthLabel> out = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            if (pPrints[p] == 0 || AGENTS[pAgent[p]] == Agent.SWEEP) continue;
            int venues = Integer.bitCount(pVenues[p]);
            boolean levels = pLow[p] < pHigh[p];
            if (venues < 2 && !levels) continue;
            StringBuilder v = new StringBuilder();
            for (int b = 0; b < 26; b++) if ((pVenues[p] & (1 << b)) != 0) v.append((char) ('A' + b));
            String note = AGENTS[pAgent[p]].name().toLowerCase(java.util.Locale.ROOT) + (pIso[p] ? " ISO sweep" : " routed order")
                    + ", " + pPrints[p] + " prints on " + venues + " venue(s)" + (levels ? ", several prices" : "");
            out.add(new GroundTruthLabel("sweep", instrument, v.toString(), pSide[p], pFirst[p], pLast[p],
                    Px.ofUnits(pShares[p]), pLow[p], pHigh[p], new long[0], Arrays.copyOfRange(ids, start[p], start[p + 1]), note));
        }
        out.sort(LABEL_ORDER);
        return Collections.unmodifiableList(out);
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
