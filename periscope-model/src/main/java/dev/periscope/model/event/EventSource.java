package dev.periscope.model.event;

import dev.periscope.model.event.MarketEvent;

/**
 * A pull-based, streaming source of market events in non-decreasing {@code tsEvent} order (a file reader, a
 * simulator, a recorded feed). Constant memory: one flyweight per event type. Bad records are reported to the
 * source's {@link dev.periscope.model.quality.DataIssueLog} and skipped, never returned.
 */
public interface EventSource extends AutoCloseable {
    /**
     * Advances to the next event and returns it, or {@code null} at the end of input. The returned object is a
     * flyweight owned by the source and valid until the next call.
     */
    MarketEvent next();

    /** Source name used in reports (usually the file name). */
    String name();

    @Override
    default void close() {}
}
