package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.eval.DetectionCounts;
import dev.periscope.eval.DetectorResult;
import dev.periscope.eval.KindMapping;
import dev.periscope.eval.Scorecard;
import dev.periscope.model.truth.GroundTruthLabel;
import dev.periscope.sim.SimConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code detect-eval} engine on two shortened simulated sessions (10:00-11:00, no pre/post market): the scorecard
 * is reproducible, its counts are consistent with the raw alerts and labels, and precision/recall recomputed here
 * with an independent implementation of the overlap rule and a maximum matching agree with it.
 */
class DetectEvalTest {
    private static final dev.periscope.analytics.detect.MutablePrintContext PRINT =
            new dev.periscope.analytics.detect.MutablePrintContext();
    static DetectEval.Config cfg;
    static DetectEval.Evaluation first;

    static DetectEval.Config config() {
        return DetectEval.Config.of(2).withBase(SimConfig.defaults().withHours(LocalTime.of(10, 0), LocalTime.of(11, 0), false))
                .withLabels(DetectEval.SIMULATOR_LABELS);
    }

    @BeforeAll
    static void run() {
        cfg = config();
        first = DetectEval.evaluate(cfg);
    }

    @Test
    void scorecardIsReproducible() {
        DetectEval.Evaluation again = DetectEval.evaluate(config());
        assertThat(DetectEval.report(again)).isEqualTo(DetectEval.report(first));
        assertThat(again.scorecard().toCsv()).isEqualTo(first.scorecard().toCsv());
        assertThat(again.scorecard().toJson()).isEqualTo(first.scorecard().toJson());
        assertThat(first.runs()).hasSize(2);
        assertThat(first.runs().get(0).labels()).isNotEmpty();
        // every detector runs; all but divergence are scored
        assertThat(first.scorecard().rows()).hasSize(DetectEval.CATALOG.names().size() - 1);
        assertThat(first.unscored()).containsOnlyKeys("delta-divergence");
    }

    @Test
    void countsAreConsistentWithRawAlertsAndLabels() {
        for (DetectEval.SeedRun run : first.runs()) {
            Map<String, DetectorResult> rs = first.results().get(run.seed());
            for (String d : DetectEval.CATALOG.names()) {
                KindMapping.Rule rule = DetectEval.CATALOG.mapping().rule(d);
                if (rule == null) continue;
                DetectionCounts c = rs.get(d).counts();
                long labels = run.labels().stream().filter(l -> rule.labelKinds().contains(l.kind())).count();
                long alerts = run.alerts(d, "").size();
                assertThat(c.tp() + c.fn()).as(d + " labels").isEqualTo(labels);
                assertThat(c.tp() + c.fp() + c.explained()).as(d + " alerts").isEqualTo(alerts);
                // only the sweep detectors have incidental labels to be explained by
                if (!rule.labelKinds().contains("sweep")) assertThat(c.explained()).as(d).isZero();
                assertThat(c.sessionNanos()).isEqualTo(3_600_000_000_000L);
            }
        }
        // pooled scorecard counts are the sums over seeds
        for (Scorecard.Row r : first.scorecard().rows()) {
            long tp = 0, fp = 0, fn = 0;
            for (DetectEval.SeedRun run : first.runs()) {
                DetectionCounts c = first.results().get(run.seed()).get(r.detector()).counts();
                tp += c.tp(); fp += c.fp(); fn += c.fn();
            }
            assertThat(new long[]{r.pooled().tp(), r.pooled().fp(), r.pooled().fn()}).as(r.detector()).containsExactly(tp, fp, fn);
            assertThat(r.seeds()).isEqualTo(2);
        }
    }

