package dev.periscope.sim;

/**
 * The session's times (epoch ns: start of pre-market, regular open and close, end of post-market), its intraday
 * activity profile and the simulation's current time {@link #now}.
 */
final class SessionClock {
    static final long NANOS = 1_000_000_000L;

    final long start, open, close, end;
    final IntradayProfile profile;
    /** Current simulation time, epoch ns. */
    long now;

    SessionClock(SimConfig cfg) {
        start = cfg.epochNanos(cfg.extendedOpen());
        open = cfg.epochNanos(cfg.regularOpen());
        close = cfg.epochNanos(cfg.regularClose());
        end = cfg.epochNanos(cfg.extendedClose());
        profile = new IntradayProfile(start, open, close, end, cfg.extendedActivity());
    }

    /** Pre- or post-market now. */
    boolean isExtended() { return now < open || now >= close; }

    /** The end of the current session phase (open, close or end): a delayed print is reported before it. */
    long phaseEnd() { return now < open ? open : now < close ? close : end; }
}
