package dev.periscope.analytics.micro;

import dev.periscope.model.Px;

/**
 * Stoikov's micro-price: P<sup>micro</sup> = M + g*(I, S), the limit of expected future mid prices given the
 * current imbalance I = Q<sub>b</sub>/(Q<sub>b</sub> + Q<sub>a</sub>) and spread S (Stoikov 2018, "The micro-price:
 * a high-frequency estimator of future prices", <i>Quantitative Finance</i> 18(12), eq. and estimation procedure of
 * sections 2-3). An immutable fitted model; fit it with an {@link Estimator}. Thread-safe once built.
 *
 * <p>Estimation (as in the paper): states x = (imbalance bin, spread in ticks); from consecutive samples count
 * transitions with no mid change (Q), mid changes k &isin; {-1, -1/2, +1/2, +1} ticks (R1) and the state reached on a
 * mid change (R2); the data are symmetrised (each sample also counted with I &rarr; 1 - I, i.e. bin &rarr;
 * bins-1-bin, and the mid change negated). Then g<sub>1</sub> = (1 - Q)<sup>-1</sup> R1 K,
 * B = (1 - Q)<sup>-1</sup> R2 and g* = &Sigma;<sub>i&ge;0</sub> B<sup>i</sup> g<sub>1</sub>, summed here until the
 * increment is below 1e-12 ticks (the paper's example stops after 6 terms). Samples whose spread is outside
 * 1..spreadStates ticks, or whose mid moves more than one tick, are ignored. Imbalance bins are equal-width:
 * bin = min(bins - 1, floor(I &middot; bins)).
 */
public final class StoikovMicroprice {
    private static final int[] HALF_TICKS = {-2, -1, 1, 2};     // mid changes kept, in half ticks (k = -1..+1 tick)

    private final long tick;
    private final int bins, spreads;
    private final double[] gStar;          // ticks, index (spread - 1) * bins + bin

    private StoikovMicroprice(long tick, int bins, int spreads, double[] gStar) {
        this.tick = tick;
        this.bins = bins;
        this.spreads = spreads;
        this.gStar = gStar;
    }

    /** Imbalance bin of a quote, or -1 if sizes are not positive. */
    static int bin(long bidSize, long askSize, int bins) {
        if (bidSize <= 0 || askSize <= 0) return -1;
        double i = (double) bidSize / ((double) bidSize + (double) askSize);
        return Math.min(bins - 1, (int) (i * bins));
    }

    /** g*(state) in ticks for spread {@code spreadTicks} (1..spreadStates) and imbalance bin. */
    public double adjustmentTicks(int spreadTicks, int bin) {
        if (spreadTicks < 1 || spreadTicks > spreads || bin < 0 || bin >= bins) throw new IllegalArgumentException("state out of range");
        return gStar[(spreadTicks - 1) * bins + bin];
    }

    /** True when the quote maps to a fitted state (valid quote, positive sizes, spread 1..spreadStates ticks). */
    public boolean isDefined(long bid, long bidSize, long ask, long askSize) {
        if (!Spreads.isValidQuote(bid, ask) || bid == ask || bidSize <= 0 || askSize <= 0) return false;
        long s = ask - bid;
        return s % tick == 0 && s / tick <= spreads;
    }

    /** Micro-price in price units; throws if not {@link #isDefined}. */
    public double microprice(long bid, long bidSize, long ask, long askSize) {
        if (!isDefined(bid, bidSize, ask, askSize)) throw new IllegalArgumentException("quote outside the fitted states");
        int s = (int) ((ask - bid) / tick);
        double mid = ((double) bid + (double) ask) / 2 / Px.SCALE;
        return mid + adjustmentTicks(s, bin(bidSize, askSize, bins)) * Px.toDouble(tick);
    }

    public int imbalanceBins() { return bins; }

    public int spreadStates() { return spreads; }

    /**
     * Accumulates transition counts from consecutive top-of-book samples (e.g. every quote change, or a fixed
     * time grid). Allocation-free per sample; {@link #fit()} allocates.
     */
    public static final class Estimator {
        private final long tick;
        private final int bins, spreads, n;
        private final long[] q, r1, r2;     // q[x*n+y], r1[x*4+k], r2[x*n+y]
        private int prevState = -1;
        private long prevSum;
        private long used;

        /**
         * @param tick          tick size (fixed point, &gt; 0)
         * @param imbalanceBins number of equal-width imbalance bins (&ge; 2; the paper uses 10)
         * @param spreadStates  spreads of 1..spreadStates ticks are states (&ge; 1; the paper uses 2)
         */
        public Estimator(long tick, int imbalanceBins, int spreadStates) {
            if (tick <= 0 || imbalanceBins < 2 || spreadStates < 1) throw new IllegalArgumentException("tick > 0, bins >= 2, spreads >= 1");
            this.tick = tick;
            this.bins = imbalanceBins;
            this.spreads = spreadStates;
            this.n = imbalanceBins * spreadStates;
            q = new long[n * n];
            r1 = new long[n * 4];
            r2 = new long[n * n];
        }