    @Test
    void precisionAndRecallAgreeWithAnIndependentMatcher() {
        long tau = 1_000_000_000L;
        for (Scorecard.Row row : first.scorecard().rows()) {
            String d = row.detector();
            KindMapping.Rule rule = DetectEval.CATALOG.mapping().rule(d);
            long tp = 0, alerts = 0, labels = 0, explained = 0;
            for (DetectEval.SeedRun run : first.runs()) {
                List<Alert> as = run.alerts(d, "");
                List<GroundTruthLabel> ls = new ArrayList<>();
                for (GroundTruthLabel l : run.labels()) if (rule.labelKinds().contains(l.kind())) ls.add(l);
                boolean[][] ok = new boolean[as.size()][ls.size()];
                for (int i = 0; i < as.size(); i++) {
                    Alert a = as.get(i);
                    for (int j = 0; j < ls.size(); j++) {
                        GroundTruthLabel l = ls.get(j);
                        boolean time = a.tsStart() <= l.tsEnd() + tau && a.tsEnd() >= l.tsStart() - tau;
                        boolean side = switch (rule.sides()) {
                            case IGNORE -> true;
                            case SAME -> a.side() == 0 || l.side() == 0 || a.side() == l.side();
                            case OPPOSITE -> a.side() == 0 || l.side() == 0 || a.side() == -l.side();
                        };
                        ok[i][j] = time && side;
                    }
                }
                tp += maxMatching(ok, ls.size());
                alerts += as.size();
                labels += ls.size();
                // incidental (don't-care) labels explain an alert eligible for no planted label when one overlaps it
                // exactly, on its side, with at least half its size (docs/evaluation.md section 2)
                for (int i = 0; i < as.size(); i++) {
                    boolean eligible = false;
                    for (boolean b : ok[i]) eligible |= b;
                    if (eligible) continue;
                    Alert a = as.get(i);
                    for (GroundTruthLabel l : run.incidental()) {
                        if (!rule.labelKinds().contains(l.kind()) || l.tsStart() > a.tsEnd() || l.tsEnd() < a.tsStart()) continue;
                        boolean sideOk = switch (rule.sides()) {
                            case IGNORE -> true;
                            case SAME -> a.side() == 0 || l.side() == 0 || a.side() == l.side();
                            case OPPOSITE -> a.side() == 0 || l.side() == 0 || a.side() == -l.side();
                        };
                        if (!sideOk) continue;
                        if (2 * l.size() >= a.totalSize()) { explained++; break; }
                    }
                }
            }
            DetectionCounts p = row.pooled();
            assertThat(p.tp()).as(d).isEqualTo(tp);
            assertThat(p.explained()).as(d + " explained").isEqualTo(explained);
            alerts -= explained;
            if (alerts > 0) assertThat(p.precision().getAsDouble()).as(d).isCloseTo((double) tp / alerts, within(1e-12));
            else assertThat(p.precision()).as(d).isEmpty();
            if (labels > 0) assertThat(p.recall().getAsDouble()).as(d).isCloseTo((double) tp / labels, within(1e-12));
            else assertThat(p.recall()).as(d).isEmpty();
        }
    }

    /** Kuhn's augmenting paths, recursive (small inputs), written independently of AlertMatcher. */
    static int maxMatching(boolean[][] ok, int nLabels) {
        int[] owner = new int[nLabels];
        Arrays.fill(owner, -1);
        int m = 0;
        for (int i = 0; i < ok.length; i++) if (augment(i, ok, owner, new boolean[nLabels])) m++;
        return m;
    }

    static boolean augment(int i, boolean[][] ok, int[] owner, boolean[] seen) {
        for (int j = 0; j < owner.length; j++) {
            if (!ok[i][j] || seen[j]) continue;
            seen[j] = true;
            if (owner[j] < 0 || augment(owner[j], ok, owner, seen)) { owner[j] = i; return true; }
        }
        return false;
    }

    @Test
    void baselinesAreComparedOnPooledF1() {
        assertThat(first.baselines()).extracting(DetectEval.BaselineComparison::detector)
                .containsExactly("iceberg-l3", "iceberg-taq", "spoofing", "sweep", "meta-order", "absorption");
        for (DetectEval.BaselineComparison b : first.baselines()) {
            var d = first.scorecard().row(b.detector()).orElseThrow().pooled().f1();
            var base = first.scorecard().row(b.baseline()).orElseThrow().pooled().f1();
            assertThat(b.f1()).isEqualTo(d);
            assertThat(b.baselineF1()).isEqualTo(base);
            if (d.isPresent() && base.isPresent()) assertThat(b.beats()).contains(d.getAsDouble() > base.getAsDouble());
        }
        assertThat(DetectEval.report(first)).contains("Against the naive baselines").contains("alarms/h");
    }

