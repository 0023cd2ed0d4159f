package dev.periscope.tape;

import dev.periscope.model.Px;

/**
 * Derived fields of the latest print (a mutable flyweight owned by {@link TapeProcessor}).
 * Sizes and prices are fixed point ({@link Px}).
 */
public final class TapeRow {
    /** Inferred or published aggressor: +1 buy, -1 sell, 0 unknown or not signable. */
    public byte side;
    /** True when the print's sale conditions allow signing it (otherwise side is 0). */
    public boolean signable;
    /** {@link dev.periscope.analytics.flow.PrintFlags} of the print (volume / last / high-low eligibility). */
    public int printFlags;
    /** Session key (yyyymmdd) or -1 when the print lies outside every session of the calendar. */
    public int sessionKey;
    /** True when the print was counted in session aggregates (inside a session, and inside RTH if so configured). */
    public boolean counted;
    /** Session cumulative delta after this print. */
    public long cvd;
    /** Session VWAP after this print (price units), NaN-free: 0 when not ready. */
    public double vwap;
    public boolean vwapReady;
    /** Volume-weighted standard deviation of prices around the session VWAP (price units); 0 when not ready. */
    public double vwapSd;
    /** Prevailing NBBO when the print was processed ({@link Px#NONE} when none). */
    public long bid = Px.NONE, ask = Px.NONE;
}
