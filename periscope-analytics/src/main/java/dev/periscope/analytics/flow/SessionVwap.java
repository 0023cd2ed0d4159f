package dev.periscope.analytics.flow;

import dev.periscope.model.Px;

/**
 * Session volume-weighted average price with standard-deviation bands, reset when the session key changes.
 *
 * <p>VWAP = &Sigma; p<sub>i</sub>v<sub>i</sub> / &Sigma; v<sub>i</sub>; &sigma;<sup>2</sup> =
 * &Sigma; v<sub>i</sub>(p<sub>i</sub> - VWAP)<sup>2</sup> / &Sigma; v<sub>i</sub> (the volume-weighted population
 * variance of trade prices around the VWAP, the usual "VWAP standard deviation bands"); band k = VWAP &plusmn;
 * k&middot;&sigma;. Both are updated incrementally with West's weighted algorithm (D.H.D. West, "Updating mean and
 * variance estimates: an improved method", Comm. ACM 22(9), 1979), on prices taken relative to the session's first
 * price, so no &Sigma;p<sup>2</sup>v - (&Sigma;pv)<sup>2</sup> cancellation occurs.
 *
 * <p>A print contributes when its {@link PrintFlags} contain both {@link PrintFlags#VOLUME} and
 * {@link PrintFlags#LAST} (its price is a current market price and its size counts: average-price, prior-reference
 * and similar prints are excluded). Outputs are in price units (double, e.g. dollars); they are valid only when
 * {@link #isReady()} (at least one eligible print this session). Allocation-free; single-threaded.
 */
public final class SessionVwap {
    private static final int NO_SESSION = Integer.MIN_VALUE;
    private static final int REQUIRED = PrintFlags.VOLUME | PrintFlags.LAST;

    private final double[] bandMultipliers;
    private int sessionKey = NO_SESSION;
    private long refPx;          // first eligible price of the session, fixed point
    private long volume;         // fixed point
    private double weight;       // volume in units of 1.0 (double)
    private double mean;         // VWAP - ref, price units
    private double m2;           // sum of w (x - mean)^2, price^2 x volume units
    private long trades;

    /** VWAP with bands at &plusmn;1, &plusmn;2 and &plusmn;3 &sigma;. */
    public SessionVwap() { this(1, 2, 3); }

    /** VWAP with bands at &plusmn;k&sigma; for each given k &gt; 0 (copied). */
    public SessionVwap(double... bandMultipliers) {
        for (double k : bandMultipliers) {
            if (!(k > 0) || !Double.isFinite(k)) throw new IllegalArgumentException("band multiplier must be > 0: " + k);
        }
        this.bandMultipliers = bandMultipliers.clone();
    }

    /**
     * Adds one print.
     *
     * @param price      fixed-point price
     * @param size       fixed-point size, &ge; 0 (0 is ignored)
     * @param flags      {@link PrintFlags}; needs VOLUME and LAST to contribute
     * @param sessionKey session of the print; a new key resets the VWAP first
     */
    public void onTrade(long price, long size, int flags, int sessionKey) {
        if (size < 0) throw new IllegalArgumentException("negative size " + size);
        if (sessionKey != this.sessionKey) resetSession(sessionKey);
        if ((flags & REQUIRED) != REQUIRED || size == 0) return;
        if (trades == 0) refPx = price;
        trades++;
        volume = Math.addExact(volume, size);
        double w = size / (double) Px.SCALE;
        double x = (price - refPx) / (double) Px.SCALE;
        double newWeight = weight + w;
        double delta = x - mean;
        double r = delta * w / newWeight;
        mean += r;
        m2 += weight * delta * r;   // West (1979): M2 += W_old * delta * (w / W_new) * delta
        weight = newWeight;
    }

    /** Clears the state and starts session {@code key}. */
    public void resetSession(int key) {
        sessionKey = key;
        refPx = 0; volume = 0; weight = 0; mean = 0; m2 = 0; trades = 0;
    }

    /** True once a VWAP-eligible print has been seen this session. */
    public boolean isReady() { return trades > 0; }

    public int sessionKey() { return sessionKey; }

    /** Number of eligible prints this session. */
    public long tradeCount() { return trades; }

    /** Eligible volume this session (fixed point). */
    public long volume() { return volume; }

    /** Session VWAP in price units. */
    public double vwap() {
        requireReady();
        return refPx / (double) Px.SCALE + mean;
    }

    /** Volume-weighted population variance of price around the VWAP (price units squared). */
    public double variance() {
        requireReady();
        return Math.max(0.0, m2 / weight);
    }

    /** Volume-weighted standard deviation of price around the VWAP (price units). */
    public double stdDev() { return Math.sqrt(variance()); }

    /** VWAP + k&sigma;. */
    public double band(double k) { return vwap() + k * stdDev(); }

    /** Number of configured band multipliers. */
    public int bandCount() { return bandMultipliers.length; }

    /** The i-th configured multiplier k. */
    public double bandMultiplier(int i) { return bandMultipliers[i]; }

    /** VWAP + k<sub>i</sub>&sigma;. */
    public double upperBand(int i) { return band(bandMultipliers[i]); }

    /** VWAP - k<sub>i</sub>&sigma;. */
    public double lowerBand(int i) { return band(-bandMultipliers[i]); }

    private void requireReady() {
        if (trades == 0) throw new IllegalStateException("no VWAP-eligible print this session");
    }
}