    /**
     * Pinned results of seeds 1-2, 10:00-11:00 (measured 2026-11-24; docs/detect-eval.md): a change in the simulator,
     * a detector or the matcher shows up here. Counts exact, proportions to +/-0.02.
     */
    @Test
    void pinnedScorecardOfTwoShortSessions() {
        assertThat(first.runs().stream().mapToInt(r -> r.labels().size()).sum()).isEqualTo(46);
        record Pin(String detector, long tp, long fp, long fn) {}
        for (Pin p : List.of(new Pin("spoofing", 9, 16, 3), new Pin("iceberg-l3", 7, 34, 1), new Pin("iceberg-taq", 7, 116, 1),
                new Pin("block", 8, 1, 0), new Pin("sweep", 4, 135, 2), new Pin("naive-of12-sweep", 6, 411, 0),
                new Pin("absorption", 0, 1, 6), new Pin("meta-order", 0, 0, 6), new Pin("naive-playbook-iceberg", 0, 0, 8))) {
            DetectionCounts c = first.scorecard().row(p.detector()).orElseThrow().pooled();
            assertThat(new long[]{c.tp(), c.fp(), c.fn()}).as(p.detector()).containsExactly(p.tp(), p.fp(), p.fn());
        }
        // the two baselines added for meta-order and absorption; re-derived: every alert is a TP or an FP (one label
        // per alert at most) and every planted label of the kind is a TP or an FN
        record Base(String detector, String kind, long tp, long fp, long fn) {}
        for (Base p : List.of(new Base("naive-playbook-accumulation", "meta-order", 0, 0, 6),
                new Base("naive-playbook-absorption", "absorption", 4, 12, 2))) {
            DetectionCounts c = first.scorecard().row(p.detector()).orElseThrow().pooled();
            assertThat(new long[]{c.tp(), c.fp(), c.fn()}).as(p.detector()).containsExactly(p.tp(), p.fp(), p.fn());
            long alerts = first.runs().stream().flatMap(r -> r.alerts().stream()).filter(a -> a.detector().equals(p.detector())).count();
            long labels = first.runs().stream().flatMap(r -> r.labels().stream()).filter(l -> l.kind().equals(p.kind())).count();
            assertThat(c.tp() + c.fp()).as(p.detector()).isEqualTo(alerts);
            assertThat(c.tp() + c.fn()).as(p.detector()).isEqualTo(labels);
        }
        // alerts explained by the 11,632 incidental sweeps of the two sessions (arbitrage ISOs, routed orders on
        // several venues): with --no-incidental they are false alarms
        assertThat(first.runs().stream().mapToInt(r -> r.incidental().size()).sum()).isEqualTo(11_632);
        assertThat(first.scorecard().row("sweep").orElseThrow().pooled().explained()).isEqualTo(256);
        assertThat(first.scorecard().row("naive-of12-sweep").orElseThrow().pooled().explained()).isEqualTo(419);
        DetectionCounts sp = first.scorecard().row("spoofing").orElseThrow().pooled();
        assertThat(sp.precision().getAsDouble()).isCloseTo(0.3600, within(0.02));
        assertThat(sp.f1().getAsDouble()).isCloseTo(0.4865, within(0.02));
        // verdicts: iceberg, spoofing and sweep beat their baselines (the sweep detector since its calibrated default:
        // F1 0.0556 vs 0.0284 with incidental sweeps as don't-care); on this short session meta-order ties its
        // baseline at F1 0 (neither fires) and absorption loses to the playbook's divergence bar (F1 0 vs 0.3636)
        Map<String, Boolean> beats = new java.util.TreeMap<>();
        for (DetectEval.BaselineComparison b : first.baselines()) beats.put(b.detector(), b.beats().orElseThrow());
        assertThat(beats).containsExactly(Map.entry("absorption", false), Map.entry("iceberg-l3", true),
                Map.entry("iceberg-taq", true), Map.entry("meta-order", false), Map.entry("spoofing", true),
                Map.entry("sweep", true));
    }

    /** Without incidental labels each explained alert is a false alarm again; hits and misses do not change. */
    @Test
    void withoutIncidentalLabelsExplainedAlertsAreFalseAlarms() {
        List<String> sweeps = List.of("sweep", "naive-of12-sweep");
        DetectEval.Evaluation off = DetectEval.evaluate(config().withDetectors(sweeps).withIncidental(false));
        for (String d : sweeps) {
            DetectionCounts on = first.scorecard().row(d).orElseThrow().pooled(), o = off.scorecard().row(d).orElseThrow().pooled();
            assertThat(on.explained()).as(d).isPositive();
            assertThat(new long[]{o.tp(), o.fp(), o.fn(), o.explained()}).as(d)
                    .containsExactly(on.tp(), on.fp() + on.explained(), on.fn(), 0);
        }
        assertThat(DetectEval.report(off)).contains("incidental labels off");
    }

