package dev.periscope.analytics.flow;

/**
 * Diagonal bid/ask imbalances and stacked imbalances of a {@link FootprintBar}. Immutable, stateless and
 * thread-safe; {@link #DEFAULT} is ratio 3 (300%), minimum volume 0, stacks of 3 rows, an empty opposite cell
 * counting as an imbalance.
 *
 * <p>Convention (diagonal comparison, as in ATAS "Imbalance" / Sierra Chart Numbers Bars "diagonal" bid-ask
 * comparison, NinjaTrader Order Flow Volumetric Bars "imbalance ratio"): buyers lift the ask, so the ask volume at
 * row r is compared with the bid volume one row <i>below</i>, at r - 1 (the bid that was the best bid when r was
 * the best ask):
 * <ul>
 *   <li><b>buy (ask) imbalance</b> at row r: askVol(r) &ge; ratio &middot; bidVol(r - 1) and askVol(r) &ge; minVolume;</li>
 *   <li><b>sell (bid) imbalance</b> at row r: bidVol(r) &ge; ratio &middot; askVol(r + 1) and bidVol(r) &ge; minVolume.</li>
 * </ul>
 * A missing or zero opposite cell is an infinite ratio: it is an imbalance when {@code zeroOppositeCounts}
 * (default) and never otherwise. A zero own volume is never an imbalance. Rows are consecutive row indices
 * (row size = the bar's), so an empty row between breaks a diagonal and a stack.
 * <p><b>Stacked imbalance</b>: &ge; {@code minStack} consecutive rows each with a buy (or each with a sell)
 * imbalance.
 */
public final class DiagonalImbalance {
    /** Ratio 3.0, minimum volume 0, stacks of 3, zero opposite counts. */
    public static final DiagonalImbalance DEFAULT = new DiagonalImbalance(3.0, 0, 3, true);

    private final double ratio;
    private final long minVolume;
    private final int minStack;
    private final boolean zeroOppositeCounts;

    /**
     * @param ratio              threshold ratio &gt; 1 (e.g. 3.0 for 3:1)
     * @param minVolume          minimum own-side volume for a cell to qualify (fixed point, &ge; 0)
     * @param minStack           rows in a stacked imbalance (&ge; 1)
     * @param zeroOppositeCounts whether an empty opposite cell makes an imbalance
     */
    public DiagonalImbalance(double ratio, long minVolume, int minStack, boolean zeroOppositeCounts) {
        if (!(ratio >= 1) || !Double.isFinite(ratio)) throw new IllegalArgumentException("ratio must be >= 1: " + ratio);
        if (minVolume < 0) throw new IllegalArgumentException("minVolume < 0");
        if (minStack < 1) throw new IllegalArgumentException("minStack < 1");
        this.ratio = ratio;
        this.minVolume = minVolume;
        this.minStack = minStack;
        this.zeroOppositeCounts = zeroOppositeCounts;
    }

    public double ratio() { return ratio; }
    public long minVolume() { return minVolume; }
    public int minStack() { return minStack; }
    public boolean zeroOppositeCounts() { return zeroOppositeCounts; }

    /** Buy imbalance at level {@code i} of {@code bar}: its ask volume vs the bid volume one row below. */
    public boolean isBuyImbalance(FootprintBar bar, int i) {
        long own = bar.askVolume(i);
        int j = bar.levelOfRow(bar.row(i) - 1);
        return qualifies(own, j < 0 ? 0 : bar.bidVolume(j));
    }

    /** Sell imbalance at level {@code i}: its bid volume vs the ask volume one row above. */
    public boolean isSellImbalance(FootprintBar bar, int i) {
        long own = bar.bidVolume(i);
        int j = bar.levelOfRow(bar.row(i) + 1);
        return qualifies(own, j < 0 ? 0 : bar.askVolume(j));
    }

    private boolean qualifies(long own, long opposite) {
        if (own <= 0 || own < minVolume) return false;
        if (opposite == 0) return zeroOppositeCounts;
        return own >= ratio * (double) opposite;
    }

    /** Number of buy-imbalance levels in the bar. */
    public int countBuy(FootprintBar bar) {
        int c = 0;
        for (int i = 0; i < bar.levelCount(); i++) if (isBuyImbalance(bar, i)) c++;
        return c;
    }

    /** Number of sell-imbalance levels in the bar. */
    public int countSell(FootprintBar bar) {
        int c = 0;
        for (int i = 0; i < bar.levelCount(); i++) if (isSellImbalance(bar, i)) c++;
        return c;
    }

    /**
     * Finds stacked buy imbalances, lowest first; writes each stack's lowest and highest row index into
     * {@code lowRows[k]}, {@code highRows[k]} while there is room. Returns the number of stacks found (may exceed
     * the arrays' length). Allocation-free.
     */
    public int stackedBuy(FootprintBar bar, long[] lowRows, long[] highRows) { return stacks(bar, true, lowRows, highRows); }

    /** As {@link #stackedBuy} for sell imbalances. */
    public int stackedSell(FootprintBar bar, long[] lowRows, long[] highRows) { return stacks(bar, false, lowRows, highRows); }

    private int stacks(FootprintBar bar, boolean buy, long[] lowRows, long[] highRows) {
        int found = 0, run = 0;
        long runStart = 0, prevRow = 0;
        int n = bar.levelCount();
        for (int i = 0; i <= n; i++) {
            boolean imb = i < n && (buy ? isBuyImbalance(bar, i) : isSellImbalance(bar, i));
            long row = i < n ? bar.row(i) : 0;
            if (imb && run > 0 && row == prevRow + 1) {
                run++;
            } else {
                if (run >= minStack) {
                    if (found < lowRows.length && found < highRows.length) {
                        lowRows[found] = runStart;
                        highRows[found] = prevRow;
                    }
                    found++;
                }
                run = imb ? 1 : 0;
                runStart = row;
            }
            prevRow = row;
        }
        return found;
    }
}
