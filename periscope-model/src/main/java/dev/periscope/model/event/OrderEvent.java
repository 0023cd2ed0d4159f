package dev.periscope.model.event;

import dev.periscope.model.Px;
import dev.periscope.model.Side;

/**
 * An L3 (market-by-order) event. {@link #size} is the quantity of <em>this</em> event: the added size for ADD,
 * the cancelled quantity for CANCEL (partial), the executed quantity for EXECUTE / EXECUTE_HIDDEN; for DELETE it
 * is the remaining size being removed (informational). {@link #side} is the side of the resting order, so for an
 * execution the aggressor is {@code side.opposite()}.
 */
public final class OrderEvent extends MarketEvent {
    public enum Type {
        /** New visible limit order. */
        ADD,
        /** Partial cancellation: size is the cancelled quantity. */
        CANCEL,
        /** Full deletion of the order. */
        DELETE,
        /** Execution against a visible resting order. */
        EXECUTE,
        /** Execution against hidden (non-displayed) liquidity; no visible order changes. */
        EXECUTE_HIDDEN,
        /** Cross or auction trade. */
        CROSS,
        /** Trading halt / resume indicator. */
        HALT
    }

    public Type type;
    public long orderId;
    public Side side;
    public long price;
    public long size;
    public char venue;

    public OrderEvent set(long tsEvent, Type type, long orderId, Side side, long price, long size) {
        this.tsEvent = tsEvent;
        this.tsRecv = tsEvent;
        this.type = type;
        this.orderId = orderId;
        this.side = side;
        this.price = price;
        this.size = size;
        return this;
    }

    /** A new event equal to this one in every field (allocates). */
    public OrderEvent copy() {
        return new OrderEvent().copyFrom(this);
    }

    /** Overwrites every field of this event with {@code o}'s (header included); returns this. No allocation. */
    public OrderEvent copyFrom(OrderEvent o) {
        copyHeaderFrom(o);
        type = o.type; orderId = o.orderId; side = o.side; price = o.price; size = o.size; venue = o.venue;
        return this;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onOrder(this); }

    @Override
    public String toString() {
        return "Order[" + tsEvent + " " + type + " #" + orderId + " " + side + " " + Px.format(size) + " @ " + Px.format(price) + "]";
    }
}
