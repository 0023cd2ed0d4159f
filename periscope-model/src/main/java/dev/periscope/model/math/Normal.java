package dev.periscope.model.math;

/**
 * The standard normal distribution: density φ, distribution Φ with full relative precision in the lower tail,
 * the lower-tail Mills ratio Φ/φ and the quantile Φ⁻¹. Stateless, allocation-free, thread-safe.
 *
 * <p>Sources, one line each:
 * <ul>
 *   <li>{@link #cdf}: W. J. Cody's ANORM (Cody 1969, "Rational Chebyshev approximations for the error function",
 *       Math. Comp. 23; as published in SPECFUN, ACM TOMS Algorithm 715, 1993), relative error about 1e-16 down to
 *       x = -37.5 (audit N-1: never {@code 0.5(1+erf)}, never Abramowitz–Stegun 26.2.17);</li>
 *   <li>{@link #cdfOverPdf}: the same rational functions without the Gaussian factor (Jäckel 2015, "Let's Be
 *       Rational", Wilmott, uses Y(x) = Φ(x)/φ(x) the same way to avoid cancelling exponentials);</li>
 *   <li>{@link #inverseCdf}: Wichura (1988), Algorithm AS 241 PPND16, Appl. Stat. 37(3), relative error about 1e-16.</li>
 * </ul>
 */
public final class Normal {
    private Normal() {}

    /** 1/√(2π). */
    public static final double ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
    /** √(2π). */
    public static final double SQRT_2PI = 2.506628274631000502415765284811;

    // Cody (1969/1993) ANORM coefficients.
    private static final double[] A = {2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582,
            18154.981253343561249, 0.065682337918207449113};
    private static final double[] B = {47.20258190468824187, 976.09855173777669322, 10260.932208618978205,
            45507.789335026729956};
    private static final double[] C = {0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
            597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124,
            9842.7148383839780218, 1.0765576773720192317e-8};
    private static final double[] D = {22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
            6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
            19685.429676859990727};
    private static final double[] P = {0.21589853405795699, 0.1274011611602473639, 0.022235277870649807,
            0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303};
    private static final double[] Q = {1.28426009614491121, 0.468238212480865118, 0.0659881378689285515,
            0.00378239633202758244, 7.29751555083966205e-5};
    private static final double SQRT_32 = 5.656854249492380195206754896838;
    private static final double THRESHOLD = 0.66291;
    private static final double X_LOW = -37.519;
    private static final double X_HIGH = 8.2924;
    private static final double EPS = 1.11e-16;

