package dev.periscope.model.time;

import java.time.LocalDate;

/**
 * A venue's trading calendar: which days trade, the session phases of each instant, and the session key used to
 * reset session-scoped aggregates (CVD, session VWAP, volume profile). Implementations are immutable and
 * thread-safe; {@link #sessionKey(long)} and {@link #phase(long)} are allocation-free after warm-up.
 */
public interface TradingCalendar {
    /** Calendar name, e.g. "XNYS" or "24x7". */
    String name();

    /** True if {@code date} is a trading day. */
    boolean isTradingDay(LocalDate date);

    /**
     * The session an instant (epoch ns UTC) belongs to, as yyyymmdd of its trading date in the calendar's time
     * zone, or -1 if the instant belongs to no session (weekend, holiday, overnight for equities).
     * Session aggregates reset when this key changes.
     */
    int sessionKey(long epochNanos);

    /** Session phase of an instant. */
    SessionPhase phase(long epochNanos);

    /** Regular-session open of {@code date} in epoch ns, or -1 if not a trading day. */
    long regularOpen(LocalDate date);

    /** Regular-session close of {@code date} in epoch ns (13:00 ET on half days), or -1 if not a trading day. */
    long regularClose(LocalDate date);
}