    /**
     * Calibration regression (docs/detect-eval.md "Calibration"): on a full simulated day (seed 2) the calibrated
     * meta-order detector finds the VWAP and the TWAP meta-order (before calibration: 0 of 10 VWAP orders over seeds
     * 1-5) with alerts inside the label's span and on its side; it misses the 29-minute POV order, whose 8.5 %
     * participation is too short for its 60-minute window (docs/detect-eval.md).
     */
    @Test
    void calibratedMetaOrderFindsThePlantedMetaOrdersOfAFullDay() {
        DetectEval.Evaluation e = DetectEval.evaluate(DetectEval.Config.of(1).withSeeds(2, 1).withDetectors(List.of("meta-order")));
        DetectionCounts c = e.scorecard().row("meta-order").orElseThrow().pooled();
        assertThat(new long[]{c.tp(), c.fp(), c.fn()}).containsExactly(2, 3, 1);
        var labels = e.runs().get(0).labels().stream().filter(l -> l.kind().equals("meta-order")).toList();
        assertThat(labels).hasSize(3);
        var alerts = e.runs().get(0).alerts().stream().filter(a -> a.detector().equals("meta-order")).toList();
        for (var l : labels) {
            boolean found = alerts.stream().anyMatch(a -> a.side() == l.side() && a.tsStart() <= l.tsEnd() + 1_000_000_000L
                    && a.tsEnd() >= l.tsStart() - 1_000_000_000L);
            assertThat(found).as(l.toString()).isEqualTo(!l.note().startsWith("POV"));
        }
    }

    @Test
    void playbookSweepBaselineFollowsOf12() {
        var sink = new dev.periscope.analytics.detect.AlertCollector();
        PlaybookSweepBaseline b = new PlaybookSweepBaseline();
        long t0 = 1_000_000_000_000L, sh = 100_000_000L;
        // 3 venues but exactly 10,000 shares: not more than 10,000 -> nothing
        b.onTrade(PRINT.set(1, t0, 1, 4000 * sh, 'N', 0, (byte) 1, 0, 0), sink);
        b.onTrade(PRINT.set(1, t0 + 1, 1, 3000 * sh, 'Q', 0, (byte) -1, 0, 0), sink);
        b.onTrade(PRINT.set(1, t0 + 2, 1, 3000 * sh, 'D', 0, (byte) 0, 0, 0), sink);
        assertThat(sink.alerts()).isEmpty();
        // one more share within 1 s, sides mixed: fires once, spanning the window
        b.onTrade(PRINT.set(1, t0 + 999_999_999L, 1, 1 * sh, 'Q', 0, (byte) 1, 0, 0), sink);
        assertThat(sink.alerts()).hasSize(1);
        Alert a = sink.alerts().get(0);
        assertThat(a.tsStart()).isEqualTo(t0);
        assertThat(a.totalSize()).isEqualTo(10_001 * sh);
        assertThat(a.venues()).isEqualTo("DNQ");
        assertThat(a.side()).isZero();
        // the window is (t - 1 s, t]: at t0 + 4.05 s the N print of t0 + 3.0 s is out, Q and Z make 2 venues only
        b.onTrade(PRINT.set(1, t0 + 3_000_000_000L, 1, 20_000 * sh, 'N', 0, (byte) 1, 0, 0), sink);
        b.onTrade(PRINT.set(1, t0 + 3_100_000_000L, 1, 20_000 * sh, 'Q', 0, (byte) 1, 0, 0), sink);
        b.onTrade(PRINT.set(1, t0 + 4_050_000_000L, 1, 100 * sh, 'Z', 0, (byte) 1, 0, 0), sink);
        assertThat(sink.alerts()).hasSize(1);
        b.onTrade(PRINT.set(1, t0 + 4_060_000_000L, 1, 100 * sh, 'D', 0, (byte) 1, 0, 0), sink);
        assertThat(sink.alerts()).hasSize(2);
        assertThat(sink.alerts().get(1).tsStart()).isEqualTo(t0 + 3_100_000_000L);
        assertThat(sink.alerts().get(1).totalSize()).isEqualTo(20_200 * sh);
        assertThat(sink.alerts().get(1).venues()).isEqualTo("DQZ");
    }

    static Comparator<Alert> byTime() { return Comparator.comparingLong(Alert::tsStart); }
}
