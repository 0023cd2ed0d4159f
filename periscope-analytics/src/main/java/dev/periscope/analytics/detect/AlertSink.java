package dev.periscope.analytics.detect;

/** Receives alerts from detectors, in the order they are emitted. Called on the detector's thread. */
@FunctionalInterface
public interface AlertSink {
    void accept(Alert alert);
}
