package dev.periscope.eval;

import dev.periscope.model.Px;

import java.util.Objects;

/**
 * Rules for matching alerts to labels (docs/evaluation.md).
 *
 * @param toleranceNanos          an alert matches a label if their closed intervals overlap after the label's is
 *                                widened by this much on both sides, ns ({@code >= 0}); default 1 s
 * @param priceTolerance          if not {@link Px#NONE}: the alert's price range must overlap the label's widened
 *                                by this much (fixed point, {@code >= 0}); skipped for labels or alerts without
 *                                prices. Default {@link Px#NONE} (prices not compared)
 * @param assignment              how eligible pairs become one-to-one matches
 * @param duplicatesAreFalseAlarms if true (default), an unmatched alert that overlapped an already matched label
 *                                (a repeat of a hit) counts as a false positive; if false it is only counted as a
 *                                duplicate and excluded from precision
 * @param instrument              score only labels of this instrument id; empty = all labels (alerts carry no
 *                                instrument, so pass one instrument's alerts)
 */
public record MatchConfig(long toleranceNanos, long priceTolerance, Assignment assignment,
                          boolean duplicatesAreFalseAlarms, String instrument) {

    /** One-to-one assignment of eligible (alert, label) pairs. */
    public enum Assignment {
        /** Alerts in order (tsStart, tsEnd, input index) each take the first free eligible label in that order. */
        GREEDY,
        /**
         * A maximum-cardinality matching (Kuhn's augmenting paths): the most hits any one-to-one assignment can
         * give; alerts processed and labels tried in (tsStart, tsEnd, input index) order, so it is deterministic.
         */
        MAXIMUM
    }

    /** 1 s tolerance, prices not compared, maximum matching, duplicates are false alarms, all instruments. */
    public static final MatchConfig DEFAULT = new MatchConfig(1_000_000_000L, Px.NONE, Assignment.MAXIMUM, true, "");

    public MatchConfig {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(instrument, "instrument");
        if (toleranceNanos < 0) throw new IllegalArgumentException("toleranceNanos < 0: " + toleranceNanos);
        if (priceTolerance != Px.NONE && priceTolerance < 0)
            throw new IllegalArgumentException("priceTolerance < 0: " + Px.format(priceTolerance));
    }

    public MatchConfig withTolerance(long nanos) {
        return new MatchConfig(nanos, priceTolerance, assignment, duplicatesAreFalseAlarms, instrument);
    }

    public MatchConfig withPriceTolerance(long px) {
        return new MatchConfig(toleranceNanos, px, assignment, duplicatesAreFalseAlarms, instrument);
    }

    public MatchConfig withAssignment(Assignment a) {
        return new MatchConfig(toleranceNanos, priceTolerance, a, duplicatesAreFalseAlarms, instrument);
    }

    public MatchConfig withDuplicatesAreFalseAlarms(boolean b) {
        return new MatchConfig(toleranceNanos, priceTolerance, assignment, b, instrument);
    }

    public MatchConfig withInstrument(String id) {
        return new MatchConfig(toleranceNanos, priceTolerance, assignment, duplicatesAreFalseAlarms, id);
    }

    /** {@code key=value,...} for reports. */
    public String describe() {
        return "tolerance=" + toleranceNanos + "ns,priceTolerance=" + (priceTolerance == Px.NONE ? "off" : Px.format(priceTolerance))
                + ",assignment=" + assignment.name().toLowerCase(java.util.Locale.ROOT)
                + ",duplicates=" + (duplicatesAreFalseAlarms ? "false-alarms" : "ignored")
                + (instrument.isEmpty() ? "" : ",instrument=" + instrument);
    }
}
