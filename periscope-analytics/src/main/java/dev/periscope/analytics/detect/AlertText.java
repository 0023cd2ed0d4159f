package dev.periscope.analytics.detect;

/**
 * The description of an {@link Alert}, written on demand from the alert's fields and the few detector-specific
 * numbers the implementation holds (typically a small record per detector), so that raising an alert builds no
 * String. Implementations are immutable.
 */
@FunctionalInterface
public interface AlertText {
    /** The one-line description of {@code alert}. Allocates. */
    String describe(Alert alert);
}
