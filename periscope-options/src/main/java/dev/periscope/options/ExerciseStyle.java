package dev.periscope.options;

/** When an option may be exercised: only at expiry (European) or on any day up to it (American). */
public enum ExerciseStyle {
    EUROPEAN, AMERICAN
}
