package dev.periscope.analytics.detect;

import java.util.Objects;

/**
 * Fans each print out to several detectors and sends their alerts to one sink in a deterministic order: per
 * print, detectors in the order given to the constructor; within a detector, in its own emission order.
 * Allocates nothing per print. Not thread-safe.
 */
public final class DetectorSet {
    private final TradeDetector[] detectors;
    private final AlertSink sink;

    public DetectorSet(AlertSink sink, TradeDetector... detectors) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.detectors = detectors.clone();
        for (TradeDetector d : this.detectors) Objects.requireNonNull(d, "detector");
    }

    /** See {@link TradeDetector#onTrade} for the inputs. */
    public void onTrade(long session, long ts, long price, long size, char venue, long conditions, byte aggressor,
                        long bid, long ask) {
        for (TradeDetector d : detectors) d.onTrade(session, ts, price, size, venue, conditions, aggressor, bid, ask, sink);
    }

    /** Flushes every detector, in order. */
    public void flush() {
        for (TradeDetector d : detectors) d.flush(sink);
    }

    public int size() { return detectors.length; }

    public TradeDetector get(int i) { return detectors[i]; }
}
