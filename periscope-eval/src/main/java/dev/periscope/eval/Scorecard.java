package dev.periscope.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Detector results across N seeds (simulated sessions): for each detector, the pooled counts with Wilson score
 * intervals for pooled precision and recall, and for each metric the mean of its per-seed values with a
 * percentile-bootstrap confidence interval over seeds (docs/evaluation.md). Immutable; rows in detector-name
 * order; renders as a text table, CSV or JSON, all deterministic.
 *
 * <p>Why both intervals: seeds are the independent replications, so the bootstrap over seeds (Efron &amp;
 * Tibshirani 1993, §13.3) honours the clustering of alerts within a session and covers every metric (F1, false
 * alarms per hour, delay) without a distributional formula. Wilson (1927) intervals for the pooled proportions
 * treat every alert (precision) or label (recall) as an independent Bernoulli trial; they are exact-coverage-ish
 * for small counts and defined with few seeds, but too narrow when hits cluster within sessions.
 */
public final class Scorecard {
    /**
     * @param confidence    two-sided confidence level, e.g. 0.95
     * @param replicates    bootstrap resamples (default 10,000)
     * @param bootstrapSeed seed of the bootstrap generator; the stream of metric {@code m} of detector {@code d}
     *                      is seeded with {@code bootstrapSeed + 31 * d.hashCode() + m.ordinal()}
     */
    public record Config(double confidence, int replicates, long bootstrapSeed) {
        public static final Config DEFAULT = new Config(0.95, 10_000, 20_261_124L);

        public Config {
            Stats.checkConfidence(confidence);
            if (replicates < 1) throw new IllegalArgumentException("replicates < 1: " + replicates);
        }
    }

    /** Per-seed metrics summarized in the scorecard. */
    public enum Metric {
        PRECISION("precision", 4, 1, DetectionCounts::precision),
        RECALL("recall", 4, 1, DetectionCounts::recall),
        F1("f1", 4, 1, DetectionCounts::f1),
        FALSE_ALARMS_PER_HOUR("false_alarms_per_hour", 3, 1, DetectionCounts::falseAlarmsPerHour),
        MEDIAN_DELAY_MS("median_delay_ms", 3, 1e-6, DetectionCounts::medianDelayNanos);

        final String key;
        final int decimals;
        final double scale;
        final Function<DetectionCounts, OptionalDouble> f;

        Metric(String key, int decimals, double scale, Function<DetectionCounts, OptionalDouble> f) {
            this.key = key;
            this.decimals = decimals;
            this.scale = scale;
            this.f = f;
        }

        /** The metric of one span, in report units (delay in ms). */
        public OptionalDouble of(DetectionCounts c) {
            return Render.scale(f.apply(c), scale);
        }

        public String key() { return key; }
    }

    /**
     * Mean over the seeds where a metric is defined, and its bootstrap interval (empty with fewer than 2 such seeds).
     *
     * @param seeds number of seeds where the metric is defined
     */
    public record Estimate(int seeds, OptionalDouble mean, Optional<Stats.Interval> ci) {}

    /**
     * One detector's line.
     *
     * @param detector      detector name
     * @param params        the detector's parameters as reported by its alerts (distinct values sorted, joined by
     *                      " | "; "" if unknown)
     * @param seeds         seeds evaluated
     * @param pooled        counts summed over seeds
     * @param precisionCi   Wilson interval of pooled precision (TP out of TP + FP)
     * @param recallCi      Wilson interval of pooled recall (TP out of TP + FN)
     * @param perSeed       per metric, mean over seeds with bootstrap interval
     */
    public record Row(String detector, String params, int seeds, DetectionCounts pooled, Optional<Stats.Interval> precisionCi,
                      Optional<Stats.Interval> recallCi, Map<Metric, Estimate> perSeed) {
        public Estimate estimate(Metric m) {
            return perSeed.get(m);
        }
    }

    private final Config config;
    private final List<Row> rows;

    private Scorecard(Config config, List<Row> rows) {
        this.config = config;
        this.rows = Collections.unmodifiableList(rows);
    }

    public static Builder builder(Config config) {
        return new Builder(config);
    }

    /** Collects per-seed results. Not thread-safe. */
    public static final class Builder {
        private final Config config;
        private final Map<String, TreeMap<Long, DetectionCounts>> bySeed = new TreeMap<>();
        private final Map<String, java.util.TreeSet<String>> params = new TreeMap<>();

        private Builder(Config config) {
            this.config = config;
        }

        /** Adds every detector's result of one seed. */
        public Builder add(long seed, Map<String, DetectorResult> results) {
            for (DetectorResult r : results.values()) add(seed, r);
            return this;
        }

        /** Adds one detector's result of one seed, keeping the parameters its alerts reported. */
        public Builder add(long seed, DetectorResult r) {
            add(seed, r.detector(), r.counts());
            if (!r.params().isEmpty()) params.computeIfAbsent(r.detector(), d -> new java.util.TreeSet<>()).add(r.params());
            return this;
        }

