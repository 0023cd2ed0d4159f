package dev.periscope.sim;

/**
 * The intraday activity profile: a multiplier of every arrival rate, tabulated per second from the start of
 * pre-market to the end of post-market. In the regular session it is the U shape
 * {@code a + b exp(-x/tauOpen) + c exp(-(1-x)/tauClose)} of the session fraction x, normalised to mean 1 (intraday
 * volume is highest after the open and before the close: Jain and Joh 1988; Admati and Pfleiderer 1988); outside
 * it is a constant {@code extendedActivity}. Also provides the inverse of the cumulative activity, used to time
 * VWAP-style child orders. Immutable.
 */
final class IntradayProfile {
    static final double BASE = 0.6, OPEN_BUMP = 2.0, CLOSE_BUMP = 1.3, TAU_OPEN = 0.04, TAU_CLOSE = 0.045;

    private final long startNanos;
    private final int openSec, closeSec;
    private final double[] perSecond;
    private final double[] cumulative; // cumulative[i] = sum of perSecond[0..i)

    IntradayProfile(long startNanos, long openNanos, long closeNanos, long endNanos, double extendedActivity) {
        this.startNanos = startNanos;
        int n = (int) ((endNanos - startNanos) / 1_000_000_000L) + 1;
        openSec = (int) ((openNanos - startNanos) / 1_000_000_000L);
        closeSec = (int) ((closeNanos - startNanos) / 1_000_000_000L);
        perSecond = new double[n];
        int reg = closeSec - openSec;
        double sum = 0;
        for (int i = openSec; i < closeSec; i++) {
            double x = (i - openSec + 0.5) / reg;
            perSecond[i] = u(x);
            sum += perSecond[i];
        }
        double mean = sum / reg;
        for (int i = 0; i < n; i++) perSecond[i] = i >= openSec && i < closeSec ? perSecond[i] / mean : extendedActivity;
        cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) cumulative[i + 1] = cumulative[i] + perSecond[i];
    }

    /** The un-normalised U shape at session fraction {@code x} in [0, 1]. */
    static double u(double x) {
        return BASE + OPEN_BUMP * StrictMath.exp(-x / TAU_OPEN) + CLOSE_BUMP * StrictMath.exp(-(1 - x) / TAU_CLOSE);
    }

    private int index(long nanos) {
        long i = (nanos - startNanos) / 1_000_000_000L;
        return (int) Math.max(0, Math.min(perSecond.length - 1, i));
    }

    /** Activity multiplier at an instant (regular-session mean = 1). */
    double activity(long nanos) { return perSecond[index(nanos)]; }

    boolean isRegular(long nanos) {
        long i = Math.floorDiv(nanos - startNanos, 1_000_000_000L);
        return i >= openSec && i < closeSec;
    }

    /** Cumulative activity (activity-seconds) from the start up to an instant. */
    double cumulative(long nanos) {
        long rel = nanos - startNanos;
        int i = index(nanos);
        double frac = (rel - i * 1_000_000_000L) / 1e9;
        return cumulative[i] + perSecond[i] * Math.max(0, Math.min(1, frac));
    }

    /** The instant at which the cumulative activity reaches {@code c} (inverse of {@link #cumulative(long)}). */
    long inverseCumulative(double c) {
        int lo = 0, hi = perSecond.length; // find largest i with cumulative[i] <= c
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= c) lo = mid; else hi = mid;
        }
        double frac = perSecond[lo] > 0 ? (c - cumulative[lo]) / perSecond[lo] : 0;
        return startNanos + lo * 1_000_000_000L + (long) (Math.max(0, Math.min(1, frac)) * 1e9);
    }
}
