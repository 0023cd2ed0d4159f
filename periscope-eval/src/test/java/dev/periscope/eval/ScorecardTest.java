package dev.periscope.eval;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.periscope.eval.EvalFixtures.HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Five seeds of "block" with hand-set counts and one seed of "sweep" without labels. Expected pooled Wilson
 * intervals from statsmodels 0.13.5 {@code proportion_confint(method="wilson")}; expected bootstrap intervals from
 * an independent Python transcription (SplitMix64 + numpy.quantile type 7) with the same seed rule.
 */
class ScorecardTest {
    static final long MS = 1_000_000L;
    static final Scorecard.Config CFG = new Scorecard.Config(0.95, 1000, 2026);

    static DetectionCounts counts(long tp, long fp, long fn, long hours, long... delaysMs) {
        long[] d = new long[delaysMs.length];
        for (int i = 0; i < d.length; i++) d[i] = delaysMs[i] * MS;
        return new DetectionCounts(tp, fp, fn, 0, hours * HOUR, d);
    }

    static Scorecard.Builder fiveSeeds(Scorecard.Builder b) {
        return b.add(5, "block", counts(6, 0, 3, 1, 1, 1, 1, 2, 2, 2))
                .add(1, "block", counts(8, 2, 2, 1, 1, 2, 3, 4, 5, 6, 7, 8))
                .add(3, "block", counts(0, 0, 4, 1))
                .add(2, "block", counts(5, 5, 0, 2, 10, 20, 30, 40, 50))
                .add(4, "block", counts(3, 1, 1, 1, -1, 0, 2))
                .add(1, "sweep", counts(0, 3, 0, 1));
    }

    @Test
    void pooledCountsAndWilsonIntervals() {
        Scorecard s = fiveSeeds(Scorecard.builder(CFG)).build();
        Scorecard.Row r = s.row("block").orElseThrow();
        assertThat(r.seeds()).isEqualTo(5);
        assertThat(r.pooled().tp()).isEqualTo(22);
        assertThat(r.pooled().fp()).isEqualTo(8);
        assertThat(r.pooled().fn()).isEqualTo(10);
        assertThat(r.pooled().sessionHours()).isEqualTo(6.0);
        assertThat(r.pooled().precision().getAsDouble()).isCloseTo(22.0 / 30, within(1e-15));
        assertThat(r.pooled().recall().getAsDouble()).isEqualTo(0.6875);
        assertThat(r.pooled().f1().getAsDouble()).isCloseTo(44.0 / 62, within(1e-15));
        assertThat(r.pooled().falseAlarmsPerHour().getAsDouble()).isCloseTo(8.0 / 6, within(1e-12));
        assertThat(r.pooled().medianDelayNanos().getAsDouble()).isEqualTo(2.5 * MS);
        assertThat(r.precisionCi().orElseThrow().low()).isCloseTo(0.555520383048111, within(1e-12));
        assertThat(r.precisionCi().orElseThrow().high()).isCloseTo(0.8581733668040368, within(1e-12));
        assertThat(r.recallCi().orElseThrow().low()).isCloseTo(0.5143332169904458, within(1e-12));
        assertThat(r.recallCi().orElseThrow().high()).isCloseTo(0.8204745836639027, within(1e-12));
    }

    @Test
    void perSeedMeansAndBootstrapIntervalsMatchTheIndependentCalculation() {
        Scorecard.Row r = fiveSeeds(Scorecard.builder(CFG)).build().row("block").orElseThrow();
        double[][] expected = { // mean, low, high, seeds where defined
                {0.7625, 0.575, 0.9, 4},
                {0.6433333333333333, 0.29983333333333345, 0.8702499999999996, 5},
                {0.6033333333333333, 0.3, 0.79, 5},
                {1.1, 0.2, 2.0, 5},
                {9.0, 0.75, 22.875, 4}};
        for (Scorecard.Metric m : Scorecard.Metric.values()) {
            Scorecard.Estimate e = r.estimate(m);
            double[] x = expected[m.ordinal()];
            assertThat(e.mean().getAsDouble()).as(m.key()).isCloseTo(x[0], within(1e-9));
            assertThat(e.ci().orElseThrow().low()).as(m.key()).isCloseTo(x[1], within(1e-9));
            assertThat(e.ci().orElseThrow().high()).as(m.key()).isCloseTo(x[2], within(1e-9));
            assertThat(e.seeds()).as(m.key()).isEqualTo((int) x[3]);
        }
    }

