package dev.periscope.eval;

import dev.periscope.model.random.SplitMix64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Oracles computed independently with SciPy 1.10 ({@code scipy.stats.norm.ppf}), statsmodels 0.13.5
 * ({@code proportion_confint(x, n, alpha, method="wilson")}) and a Python transcription of SplitMix64 with NumPy's
 * default (linear, type 7) quantile for the bootstrap; values pasted here, Python is not needed to run the tests.
 */
class StatsTest {
    @Test
    void normalQuantileMatchesScipy() {
        double[][] pz = {{0.975, 1.959963984540054}, {0.5, 0.0}, {0.95, 1.6448536269514722},
                {0.995, 2.5758293035489004}, {1e-10, -6.361340902404056}, {0.3, -0.5244005127080409},
                {0.02425, -1.972961051311885}, {1 - 1e-12, 7.0344869100478356}};
        for (double[] x : pz) assertThat(Stats.normalQuantile(x[0])).isCloseTo(x[1], within(1e-12));
        assertThat(Stats.z(0.95)).isCloseTo(1.959963984540054, within(1e-14));
        assertThatThrownBy(() -> Stats.normalQuantile(1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wilsonIntervalMatchesStatsmodels() {
        Object[][] cases = {
                {8L, 10L, 0.95, 0.49016247153664183, 0.9433178485456247},
                {0L, 5L, 0.95, 0.0, 0.43448246478317487},
                {5L, 5L, 0.95, 0.5655175352168252, 1.0},
                {1L, 3L, 0.95, 0.06149194472039626, 0.7923403991979523},
                {37L, 50L, 0.90, 0.6275387029219313, 0.827821367900659},
                {123L, 456L, 0.99, 0.21978613546937517, 0.326292205047369},
                {3L, 7L, 0.95, 0.15821985525146964, 0.7495416354723428}};
        for (Object[] c : cases) {
            Stats.Interval i = Stats.wilson((Long) c[0], (Long) c[1], (Double) c[2]).orElseThrow();
            assertThat(i.low()).as("low %s", java.util.Arrays.toString(c)).isCloseTo((Double) c[3], within(1e-12));
            assertThat(i.high()).as("high %s", java.util.Arrays.toString(c)).isCloseTo((Double) c[4], within(1e-12));
        }
        assertThat(Stats.wilson(0, 0, 0.95)).isEmpty();
        assertThatThrownBy(() -> Stats.wilson(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitMix64MatchesTheReferenceSequence() {
        // first outputs of Vigna's splitmix64.c for seed 1234567
        SplitMix64 g = new SplitMix64(1234567);
        assertThat(g.nextLong()).isEqualTo(6457827717110365317L);
        assertThat(g.nextLong()).isEqualTo(3203168211198807973L);
        assertThat(g.nextLong()).isEqualTo(-8629252141511181193L);
        SplitMix64 h = new SplitMix64(42);
        int[] got = new int[15];
        for (int i = 0; i < 10; i++) got[i] = Stats.resampleIndex(h, 10);
        for (int i = 10; i < 15; i++) got[i] = Stats.resampleIndex(h, 8);
        assertThat(got).containsExactly(1, 3, 1, 5, 5, 7, 2, 3, 7, 4, 1, 3, 4, 4, 5);
    }

    @Test
    void bootstrapMatchesAnIndependentImplementationAndIsDeterministic() {
        double[] v = {0.5, 0.8, 0.75, 1.0, 0.6};
        Stats.Interval a = Stats.bootstrapMean(v, 1000, 7, 0.95).orElseThrow();
        assertThat(a.low()).isCloseTo(0.58, within(1e-12));
        assertThat(a.high()).isCloseTo(0.87, within(1e-12));
        assertThat(Stats.bootstrapMean(v, 1000, 7, 0.95)).contains(a);
        assertThat(Stats.bootstrapMean(v, 1000, 8, 0.95)).isNotEqualTo(java.util.Optional.of(a));
        Stats.Interval b = Stats.bootstrapMean(new double[]{3, 1, 4, 1, 5, 9, 2, 6}, 2000, -99, 0.90).orElseThrow();
        assertThat(b.low()).isCloseTo(2.375, within(1e-12));
        assertThat(b.high()).isCloseTo(5.375, within(1e-12));
    }

    @Test
    void bootstrapEdgeCases() {
        assertThat(Stats.bootstrapMean(new double[]{0.7}, 100, 1, 0.95)).isEmpty();
        Stats.Interval c = Stats.bootstrapMean(new double[]{0.7, 0.7, 0.7}, 100, 1, 0.95).orElseThrow();
        assertThat(c.low()).isCloseTo(0.7, within(1e-15));
        assertThat(c.high()).isCloseTo(0.7, within(1e-15));
        assertThatThrownBy(() -> Stats.bootstrapMean(new double[]{1, Double.NaN}, 100, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bootstrapIntervalOfAMeanIsCloseToTheNormalTheoryIntervalForALargeSample() {
        // 400 values of a fixed sequence: the percentile interval of the mean should be close to mean +- 1.96 s/sqrt(n)
        int n = 400;
        double[] v = new double[n];
        SplitMix64 g = new SplitMix64(5);
        for (int i = 0; i < n; i++) v[i] = Stats.resampleIndex(g, 1000) / 1000.0;
        double m = Stats.mean(v), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        double se = Math.sqrt(ss / (n - 1) / n);
        Stats.Interval ci = Stats.bootstrapMean(v, 4000, 11, 0.95).orElseThrow();
        assertThat(ci.low()).isCloseTo(m - 1.96 * se, within(0.15 * se * 1.96));
        assertThat(ci.high()).isCloseTo(m + 1.96 * se, within(0.15 * se * 1.96));
    }

    @Test
    void exactPoissonIntervalMatchesScipyChiSquare() {
        // scipy.stats.chi2.ppf(a, 2k)/2 and chi2.ppf(1-a, 2k+2)/2, a = (1-c)/2
        double[][] cases = {{0, 0.95, 0.0, 3.6888794541139354}, {1, 0.95, 0.025317807984289897, 5.571643390938898},
                {5, 0.95, 1.623486390118421, 11.66833207932267}, {33, 0.95, 22.715681572729842, 46.344269269169295},
                {289, 0.95, 256.63763765490876, 324.313810816524}, {6455, 0.90, 6323.418452900078, 6588.728802782583},
                {100000, 0.99, 99187.32963316483, 100817.43103329056}};
        for (double[] c : cases) {
            Stats.Interval i = Stats.poissonExact((long) c[0], c[1]);
            assertThat(i.low()).as("low k=%s", c[0]).isCloseTo(c[2], within(1e-9 * Math.max(1, c[2])));
            assertThat(i.high()).as("high k=%s", c[0]).isCloseTo(c[3], within(1e-9 * c[3]));
        }
    }

    @Test
    void quantilesAndMedians() {
        double[] s = {1, 2, 4, 8};
        assertThat(Stats.quantileSorted(s, 0)).isEqualTo(1);
        assertThat(Stats.quantileSorted(s, 1)).isEqualTo(8);
        assertThat(Stats.quantileSorted(s, 0.5)).isEqualTo(3);
        assertThat(Stats.quantileSorted(s, 0.25)).isEqualTo(1.75); // numpy.quantile([1,2,4,8], 0.25)
        assertThat(Stats.median(new long[]{-50, 50})).hasValue(0.0);
        assertThat(Stats.median(new long[]{1, 2, 10})).hasValue(2.0);
        assertThat(Stats.median(new long[]{Long.MAX_VALUE - 1, Long.MAX_VALUE})).hasValue(Long.MAX_VALUE - 0.5);
        assertThat(Stats.median(new long[0])).isEmpty();
    }
}