    /** φ(x) = exp(-x²/2)/√(2π); relative error grows like x²·1e-16 (one exp). */
    public static double pdf(double x) {
        return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Φ(x); 0 below -37.519 (where Φ is subnormal), 1 above 8.2924. Rejects NaN. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) throw new IllegalArgumentException("Normal.cdf of NaN");
        double y = Math.abs(x);
        if (y <= THRESHOLD) return central(x);
        if (x <= X_LOW) return 0.0;
        if (x >= X_HIGH) return 1.0;
        double lowerTail = gaussFactor(y) * tailRatio(y); // Φ(-y)
        return x > 0 ? 1.0 - lowerTail : lowerTail;
    }

    /**
     * Φ(x) given φ(x) already computed by the caller (saves the exponential on pricing hot paths). The lower tail is
     * then as accurate, relatively, as {@code pdfAtX}.
     */
    public static double cdf(double x, double pdfAtX) {
        double y = Math.abs(x);
        if (y <= THRESHOLD) return central(x);
        double lowerTail = pdfAtX * SQRT_2PI * tailRatio(y);
        return x > 0 ? 1.0 - lowerTail : lowerTail;
    }

    /**
     * The lower-tail Mills ratio Φ(x)/φ(x), finite for every finite x ≤ 37 (it overflows above, where Φ/φ ≈
     * e^{x²/2}√(2π)). For x &lt; -0.66291 it is a rational function alone, so differences Φ(a)/φ(a) − Φ(b)/φ(b)
     * keep their relative precision where Φ(a) and Φ(b) underflow.
     */
    public static double cdfOverPdf(double x) {
        double y = Math.abs(x);
        if (x < -THRESHOLD) return SQRT_2PI * tailRatio(y);
        double inverseDensity = SQRT_2PI * Math.exp(0.5 * x * x);
        if (y <= THRESHOLD) return central(x) * inverseDensity;
        return inverseDensity - SQRT_2PI * tailRatio(y);
    }

    /** Φ for |x| ≤ 0.66291 (Cody's first rational function). */
    private static double central(double x) {
        double xnum = 0, xden = 0;
        if (Math.abs(x) > EPS) {
            double xsq = x * x;
            xnum = A[4] * xsq;
            xden = xsq;
            for (int i = 0; i < 3; i++) {
                xnum = (xnum + A[i]) * xsq;
                xden = (xden + B[i]) * xsq;
            }
        }
        return 0.5 + x * (xnum + A[3]) / (xden + B[3]);
    }

    /** Φ(-y)·exp(y²/2) for y &gt; 0.66291 (Cody's second and third rational functions). */
    private static double tailRatio(double y) {
        if (y <= SQRT_32) {
            double xnum = C[8] * y, xden = y;
            for (int i = 0; i < 7; i++) {
                xnum = (xnum + C[i]) * y;
                xden = (xden + D[i]) * y;
            }
            return (xnum + C[7]) / (xden + D[7]);
        }
        double xsq = 1.0 / (y * y);
        double xnum = P[5] * xsq, xden = xsq;
        for (int i = 0; i < 4; i++) {
            xnum = (xnum + P[i]) * xsq;
            xden = (xden + Q[i]) * xsq;
        }
        double temp = xsq * (xnum + P[4]) / (xden + Q[4]);
        return (ONE_OVER_SQRT_2PI - temp) / y;
    }

    /** exp(-y²/2) with y² split so that the large part is exact (Cody's device). */
    private static double gaussFactor(double y) {
        double ysq = Math.floor(y * 16.0) / 16.0;
        double del = (y - ysq) * (y + ysq);
        return Math.exp(-ysq * ysq * 0.5) * Math.exp(-del * 0.5);
    }

    // Wichura (1988) AS 241 PPND16 coefficients, lowest order first.
    private static final double[] AS_A = {3.3871328727963666080, 133.14166789178437745, 1971.5909503065514427,
            13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105,
            2509.0809287301226727};
    private static final double[] AS_B = {1.0, 42.313330701600911252, 687.18700749205790830, 5394.1960214247511077,
            21213.794301586595867, 39307.895800092710610, 28729.085735721942674, 5226.4952788528545610};
    private static final double[] AS_C = {1.42343711074968357734, 4.63033784615654529590, 5.76949722146069140550,
            3.64784832476320460504, 1.27045825245236838258, 0.241780725177450611770, 0.0227238449892691845833,
            7.74545014278341407640e-4};
    private static final double[] AS_D = {1.0, 2.05319162663775882187, 1.67638483018380384940,
            0.689767334985100004550, 0.148103976427480074590, 0.0151986665636164571966, 5.47593808499534494600e-4,
            1.05075007164441684324e-9};
    private static final double[] AS_E = {6.65790464350110377720, 5.46378491116411436990, 1.78482653991729133580,
            0.296560571828504891230, 0.0265321895265761230930, 1.24266094738807843860e-3, 2.71155556874348757815e-5,
            2.01033439929228813265e-7};
    private static final double[] AS_F = {1.0, 0.599832206555887937690, 0.136929880922735805310,
            0.0148753612908506148525, 7.86869131145613259100e-4, 1.84631831751005468180e-5,
            1.42151175831644588870e-7, 2.04426310338993978564e-15};

    /** Φ⁻¹(p) for 0 &lt; p &lt; 1; −∞ at 0 and +∞ at 1. Rejects NaN and p outside [0, 1]. */
    public static double inverseCdf(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("Normal.inverseCdf needs 0 <= p <= 1: " + p);
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * horner(AS_A, r) / horner(AS_B, r);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1.0 - p));
        double value = r <= 5.0 ? horner(AS_C, r - 1.6) / horner(AS_D, r - 1.6)
                : horner(AS_E, r - 5.0) / horner(AS_F, r - 5.0);
        return q < 0 ? -value : value;
    }

    private static double horner(double[] c, double x) {
        double v = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) v = v * x + c[i];
        return v;
    }
}
