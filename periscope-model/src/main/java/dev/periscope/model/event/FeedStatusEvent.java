package dev.periscope.model.event;

/**
 * A change in a feed's synchronisation state for one instrument (e.g. a sequence gap making a local book
 * unsynced until the next snapshot). Analytics that depend on a book must ignore book state while
 * {@link #synced} is false.
 */
public final class FeedStatusEvent extends MarketEvent {
    public char venue;
    public boolean synced;
    /** Short machine-readable reason: "snapshot", "gap", "checksum", "resync", "halt", "resume". */
    public String reason;

    public FeedStatusEvent set(long tsEvent, boolean synced, String reason) {
        this.tsEvent = tsEvent;
        this.tsRecv = tsEvent;
        this.synced = synced;
        this.reason = reason;
        return this;
    }

    /** A new event equal to this one in every field (allocates). */
    public FeedStatusEvent copy() {
        return new FeedStatusEvent().copyFrom(this);
    }

    /** Overwrites every field of this event with {@code o}'s (header included); returns this. No allocation. */
    public FeedStatusEvent copyFrom(FeedStatusEvent o) {
        copyHeaderFrom(o);
        venue = o.venue; synced = o.synced; reason = o.reason;
        return this;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onFeedStatus(this); }

    @Override
    public String toString() {
        return "FeedStatus[" + tsEvent + " " + (synced ? "synced" : "UNSYNCED") + " " + reason + "]";
    }
}
