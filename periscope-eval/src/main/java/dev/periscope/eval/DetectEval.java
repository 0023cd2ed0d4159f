package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.eval.AlertMatcher;
import dev.periscope.eval.DetectionCounts;
import dev.periscope.eval.DetectorResult;
import dev.periscope.eval.KindMapping;
import dev.periscope.eval.MatchConfig;
import dev.periscope.eval.ParameterSweep;
import dev.periscope.eval.Scorecard;
import dev.periscope.eval.SideRelation;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.NyseCalendar;
import dev.periscope.model.truth.GroundTruthLabel;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.sim.SimConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The engine of {@code periscope detect-eval}: simulates one session per seed with planted ground truth, replays it
 * through every detector ({@link DetectorSlots}), matches alerts to labels ({@link AlertMatcher} with
 * {@link DetectorCatalog#mapping()}) and builds the {@link Scorecard} across seeds, the detector-vs-baseline comparison and, for
 * {@code --sweep}, one {@link ParameterSweep} per detector. Deterministic for a given seed set.
 */
public final class DetectEval {
    /** The detectors, their label kinds and baselines. */
    public static final DetectorCatalog CATALOG = DetectorCatalog.DEFAULT;

    /** Where the planted labels of a drained simulator come from. */
    @FunctionalInterface
    public interface LabelSource {
        List<GroundTruthLabel> labels(MarketSimulator drained);
    }

    /** The simulator's own labels: {@code sim.groundTruth().labels()}. */
    public static final LabelSource SIMULATOR_LABELS = DetectEval::simulatorLabels;

    private static List<GroundTruthLabel> simulatorLabels(MarketSimulator sim) {
        return sim.groundTruth().labels();
    }

    /**
     * @param base     simulator config; each seed runs {@code base.withSeed(seed)}
     * @param seed0    first seed
     * @param seeds    number of seeds (seed0 .. seed0 + seeds - 1)
     * @param detectors detectors to run (names; all if empty)
     * @param labels   label source
     * @param match    matching rules
     * @param score    scorecard intervals
     * @param incidental score with the simulator's incidental labels ({@code GroundTruth.incidentalLabels()}: real,
     *                 unplanted sweeps) as "don't care" truth (default true); false counts every alert that hits
     *                 no planted label as a false alarm
     */
    public record Config(SimConfig base, long seed0, int seeds, List<String> detectors, LabelSource labels,
                         MatchConfig match, Scorecard.Config score, boolean incidental) {
        public Config {
            Objects.requireNonNull(base, "base");
            if (seeds < 1) throw new IllegalArgumentException("seeds must be >= 1: " + seeds);
            detectors = detectors.isEmpty() ? CATALOG.names() : List.copyOf(detectors);
            for (String d : detectors) CATALOG.entry(d); // validates the name
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(score, "score");
        }

        /** Default simulator config and matching, seeds 1..n. */
        public static Config of(int seeds) {
            return new Config(SimConfig.defaults(), 1, seeds, List.of(), SIMULATOR_LABELS, MatchConfig.DEFAULT,
                    Scorecard.Config.DEFAULT, true);
        }

        public Config withBase(SimConfig b) { return new Config(b, seed0, seeds, detectors, labels, match, score, incidental); }

        public Config withSeeds(long first, int n) { return new Config(base, first, n, detectors, labels, match, score, incidental); }

        public Config withDetectors(List<String> d) { return new Config(base, seed0, seeds, d, labels, match, score, incidental); }

        public Config withLabels(LabelSource l) { return new Config(base, seed0, seeds, detectors, l, match, score, incidental); }

        public Config withIncidental(boolean on) { return new Config(base, seed0, seeds, detectors, labels, match, score, on); }
    }

    /**
     * One simulated session replayed.
     *
     * @param seed         simulator seed
     * @param sessionNanos simulated time (extended open to extended close), the false-alarm-rate denominator
     * @param labels       planted labels, sorted
     * @param slots        detector instances with their alerts, in spec order
     * @param events       events replayed
     * @param incidental   the simulator's incidental labels (real, unplanted sweeps), sorted
     */
    public record SeedRun(long seed, long sessionNanos, List<GroundTruthLabel> labels, List<DetectorSlots.Slot> slots,
                          long events, List<GroundTruthLabel> incidental) {
        /** All alerts of the default (non-variant) slots, in slot order. */
        public List<Alert> alerts() {
            List<Alert> l = new ArrayList<>();
            for (DetectorSlots.Slot s : slots) if (s.value().isEmpty()) l.addAll(s.alerts());
            return l;
        }

        /** Alerts of one slot: detector {@code d}, sweep value {@code v} ("" = default). */
        public List<Alert> alerts(String d, String v) {
            for (DetectorSlots.Slot s : slots) if (s.detector().equals(d) && s.value().equals(v)) return s.alerts();
            throw new IllegalArgumentException("no slot " + d + " " + v);
        }
    }

    /** Simulates and replays one seed with the given detector instances. */
    public static SeedRun runSeed(SimConfig cfg, List<DetectorSlots.Spec> specs, LabelSource labels) {
        MarketSimulator sim = new MarketSimulator(cfg);
        DetectorSlots.Pipeline p = new DetectorSlots.Pipeline(NyseCalendar.instance(), cfg.l3Venue(), specs, false);
        DataIssueLog issues = new DataIssueLog();
        long events = new ReplayMerger(List.of(sim), 0, issues).run(p);
        long span = cfg.epochNanos(cfg.extendedClose()) - cfg.epochNanos(cfg.extendedOpen());
        List<GroundTruthLabel> ls = new ArrayList<>(labels.labels(sim));
        ls.sort(java.util.Comparator.comparingLong(GroundTruthLabel::tsStart).thenComparingLong(GroundTruthLabel::tsEnd)
                .thenComparing(GroundTruthLabel::kind));
        return new SeedRun(cfg.seed(), span, List.copyOf(ls), List.copyOf(p.slots()), events, sim.groundTruth().incidentalLabels());
    }

    /**
     * A detector next to its baseline.
     *
     * @param beats true if the detector's pooled F1 is higher; empty if either F1 is n/a
     */
    public record BaselineComparison(String detector, OptionalDouble f1, String baseline, OptionalDouble baselineF1,
                                     java.util.Optional<Boolean> beats) {}

    /**
     * Result of a scorecard run.
     *
     * @param scorecard   scored detectors across seeds
     * @param unscored    per unscored detector (no label kind: delta-divergence), alerts and session time pooled
     * @param baselines   each detector beside its naive baseline (where both ran)
     * @param runs        the seed runs (alerts and labels)
     * @param results     per seed, the matcher's results by detector
     */
    public record Evaluation(Config config, Scorecard scorecard, Map<String, long[]> unscored,
                             List<BaselineComparison> baselines, List<SeedRun> runs,
                             Map<Long, Map<String, DetectorResult>> results) {}

    /** Runs the scorecard. */
    public static Evaluation evaluate(Config c) {
        List<DetectorSlots.Spec> specs = DetectorSlots.defaults(CATALOG, c.detectors());
        AlertMatcher matcher = new AlertMatcher(CATALOG.mapping(), c.match());
        Scorecard.Builder sb = Scorecard.builder(c.score());
        Map<String, long[]> unscored = new TreeMap<>();
        List<SeedRun> runs = new ArrayList<>();
        Map<Long, Map<String, DetectorResult>> results = new LinkedHashMap<>();
        for (int i = 0; i < c.seeds(); i++) {
            long seed = c.seed0() + i;
            SeedRun run = runSeed(c.base().withSeed(seed), specs, c.labels());
            runs.add(run);
            Map<String, DetectorResult> rs = new LinkedHashMap<>();
            List<Alert> alerts = run.alerts();
            for (String d : c.detectors()) {
                if (CATALOG.mapping().rule(d) == null) {
                    long[] u = unscored.computeIfAbsent(d, k -> new long[2]);
                    u[0] += run.alerts(d, "").size();
                    u[1] += run.sessionNanos();
                    continue;
                }
                DetectorResult r = matcher.match(d, alerts, run.labels(), c.incidental() ? run.incidental() : List.of(), run.sessionNanos());
                rs.put(d, r);
                sb.add(seed, r);
            }
            results.put(seed, rs);
        }
        Scorecard card = sb.build();
        List<BaselineComparison> cmp = new ArrayList<>();
        for (DetectorCatalog.Entry e : CATALOG.comparedWithBaselines()) {
            String d = e.name(), b = e.baseline().orElseThrow();
            var rd = card.row(d);
            var rb = card.row(b);
            if (rd.isEmpty() || rb.isEmpty()) continue;
            OptionalDouble fd = rd.get().pooled().f1(), fb = rb.get().pooled().f1();
            java.util.Optional<Boolean> beats = fd.isPresent() && fb.isPresent()
                    ? java.util.Optional.of(fd.getAsDouble() > fb.getAsDouble()) : java.util.Optional.empty();
            cmp.add(new BaselineComparison(d, fd, b, fb, beats));
        }
        return new Evaluation(c, card, unscored, List.copyOf(cmp), List.copyOf(runs), results);
    }

    /** The scorecard, baseline comparison and unscored alarm rates as text. */
    public static String report(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        Config c = e.config();
        long labels = 0;
        Map<String, Long> byKind = new TreeMap<>();
        for (SeedRun r : e.runs()) for (GroundTruthLabel l : r.labels()) { labels++; byKind.merge(l.kind(), 1L, Long::sum); }
        sb.append(String.format(Locale.ROOT, "Detector scorecard: %d simulated session(s) %s %s, seeds %d..%d, %s-%s (%.2f h each); "
                        + "%d planted labels %s%n", c.seeds(), c.base().symbol(), c.base().date(), c.seed0(),
                c.seed0() + c.seeds() - 1, c.base().extendedOpen(), c.base().extendedClose(),
                e.runs().get(0).sessionNanos() / 3.6e12, labels, byKind));
        sb.append("Matching: ").append(c.match().describe());
        if (c.incidental()) {
            long inc = 0;
            for (SeedRun r : e.runs()) inc += r.incidental().size();
            sb.append("; ").append(inc).append(" incidental labels (real sweeps nobody planted: arbitrage ISOs, routed "
                    + "orders on several venues or prices) are don't-care: an alert one of them explains is counted in "
                    + "'expl', not as a false alarm");
        } else sb.append("; incidental labels off: every alert that hits no planted label is a false alarm");
        sb.append('\n').append('\n');
        sb.append(e.scorecard().toText());
        if (!e.baselines().isEmpty()) {
            sb.append("\nAgainst the naive baselines (pooled F1)\n");
            for (BaselineComparison b : e.baselines()) {
                sb.append(String.format(Locale.ROOT, "%-14s F1 %-7s vs %-24s F1 %-7s  %s%n", b.detector(), f(b.f1()),
                        b.baseline(), f(b.baselineF1()), b.beats().map(x -> x ? "BEATS the baseline" : "does NOT beat the baseline")
                                .orElse("n/a (F1 undefined)")));
            }
        }
        if (!e.unscored().isEmpty()) {
            sb.append("\nNo label kind (alarm rate only)\n");
            e.unscored().forEach((d, u) -> sb.append(String.format(Locale.ROOT, "%-20s %6d alerts in %.2f h = %.3f alarms/h%n",
                    d, u[0], u[1] / 3.6e12, u[1] == 0 ? 0.0 : u[0] / (u[1] / 3.6e12))));
        }
        return sb.toString();
    }

    private static String f(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.4f", d.getAsDouble()) : "n/a";
    }

    /** Runs every grid of {@link DetectorCatalog#grids()} whose detector is selected; one replay per seed for all. */
    public static List<ParameterSweep> sweep(Config c) {
        List<DetectorCatalog.Grid> grids = new ArrayList<>();
        for (DetectorCatalog.Grid g : CATALOG.grids()) if (c.detectors().contains(g.detector())) grids.add(g);
        List<DetectorSlots.Spec> specs = new ArrayList<>();
        for (DetectorCatalog.Grid g : grids) specs.addAll(g.variants());
        AlertMatcher matcher = new AlertMatcher(CATALOG.mapping(), c.match());
        Map<String, List<DetectorResult>> per = new LinkedHashMap<>();
        for (int i = 0; i < c.seeds(); i++) {
            SeedRun run = runSeed(c.base().withSeed(c.seed0() + i), specs, c.labels());
            for (DetectorSlots.Slot s : run.slots()) {
                per.computeIfAbsent(s.detector() + "\u0000" + s.value(), k -> new ArrayList<>())
                        .add(matcher.match(s.detector(), s.alerts(), run.labels(), c.incidental() ? run.incidental() : List.of(),
                                run.sessionNanos()));
            }
        }
        List<ParameterSweep> out = new ArrayList<>();
        for (DetectorCatalog.Grid g : grids) {
            ParameterSweep ps = new ParameterSweep(g.detector(), g.parameter(), c.score().confidence());
            for (DetectorSlots.Spec v : g.variants()) ps.add(v.value(), per.get(g.detector() + "\u0000" + v.value()));
            out.add(ps);
        }
        return out;
    }
}
