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

    public FeedStatusEvent copy() {
        FeedStatusEvent f = new FeedStatusEvent();
        copyHeaderTo(f);
        f.venue = venue; f.synced = synced; f.reason = reason;
        return f;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onFeedStatus(this); }

    @Override
    public String toString() {
        return "FeedStatus[" + tsEvent + " " + (synced ? "synced" : "UNSYNCED") + " " + reason + "]";
    }
}
