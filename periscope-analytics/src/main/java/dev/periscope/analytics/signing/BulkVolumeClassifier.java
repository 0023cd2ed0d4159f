package dev.periscope.analytics.signing;

import dev.periscope.model.Px;

/**
 * Bulk Volume Classification (Easley, López de Prado &amp; O'Hara 2012, RFS 25(5); 2016, JFE 120(2)): the buy
 * volume of a bar is {@code V_B = V * F(dP / sigma_dP)}, sell volume {@code V - V_B}, where {@code dP} is the
 * bar's close minus the previous bar's close and F is the standard normal CDF ({@link #normal}) or the Student-t
 * CDF with {@code nu} degrees of freedom applied to the same standardized change ({@link #studentT}; the
 * heavy-tailed variant of ELO 2016 and Chakrabarty, Pascual &amp; Shkilko 2015, J. Financial Markets 25).
 * Bars may be time, volume or trade bars; ELO recommend volume bars.
 *
 * <p><b>sigma estimator.</b> {@code sigma_dP} is the sample standard deviation (denominator n - 1, mean
 * subtracted, two-pass over the window) of the last {@code window} bar price changes <em>before</em> the current
 * bar, so the current bar never standardizes itself (no look-ahead). <b>Warm-up:</b> the first bar only sets the
 * reference close; bars 2 .. window+1 fill the window and are not classified; the first classified bar is bar
 * window+2 ({@link #isReady}). A bar whose window has sigma == 0 (every change identical) is not classified
 * either. Unclassified bars report buy = sell = 0 and {@link #isReady} false: nothing is split 50/50 silently.
 *
 * <p>Mutable, single-threaded, allocation-free after construction; O(window) per bar.
 */
public final class BulkVolumeClassifier {
    private final int window;
    private final double nu; // +inf = normal
    private final double[] changes;
    private int count;
    private int head;
    private boolean hasPrev;
    private long prevClose;

    private boolean ready;
    private double sigma;
    private double buyFraction;
    private double volume;

    private BulkVolumeClassifier(int window, double nu) {
        if (window < 2) throw new IllegalArgumentException("window must be >= 2 bars: " + window);
        this.window = window;
        this.nu = nu;
        this.changes = new double[window];
    }

    /** BVC with the normal CDF and a rolling sigma over {@code window} (&gt;= 2) bar price changes. */
    public static BulkVolumeClassifier normal(int window) {
        return new BulkVolumeClassifier(window, Double.POSITIVE_INFINITY);
    }

    /** BVC with the Student-t CDF with {@code nu} &gt; 0 degrees of freedom. */
    public static BulkVolumeClassifier studentT(int window, double nu) {
        if (!(nu > 0) || Double.isInfinite(nu)) throw new IllegalArgumentException("nu must be finite and > 0: " + nu);
        return new BulkVolumeClassifier(window, nu);
    }

    /** Buy fraction F(dP/sigma) with the normal CDF; sigma must be &gt; 0. */
    public static double buyFraction(double priceChange, double sigma) {
        checkArgs(priceChange, sigma);
        return Distributions.normalCdf(priceChange / sigma);
    }

    /** Buy fraction F(dP/sigma) with the Student-t CDF with {@code nu} degrees of freedom; sigma must be &gt; 0. */
    public static double buyFraction(double priceChange, double sigma, double nu) {
        checkArgs(priceChange, sigma);
        return Distributions.studentTCdf(priceChange / sigma, nu);
    }

    private static void checkArgs(double dp, double sigma) {
        if (!Double.isFinite(dp) || !(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("need finite dP and finite sigma > 0: dP=" + dp + " sigma=" + sigma);
        }
    }

    /**
     * Ends a bar with close {@code close} and volume {@code volume} (both fixed point, {@link Px}). Returns
     * {@link #isReady}: whether this bar was classified.
     */
    public boolean onBar(long close, long volume) {
        this.volume = Px.toDouble(volume);
        ready = false;
        sigma = 0;
        buyFraction = 0;
        if (!hasPrev) {
            hasPrev = true;
            prevClose = close;
            return false;
        }
        double dp = Px.toDouble(Math.subtractExact(close, prevClose));
        prevClose = close;
        if (count == window) {
            sigma = windowStdDev();
            if (sigma > 0) {
                buyFraction = nu == Double.POSITIVE_INFINITY
                        ? Distributions.normalCdf(dp / sigma)
                        : Distributions.studentTCdf(dp / sigma, nu);
                ready = true;
            }
        }
        changes[head] = dp;
        head = head + 1 == window ? 0 : head + 1;
        if (count < window) count++;
        return ready;
    }

    private double windowStdDev() {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += changes[i];
        double mean = sum / count;
        double ss = 0, comp = 0;
        for (int i = 0; i < count; i++) {
            double d = changes[i] - mean;
            ss += d * d;
            comp += d;
        }
        // corrected two-pass (Chan, Golub & LeVeque 1983)
        return Math.sqrt((ss - comp * comp / count) / (count - 1));
    }

    /** Whether the last bar was classified. */
    public boolean isReady() { return ready; }

    /** sigma_dP used for the last bar (0 if not classified). */
    public double sigma() { return sigma; }

    /** F(dP/sigma) of the last bar, in [0, 1] (0 if not classified). */
    public double buyFraction() { return buyFraction; }

    /** Buy volume of the last bar in units (shares, contracts), 0 if not classified. */
    public double buyVolume() { return ready ? volume * buyFraction : 0.0; }

    /** Sell volume of the last bar in units, 0 if not classified. */
    public double sellVolume() { return ready ? volume - volume * buyFraction : 0.0; }

    public int window() { return window; }

    /** Degrees of freedom, or +infinity for the normal CDF. */
    public double degreesOfFreedom() { return nu; }

    /** Forgets all bars (session boundary). */
    public void reset() {
        count = 0; head = 0; hasPrev = false; ready = false; sigma = 0; buyFraction = 0; volume = 0;
    }
}
