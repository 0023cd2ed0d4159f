package dev.periscope.analytics.detect;

/**
 * What every detector has, whatever it reads: a name and parameters carried in every alert, and a flush at the end
 * of data. A detector takes one or more roles — {@link TradeDetector} (prints), {@link QuoteDetector} (venue
 * quotes), {@link OrderEventDetector} (L3 order events) — and {@link DetectorSet} feeds each role its events.
 *
 * <p>Windows close on event time only. Implementations allocate nothing on events that raise no alert (apart from
 * amortised table growth), read no clock, do no I/O and are not thread-safe.
 */
public interface Detector {
    /** Short stable name carried in every alert, e.g. {@code "block"}. */
    String name();

    /** The parameters as {@code key=value,...}, carried in every alert. */
    String params();

    /** Emits any event still open (end of data). State for the current session is kept. */
    void flush(AlertSink sink);
}
