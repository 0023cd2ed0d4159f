package dev.periscope.analytics.detect;

import dev.periscope.model.event.OrderEvent;

import java.util.Objects;

/**
 * Fans each L3 order event out to several {@link OrderEventDetector}s and sends their alerts to one sink in a
 * deterministic order: per event, detectors in constructor order; within a detector, its own emission order. The
 * order-event counterpart of {@link DetectorSet}. Allocates nothing per event. Not thread-safe.
 */
public final class OrderDetectorSet {
    private final OrderEventDetector[] detectors;
    private final AlertSink sink;

    public OrderDetectorSet(AlertSink sink, OrderEventDetector... detectors) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.detectors = detectors.clone();
        for (OrderEventDetector d : this.detectors) Objects.requireNonNull(d, "detector");
    }

    /** See {@link OrderEventDetector#onOrder} for the inputs. */
    public void onOrder(long session, OrderEvent e) {
        for (OrderEventDetector d : detectors) d.onOrder(session, e, sink);
    }

    /** Flushes every detector, in order. */
    public void flush() {
        for (OrderEventDetector d : detectors) d.flush(sink);
    }

    public int size() { return detectors.length; }

    public OrderEventDetector get(int i) { return detectors[i]; }
}
