package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.model.Px;
import dev.periscope.model.truth.GroundTruthLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.periscope.eval.EvalFixtures.HOUR;
import static dev.periscope.eval.EvalFixtures.alert;
import static dev.periscope.eval.EvalFixtures.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class AlertMatcherTest {
    static final KindMapping BLOCK = KindMapping.of("block", SideRelation.SAME, "block", "off-exchange-block");
    static final MatchConfig TOL100 = MatchConfig.DEFAULT.withTolerance(100);

    // L1 block buy @1000, L2 off-exchange sell @5000, L3 block buy 9000..9100 (missed), L4 sweep (not block's kind)
    static final List<GroundTruthLabel> LABELS = List.of(label("block", 9000, 9100, 1), label("block", 1000, 1000, 1),
            label("off-exchange-block", 5000, 5000, -1), label("sweep", 1050, 1050, 1));
    // A1 hits L1 (+50), A2 repeats L1 (duplicate), A3 hits L2 (-50, inside tolerance), A4 nothing near,
    // A5 at L2 but on the wrong side, A6 another detector
    static final List<Alert> ALERTS = List.of(alert("block", 1080, 1080, 1), alert("block", 7000, 7000, 1),
            alert("block", 1050, 1050, 1), alert("block", 4950, 4950, -1), alert("block", 5000, 5000, 1),
            alert("sweep", 1050, 1050, 1));

    @Test
    void handBuiltCaseGivesExactCounts() {
        DetectorResult r = new AlertMatcher(BLOCK, TOL100).match("block", ALERTS, LABELS, 2 * HOUR);
        DetectionCounts c = r.counts();
        assertThat(c.tp()).isEqualTo(2);
        assertThat(c.fp()).isEqualTo(3);
        assertThat(c.fn()).isEqualTo(1);
        assertThat(c.duplicates()).isEqualTo(1);
        assertThat(c.precision().getAsDouble()).isEqualTo(0.4);
        assertThat(c.recall().getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(c.f1().getAsDouble()).isEqualTo(0.5);
        assertThat(c.falseAlarmsPerHour().getAsDouble()).isEqualTo(1.5);
        assertThat(c.delaysNanos()).containsExactly(-50, 50);
        assertThat(c.medianDelayNanos().getAsDouble()).isEqualTo(0.0);
        assertThat(r.hits()).extracting(h -> h.alert().tsStart(), h -> h.label().tsStart(), DetectorResult.Hit::delayNanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1050L, 1000L, 50L),
                        org.assertj.core.groups.Tuple.tuple(4950L, 5000L, -50L));
        assertThat(r.duplicates()).extracting(Alert::tsStart).containsExactly(1080L);
        assertThat(r.falseAlarms()).extracting(Alert::tsStart).containsExactly(5000L, 7000L);
        assertThat(r.misses()).extracting(GroundTruthLabel::tsStart).containsExactly(9000L);
        assertThat(r.params()).isEqualTo("p=1");
    }

    @Test
    void timelineListsOutcomesInTimeOrder() {
        String t = new AlertMatcher(BLOCK, TOL100).match("block", ALERTS, LABELS, 2 * HOUR).toTimeline();
        assertThat(t.lines().findFirst().orElseThrow()).isEqualTo("block: 2 hits, 1 misses, 2 false alarms, 1 duplicates");
        assertThat(t.lines().skip(1).filter(l -> !l.startsWith(" ")).map(l -> l.split(" +")[0] + "@" + l.split(" +")[1]))
                .containsExactly("HIT@1970-01-01T00:00:00.000001Z",
                        "DUP@1970-01-01T00:00:00.000001080Z",
                        "HIT@1970-01-01T00:00:00.000005Z",
                        "FALSE@1970-01-01T00:00:00.000005Z",
                        "FALSE@1970-01-01T00:00:00.000007Z",
                        "MISS@1970-01-01T00:00:00.000009Z");
        assertThat(t).contains("HIT   1970-01-01T00:00:00.000001Z delay=0.000ms label: block XXX buy ts=1000..1000");
    }

    @Test
    void duplicatesCanBeExcludedFromPrecision() {
        DetectionCounts c = new AlertMatcher(BLOCK, TOL100.withDuplicatesAreFalseAlarms(false))
                .match("block", ALERTS, LABELS, 2 * HOUR).counts();
        assertThat(c.fp()).isEqualTo(2);
        assertThat(c.duplicates()).isEqualTo(1);
        assertThat(c.precision().getAsDouble()).isEqualTo(0.5);
        assertThat(c.f1().getAsDouble()).isEqualTo(4.0 / 7);
    }

    @Test
    void toleranceWidensTheLabelOnBothSides() {
        List<GroundTruthLabel> l = List.of(label("block", 1000, 2000, 0));
        AlertMatcher m = new AlertMatcher(BLOCK, MatchConfig.DEFAULT.withTolerance(10));
        assertThat(m.match("block", List.of(alert("block", 2010, 2020, 0)), l, 0).counts().tp()).isEqualTo(1);
        assertThat(m.match("block", List.of(alert("block", 2011, 2020, 0)), l, 0).counts().tp()).isZero();
        assertThat(m.match("block", List.of(alert("block", 900, 990, 0)), l, 0).counts().tp()).isEqualTo(1);
        assertThat(m.match("block", List.of(alert("block", 900, 989, 0)), l, 0).counts().tp()).isZero();
        // zero tolerance: touching closed intervals overlap
        AlertMatcher exact = new AlertMatcher(BLOCK, MatchConfig.DEFAULT.withTolerance(0));
        assertThat(exact.match("block", List.of(alert("block", 2000, 2000, 0)), l, 0).counts().tp()).isEqualTo(1);
        assertThat(exact.match("block", List.of(alert("block", 2001, 2001, 0)), l, 0).counts().tp()).isZero();
        // a long alert spanning the label matches too
        assertThat(exact.match("block", List.of(alert("block", 0, 5000, 0)), l, 0).counts().tp()).isEqualTo(1);
    }

    @Test
    void sideRelationsAndUnknownSides() {
        KindMapping m = KindMapping.of("absorption", SideRelation.OPPOSITE, "absorption");
        AlertMatcher am = new AlertMatcher(m, TOL100);
        List<GroundTruthLabel> passiveBuyer = List.of(label("absorption", 100, 200, 1));
        assertThat(am.match("absorption", List.of(alert("absorption", 150, 150, -1)), passiveBuyer, 0).counts().tp()).isEqualTo(1);
        assertThat(am.match("absorption", List.of(alert("absorption", 150, 150, 1)), passiveBuyer, 0).counts().tp()).isZero();
        assertThat(am.match("absorption", List.of(alert("absorption", 150, 150, 0)), passiveBuyer, 0).counts().tp()).isEqualTo(1);
        AlertMatcher ignore = new AlertMatcher(KindMapping.of("absorption", SideRelation.IGNORE, "absorption"), TOL100);
        assertThat(ignore.match("absorption", List.of(alert("absorption", 150, 150, 1)), passiveBuyer, 0).counts().tp()).isEqualTo(1);
        assertThat(SideRelation.SAME.compatible((byte) 1, (byte) 0)).isTrue();
        assertThat(SideRelation.SAME.compatible((byte) 1, (byte) -1)).isFalse();
    }

    @Test
    void optionalPriceProximity() {
        List<GroundTruthLabel> l = List.of(label("block", 100, 100, 0).withPrices(Px.parse("10.00"), Px.parse("10.00")));
        List<Alert> a = List.of(alert("block", 100, 100, 0, Px.parse("10.03"), Px.parse("10.05")));
        assertThat(new AlertMatcher(BLOCK, TOL100).match("block", a, l, 0).counts().tp()).isEqualTo(1);
        assertThat(new AlertMatcher(BLOCK, TOL100.withPriceTolerance(Px.parse("0.02"))).match("block", a, l, 0)
                .counts().tp()).isZero();
        assertThat(new AlertMatcher(BLOCK, TOL100.withPriceTolerance(Px.parse("0.03"))).match("block", a, l, 0)
                .counts().tp()).isEqualTo(1);
        // a label without prices is matched on time and side only
        assertThat(new AlertMatcher(BLOCK, TOL100.withPriceTolerance(0)).match("block", a,
                List.of(label("block", 100, 100, 0)), 0).counts().tp()).isEqualTo(1);
    }

    @Test
    void maximumMatchingBeatsGreedyWhereGreedyBlocksALabel() {
        // X overlaps both labels, Y only the first; greedy lets X take the first label and Y is left over
        List<GroundTruthLabel> l = List.of(label("block", 0, 10, 0), label("block", 20, 30, 0));
        List<Alert> a = List.of(alert("block", 5, 25, 0), alert("block", 8, 9, 0));
        MatchConfig exact = MatchConfig.DEFAULT.withTolerance(0);
        DetectorResult g = new AlertMatcher(BLOCK, exact.withAssignment(MatchConfig.Assignment.GREEDY)).match("block", a, l, HOUR);
        DetectorResult m = new AlertMatcher(BLOCK, exact).match("block", a, l, HOUR);
        assertThat(g.counts().tp()).isEqualTo(1);
        assertThat(g.counts().duplicates()).isEqualTo(1);
        assertThat(g.misses()).extracting(GroundTruthLabel::tsStart).containsExactly(20L);
        assertThat(m.counts().tp()).isEqualTo(2);
        assertThat(m.hits()).extracting(h -> h.alert().tsStart(), h -> h.label().tsStart())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, 20L), org.assertj.core.groups.Tuple.tuple(8L, 0L));
        assertThat(m.counts().delaysNanos()).containsExactly(5, 9);
    }

    @Test
    void noLabelsMeansRecallNotApplicableAndNoAlertsMeansPrecisionNotApplicable() {
        AlertMatcher m = new AlertMatcher(BLOCK, TOL100);
        DetectionCounts noLabels = m.match("block", List.of(alert("block", 1, 1, 0)), List.of(), HOUR).counts();
        assertThat(noLabels.recall()).isEmpty();
        assertThat(noLabels.precision().getAsDouble()).isZero();
        assertThat(noLabels.f1().getAsDouble()).isZero();
        assertThat(noLabels.medianDelayNanos()).isEmpty();
        DetectionCounts noAlerts = m.match("block", List.of(), List.of(label("block", 1, 1, 0)), HOUR).counts();
        assertThat(noAlerts.precision()).isEmpty();
        assertThat(noAlerts.recall().getAsDouble()).isZero();
        assertThat(noAlerts.f1().getAsDouble()).isZero();
        assertThat(noAlerts.falseAlarmsPerHour().getAsDouble()).isZero();
        DetectionCounts nothing = m.match("block", List.of(), List.of(), 0).counts();
        assertThat(nothing.precision()).isEmpty();
        assertThat(nothing.recall()).isEmpty();
        assertThat(nothing.f1()).isEmpty();
        assertThat(nothing.falseAlarmsPerHour()).isEmpty();
    }

    @Test
    void evaluateScoresEveryMappedDetectorAndFiltersInstrument() {
        KindMapping map = BLOCK.with("sweep", SideRelation.SAME, "sweep");
        List<GroundTruthLabel> labels = new ArrayList<>(LABELS);
        labels.add(GroundTruthLabel.of("sweep", "YYY", (byte) 1, 1050, 1050));
        Map<String, DetectorResult> all = new AlertMatcher(map, TOL100).evaluate(ALERTS, labels, HOUR);
        assertThat(all.keySet()).containsExactly("block", "sweep");
        assertThat(all.get("sweep").counts().tp()).isEqualTo(1);
        assertThat(all.get("sweep").counts().fn()).isEqualTo(1); // the YYY sweep
        Map<String, DetectorResult> xxx = new AlertMatcher(map, TOL100.withInstrument("XXX")).evaluate(ALERTS, labels, HOUR);
        assertThat(xxx.get("sweep").counts().fn()).isZero();
        assertThat(xxx.get("block").counts()).isEqualTo(all.get("block").counts());
        assertThatThrownBy(() -> new AlertMatcher(map, TOL100).match("iceberg", ALERTS, labels, 0))
                .hasMessageContaining("not in the kind mapping");
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        List<Alert> rev = new ArrayList<>(ALERTS);
        java.util.Collections.reverse(rev);
        List<GroundTruthLabel> revL = new ArrayList<>(LABELS);
        java.util.Collections.reverse(revL);
        AlertMatcher m = new AlertMatcher(BLOCK, TOL100);
        assertThat(m.match("block", rev, revL, HOUR)).isEqualTo(m.match("block", ALERTS, LABELS, HOUR));
    }

    /** Brute force: the largest number of one-to-one eligible pairs. */
    private static int bruteMax(boolean[][] elig, int i, boolean[] used) {
        if (i == elig.length) return 0;
        int best = bruteMax(elig, i + 1, used);
        for (int j = 0; j < used.length; j++) {
            if (elig[i][j] && !used[j]) {
                used[j] = true;
                best = Math.max(best, 1 + bruteMax(elig, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void maximumAssignmentEqualsBruteForceMaximumAndCountsAddUp() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int na = r.nextInt(8), nl = r.nextInt(7);
            List<Alert> as = new ArrayList<>();
            List<GroundTruthLabel> ls = new ArrayList<>();
            for (int i = 0; i < na; i++) {
                long t = r.nextLong(0, 100);
                as.add(alert("block", t, t + r.nextLong(0, 15), r.nextInt(3) - 1));
            }
            for (int j = 0; j < nl; j++) {
                long t = r.nextLong(0, 100);
                ls.add(label(r.nextBoolean() ? "block" : "off-exchange-block", t, t + r.nextLong(0, 15), r.nextInt(3) - 1));
            }
            long tol = r.nextLong(0, 5);
            boolean[][] elig = new boolean[na][nl];
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nl; j++) {
                    Alert a = as.get(i);
                    GroundTruthLabel l = ls.get(j);
                    elig[i][j] = a.tsStart() <= l.tsEnd() + tol && a.tsEnd() >= l.tsStart() - tol
                            && (a.side() == 0 || l.side() == 0 || a.side() == l.side());
                }
            }
            int expected = bruteMax(elig, 0, new boolean[nl]);
            MatchConfig cfg = MatchConfig.DEFAULT.withTolerance(tol);
            DetectionCounts max = new AlertMatcher(BLOCK, cfg).match("block", as, ls, HOUR).counts();
            DetectionCounts greedy = new AlertMatcher(BLOCK, cfg.withAssignment(MatchConfig.Assignment.GREEDY))
                    .match("block", as, ls, HOUR).counts();
            assertThat(max.tp()).isEqualTo(expected);
            assertThat(greedy.tp()).isLessThanOrEqualTo(expected).isGreaterThanOrEqualTo((expected + 1) / 2);
            for (DetectionCounts c : List.of(max, greedy)) {
                assertThat(c.tp() + c.fp()).isEqualTo(na);
                assertThat(c.tp() + c.fn()).isEqualTo(nl);
            }
        });
    }

    @Test
    void candidateSearchFindsEveryEligibleLabelOnLargerInputs() {
        // long and short labels mixed: an alert is a hit or a duplicate iff some label is eligible by the naive rule
        qt().withExamples(50).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<Alert> as = new ArrayList<>();
            List<GroundTruthLabel> ls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long t = r.nextLong(0, 100_000);
                as.add(alert("block", t, t + r.nextLong(0, 500), r.nextInt(3) - 1));
            }
            for (int j = 0; j < 100; j++) {
                long t = r.nextLong(0, 100_000);
                long len = r.nextInt(10) == 0 ? r.nextLong(0, 50_000) : r.nextLong(0, 300);
                ls.add(label("block", t, t + len, r.nextInt(3) - 1));
            }
            long tol = r.nextLong(0, 200);
            long expected = 0;
            for (Alert a : as) {
                for (GroundTruthLabel l : ls) {
                    if (a.tsStart() <= l.tsEnd() + tol && a.tsEnd() >= l.tsStart() - tol
                            && (a.side() == 0 || l.side() == 0 || a.side() == l.side())) {
                        expected++;
                        break;
                    }
                }
            }
            DetectionCounts c = new AlertMatcher(BLOCK, MatchConfig.DEFAULT.withTolerance(tol)).match("block", as, ls, HOUR).counts();
            assertThat(c.tp() + c.duplicates()).isEqualTo(expected);
        });
    }

    @Test
    void longAugmentingChainsDoNotOverflowTheStack() {
        // L0 is long and on the buy side; L1..Ln are sell-side points at 10i. A0 (side unknown) fits L0 and L1;
        // Ai (sell) fits Li and Li+1; E (buy), last in time, fits only L0. Every alert first takes its earliest label,
        // so E's arrival needs an augmenting path through all n alerts.
        int n = 20_000;
        List<GroundTruthLabel> ls = new ArrayList<>();
        List<Alert> as = new ArrayList<>();
        ls.add(label("block", 0, 10L * n + 20, 1));
        for (int i = 1; i <= n; i++) ls.add(label("block", 10L * i, 10L * i, -1));
        as.add(alert("block", 0, 10, 0));
        for (int i = 1; i < n; i++) as.add(alert("block", 10L * i, 10L * i + 10, -1));
        as.add(alert("block", 10L * n + 10, 10L * n + 10, 1));
        MatchConfig exact = MatchConfig.DEFAULT.withTolerance(0);
        DetectorResult r = new AlertMatcher(BLOCK, exact).match("block", as, ls, HOUR);
        assertThat(r.counts().tp()).isEqualTo(n + 1);
        assertThat(r.counts().fn()).isZero();
        assertThat(r.hits().get(0).label().tsStart()).isEqualTo(10);
        assertThat(r.hits().get(n).label().tsStart()).isZero();
        assertThat(r.counts().medianDelayNanos().getAsDouble()).isZero();
        DetectionCounts greedy = new AlertMatcher(BLOCK, exact.withAssignment(MatchConfig.Assignment.GREEDY))
                .match("block", as, ls, HOUR).counts();
        assertThat(greedy.tp()).isEqualTo(n);
        assertThat(greedy.fn()).isEqualTo(1);
    }

    static Alert sized(long t0, long t1, int side, long shares) {
        return new Alert("sweep", "p=1", "sweep", t0, t1, (byte) side, Px.parse("10"), Px.parse("10"), Px.parse("10"),
                Px.ofUnits(shares), 10.0 * shares, "NQ", 2, 1, "sized " + t0);
    }

    static GroundTruthLabel sizedLabel(long t0, long t1, int side, long shares) {
        return new GroundTruthLabel("sweep", "XXX", "NQ", (byte) side, t0, t1, Px.ofUnits(shares), Px.NONE, Px.NONE,
                new long[0], new long[0], "");
    }

    /**
     * Incidental labels are "don't care": an alert that hits no planted label is explained (not a false alarm) only
     * by an incidental label that overlaps it without tolerance, on a compatible side, holding at least half its size;
     * incidental labels are never hits or misses, and planted labels are matched first.
     */
    @Test
    void incidentalLabelsExplainAlertsWithoutBecomingHitsOrMisses() {
        KindMapping m = KindMapping.of("sweep", SideRelation.SAME, "sweep");
        List<GroundTruthLabel> planted = List.of(sizedLabel(1000, 1010, 1, 8000));
        List<GroundTruthLabel> incidental = List.of(
                sizedLabel(1005, 1008, 1, 5000),   // under the planted one: the alert there must stay a hit
                sizedLabel(3000, 3020, 1, 5000),   // explains A2 (6,000 sh: 5,000 >= 3,000)
                sizedLabel(4000, 4010, 1, 2000),   // too small for A3 (6,000 sh: 2,000 < 3,000)
                sizedLabel(5000, 5010, -1, 9000),  // wrong side for A4
                sizedLabel(6000, 6010, 1, 9000),   // ends 1 ns before A5 starts: no tolerance for incidental labels
                sizedLabel(7000, 7000, 1, 3000));  // exactly half of A6 (6,000 sh): explains
        List<Alert> alerts = List.of(sized(1004, 1006, 1, 8000), sized(3010, 3030, 1, 6000), sized(4005, 4005, 1, 6000),
                sized(5005, 5005, 1, 6000), sized(6011, 6020, 1, 6000), sized(6990, 7000, 1, 6000));
        MatchConfig tol = MatchConfig.DEFAULT.withTolerance(100);
        DetectorResult r = new AlertMatcher(m, tol).match("sweep", alerts, planted, incidental, HOUR);
        DetectionCounts c = r.counts();
        assertThat(new long[]{c.tp(), c.fp(), c.fn(), c.duplicates(), c.explained()}).containsExactly(1, 3, 0, 0, 2);
        assertThat(r.explained()).extracting(Alert::tsStart).containsExactly(3010L, 6990L);
        assertThat(r.falseAlarms()).extracting(Alert::tsStart).containsExactly(4005L, 5005L, 6011L);
        assertThat(c.precision().getAsDouble()).isCloseTo(1.0 / 4, within(1e-12));
        assertThat(c.realShare().getAsDouble()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(r.toTimeline()).contains("2 explained by unplanted patterns").contains("REAL  ");
        // without incidental labels every unmatched alert is a false alarm, and realShare is the precision
        DetectionCounts plain = new AlertMatcher(m, tol).match("sweep", alerts, planted, HOUR).counts();
        assertThat(new long[]{plain.tp(), plain.fp(), plain.explained()}).containsExactly(1, 5, 0);
        assertThat(plain.realShare()).isEqualTo(plain.precision());
        // pooling adds the explained counts
        assertThat(c.plus(c).explained()).isEqualTo(4);
    }

    /** Explained alerts agree with a brute-force scan over every incidental label on random inputs. */
    @Test
    void incidentalExplanationAgreesWithBruteForce() {
        KindMapping m = KindMapping.of("sweep", SideRelation.SAME, "sweep");
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            List<GroundTruthLabel> inc = new ArrayList<>();
            for (int j = 0; j < 30; j++) {
                long t0 = rnd.nextLong(10_000), len = rnd.nextInt(4) == 0 ? rnd.nextLong(2_000) : rnd.nextLong(50);
                inc.add(sizedLabel(t0, t0 + len, rnd.nextBoolean() ? 1 : -1, 100 * (1 + rnd.nextInt(100))));
            }
            List<Alert> as = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = rnd.nextLong(10_000);
                as.add(sized(t0, t0 + rnd.nextLong(100), rnd.nextBoolean() ? 1 : -1, 100 * (1 + rnd.nextInt(100))));
            }
            DetectorResult r = new AlertMatcher(m, MatchConfig.DEFAULT).match("sweep", as, List.of(), inc, HOUR);
            long expected = as.stream().filter(a -> inc.stream().anyMatch(l -> l.tsStart() <= a.tsEnd() && l.tsEnd() >= a.tsStart()
                    && l.side() == a.side() && 2 * l.size() >= a.totalSize())).count();
            assertThat(r.counts().explained()).as("round " + round).isEqualTo(expected);
            assertThat(r.counts().explained() + r.counts().fp()).isEqualTo(as.size());
        }
    }
}
