package dev.periscope.analytics.micro;

import dev.periscope.book.OrderBookView;
import dev.periscope.model.Side;

/**
 * Order-book queue imbalance. Three variants, all in [-1, 1] (positive = more resting bid size):
 * <ul>
 *   <li>{@link #level1()} best-level queue imbalance I = (Q<sub>b</sub> - Q<sub>a</sub>) / (Q<sub>b</sub> + Q<sub>a</sub>)
 *       (Gould &amp; Bonart 2016, "Queue imbalance as a one-tick-ahead price predictor in a limit order book",
 *       <i>Market Microstructure and Liquidity</i> 2(2));</li>
 *   <li>{@link #depth()} the same over the summed sizes of the best {@code levels} levels per side
 *       (Cao, Hansch &amp; Wang 2009, <i>J. Futures Markets</i> 29(1));</li>
 *   <li>{@link #weighted()} depth-weighted: &Sigma;<sub>k</sub> w<sub>k</sub>(Q<sub>b,k</sub> - Q<sub>a,k</sub>) /
 *       &Sigma;<sub>k</sub> w<sub>k</sub>(Q<sub>b,k</sub> + Q<sub>a,k</sub>), w<sub>k</sub> = decay<sup>k</sup> for
 *       level k = 0 (best) .. levels-1, so far levels (easily spoofed) count less (audit OF-13).</li>
 * </ul>
 * Levels are counted by book level (the k-th best price present), not by distance in ticks.
 *
 * <p>Empty or crossed books are guarded: the values are defined only when {@link #isReady()} (both best levels
 * present with size &gt; 0 and best bid &le; best ask); otherwise the accessors throw. No NaN is ever returned.
 * Defaults: 5 levels, decay 0.5 (configuration, not a calibrated truth). Allocation-free; single-threaded.
 */
public final class BookImbalance {
    public static final int DEFAULT_LEVELS = 5;
    public static final double DEFAULT_DECAY = 0.5;

    private final int levels;
    private final double[] weights;
    private boolean ready;
    private double level1, depth, weighted;

    public BookImbalance() { this(DEFAULT_LEVELS, DEFAULT_DECAY); }

    /** @param levels levels per side (&ge; 1); @param decay weight ratio between consecutive levels, in (0, 1] */
    public BookImbalance(int levels, double decay) {
        if (levels < 1) throw new IllegalArgumentException("levels must be >= 1: " + levels);
        if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("decay must be in (0, 1]: " + decay);
        this.levels = levels;
        this.weights = new double[levels];
        double w = 1;
        for (int k = 0; k < levels; k++) { weights[k] = w; w *= decay; }
    }

    public int levels() { return levels; }

    /** Recomputes from a book. Returns {@link #isReady()}. */
    public boolean update(OrderBookView book) {
        long qb = book.size(Side.BUY, 0), qa = book.size(Side.SELL, 0);
        if (!validTop(book.price(Side.BUY, 0), qb, book.price(Side.SELL, 0), qa)) return ready = false;
        level1 = ratio(qb, qa);
        double sb = 0, sa = 0, wb = 0, wa = 0;
        int nb = Math.min(levels, book.depth(Side.BUY)), na = Math.min(levels, book.depth(Side.SELL));
        for (int k = 0; k < nb; k++) { double s = book.size(Side.BUY, k); sb += s; wb += weights[k] * s; }
        for (int k = 0; k < na; k++) { double s = book.size(Side.SELL, k); sa += s; wa += weights[k] * s; }
        depth = (sb - sa) / (sb + sa);
        weighted = (wb - wa) / (wb + wa);
        return ready = true;
    }

    /**
     * Recomputes from a top-of-book quote only (e.g. an NBBO); then all three variants equal the level-1
     * imbalance. Prices may be {@code Px.NONE} for a missing side. Returns {@link #isReady()}.
     */
    public boolean updateTop(long bidPx, long bidSize, long askPx, long askSize) {
        if (!validTop(bidPx, bidSize, askPx, askSize)) return ready = false;
        level1 = depth = weighted = ratio(bidSize, askSize);
        return ready = true;
    }

    static boolean validTop(long bidPx, long bidSize, long askPx, long askSize) {
        return bidPx != dev.periscope.model.Px.NONE && askPx != dev.periscope.model.Px.NONE
                && bidSize > 0 && askSize > 0 && bidPx <= askPx;
    }

    private static double ratio(long qb, long qa) {
        return ((double) qb - (double) qa) / ((double) qb + (double) qa);
    }

    /** True when the last update saw a two-sided, uncrossed book with positive best sizes. */
    public boolean isReady() { return ready; }

    /** Best-level queue imbalance in [-1, 1]. */
    public double level1() { check(); return level1; }

    /** Unweighted imbalance of the top {@link #levels()} levels in [-1, 1]. */
    public double depth() { check(); return depth; }

    /** Geometrically depth-weighted imbalance of the top {@link #levels()} levels in [-1, 1]. */
    public double weighted() { check(); return weighted; }

    private void check() { if (!ready) throw new IllegalStateException("book imbalance not ready (empty, one-sided or crossed book)"); }
}
