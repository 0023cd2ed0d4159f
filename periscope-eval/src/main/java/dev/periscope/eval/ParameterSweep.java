package dev.periscope.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Precision/recall trade-off of one detector over values of one parameter: pooled counts per value (summed over
 * seeds), Wilson intervals, and which values are Pareto-efficient (no other value has both precision and recall
 * at least as high and one strictly higher). Rows keep the order values were added in. Not thread-safe while
 * being built; rendering is deterministic.
 */
public final class ParameterSweep {
    /**
     * One parameter value.
     *
     * @param value       the parameter value as text, e.g. {@code "10000"} or {@code "50ms"}
     * @param pooled      counts summed over the seeds run with this value
     * @param precisionCi Wilson interval of pooled precision
     * @param recallCi    Wilson interval of pooled recall
     * @param pareto      true if no other value dominates this one in (precision, recall); false if either is n/a
     */
    public record Point(String value, DetectionCounts pooled, Optional<Stats.Interval> precisionCi,
                        Optional<Stats.Interval> recallCi, boolean pareto) {}

    private final String detector, parameter;
    private final double confidence;
    private final List<String> values = new ArrayList<>();
    private final List<DetectionCounts> counts = new ArrayList<>();

    public ParameterSweep(String detector, String parameter, double confidence) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        Stats.checkConfidence(confidence);
        this.confidence = confidence;
    }

    /** Adds the results of one parameter value (one per seed; pooled here). */
    public ParameterSweep add(String value, List<DetectorResult> perSeed) {
        DetectionCounts c = DetectionCounts.ZERO;
        for (DetectorResult r : perSeed) c = c.plus(r.counts());
        return add(value, c);
    }

    /** Adds the pooled counts of one parameter value. Values must be distinct. */
    public ParameterSweep add(String value, DetectionCounts pooled) {
        if (values.contains(value)) throw new IllegalArgumentException("value added twice: " + value);
        values.add(value);
        counts.add(pooled);
        return this;
    }

    public String detector() { return detector; }

    public String parameter() { return parameter; }

    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            DetectionCounts c = counts.get(i);
            out.add(new Point(values.get(i), c, Stats.wilson(c.tp(), c.tp() + c.fp(), confidence),
                    Stats.wilson(c.tp(), c.tp() + c.fn(), confidence), pareto(i)));
        }
        return Collections.unmodifiableList(out);
    }

    private boolean pareto(int i) {
        OptionalDouble p = counts.get(i).precision(), r = counts.get(i).recall();
        if (p.isEmpty() || r.isEmpty()) return false;
        for (int j = 0; j < counts.size(); j++) {
            if (j == i) continue;
            OptionalDouble pj = counts.get(j).precision(), rj = counts.get(j).recall();
            if (pj.isEmpty() || rj.isEmpty()) continue;
            double a = pj.getAsDouble(), b = rj.getAsDouble(), x = p.getAsDouble(), y = r.getAsDouble();
            if (a >= x && b >= y && (a > x || b > y)) return false;
        }
        return true;
    }

    /** The point with the highest pooled F1 (first on ties), if any F1 is defined. */
    public Optional<Point> bestF1() {
        Point best = null;
        for (Point pt : points()) {
            OptionalDouble f = pt.pooled().f1();
            if (f.isPresent() && (best == null || f.getAsDouble() > best.pooled().f1().getAsDouble())) best = pt;
        }
        return Optional.ofNullable(best);
    }

    /** Fixed-width table, one line per value; {@code *} marks Pareto-efficient values. */
    public String toText() {
        String pct = Render.num(confidence * 100, 1).replace(".0", "") + "%";
        StringBuilder sb = new StringBuilder(detector + ": precision/recall over " + parameter + " (pooled; " + pct
                + " Wilson intervals; * = Pareto-efficient)\n");
        sb.append(String.format(Locale.ROOT, "%-14s %6s %6s %6s %6s  %-29s %-29s %7s %9s %12s%n", parameter, "TP", "FP",
                "FN", "expl", "precision", "recall", "F1", "FA/h", "delay ms"));
        for (Point pt : points()) {
            DetectionCounts c = pt.pooled();
            sb.append(String.format(Locale.ROOT, "%-14s %6d %6d %6d %6d  %-29s %-29s %7s %9s %12s%s%n", pt.value(), c.tp(),
                    c.fp(), c.fn(), c.explained(), Render.text(c.precision(), 4) + " " + Render.text(pt.precisionCi(), 4),
                    Render.text(c.recall(), 4) + " " + Render.text(pt.recallCi(), 4), Render.text(c.f1(), 4),
                    Render.text(c.falseAlarmsPerHour(), 3), Render.text(Render.scale(c.medianDelayNanos(), 1e-6), 3),
                    pt.pareto() ? " *" : ""));
        }
        return sb.toString();
    }

    /** CSV with header; undefined values empty. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("detector,parameter,value,tp,fp,fn,duplicates,explained,precision,precision_low,"
                + "precision_high,recall,recall_low,recall_high,f1,false_alarms_per_hour,median_delay_ms,pareto\n");
        for (Point pt : points()) {
            DetectionCounts c = pt.pooled();
            sb.append(String.join(",", Render.csvField(detector), Render.csvField(parameter), Render.csvField(pt.value()),
                    Long.toString(c.tp()), Long.toString(c.fp()), Long.toString(c.fn()), Long.toString(c.duplicates()),
                    Long.toString(c.explained()), Render.csv(c.precision(), 6), Render.csv(Render.low(pt.precisionCi()), 6),
                    Render.csv(Render.high(pt.precisionCi()), 6), Render.csv(c.recall(), 6),
                    Render.csv(Render.low(pt.recallCi()), 6), Render.csv(Render.high(pt.recallCi()), 6),
                    Render.csv(c.f1(), 6), Render.csv(c.falseAlarmsPerHour(), 6),
                    Render.csv(Render.scale(c.medianDelayNanos(), 1e-6), 6), pt.pareto() ? "1" : "0")).append('\n');
        }
        return sb.toString();
    }
}