        /** Next sample of the top of book. Undefined quotes break the chain (the next pair starts afresh). */
        public void observe(long bid, long bidSize, long ask, long askSize) {
            int state = -1;
            if (Spreads.isValidQuote(bid, ask) && bid < ask && (ask - bid) % tick == 0 && (ask - bid) / tick <= spreads) {
                int b = bin(bidSize, askSize, bins);
                if (b >= 0) state = (int) ((ask - bid) / tick - 1) * bins + b;
            }
            if (state < 0) { prevState = -1; return; }
            long sum = bid + ask;
            if (prevState >= 0) record(prevState, state, (sum - prevSum) / tick, (sum - prevSum) % tick == 0);
            prevState = state;
            prevSum = sum;
        }

        /** Breaks the chain of samples (e.g. at a session boundary). */
        public void reset() { prevState = -1; }

        /** Transitions counted (before symmetrisation). */
        public long transitions() { return used; }

        private void record(int x, int y, long halfTicks, boolean onGrid) {
            if (!onGrid || halfTicks < -2 || halfTicks > 2) return;
            used++;
            int xf = flip(x), yf = flip(y);
            if (halfTicks == 0) {
                q[x * n + y]++;
                q[xf * n + yf]++;
            } else {
                int k = kIndex((int) halfTicks), kf = kIndex((int) -halfTicks);
                r1[x * 4 + k]++; r2[x * n + y]++;
                r1[xf * 4 + kf]++; r2[xf * n + yf]++;
            }
        }

        private int flip(int state) {
            int s = state / bins, b = state % bins;
            return s * bins + (bins - 1 - b);
        }

        private static int kIndex(int halfTicks) {
            return halfTicks < 0 ? halfTicks + 2 : halfTicks + 1;
        }

        /** Fits the model. Throws {@link IllegalStateException} if the data leave (1 - Q) singular or g* divergent. */
        public StoikovMicroprice fit() {
            double[][] a = new double[n][n];        // 1 - Q
            double[] rk = new double[n];            // R1 K, ticks
            double[][] r2p = new double[n][n];
            for (int x = 0; x < n; x++) {
                long tot = 0;
                for (int y = 0; y < n; y++) tot += q[x * n + y] + r2[x * n + y];
                a[x][x] = 1;
                if (tot == 0) continue;             // unseen state: g* = 0
                for (int y = 0; y < n; y++) {
                    a[x][y] -= (double) q[x * n + y] / tot;
                    r2p[x][y] = (double) r2[x * n + y] / tot;
                }
                for (int k = 0; k < 4; k++) rk[x] += r1[x * 4 + k] / (double) tot * (HALF_TICKS[k] / 2.0);
            }
            double[] g1 = solve(a, rk);
            double[][] b = new double[n][];
            for (int j = 0; j < n; j++) {          // B = (1 - Q)^-1 R2, column by column
                double[] col = new double[n];
                for (int x = 0; x < n; x++) col[x] = r2p[x][j];
                b[j] = solve(a, col);
            }
            double[] g = g1.clone(), term = g1.clone();
            for (int it = 0; it < 10_000; it++) {
                double[] next = new double[n];
                double max = 0;
                for (int x = 0; x < n; x++) {
                    double v = 0;
                    for (int j = 0; j < n; j++) v += b[j][x] * term[j];
                    next[x] = v;
                    max = Math.max(max, Math.abs(v));
                }
                for (int x = 0; x < n; x++) g[x] += next[x];
                term = next;
                if (max < 1e-12) return new StoikovMicroprice(tick, bins, spreads, g);
            }
            throw new IllegalStateException("micro-price series did not converge (too little or one-sided data)");
        }

        /** Gaussian elimination with partial pivoting; a is not modified. */
        private static double[] solve(double[][] a0, double[] b0) {
            int m = b0.length;
            double[][] a = new double[m][];
            for (int i = 0; i < m; i++) a[i] = a0[i].clone();
            double[] b = b0.clone();
            for (int c = 0; c < m; c++) {
                int p = c;
                for (int r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
                if (Math.abs(a[p][c]) < 1e-12) throw new IllegalStateException("(1 - Q) is singular: a state never leaves without a mid change");
                double[] t = a[c]; a[c] = a[p]; a[p] = t;
                double tb = b[c]; b[c] = b[p]; b[p] = tb;
                for (int r = c + 1; r < m; r++) {
                    double f = a[r][c] / a[c][c];
                    if (f == 0) continue;
                    for (int k = c; k < m; k++) a[r][k] -= f * a[c][k];
                    b[r] -= f * b[c];
                }
            }
            double[] x = new double[m];
            for (int r = m - 1; r >= 0; r--) {
                double s = b[r];
                for (int k = r + 1; k < m; k++) s -= a[r][k] * x[k];
                x[r] = s / a[r][r];
            }
            return x;
        }
    }
}