        /** Adds one detector's counts of one seed; a seed may be added once per detector. */
        public Builder add(long seed, String detector, DetectionCounts c) {
            if (bySeed.computeIfAbsent(detector, d -> new TreeMap<>()).putIfAbsent(seed, c) != null)
                throw new IllegalArgumentException("seed " + seed + " added twice for " + detector);
            return this;
        }

        public Scorecard build() {
            List<Row> rows = new ArrayList<>();
            bySeed.forEach((det, seeds) -> rows.add(row(config, det,
                    String.join(" | ", params.getOrDefault(det, new java.util.TreeSet<>())), seeds)));
            return new Scorecard(config, rows);
        }
    }

    private static Row row(Config cfg, String det, String params, TreeMap<Long, DetectionCounts> seeds) {
        DetectionCounts pooled = DetectionCounts.ZERO;
        for (DetectionCounts c : seeds.values()) pooled = pooled.plus(c);
        Map<Metric, Estimate> est = new java.util.EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            double[] v = new double[seeds.size()];
            int n = 0;
            for (DetectionCounts c : seeds.values()) {
                OptionalDouble x = m.of(c);
                if (x.isPresent()) v[n++] = x.getAsDouble();
            }
            v = java.util.Arrays.copyOf(v, n);
            long seed = cfg.bootstrapSeed() + 31L * det.hashCode() + m.ordinal();
            est.put(m, new Estimate(n, n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Stats.mean(v)),
                    Stats.bootstrapMean(v, cfg.replicates(), seed, cfg.confidence())));
        }
        return new Row(det, params, seeds.size(), pooled, Stats.wilson(pooled.tp(), pooled.tp() + pooled.fp(), cfg.confidence()),
                Stats.wilson(pooled.tp(), pooled.tp() + pooled.fn(), cfg.confidence()), Collections.unmodifiableMap(est));
    }

    public Config config() { return config; }

    public List<Row> rows() { return rows; }

    /** The row of {@code detector}, if present. */
    public Optional<Row> row(String detector) {
        return rows.stream().filter(r -> r.detector().equals(detector)).findFirst();
    }

    private String ciNote() {
        return Render.num(config.confidence() * 100, 1).replace(".0", "") + "% CI";
    }

    /** Two fixed-width tables: pooled counts with Wilson intervals, then per-seed means with bootstrap intervals. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Pooled over seeds (").append(ciNote()).append(": Wilson score)\n");
        sb.append(String.format(java.util.Locale.ROOT, "%-20s %5s %6s %6s %6s %5s %6s %9s  %-29s %-29s %7s %9s %12s %7s%n",
                "detector", "seeds", "TP", "FP", "FN", "dup", "expl", "hours", "precision", "recall", "F1", "FA/h", "delay ms", "real"));
        for (Row r : rows) {
            DetectionCounts p = r.pooled();
            sb.append(String.format(java.util.Locale.ROOT, "%-20s %5d %6d %6d %6d %5d %6d %9s  %-29s %-29s %7s %9s %12s %7s%n",
                    r.detector(), r.seeds(), p.tp(), p.fp(), p.fn(), p.duplicates(), p.explained(), Render.num(p.sessionHours(), 2),
                    Render.text(p.precision(), 4) + " " + Render.text(r.precisionCi(), 4),
                    Render.text(p.recall(), 4) + " " + Render.text(r.recallCi(), 4), Render.text(p.f1(), 4),
                    Render.text(p.falseAlarmsPerHour(), 3), Render.text(Render.scale(p.medianDelayNanos(), 1e-6), 3),
                    Render.text(p.realShare(), 4)));
        }
        sb.append("\nMean over seeds (").append(ciNote()).append(": percentile bootstrap over seeds, ")
                .append(config.replicates()).append(" replicates, seed ").append(config.bootstrapSeed()).append(")\n");
        sb.append(String.format(java.util.Locale.ROOT, "%-20s", "detector"));
        for (Metric m : Metric.values()) sb.append("  ").append(Render.padRight(m.key, 33));
        sb.setLength(sb.length() - trailingSpaces(sb));
        sb.append('\n');
        for (Row r : rows) {
            sb.append(String.format(java.util.Locale.ROOT, "%-20s", r.detector()));
            for (Metric m : Metric.values()) {
                Estimate e = r.estimate(m);
                String cell = Render.text(e.mean(), m.decimals) + " " + Render.text(e.ci(), m.decimals) + " n=" + e.seeds();
                sb.append("  ").append(Render.padRight(cell, 33));
            }
            sb.setLength(sb.length() - trailingSpaces(sb));
            sb.append('\n');
        }
        boolean header = false;
        for (Row r : rows) {
            if (r.params().isEmpty()) continue;
            if (!header) sb.append("\nParameters\n");
            header = true;
            sb.append(Render.padRight(r.detector(), 20)).append(' ').append(r.params()).append('\n');
        }
        return sb.toString();
    }

    private static int trailingSpaces(StringBuilder sb) {
        int n = 0;
        while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') n++;
        return n;
    }

    /** CSV column names of {@link #toCsv()}. */
    public static List<String> csvColumns() {
        List<String> c = new ArrayList<>(List.of("detector", "seeds", "tp", "fp", "fn", "duplicates", "explained", "session_hours",
                "precision", "precision_wilson_low", "precision_wilson_high", "recall", "recall_wilson_low",
                "recall_wilson_high", "f1", "false_alarms_per_hour", "median_delay_ms", "real_share"));
        for (Metric m : Metric.values()) {
            c.add(m.key + "_mean");
            c.add(m.key + "_low");
            c.add(m.key + "_high");
            c.add(m.key + "_seeds");
        }
        c.add("confidence");
        c.add("params");
        return c;
    }

    /** Header plus one row per detector; undefined values are empty fields. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", csvColumns())).append('\n');
        for (Row r : rows) {
            DetectionCounts p = r.pooled();
            List<String> f = new ArrayList<>(List.of(Render.csvField(r.detector()), Integer.toString(r.seeds()),
                    Long.toString(p.tp()), Long.toString(p.fp()), Long.toString(p.fn()), Long.toString(p.duplicates()),
                    Long.toString(p.explained()), Render.num(p.sessionHours(), 6), Render.csv(p.precision(), 6), Render.csv(Render.low(r.precisionCi()), 6),
                    Render.csv(Render.high(r.precisionCi()), 6), Render.csv(p.recall(), 6),
                    Render.csv(Render.low(r.recallCi()), 6), Render.csv(Render.high(r.recallCi()), 6),
                    Render.csv(p.f1(), 6), Render.csv(p.falseAlarmsPerHour(), 6),
                    Render.csv(Render.scale(p.medianDelayNanos(), 1e-6), 6), Render.csv(p.realShare(), 6)));
            for (Metric m : Metric.values()) {
                Estimate e = r.estimate(m);
                f.add(Render.csv(e.mean(), 6));
                f.add(Render.csv(Render.low(e.ci()), 6));
                f.add(Render.csv(Render.high(e.ci()), 6));
                f.add(Integer.toString(e.seeds()));
            }
            f.add(Render.num(config.confidence(), 4));
            f.add(Render.csvField(r.params()));
            sb.append(String.join(",", f)).append('\n');
        }
        return sb.toString();
    }

    /** One JSON object (pretty-printed, stable key order); undefined values are null. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"confidence\": ").append(Render.num(config.confidence(), 4)).append(",\n");
        sb.append("  \"bootstrap_replicates\": ").append(config.replicates()).append(",\n");
        sb.append("  \"bootstrap_seed\": ").append(config.bootstrapSeed()).append(",\n");
        sb.append("  \"detectors\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            DetectionCounts p = r.pooled();
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"detector\": ").append(Render.jsonString(r.detector()))
                    .append(", \"params\": ").append(Render.jsonString(r.params())).append(", \"seeds\": ").append(r.seeds())
                    .append(",\n     \"pooled\": {\"tp\": ").append(p.tp()).append(", \"fp\": ").append(p.fp())
                    .append(", \"fn\": ").append(p.fn()).append(", \"duplicates\": ").append(p.duplicates())
                    .append(", \"explained\": ").append(p.explained())
                    .append(", \"session_hours\": ").append(Render.num(p.sessionHours(), 6))
                    .append(", \"precision\": ").append(Render.json(p.precision(), 6))
                    .append(", \"precision_wilson\": ").append(jsonInterval(r.precisionCi()))
                    .append(", \"recall\": ").append(Render.json(p.recall(), 6))
                    .append(", \"recall_wilson\": ").append(jsonInterval(r.recallCi()))
                    .append(", \"f1\": ").append(Render.json(p.f1(), 6))
                    .append(", \"false_alarms_per_hour\": ").append(Render.json(p.falseAlarmsPerHour(), 6))
                    .append(", \"median_delay_ms\": ").append(Render.json(Render.scale(p.medianDelayNanos(), 1e-6), 6))
                    .append(", \"real_share\": ").append(Render.json(p.realShare(), 6))
                    .append("},\n     \"per_seed\": {");
            Metric[] ms = Metric.values();
            for (int k = 0; k < ms.length; k++) {
                Estimate e = r.estimate(ms[k]);
                sb.append(k == 0 ? "" : ", ").append('"').append(ms[k].key).append("\": {\"mean\": ")
                        .append(Render.json(e.mean(), 6)).append(", \"ci\": ").append(jsonInterval(e.ci()))
                        .append(", \"seeds\": ").append(e.seeds()).append('}');
            }
            sb.append("}}");
        }
        sb.append(rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    private static String jsonInterval(Optional<Stats.Interval> ci) {
        return ci.map(i -> "[" + Render.num(i.low(), 6) + ", " + Render.num(i.high(), 6) + "]").orElse("null");
    }
}
