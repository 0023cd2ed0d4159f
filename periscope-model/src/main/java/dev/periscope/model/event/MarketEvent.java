package dev.periscope.model.event;

import dev.periscope.model.Instrument;

/**
 * Common header of every market-data event. Events are <b>mutable, reusable flyweights</b>: a reader owns one
 * instance per event type and overwrites it for every row, so replay allocates nothing per event (the
 * Disruptor/SBE convention). A handler that keeps an event beyond its callback must {@code copy()} it, or {@code copyFrom} it into an instance
 * it owns (every subclass has {@code copyFrom(sameType)}, which copies every field).
 *
 * <p>Time is epoch nanoseconds UTC. {@link #tsEvent} is the venue/participant time the event happened and drives
 * every window, bar and merge; {@link #tsRecv} is when it was received or recorded (equal to tsEvent when the
 * source has only one clock). {@link #sourceSeq} is the position in its source (line number or feed sequence)
 * and breaks ties deterministically.
 */
public abstract class MarketEvent {
    /** Event (participant) time, epoch ns UTC. */
    public long tsEvent;
    /** Receive/record time, epoch ns UTC. */
    public long tsRecv;
    public Instrument instrument;
    /** Line number or feed sequence number within its source; ties in replay break on it. */
    public long sourceSeq;

    /** Copies the header fields ({@link #tsEvent}, {@link #tsRecv}, {@link #instrument}, {@link #sourceSeq}) from {@code o}. */
    protected void copyHeaderFrom(MarketEvent o) {
        tsEvent = o.tsEvent;
        tsRecv = o.tsRecv;
        instrument = o.instrument;
        sourceSeq = o.sourceSeq;
    }

    /** Dispatches to the matching {@link MarketDataHandler} method. */
    public abstract void dispatchTo(MarketDataHandler h);
}
