package dev.periscope.analytics.eval;

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
 */
public record DetectorResult(String detector, String params, DetectionCounts counts, List<Hit> hits,
                             List<Alert> duplicates, List<Alert> falseAlarms, List<GroundTruthLabel> misses) {

    /** A hit: {@code alert} matched {@code label}; {@code delayNanos} = alert tsEnd − label tsStart. */
    public record Hit(Alert alert, GroundTruthLabel label, long delayNanos) {}

    public DetectorResult {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(counts, "counts");
        hits = List.copyOf(hits);
        duplicates = List.copyOf(duplicates);
        falseAlarms = List.copyOf(falseAlarms);
        misses = List.copyOf(misses);
    }
}
