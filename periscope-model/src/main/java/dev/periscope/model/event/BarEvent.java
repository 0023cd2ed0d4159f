package dev.periscope.model.event;

/** An OHLCV bar from a bar file (generic CSV). Interval is [tsEvent, tsEvent + durationNanos). */
public final class BarEvent extends MarketEvent {
    public long durationNanos;
    public long open, high, low, close;
    public long volume;

    /** A new event equal to this one in every field (allocates). */
    public BarEvent copy() {
        return new BarEvent().copyFrom(this);
    }

    /** Overwrites every field of this event with {@code o}'s (header included); returns this. No allocation. */
    public BarEvent copyFrom(BarEvent o) {
        copyHeaderFrom(o);
        durationNanos = o.durationNanos; open = o.open; high = o.high; low = o.low; close = o.close; volume = o.volume;
        return this;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onBar(this); }
}
