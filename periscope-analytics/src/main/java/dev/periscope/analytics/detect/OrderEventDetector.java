package dev.periscope.analytics.detect;

import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;

/**
 * The L3 role of a {@link Detector}: fed one market-by-order event at a time, the order-level counterpart of
 * {@link TradeDetector}.
 *
 * <p>Inputs follow {@link OrderEvent}'s semantics: {@code type} ADD rests a new visible order of {@code size};
 * CANCEL reduces it by {@code size}; DELETE removes it whatever remains; EXECUTE is a fill of {@code size} against
 * the visible resting order {@code orderId}; EXECUTE_HIDDEN a fill against non-displayed liquidity at
 * {@code price}; CROSS and HALT carry no book change. {@code side} is the side of the <em>resting</em> order (for an
 * execution the aggressor is {@code side.opposite()}). {@code session} is any key that changes when a new session
 * starts (a change emits open events and resets state); {@code ts} is epoch ns event time, non-decreasing; prices
 * and sizes are {@link dev.periscope.model.Px} fixed point; {@code venue} tags the book (single-venue feeds may
 * pass {@code '\0'}).
 *
 * <p>Windows close on event time only: an open event is emitted when a later event shows its window has passed,
 * when the session changes, or on {@link #flush}. Implementations allocate nothing on events that raise no alert
 * (apart from amortized table growth), read no clock, do no I/O and are not thread-safe. Events for unknown order
 * ids (e.g. orders resting before the data starts) are tolerated: they update what can be updated and are
 * otherwise ignored.
 */
public interface OrderEventDetector extends Detector {
    void onOrder(long session, long ts, OrderEvent.Type type, long orderId, Side side, long price, long size,
                 char venue, AlertSink sink);

    /** Convenience: feeds the fields of a (reused) {@link OrderEvent}. */
    default void onOrder(long session, OrderEvent e, AlertSink sink) {
        onOrder(session, e.tsEvent, e.type, e.orderId, e.side, e.price, e.size, e.venue, sink);
    }
}