    @Test
    void undefinedMetricsAreNotApplicableNeverNaN() {
        Scorecard s = fiveSeeds(Scorecard.builder(CFG)).build();
        Scorecard.Row sweep = s.row("sweep").orElseThrow();
        assertThat(sweep.pooled().recall()).isEmpty();
        assertThat(sweep.recallCi()).isEmpty();
        assertThat(sweep.estimate(Scorecard.Metric.RECALL).mean()).isEmpty();
        assertThat(sweep.estimate(Scorecard.Metric.PRECISION).ci()).isEmpty(); // one seed: no interval
        assertThat(sweep.estimate(Scorecard.Metric.PRECISION).mean()).hasValue(0.0);
        String text = s.toText(), csv = s.toCsv(), json = s.toJson();
        assertThat(text + csv + json).doesNotContainIgnoringCase("nan").doesNotContain("Infinity");
        assertThat(text).contains("0.0000 n/a").contains("n/a n/a n=0");
        assertThat(csv.lines().filter(l -> l.startsWith("sweep,")).findFirst().orElseThrow())
                .startsWith("sweep,1,0,3,0,0,0,1.000000,0.000000,0.000000,0.561497,,,,0.000000,3.000000,,0.000000,");
        assertThat(json).contains("\"recall\": null, \"recall_wilson\": null");
    }

    @Test
    void renderingIsDeterministicAndIndependentOfInsertionOrder() {
        Scorecard a = fiveSeeds(Scorecard.builder(CFG)).build();
        Scorecard b = Scorecard.builder(CFG)
                .add(1, "sweep", counts(0, 3, 0, 1))
                .add(4, "block", counts(3, 1, 1, 1, -1, 0, 2))
                .add(2, "block", counts(5, 5, 0, 2, 10, 20, 30, 40, 50))
                .add(1, "block", counts(8, 2, 2, 1, 1, 2, 3, 4, 5, 6, 7, 8))
                .add(3, "block", counts(0, 0, 4, 1))
                .add(5, "block", counts(6, 0, 3, 1, 1, 1, 1, 2, 2, 2)).build();
        assertThat(b.toText()).isEqualTo(a.toText());
        assertThat(b.toCsv()).isEqualTo(a.toCsv());
        assertThat(b.toJson()).isEqualTo(a.toJson());
        Scorecard other = fiveSeeds(Scorecard.builder(new Scorecard.Config(0.95, 1000, 2027))).build();
        assertThat(other.toCsv()).isNotEqualTo(a.toCsv());
        assertThat(a.toCsv().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", Scorecard.csvColumns()));
        assertThat(a.toCsv().lines().skip(1).findFirst().orElseThrow()).startsWith(
                "block,5,22,8,10,0,0,6.000000,0.733333,0.555520,0.858173,0.687500,0.514333,0.820475,0.709677,1.333333,2.500000,0.733333,"
                        + "0.762500,0.575000,0.900000,4,");
        assertThat(a.toText()).contains("block                    5     22      8     10     0      0      6.00  "
                + "0.7333 [0.5555, 0.8582]");
    }

    @Test
    void aSeedCannotBeAddedTwice() {
        assertThatThrownBy(() -> Scorecard.builder(CFG).add(1, "block", counts(0, 0, 0, 1)).add(1, "block", counts(0, 0, 0, 1)))
                .hasMessageContaining("seed 1 added twice");
        assertThat(Scorecard.builder(CFG).build().toJson()).isEqualTo("""
                {
                  "confidence": 0.9500,
                  "bootstrap_replicates": 1000,
                  "bootstrap_seed": 2026,
                  "detectors": []
                }
                """);
        assertThat(Scorecard.builder(CFG).build().row("x")).isEqualTo(Optional.empty());
    }
}
