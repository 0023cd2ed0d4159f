package dev.periscope.model.event;

/** An OHLCV bar from a bar file (generic CSV). Interval is [tsEvent, tsEvent + durationNanos). */
public final class BarEvent extends MarketEvent {
    public long durationNanos;
    public long open, high, low, close;
    public long volume;

    public BarEvent copy() {
        BarEvent b = new BarEvent();
        copyHeaderTo(b);
        b.durationNanos = durationNanos; b.open = open; b.high = high; b.low = low; b.close = close; b.volume = volume;
        return b;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onBar(this); }
}
