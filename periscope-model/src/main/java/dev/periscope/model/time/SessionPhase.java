package dev.periscope.model.time;

/** Phase of a trading session. */
public enum SessionPhase {
    /** Outside every session (overnight, weekend, holiday). */
    CLOSED,
    /** Pre-market extended hours (04:00-09:30 ET for NYSE). */
    PRE_MARKET,
    /** Regular trading hours (09:30-16:00 ET, or 09:30-13:00 on half days). */
    REGULAR,
    /** Post-market extended hours (16:00-20:00 ET; 13:00-17:00 on half days). */
    POST_MARKET,
    /** Continuous 24/7 trading (crypto). */
    CONTINUOUS
}
