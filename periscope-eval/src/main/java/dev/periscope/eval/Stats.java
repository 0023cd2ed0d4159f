package dev.periscope.eval;

import dev.periscope.model.random.SplitMix64;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Small statistics used by the scorecard: the normal quantile, the Wilson score interval, the percentile bootstrap
 * of a mean, sample quantiles and medians. Stateless, pure; results never NaN (undefined results are empty).
 */
public final class Stats {
    private Stats() {}

    /** A closed interval {@code [low, high]}. */
    public record Interval(double low, double high) {
        public Interval {
            if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high))
                throw new IllegalArgumentException("bad interval [" + low + ", " + high + "]");
        }

        public boolean contains(double x) {
            return low <= x && x <= high;
        }
    }

    /**
     * Standard normal quantile Φ⁻¹(p), 0 &lt; p &lt; 1, relative error about 1e-16.
     * Source: Wichura, M. J. (1988), "Algorithm AS 241: The percentage points of the normal distribution",
     * Applied Statistics 37(3), 477–484 (PPND16).
     */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1): " + p);
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        double x;
        if (r <= 5) {
            r -= 1.6;
            x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5;
            x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -x : x;
    }

    /** The two-sided standard normal critical value for {@code confidence} (0.95 gives 1.959963984540054). */
    public static double z(double confidence) {
        checkConfidence(confidence);
        return normalQuantile(1 - (1 - confidence) / 2);
    }

    /**
     * Wilson score interval for a binomial proportion {@code successes / trials}; empty if {@code trials == 0}.
     * Source: Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical inference",
     * JASA 22(158), 209–212; recommended over the Wald interval by Brown, Cai &amp; DasGupta (2001), Statistical
     * Science 16(2), 101–133. Same values as statsmodels {@code proportion_confint(method="wilson")}.
     */
    public static java.util.Optional<Interval> wilson(long successes, long trials, double confidence) {
        if (successes < 0 || trials < 0 || successes > trials)
            throw new IllegalArgumentException("need 0 <= successes <= trials: " + successes + "/" + trials);
        if (trials == 0) return java.util.Optional.empty();
        double z = z(confidence), n = trials, p = successes / n, z2 = z * z;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lo = successes == 0 ? 0 : Math.max(0, center - half);
        double hi = successes == trials ? 1 : Math.min(1, center + half);
        return java.util.Optional.of(new Interval(lo, hi));
    }

    /**
     * Sample quantile of sorted values by linear interpolation between order statistics (Hyndman &amp; Fan 1996,
     * definition 7; the default of R and NumPy): h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
     */
    public static double quantileSorted(double[] sorted, double p) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    /** Median of sorted longs (mean of the two middle values for an even count), empty if none. */
    public static OptionalDouble median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) return OptionalDouble.empty();
        if (n % 2 == 1) return OptionalDouble.of(sorted[n / 2]);
        return OptionalDouble.of(sorted[n / 2 - 1] / 2.0 + sorted[n / 2] / 2.0);
    }

    public static double mean(double[] v) {
        if (v.length == 0) throw new IllegalArgumentException("no values");
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /**
     * Uniform index in {@code [0, bound)} for bootstrap resampling: the top 31 bits of {@link SplitMix64#nextLong()},
     * unbiased by rejection as in {@link java.util.Random#nextInt(int)}. This mapping (not the JDK's bounded
     * {@code nextInt}) is the one the independent Python transcription in the tests uses, so intervals stay
     * comparable with it.
     */
    static int resampleIndex(SplitMix64 rng, int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be > 0: " + bound);
        int m = bound - 1;
        int r = (int) (rng.nextLong() >>> 33);
        if ((bound & m) == 0) return (int) ((bound * (long) r) >> 31);
        for (int u = r; u - (r = u % bound) + m < 0; u = (int) (rng.nextLong() >>> 33)) { }
        return r;
    }

    /**
     * Percentile bootstrap confidence interval of the mean of {@code values} (Efron &amp; Tibshirani 1993, "An
     * Introduction to the Bootstrap", §13.3): {@code replicates} resamples of size n drawn with replacement by a
     * {@link SplitMix64} seeded with {@code seed}, their means sorted, and the {@code (1−c)/2} and {@code (1+c)/2}
     * quantiles taken by {@link #quantileSorted}. Deterministic for a given seed. Empty for fewer than 2 values.
     */
    public static java.util.Optional<Interval> bootstrapMean(double[] values, int replicates, long seed, double confidence) {
        checkConfidence(confidence);
        if (replicates < 1) throw new IllegalArgumentException("replicates < 1: " + replicates);
        int n = values.length;
        if (n < 2) return java.util.Optional.empty();
        for (double v : values) if (!Double.isFinite(v)) throw new IllegalArgumentException("value not finite: " + v);
        SplitMix64 rng = new SplitMix64(seed);
        double[] means = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += values[resampleIndex(rng, n)];
            means[b] = s / n;
        }
        Arrays.sort(means);
        double lo = quantileSorted(means, (1 - confidence) / 2), hi = quantileSorted(means, (1 + confidence) / 2);
        return java.util.Optional.of(new Interval(lo, hi));
    }

    /**
     * Exact (Garwood) confidence interval for the mean λ of a Poisson count {@code k}: lower = χ²(α/2; 2k)/2
     * (0 for k = 0), upper = χ²(1−α/2; 2k+2)/2, α = 1 − confidence. Source: Garwood, F. (1936), "Fiducial limits
     * for the Poisson distribution", Biometrika 28, 437–442. Computed through the regularized incomplete gamma
     * function (P(Poisson(λ) ≥ k) = P(k, λ)) and bisection to 1e-12 relative; same values as
     * {@code scipy.stats.chi2.ppf}. Divide by the exposure (hours) for a rate interval.
     */
    public static Interval poissonExact(long k, double confidence) {
        checkConfidence(confidence);
        if (k < 0) throw new IllegalArgumentException("k < 0: " + k);
        double a = (1 - confidence) / 2;
        double hiBracket = k + 50 + 20 * Math.sqrt(k + 1.0);
        double lo = k == 0 ? 0 : solveIncreasing(x -> regularizedGammaP(k, x), a, 0, hiBracket);
        double hi = solveIncreasing(x -> regularizedGammaP(k + 1, x), 1 - a, 0, hiBracket);
        return new Interval(lo, hi);
    }

    private static double solveIncreasing(java.util.function.DoubleUnaryOperator f, double target, double lo, double hi) {
        for (int i = 0; i < 400 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < target) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /**
     * Regularized lower incomplete gamma P(a, x), a &gt; 0, x &ge; 0: series for x &lt; a + 1, else continued
     * fraction by the modified Lentz method (Press et al., Numerical Recipes, 3rd ed., §6.2).
     */
    static double regularizedGammaP(double a, double x) {
        if (!(a > 0) || x < 0) throw new IllegalArgumentException("need a > 0, x >= 0");
        if (x == 0) return 0;
        double lnPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            double ap = a, sum = 1 / a, del = sum;
            for (int n = 0; n < 100_000; n++) {
                ap += 1;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
            }
            return Math.min(1, sum * Math.exp(lnPrefix));
        }
        double tiny = 1e-300, b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) break;
        }
        return Math.max(0, 1 - Math.exp(lnPrefix) * h);
    }

    /** ln Γ(x), x &gt; 0, Lanczos approximation (g = 7, 9 terms), relative error about 1e-15. */
    static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        x -= 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) s += c[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
    }

    static void checkConfidence(double c) {
        if (!(c > 0 && c < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + c);
    }
}
