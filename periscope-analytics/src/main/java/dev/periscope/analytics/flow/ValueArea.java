package dev.periscope.analytics.flow;

/**
 * Point of control and value area of a volume profile. Stateless and thread-safe; {@link #DEFAULT} uses 70%.
 *
 * <p>Source: CBOT Market Profile volume value area as described in Dalton, Jones &amp; Dalton, <i>Mind Over
 * Markets</i> (appendix), corrected in the playbook audit OF-9/OF-10 (oracle: volumes 50,10,20,60,100,30,10,5,70,5
 * at rows 100..109 give POC 104, VAL 100, VAH 106).
 *
 * <p><b>Input.</b> A profile is given as rows sorted strictly ascending ({@code long} row indices, e.g. price /
 * tick or price / row size) with their volumes (&ge; 0, fixed point). Row indices missing between the first and the
 * last row are rows with zero volume: the ladder is every integer row from {@code rows[0]} to {@code rows[n-1]}.
 *
 * <p><b>Point of control (POC).</b> The row with the largest volume. Ties: the tied row nearest the midpoint of
 * the profile's range (rows[0] + rows[n-1]) / 2; if two tied rows are equally near (one above, one below the
 * midpoint), the one on the side of the midpoint holding more total volume (rows strictly above vs strictly
 * below); if that is equal too, the lower row. (Audit OF-9; Linn Software Q&amp;A 123 "closest to the center".)
 *
 * <p><b>Value area.</b> Start with the POC row. Repeatedly compare the sum of the two rows immediately above the
 * current area with the two rows immediately below (fewer if the ladder ends; a side with no rows left is not
 * eligible) and add the larger pair; a tie adds the higher (upper) pair (mypivots DVATool rule). Stop as soon as
 * the area holds &ge; the target fraction of total volume (checked in exact integer arithmetic, no 0.7&times;360
 * rounding). VAL and VAH are the lowest and highest rows added; a pair is always added whole, so VAH or VAL may be
 * a zero-volume row. Runs of empty rows are skipped in O(1), so cost is O(n) in the number of given rows.
 */
public final class ValueArea {
    /** 70% value area. */
    public static final ValueArea DEFAULT = new ValueArea(7000);

    private final int basisPoints;

    /** A value area holding {@code basisPoints}/10000 of the volume (7000 = 70%, 6800 = 68%), in 1..10000. */
    public ValueArea(int basisPoints) {
        if (basisPoints < 1 || basisPoints > 10_000) throw new IllegalArgumentException("basis points 1..10000: " + basisPoints);
        this.basisPoints = basisPoints;
    }

    public int basisPoints() { return basisPoints; }

    /** Mutable result holder; reuse one per caller to stay allocation-free. */
    public static final class Result {
        boolean valid;
        long pocRow, lowRow, highRow, volume, totalVolume;
        int pocIndex;

        /** False for an empty profile (no volume): then no other accessor is meaningful. */
        public boolean isValid() { return valid; }
        /** POC row index. */
        public long pocRow() { check(); return pocRow; }
        /** Index of the POC in the input arrays. */
        public int pocIndex() { check(); return pocIndex; }
        /** Value-area low (VAL) row index. */
        public long lowRow() { check(); return lowRow; }
        /** Value-area high (VAH) row index. */
        public long highRow() { check(); return highRow; }
        /** Volume inside [VAL, VAH]. */
        public long volume() { check(); return volume; }
        /** Total profile volume. */
        public long totalVolume() { check(); return totalVolume; }

        private void check() { if (!valid) throw new IllegalStateException("empty profile: no POC or value area"); }

        @Override
        public String toString() {
            return valid ? "ValueArea[poc=" + pocRow + " val=" + lowRow + " vah=" + highRow + " vol=" + volume + "/" + totalVolume + "]"
                    : "ValueArea[empty]";
        }
    }

    /**
     * POC index into {@code rows}/{@code volumes} with the documented tie rule, or -1 when the total volume is 0.
     */
    public static int pocIndex(long[] rows, long[] volumes, int n) {
        long max = 0;
        for (int i = 0; i < n; i++) if (volumes[i] > max) max = volumes[i];
        if (max == 0) return -1;
        long twiceMid = rows[0] + rows[n - 1];          // compare 2*row against lo+hi to stay in integers
        int best = -1;
        long bestDist = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (volumes[i] != max) continue;
            long dist = Math.abs(2 * rows[i] - twiceMid);
            if (dist < bestDist) { best = i; bestDist = dist; }
            else if (dist == bestDist) {
                // the only possible equal-distance pair: best below the midpoint, i above it
                long above = 0, below = 0;
                for (int j = 0; j < n; j++) {
                    long d2 = 2 * rows[j] - twiceMid;
                    if (d2 > 0) above += volumes[j];
                    else if (d2 < 0) below += volumes[j];
                }
                if (above > below) best = i;   // else keep the lower row
            }
        }
        return best;
    }

    /**
     * Computes POC, VAL and VAH of the profile {@code rows[0..n)}, {@code volumes[0..n)} into {@code out}.
     *
     * @return {@code out.isValid()}: false when the profile has no volume
     */
    public boolean compute(long[] rows, long[] volumes, int n, Result out) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (volumes[i] < 0) throw new IllegalArgumentException("negative volume at row " + rows[i]);
            if (i > 0 && rows[i] <= rows[i - 1]) throw new IllegalArgumentException("rows not strictly ascending at " + i);
            total = Math.addExact(total, volumes[i]);
        }
        int p = pocIndex(rows, volumes, n);
        out.valid = p >= 0;
        if (p < 0) return false;
        long minRow = rows[0], maxRow = rows[n - 1];
        long lo = rows[p], hi = rows[p];
        int ia = p + 1, ib = p - 1;                      // next given row above hi / below lo
        long va = volumes[p];
        while (!reached(va, total)) {
            long upRows = Math.min(2, maxRow - hi), downRows = Math.min(2, lo - minRow);
            if (upRows == 0 && downRows == 0) break;     // unreachable: all rows included means va == total
            long up = 0, down = 0;
            for (int k = ia; k < n && rows[k] <= hi + upRows; k++) up += volumes[k];
            for (int k = ib; k >= 0 && rows[k] >= lo - downRows; k--) down += volumes[k];
            boolean takeUp = upRows > 0 && (downRows == 0 || up >= down);
            if (takeUp) {
                if (up == 0 && ia < n) {                  // empty gap: skip whole empty pairs at once
                    long gap = rows[ia] - hi - 1;
                    hi += gap - (gap % 2);
                    if (gap >= 2) continue;
                }
                hi += upRows;
                while (ia < n && rows[ia] <= hi) ia++;
                va += up;
            } else {
                if (down == 0 && ib >= 0) {
                    long gap = lo - rows[ib] - 1;
                    lo -= gap - (gap % 2);
                    if (gap >= 2) continue;
                }
                lo -= downRows;
                while (ib >= 0 && rows[ib] >= lo) ib--;
                va += down;
            }
        }
        out.pocIndex = p;
        out.pocRow = rows[p];
        out.lowRow = lo;
        out.highRow = hi;
        out.volume = va;
        out.totalVolume = total;
        return true;
    }

    /** va / total &ge; basisPoints / 10000, exactly (128-bit products). */
    private boolean reached(long va, long total) {
        long aHi = Math.multiplyHigh(va, 10_000L), aLo = va * 10_000L;
        long bHi = Math.multiplyHigh(total, basisPoints), bLo = total * basisPoints;
        return aHi != bHi ? aHi > bHi : Long.compareUnsigned(aLo, bLo) >= 0;
    }
}
