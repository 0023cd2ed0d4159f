package dev.periscope.model.event;

import dev.periscope.model.Px;
import dev.periscope.model.Side;

/**
 * An L2 price-level update: the level {@link #price} on {@link #side} now has aggregate size {@link #size}
 * (absolute, not incremental); size 0 deletes the level. Snapshots are sent as a {@link #FLAG_CLEAR} delta
 * followed by one delta per level; {@link #FLAG_LAST} marks the last delta of a venue message, after which the
 * book is consistent and may be read.
 */
public final class BookDeltaEvent extends MarketEvent {
    /** Clear the whole book (both sides) before applying this and following deltas; price/size are ignored. */
    public static final int FLAG_CLEAR = 1;
    /** Last delta of a venue message / snapshot: the book is consistent after it. */
    public static final int FLAG_LAST = 2;
    /** Part of a snapshot rather than an incremental update. */
    public static final int FLAG_SNAPSHOT = 4;

    public char venue;
    public Side side;
    public long price;
    public long size;
    public int flags;
    /** Venue update id (Binance u, Coinbase sequence, ...) or 0. */
    public long updateId;

    public BookDeltaEvent set(long tsEvent, Side side, long price, long size, int flags) {
        this.tsEvent = tsEvent;
        this.tsRecv = tsEvent;
        this.side = side;
        this.price = price;
        this.size = size;
        this.flags = flags;
        return this;
    }

    public boolean isClear() { return (flags & FLAG_CLEAR) != 0; }

    public boolean isLast() { return (flags & FLAG_LAST) != 0; }

    /** A new event equal to this one in every field (allocates). */
    public BookDeltaEvent copy() {
        return new BookDeltaEvent().copyFrom(this);
    }

    /** Overwrites every field of this event with {@code o}'s (header included); returns this. No allocation. */
    public BookDeltaEvent copyFrom(BookDeltaEvent o) {
        copyHeaderFrom(o);
        venue = o.venue; side = o.side; price = o.price; size = o.size; flags = o.flags; updateId = o.updateId;
        return this;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onBookDelta(this); }

    @Override
    public String toString() {
        return "BookDelta[" + tsEvent + " " + side + " " + Px.format(price) + " -> " + Px.format(size) + " f=" + flags + "]";
    }
}
