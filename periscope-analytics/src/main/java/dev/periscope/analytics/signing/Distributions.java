package dev.periscope.analytics.signing;

import dev.periscope.model.math.Normal;

/**
 * Cumulative distribution functions needed by {@link BulkVolumeClassifier}. Stateless, allocation-free.
 *
 * <p>{@link #normalCdf} is {@link Normal#cdf}, W. J. Cody's ANORM (Cody 1969, Math. Comp. 23), with full
 * <em>relative</em> precision (about 1e-16) in the lower tail down to x = -37.5 (audit N-1).
 *
 * <p>{@link #studentTCdf} uses F(t) = 1 - I_{nu/(nu+t^2)}(nu/2, 1/2)/2 for t &gt; 0 (Abramowitz &amp; Stegun
 * 26.7.1 with 26.5.27), the regularized incomplete beta by its continued fraction (DLMF 8.17.22, modified Lentz)
 * with the complement identity where the fraction converges slowly, and log-gamma by the Stirling series after
 * upward recurrence to z &gt;= 10. Tested to 1e-12 relative against mpmath (50 digits) for 0.25 &lt;= nu &lt;= 200;
 * the error grows slowly with nu through the log-gamma differences.
 */
public final class Distributions {
    private Distributions() {}

    /** Standard normal CDF Φ(x); 0 below -37.519 (where Φ is subnormal), 1 above 8.2924. Rejects NaN. */
    public static double normalCdf(double x) {
        return Normal.cdf(x);
    }

    /** Student-t CDF with {@code nu} &gt; 0 degrees of freedom (real); rejects NaN. */
    public static double studentTCdf(double t, double nu) {
        if (Double.isNaN(t) || !(nu > 0) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("studentTCdf(" + t + ", nu=" + nu + ")");
        }
        if (t == 0) return 0.5;
        if (Double.isInfinite(t)) return t > 0 ? 1.0 : 0.0;
        double t2 = t * t;
        double x = nu / (nu + t2);       // argument of I_x(nu/2, 1/2)
        double oneMinusX = t2 / (nu + t2); // computed directly, no cancellation
        double tail = 0.5 * regularizedBeta(x, oneMinusX, 0.5 * nu, 0.5); // P(T > |t|)
        return t > 0 ? 1.0 - tail : tail;
    }

    /** I_x(a, b) given x and 1 - x separately (both in [0, 1]). */
    static double regularizedBeta(double x, double oneMinusX, double a, double b) {
        if (x <= 0) return 0.0;
        if (oneMinusX <= 0) return 1.0;
        // x and 1 - x are both given to full precision, so neither logarithm cancels
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(oneMinusX);
        double front = Math.exp(lnFront);
        if (x < (a + 1.0) / (a + b + 2.0)) {
            return front * betaContinuedFraction(x, oneMinusX, a, b) / a;
        }
        return 1.0 - front * betaContinuedFraction(oneMinusX, x, b, a) / b;
    }

    /** Continued fraction for I_x(a,b) (DLMF 8.17.22), modified Lentz; {@code y} = 1 - x. */
    private static double betaContinuedFraction(double x, double y, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b, qap = a + 1.0, qam = a - 1.0;
        double c = 1.0;
        double d = 1.0 - qab * x / qap;
        if (Math.abs(d) < tiny) d = tiny;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1.0 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1.0 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) < 1e-16) return h;
        }
        throw new ArithmeticException("incomplete beta continued fraction did not converge: x=" + x + " a=" + a + " b=" + b);
    }

    // Stirling series coefficients B_2k / (2k (2k-1)), k = 1..8.
    private static final double[] STIRLING = {1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188,
            -691.0 / 360360, 1.0 / 156, -3617.0 / 122400};
    private static final double HALF_LN_2PI = 0.91893853320467274178032973640562;

    /** ln Γ(z) for z &gt; 0: upward recurrence to z &gt;= 10, then the Stirling series (8 terms). */
    static double logGamma(double z) {
        if (!(z > 0)) throw new IllegalArgumentException("logGamma needs z > 0: " + z);
        double shift = 0.0;
        double prod = 1.0;
        while (z < 10.0) {
            prod *= z;
            if (prod > 1e280) { shift += Math.log(prod); prod = 1.0; }
            z += 1.0;
        }
        shift += Math.log(prod);
        double inv = 1.0 / z, inv2 = inv * inv;
        double series = 0.0;
        for (int k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + STIRLING[k];
        series *= inv;
        return (z - 0.5) * Math.log(z) - z + HALF_LN_2PI + series - shift;
    }
}
