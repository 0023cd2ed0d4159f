package dev.periscope.eval;

/**
 * How a detector's alert side ({@link dev.periscope.analytics.detect.Alert#side}: the aggressor side of the flow)
 * relates to a label's side ({@link dev.periscope.model.truth.GroundTruthLabel#side}: the planted actor's side).
 * Sides are compared only when both are known (non-zero).
 */
public enum SideRelation {
    /** Alert side must equal label side (sweeps, blocks, meta-orders: the actor is the aggressor). */
    SAME,
    /** Alert side must be minus the label side (icebergs, absorption: the actor rests passively and is hit). */
    OPPOSITE,
    /** Sides are not compared. */
    IGNORE;

    /** True if sides {@code alert} and {@code label} (+1/-1/0) are compatible under this relation. */
    public boolean compatible(byte alert, byte label) {
        if (this == IGNORE || alert == 0 || label == 0) return true;
        return this == SAME ? alert == label : alert == -label;
    }
}
