package dev.periscope.options;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import static dev.periscope.options.OptionType.CALL;
import static dev.periscope.options.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every greek of both models against a central difference of the price (first-order greeks) or of the analytic
 * first-order greek (second-order ones): f'(x) ≈ (f(x+h) − f(x−h))/2h with h = 1e-4 × the variable's scale,
 * truncation error O(h²) ≈ 1e-8 relative, round-off ≈ 1e-16/1e-4. Tolerance: 1e-6 relative to the greek or
 * 1e-7 × the variable's natural scale (so near-zero greeks are checked absolutely).
 */
class GreeksFiniteDifferenceTest {
    private static final double REL = 1e-6;

    /** (type, S or F, K, T, r, q, σ). */
    private static final double[][] CASES = {
            {0, 100, 100, 1, 0.05, 0.02, 0.25}, {1, 100, 100, 1, 0.05, 0.02, 0.25},
            {0, 100, 130, 0.1, 0.03, 0, 0.6}, {1, 100, 70, 0.1, 0.03, 0, 0.6},
            {0, 100, 80, 3, -0.01, 0.04, 0.15}, {1, 100, 125, 3, 0.08, 0.01, 0.15},
            {0, 55, 60, 0.75, 0.10, 0, 0.30}, {1, 105, 100, 0.5, 0.10, 0.10, 0.36},
            {0, 100, 100, 1 / 365.0, 0.05, 0, 1.5}, {1, 100, 95, 2, 0.0, 0.0, 0.05}};

    @FunctionalInterface
    interface Pricer { void greeks(OptionType type, double s, double k, double t, double r, double q, double vol, Greeks out); }

    private static final Pricer BSM = BlackScholes::greeks;
    private static final Pricer BLACK76 = (type, f, k, t, r, q, vol, out) -> Black76.greeks(type, f, k, t, r, vol, out);

    @Test
    void blackScholesMertonGreeksMatchCentralDifferences() {
        for (double[] c : CASES) checkAll(BSM, c);
    }

    @Test
    void black76GreeksMatchCentralDifferences() {
        for (double[] c : CASES) checkAll(BLACK76, c);
    }

    private static void checkAll(Pricer p, double[] c) {
        OptionType type = c[0] == 0 ? CALL : PUT;
        double s = c[1], k = c[2], t = c[3], r = c[4], q = c[5], vol = c[6];
        Greeks at = new Greeks();
        p.greeks(type, s, k, t, r, q, vol, at);
        String where = type + " " + java.util.Arrays.toString(c);
        // ∂/∂S of price and of delta and vega
        check(where + " delta", at.delta(), fd(x -> value(p, type, x, k, t, r, q, vol, Greeks::price), s, 1e-4 * s), s / 100);
        check(where + " gamma", at.gamma(), fd(x -> value(p, type, x, k, t, r, q, vol, Greeks::delta), s, 1e-4 * s), 1.0 / s);
        check(where + " vanna", at.vanna(), fd(x -> value(p, type, x, k, t, r, q, vol, Greeks::vega), s, 1e-4 * s), 1);
        // ∂/∂σ
        check(where + " vega", at.vega(), fd(x -> value(p, type, s, k, t, r, q, x, Greeks::price), vol, 1e-4 * vol), s);
        check(where + " vomma", at.vomma(), fd(x -> value(p, type, s, k, t, r, q, x, Greeks::vega), vol, 1e-4 * vol), s);
        // −∂/∂T
        check(where + " theta", at.theta(), -fd(x -> value(p, type, s, k, x, r, q, vol, Greeks::price), t, 1e-4 * t), s);
        check(where + " charm", at.charm(), -fd(x -> value(p, type, s, k, x, r, q, vol, Greeks::delta), t, 1e-4 * t), 1);
        // ∂/∂r (BSM: q held; Black-76: F held)
        check(where + " rho", at.rho(), fd(x -> value(p, type, s, k, t, x, q, vol, Greeks::price), r, 1e-5), s);
    }

    private static double value(Pricer p, OptionType type, double s, double k, double t, double r, double q, double vol,
                                ToDoubleFunction<Greeks> what) {
        Greeks g = new Greeks();
        p.greeks(type, s, k, t, r, q, vol, g);
        return what.applyAsDouble(g);
    }

    private static double fd(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    private static void check(String what, double analytic, double numeric, double scale) {
        double tol = Math.max(REL * Math.abs(analytic), 1e-7 * scale);
        assertThat(Math.abs(analytic - numeric)).as("%s: analytic %s vs central difference %s", what, analytic, numeric)
                .isLessThanOrEqualTo(tol);
    }
}
