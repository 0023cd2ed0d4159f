package dev.periscope.sim;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Running totals of volume-updating prints (not {@code W} or {@code 4}): the session VWAP in dollars (for
 * average-price prints), all shares, and each meta-order's own shares (for POV execution).
 */
final class VolumeTally {
    private double vwapNum, vwapDen;
    private long volume;
    private final long[] metaDone;

    VolumeTally(int metaOrders) { metaDone = new long[metaOrders]; }

    void add(long price, long shares, long cond, Agent agent, int metaId) {
        if (!SaleCondition.updatesVolume(cond) || (cond & (Market.AVERAGE_PRICE | Market.DERIVATIVELY_PRICED)) != 0) return;
        vwapNum += Px.toDouble(price) * shares;
        vwapDen += shares;
        volume += shares;
        if (agent == Agent.META && metaId >= 0) metaDone[metaId] += shares;
    }

    boolean hasVolume() { return vwapDen != 0; }

    /** Session VWAP in dollars (only if {@link #hasVolume()}). */
    double vwap() { return vwapNum / vwapDen; }

    /** Shares of every counted print so far. */
    long volume() { return volume; }

    /** Shares of meta-order {@code m}'s own counted prints so far. */
    long metaDone(int m) { return metaDone[m]; }
}
