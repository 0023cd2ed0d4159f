package dev.periscope.model.math;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NormalTest {
    private static void assertRel(double actual, double expected, double tol) {
        assertThat(Math.abs(actual / expected - 1)).as("%s vs %s", actual, expected).isLessThanOrEqualTo(tol);
    }

    @Test
    void cdfMatchesTheAuditTailValuesToRelative1e13() {
        // audit table 11.1, mpmath 40 digits
        double[][] cases = {{-1, 0.15865525393145705}, {-3, 1.3498980316300945e-3}, {-5, 2.8665157187919391e-7},
                {-8, 6.2209605742717841e-16}, {-10, 7.6198530241605261e-24}, {-20, 2.7536241186062337e-89},
                {-37.5, 4.6053530095819548e-308}};
        for (double[] c : cases) assertRel(Normal.cdf(c[0]), c[1], 1e-13);
    }

    @Test
    void cdfGivenTheDensityAgreesWithCdf() {
        for (double x = -30; x <= 8; x += 0.037) {
            double tol = 1e-15 * Math.max(1, x * x); // the caller's exp(-x²/2) carries relative error ~ x²·ε
            assertRel(Normal.cdf(x, Normal.pdf(x)), Normal.cdf(x), tol);
        }
    }

    @Test
    void millsRatioIsCdfOverPdfAndTendsToMinusOneOverX() {
        for (double x = -30; x <= 8; x += 0.041) assertRel(Normal.cdfOverPdf(x) * Normal.pdf(x), Normal.cdf(x), 1e-15 * Math.max(1, x * x));
        // far below where Φ underflows: Mills' asymptotic series 1/|x| (1 - 1/x² + 3/x⁴ - 15/x⁶)
        double x = -1e3, x2 = x * x;
        assertRel(Normal.cdfOverPdf(x), (1 - 1 / x2 + 3 / (x2 * x2) - 15 / (x2 * x2 * x2)) / -x, 1e-15);
    }

    @Test
    void inverseCdfRoundTripsThroughCodysCdf() {
        assertThat(Normal.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-15));
        assertThat(Normal.inverseCdf(0.5)).isEqualTo(0.0);
        // in x: Φ has full relative precision for x <= 0, so Φ⁻¹(Φ(x)) must give x back (AS 241 is good to ~1e-16)
        for (double x = -37.5; x < 0; x += 0.0173) assertThat(Normal.inverseCdf(Normal.cdf(x))).isCloseTo(x, within(1e-15 * Math.max(1, -x)));
        assertThat(Normal.inverseCdf(1 - 1e-10)).isCloseTo(-Normal.inverseCdf(1e-10), within(1e-6)); // 1 − p rounds
        assertThat(Normal.inverseCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normal.inverseCdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> Normal.inverseCdf(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normal.cdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
