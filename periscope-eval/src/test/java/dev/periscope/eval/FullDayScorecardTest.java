package dev.periscope.eval;

import dev.periscope.eval.DetectionCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The published scorecard: {@code periscope detect-eval --seeds 5} (five full default sessions, seeds 1-5, 45 h),
 * the figures of the README's detector table and docs/detect-eval.md. Counts are pinned exactly (the simulator and
 * the detectors are deterministic), precision/recall/F1 within 0.0005 of the rounded figures the README prints, and
 * the baseline verdicts. A change of the simulator or a detector default must update this test and the README
 * together. About 10-20 s.
 */
class FullDayScorecardTest {
    static DetectEval.Evaluation e;

    @BeforeAll
    static void run() {
        e = DetectEval.evaluate(DetectEval.Config.of(5).withSeeds(1, 5));
    }

    record Row(String detector, long tp, long fp, long fn, long explained, double precision, double recall, double f1) {}

    static final List<Row> PUBLISHED = List.of(
            new Row("block", 20, 14, 0, 0, 0.5882, 1.0, 0.7407),
            new Row("sweep", 14, 486, 1, 2442, 0.0280, 0.9333, 0.0544),
            new Row("spoofing", 15, 60, 15, 0, 0.2000, 0.5000, 0.2857),
            new Row("iceberg-l3", 19, 589, 1, 0, 0.0313, 0.9500, 0.0605),
            new Row("iceberg-taq", 17, 1776, 3, 0, 0.0095, 0.8500, 0.0188),
            new Row("meta-order", 7, 14, 8, 0, 0.3333, 0.4667, 0.3889),
            new Row("absorption", 5, 116, 10, 0, 0.0413, 0.3333, 0.0735),
            new Row("naive-of12-sweep", 15, 3065, 0, 3098, 0.0049, 1.0, 0.0097),
            new Row("naive-cancel-ratio", 30, 957_435, 0, 0, 0.0000, 1.0, 0.0001),
            new Row("naive-playbook-iceberg", 0, 3, 20, 0, 0.0, 0.0, 0.0),
            new Row("naive-playbook-absorption", 5, 194, 10, 0, 0.0251, 0.3333, 0.0467));

    @Test
    void fiveFullDaysReproduceThePublishedScorecard() {
        assertThat(e.runs().stream().mapToInt(r -> r.labels().size()).sum()).isEqualTo(115);
        for (Row p : PUBLISHED) {
            DetectionCounts c = e.scorecard().row(p.detector()).orElseThrow().pooled();
            assertThat(new long[]{c.tp(), c.fp(), c.fn(), c.explained()}).as(p.detector())
                    .containsExactly(p.tp(), p.fp(), p.fn(), p.explained());
            assertThat(c.precision().getAsDouble()).as(p.detector()).isCloseTo(p.precision(), within(0.0005));
            assertThat(c.recall().getAsDouble()).as(p.detector()).isCloseTo(p.recall(), within(0.0005));
            assertThat(c.f1().getAsDouble()).as(p.detector()).isCloseTo(p.f1(), within(0.0005));
        }
        // the playbook's accumulation rule never fires: precision undefined, recall 0 of 15
        DetectionCounts acc = e.scorecard().row("naive-playbook-accumulation").orElseThrow().pooled();
        assertThat(new long[]{acc.tp(), acc.fp(), acc.fn()}).containsExactly(0, 0, 15);
        assertThat(acc.precision()).isEmpty();
    }

    @Test
    void everyDetectorBeatsItsNaiveBaselineOnFullDays() {
        Map<String, Boolean> beats = new TreeMap<>();
        for (DetectEval.BaselineComparison b : e.baselines()) beats.put(b.detector(), b.beats().orElseThrow());
        assertThat(beats).containsExactly(Map.entry("absorption", true), Map.entry("iceberg-l3", true),
                Map.entry("iceberg-taq", true), Map.entry("meta-order", true), Map.entry("spoofing", true),
                Map.entry("sweep", true));
    }

    @Test
    void scorecardIsReproducibleFromItsSeeds() {
        // one seed again on its own gives that seed's row of the 5-seed run
        DetectEval.Evaluation again = DetectEval.evaluate(DetectEval.Config.of(1).withSeeds(3, 1));
        for (String d : List.of("sweep", "spoofing", "iceberg-l3", "meta-order", "block", "absorption")) {
            DetectionCounts one = again.scorecard().row(d).orElseThrow().pooled();
            DetectionCounts inFive = e.results().get(3L).get(d).counts();
            assertThat(new long[]{one.tp(), one.fp(), one.fn(), one.explained()}).as(d)
                    .containsExactly(inFive.tp(), inFive.fp(), inFive.fn(), inFive.explained());
        }
    }
}
