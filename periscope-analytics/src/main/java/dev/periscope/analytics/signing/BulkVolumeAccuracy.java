package dev.periscope.analytics.signing;

import java.util.OptionalDouble;

/**
 * Bar-level accuracy of an estimated buy volume against the true one, as used to evaluate BVC (Easley, López de
 * Prado &amp; O'Hara 2016, JFE 120(2); Chakrabarty, Pascual &amp; Shkilko 2015):
 * {@code AR = sum_bars [min(V_B, est_B) + min(V_S, est_S)] / sum_bars V = 1 - sum |V_B - est_B| / sum V}.
 * Only bars passed to {@link #record} count (pass classified bars only). Mutable, single-threaded,
 * allocation-free.
 */
public final class BulkVolumeAccuracy {
    private double absError;
    private double volume;
    private long bars;

    /**
     * Adds one bar: true buy volume, estimated buy volume and total volume (same units, 0 &lt;= buy &lt;= total).
     */
    public void record(double trueBuyVolume, double estimatedBuyVolume, double barVolume) {
        if (!(barVolume >= 0) || !(trueBuyVolume >= 0) || !(estimatedBuyVolume >= 0)
                || trueBuyVolume > barVolume * (1 + 1e-12) || estimatedBuyVolume > barVolume * (1 + 1e-12)
                || Double.isInfinite(barVolume)) {
            throw new IllegalArgumentException("bad bar volumes: true buy " + trueBuyVolume + ", estimated buy "
                    + estimatedBuyVolume + ", volume " + barVolume);
        }
        absError += Math.abs(trueBuyVolume - estimatedBuyVolume);
        volume += barVolume;
        bars++;
    }

    public long bars() { return bars; }

    /** Total volume of the recorded bars. */
    public double volume() { return volume; }

    /** 1 - sum|V_B - est_B| / sum V, or empty without volume. */
    public OptionalDouble accuracy() {
        return volume > 0 ? OptionalDouble.of(1.0 - absError / volume) : OptionalDouble.empty();
    }
}
