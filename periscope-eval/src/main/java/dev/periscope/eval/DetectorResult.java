package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.model.truth.GroundTruthLabel;

import java.util.List;
import java.util.Objects;

/**
 * One detector matched against the labels of one span: the counts and which alert hit which label. Immutable.
 *
 * @param detector    detector name
 * @param params      the detector's parameters as carried by its alerts ("" without alerts; the distinct values
 *                    joined by " | " if they differ)
 * @param counts      TP/FP/FN, session time, delays
 * @param hits        matched pairs, in alert order (tsStart, tsEnd, input index)
 * @param duplicates  unmatched alerts that overlapped a label already matched (repeats of a hit), alert order
 * @param falseAlarms alerts eligible for no label, alert order
 * @param misses      labels no alert matched, label order (tsStart, tsEnd, input index)
 * @param explained   alerts that hit no planted label but an incidental one explains (neither hit nor false
 *                    alarm), alert order
 */
public record DetectorResult(String detector, String params, DetectionCounts counts, List<Hit> hits,
                             List<Alert> duplicates, List<Alert> falseAlarms, List<GroundTruthLabel> misses,
                             List<Alert> explained) {

    /** A hit: {@code alert} matched {@code label}; {@code delayNanos} = alert tsEnd − label tsStart. */
    public record Hit(Alert alert, GroundTruthLabel label, long delayNanos) {}

    /** A result without incidental labels. */
    public DetectorResult(String detector, String params, DetectionCounts counts, List<Hit> hits,
                          List<Alert> duplicates, List<Alert> falseAlarms, List<GroundTruthLabel> misses) {
        this(detector, params, counts, hits, duplicates, falseAlarms, misses, List.of());
    }

    public DetectorResult {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(counts, "counts");
        hits = List.copyOf(hits);
        duplicates = List.copyOf(duplicates);
        falseAlarms = List.copyOf(falseAlarms);
        misses = List.copyOf(misses);
        explained = List.copyOf(explained);
    }

    /**
     * The alerts next to the ground truth, one line per outcome in time order (hits and misses by label start,
     * false alarms and duplicates by alert start; ties: HIT, MISS, DUP, FALSE, REAL): {@code HIT}, {@code MISS},
     * {@code DUP}, {@code FALSE}, {@code REAL} (explained by an incidental label), then the ISO-8601 UTC time and the alert and/or label. Allocates.
     */
    public String toTimeline() {
        record Line(long ts, int order, String text) {}
        java.util.List<Line> lines = new java.util.ArrayList<>();
        for (Hit h : hits) {
            lines.add(new Line(h.label().tsStart(), 0, "HIT   " + iso(h.label().tsStart()) + " delay="
                    + Render.num(h.delayNanos() / 1e6, 3) + "ms label: " + h.label() + "\n      alert: " + h.alert().toLine()));
        }
        for (GroundTruthLabel l : misses) lines.add(new Line(l.tsStart(), 1, "MISS  " + iso(l.tsStart()) + " label: " + l));
        for (Alert a : duplicates) lines.add(new Line(a.tsStart(), 2, "DUP   " + iso(a.tsStart()) + " alert: " + a.toLine()));
        for (Alert a : falseAlarms) lines.add(new Line(a.tsStart(), 3, "FALSE " + iso(a.tsStart()) + " alert: " + a.toLine()));
        for (Alert a : explained) lines.add(new Line(a.tsStart(), 4, "REAL  " + iso(a.tsStart()) + " alert: " + a.toLine()));
        lines.sort(java.util.Comparator.comparingLong(Line::ts).thenComparingInt(Line::order));
        StringBuilder sb = new StringBuilder(detector).append(": ").append(counts.tp()).append(" hits, ")
                .append(counts.fn()).append(" misses, ").append(falseAlarms.size()).append(" false alarms, ")
                .append(duplicates.size()).append(" duplicates").append(explained.isEmpty() ? "" : ", " + explained.size()
                        + " explained by unplanted patterns").append('\n');
        for (Line l : lines) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    private static String iso(long ns) {
        return java.time.Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L)).toString();
    }
}
