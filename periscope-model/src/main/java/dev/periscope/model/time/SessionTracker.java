package dev.periscope.model.time;

/**
 * Tells session-scoped aggregates (CVD, session VWAP, volume profile) when to reset: feed it every event time and
 * it returns {@code true} when the event opens a session different from the current one. Events outside every
 * session (key -1: overnight, weekend, holiday) leave the current session unchanged and return {@code false}, so a
 * late print after the close does not start a phantom session; {@link #inSession()} says whether the last event
 * was inside one. Allocation-free; not thread-safe (one per pipeline).
 */
public final class SessionTracker {
    /** {@link #currentKey()} before the first in-session event. */
    public static final int NONE = -1;

    private final TradingCalendar calendar;
    private int currentKey = NONE;
    private boolean lastInSession;

    public SessionTracker(TradingCalendar calendar) {
        if (calendar == null) throw new IllegalArgumentException("calendar is required");
        this.calendar = calendar;
    }

    /** Advances to {@code tsEvent} (epoch ns); true if a new session starts with this event (reset aggregates). */
    public boolean advance(long tsEvent) {
        int k = calendar.sessionKey(tsEvent);
        lastInSession = k != -1;
        if (k == -1 || k == currentKey) return false;
        currentKey = k;
        return true;
    }

    /** Session key ({@code yyyymmdd}) of the current session, or {@link #NONE} before the first one. */
    public int currentKey() { return currentKey; }

    /** Whether the last event passed to {@link #advance(long)} lay inside a session. */
    public boolean inSession() { return lastInSession; }

    public TradingCalendar calendar() { return calendar; }

    /** Forgets the current session (the next in-session event returns true). */
    public void reset() {
        currentKey = NONE;
        lastInSession = false;
    }
}
