package dev.periscope.analytics.micro;

/**
 * Classifies the current spread against its own recent history: z = (s - median) / (1.4826&middot;MAD) over a
 * rolling event-time window, TIGHT if z &le; -{@code tightZ}, WIDE if z &ge; {@code wideZ}, NORMAL otherwise.
 * Median and MAD (median absolute deviation, scaled by 1.4826 to estimate &sigma; under normality; Hampel 1974,
 * <i>JASA</i> 69(346); Rousseeuw &amp; Croux 1993, <i>JASA</i> 88(424)) are robust to the spikes that dominate spread
 * series. This replaces the spec's absolute %-thresholds, which call every tick-constrained low-priced stock WIDE
 * (audit MS-4).
 *
 * <p>Sampling: the baseline stores at most one sample per {@code sampleNanos} bucket (the first spread observed
 * in that bucket, floorDiv(t, sampleNanos)), and keeps samples with time &gt; t - {@code windowNanos}. So the
 * baseline is bounded (window / sample + 1 values) and a burst of quote updates does not swamp it. The spread being
 * classified is always the latest value given to {@link #update}. When the MAD is 0 (a spread pinned at one tick)
 * the scale is {@code minScale}, so any spread different from the median gives a large but finite z.
 *
 * <p>Units: whatever the caller feeds (bp from {@link Spreads#quotedBps} or ticks); {@code minScale} is in the
 * same unit. Defaults: 30 min window, 1 s samples, 30 samples to be ready, z thresholds 2 / 2, minScale 1e-6
 * (configuration, not calibrated truths). Allocation-free; median and MAD are recomputed (O(n) quickselect on a
 * scratch copy) only when a sample was added or evicted. Single-threaded.
 */
public final class SpreadRegime {
    /** Regime labels. */
    public enum Regime { TIGHT, NORMAL, WIDE }

    private static final double MAD_TO_SIGMA = 1.4826;

    private final long windowNanos, sampleNanos;
    private final int minSamples;
    private final double tightZ, wideZ, minScale;

    private final long[] sampleTs;
    private final double[] sampleVal;
    private final double[] scratch;
    private int head, count;
    private long lastBucket = Long.MIN_VALUE;
    private boolean dirty;
    private double median, scale, current;
    private boolean seen;

    /** Defaults: 30 min window, 1 s sampling, 30 samples, thresholds &plusmn;2, minScale 1e-6. */
    public SpreadRegime() { this(1_800_000_000_000L, 1_000_000_000L, 30, 2.0, 2.0, 1e-6); }

    public SpreadRegime(long windowNanos, long sampleNanos, int minSamples, double tightZ, double wideZ, double minScale) {
        if (windowNanos <= 0 || sampleNanos <= 0 || sampleNanos > windowNanos) throw new IllegalArgumentException("0 < sample <= window");
        if (minSamples < 1) throw new IllegalArgumentException("minSamples >= 1");
        if (!(tightZ > 0) || !(wideZ > 0) || !(minScale > 0) || !Double.isFinite(tightZ + wideZ + minScale)) {
            throw new IllegalArgumentException("thresholds and minScale must be finite and > 0");
        }
        this.windowNanos = windowNanos;
        this.sampleNanos = sampleNanos;
        this.tightZ = tightZ;
        this.wideZ = wideZ;
        this.minScale = minScale;
        long cap = windowNanos / sampleNanos + 2;
        if (cap > 10_000_000) throw new IllegalArgumentException("window / sample too large: " + cap);
        this.minSamples = (int) Math.min(minSamples, cap);
        sampleTs = new long[(int) cap];
        sampleVal = new double[(int) cap];
        scratch = new double[(int) cap];
    }

    /** A spread observation at event time {@code time} (epoch ns, non-decreasing). Finite values only. */
    public void update(long time, double spread) {
        if (!Double.isFinite(spread)) throw new IllegalArgumentException("spread must be finite: " + spread);
        current = spread;
        seen = true;
        while (count > 0 && sampleTs[head] <= time - windowNanos) {
            head = (head + 1) % sampleTs.length;
            count--;
            dirty = true;
        }
        long bucket = Math.floorDiv(time, sampleNanos);
        if (bucket != lastBucket) {
            lastBucket = bucket;
            if (count == sampleTs.length) { head = (head + 1) % sampleTs.length; count--; }
            int i = (head + count) % sampleTs.length;
            sampleTs[i] = time;
            sampleVal[i] = spread;
            count++;
            dirty = true;
        }
    }

    /** Number of samples in the window. */
    public int sampleCount() { return count; }

    /** True when the window holds at least {@code minSamples} samples. */
    public boolean isReady() { return seen && count >= minSamples; }

    /** Rolling median of the samples. */
    public double median() { refresh(); return median; }

    /** Robust scale 1.4826&middot;MAD, floored at {@code minScale}. */
    public double scale() { refresh(); return scale; }

    /** z of the latest spread against the rolling baseline. */
    public double zScore() { refresh(); return (current - median) / scale; }

    /** Regime of the latest spread. */
    public Regime regime() {
        double z = zScore();
        return z >= wideZ ? Regime.WIDE : z <= -tightZ ? Regime.TIGHT : Regime.NORMAL;
    }

    private void refresh() {
        if (!isReady()) throw new IllegalStateException("spread regime not ready: " + count + " of " + minSamples + " samples");
        if (!dirty) return;
        for (int k = 0; k < count; k++) scratch[k] = sampleVal[(head + k) % sampleVal.length];
        median = median(scratch, count);
        for (int k = 0; k < count; k++) scratch[k] = Math.abs(scratch[k] - median);
        scale = Math.max(MAD_TO_SIGMA * median(scratch, count), minScale);
        dirty = false;
    }

    /** Median of a[0..n) (mean of the two middle values for even n); reorders a. */
    static double median(double[] a, int n) {
        double hi = select(a, n, n / 2);
        if ((n & 1) == 1) return hi;
        double lo = a[0];                        // after select, a[0..n/2) are <= hi: take their max
        for (int k = 1; k < n / 2; k++) if (a[k] > lo) lo = a[k];
        return (lo + hi) / 2;
    }

    /** k-th smallest of a[0..n) by Hoare quickselect (median-of-three pivot); partially reorders a. */
    static double select(double[] a, int n, int k) {
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            double pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { swap(a, i, j); i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) { double t = a[i]; a[i] = a[j]; a[j] = t; }
}
