package dev.periscope.options;

import dev.periscope.model.math.Normal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow, obviously-correct twin of the out-of-the-money price: for x = ln(F/K) ≤ 0 the normalised Black call
 * b(x, s) (F = e^{x/2}, K = e^{−x/2}, s = σ√T) is the integral of its vega from 0, b(x, s) = ∫₀ˢ φ(x/u + u/2)·e^{x/2} du,
 * a positive integrand with no cancellation, integrated here by adaptive Simpson (panel tolerance 1e-16 of the total, Richardson-corrected). The fast
 * formula must agree to 2e-13 + 1e-15·|x|/s² relative down to prices of 1e-280, where a textbook
 * F·Φ(d1) − K·Φ(d2) has no correct digit left. The second term is the measured limit of the Y(d1) − Y(d2)
 * difference when s is small against |x| (h = x/s far in the tail, d1 − d2 = s tiny): 2.5e-12 at x = −0.01,
 * s = 0.001 (a normalised price of 7e-28), still only 2.5e-14 relative in σ (Jäckel's small-t and asymptotic
 * expansions would remove it; not implemented).
 */
class NormalisedBlackQuadratureTest {
    @Test
    void outOfTheMoneyPriceEqualsTheIntegralOfItsVega() {
        int checked = 0;
        for (double x : new double[]{0, -1e-4, -0.01, -0.1, -0.5, -1, -3, -10, -30})
            for (double s : new double[]{1e-3, 0.01, 0.05, 0.2, 0.5, 1, 2, 5}) {
                double f = Math.exp(0.5 * x), k = 1 / f;
                double d1 = x / s + 0.5 * s, d2 = d1 - s;
                double fast = BlackFormula.undiscounted(true, f, k, d1, d2, Normal.pdf(d1));
                if (fast < 1e-280) continue; // (the quadrature cannot reach relative precision near underflow)
                double slow = integral(x, s);
                double tol = 2e-13 + 1e-15 * -x / (s * s);
                assertThat(Math.abs(fast / slow - 1)).as("x=%s s=%s fast=%s slow=%s", x, s, fast, slow).isLessThan(tol);
                // the put of −x is the same number (put-call symmetry of the normalised price)
                double fastPut = BlackFormula.undiscounted(false, k, f, -x / s + 0.5 * s, -x / s - 0.5 * s, Normal.pdf(-x / s + 0.5 * s));
                assertThat(Math.abs(fastPut / slow - 1)).as("put x=%s s=%s", -x, s).isLessThan(tol);
                checked++;
            }
        assertThat(checked).isGreaterThan(50);
    }

    private static double vega(double x, double u) {
        return u <= 0 ? 0 : Normal.ONE_OVER_SQRT_2PI * Math.exp(-0.5 * (x * x / (u * u) + 0.25 * u * u));
    }

    private static double integral(double x, double s) {
        double fa = vega(x, 0), fm = vega(x, s / 2), fb = vega(x, s);
        double whole = s / 6 * (fa + 4 * fm + fb);
        double scale = Math.max(whole, Double.MIN_NORMAL);
        return simpson(x, 0, s, fa, fm, fb, whole, 1e-16 * scale, 50);
    }

    private static double simpson(double x, double a, double b, double fa, double fm, double fb, double whole, double tol, int depth) {
        double m = 0.5 * (a + b), lm = 0.5 * (a + m), rm = 0.5 * (m + b);
        double flm = vega(x, lm), frm = vega(x, rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm), right = (b - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        if (depth <= 0 || Math.abs(delta) <= 15 * tol) return left + right + delta / 15;
        return simpson(x, a, m, fa, flm, fm, left, tol, depth - 1) + simpson(x, m, b, fm, frm, fb, right, tol, depth - 1);
    }
}
