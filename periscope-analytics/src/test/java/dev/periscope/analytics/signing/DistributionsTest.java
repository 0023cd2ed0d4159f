package dev.periscope.analytics.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistributionsTest {
    private static void assertRel(double actual, double expected, double rel) {
        assertThat(Math.abs(actual - expected)).as("actual %s expected %s", actual, expected)
                .isLessThanOrEqualTo(rel * Math.abs(expected));
    }

    /** Audit 11.1 "Normal CDF" row (mpmath at 40 digits; cf. Marsaglia 2004), relative 1e-13. */
    @Test
    void normalCdfMatchesAuditTableInTheTail() {
        double[][] cases = {
                {-1, 0.15865525393145705},
                {-3, 1.3498980316300945e-3},
                {-5, 2.8665157187919391e-7},
                {-8, 6.2209605742717841e-16},
                {-10, 7.6198530241605261e-24},
                {-20, 2.7536241186062337e-89},
                {-37.5, 4.6053530095819548e-308},
        };
        for (double[] c : cases) assertRel(Distributions.normalCdf(c[0]), c[1], 1e-13);
    }

    /** Values on both sides of each of Cody's interval boundaries (0.66291, sqrt(32)); mpmath ncdf, 50 digits. */
    @Test
    void normalCdfAcrossIntervalBoundaries() {
        double[][] cases = {
                {-0.5, 0.3085375387259869}, {0.5, 0.6914624612740131}, {1, 0.8413447460685429},
                {-0.66, 0.25462691467133614}, {0.7, 0.758036347776927}, {-5.6, 1.071759025831093e-08},
                {-5.7, 5.990371401063528e-09}, {3, 0.9986501019683699}, {8, 0.9999999999999993},
        };
        for (double[] c : cases) assertRel(Distributions.normalCdf(c[0]), c[1], 2e-15);
        assertThat(Distributions.normalCdf(0)).isEqualTo(0.5);
        assertThat(Distributions.normalCdf(-40)).isEqualTo(0.0);
        assertThat(Distributions.normalCdf(9)).isEqualTo(1.0);
        // symmetry Φ(x) + Φ(-x) = 1
        for (double x = -6; x <= 6; x += 0.37) {
            assertThat(Distributions.normalCdf(x) + Distributions.normalCdf(-x)).isCloseTo(1.0, within(1e-15));
        }
        // monotone on a fine grid through the lower tail
        double prev = 0;
        for (double x = -37.5; x < 8; x += 0.01) {
            double v = Distributions.normalCdf(x);
            assertThat(v).isGreaterThanOrEqualTo(prev);
            prev = v;
        }
        assertThatThrownBy(() -> Distributions.normalCdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Student-t lower tail: mpmath betainc at 50 digits, F(t) = I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 for t &lt; 0. */
    @Test
    void studentTCdfMatchesMpmath() {
        double[] xs = {-50, -3.5, -1, -0.1};
        double[][] rows = {
                {0.25, 0.1358832884924901, 0.26380557372135305, 0.3556518710370439, 0.478690453173243},
                {1, 0.006365349100972796, 0.08858553278290475, 0.25, 0.4682744825694464},
                {2, 0.00019988007994404028, 0.036413675027234665, 0.2113248654051871, 0.4647327192070701},
                {5, 3.0238788133006125e-08, 0.008642215892646677, 0.1816087338245613, 0.4621150705773302},
                {30, 9.357708829611357e-31, 0.0007384037188221265, 0.16265430771301495, 0.4605048058951356},
                {200, 2.7102877398912426e-115, 0.0002867700374914994, 0.15925942395487333, 0.4602222462521605},
        };
        for (double[] r : rows) {
            for (int i = 0; i < xs.length; i++) {
                assertRel(Distributions.studentTCdf(xs[i], r[0]), r[i + 1], 1e-12);
                assertRel(Distributions.studentTCdf(-xs[i], r[0]), 1 - r[i + 1], 1e-13);
            }
        }
        // closed forms: Cauchy (nu = 1) and nu = 2
        for (double t = -20; t <= 20; t += 0.73) {
            assertThat(Distributions.studentTCdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-14));
            assertThat(Distributions.studentTCdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-14));
        }
        // converges to the normal as nu grows
        assertThat(Distributions.studentTCdf(-1.3, 1e6)).isCloseTo(Distributions.normalCdf(-1.3), within(1e-6));
    }

    @Test
    void logGammaKnownValues() {
        assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(5e-15));
        assertThat(Distributions.logGamma(1)).isCloseTo(0, within(5e-15));
        assertThat(Distributions.logGamma(10)).isCloseTo(Math.log(362880), within(1e-14));
        assertThat(Distributions.logGamma(0.125)).isCloseTo(2.0194183575537963, within(1e-14)); // mpmath loggamma
    }
}
