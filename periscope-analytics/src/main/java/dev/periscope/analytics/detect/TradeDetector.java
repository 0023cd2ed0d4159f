package dev.periscope.analytics.detect;

import dev.periscope.model.Px;

/**
 * A named, parameterized event detector fed one print at a time with primitives.
 *
 * <p>Inputs per print: {@code session} (any key that changes when a new session starts, e.g. the session date as
 * {@code yyyymmdd}; a change flushes open events and resets session state), {@code ts} (epoch ns, event time;
 * non-decreasing), {@code price} and {@code size} ({@link Px} fixed point), {@code venue} (participant code for US
 * equities, {@code 'D'} = off-exchange), {@code conditions} ({@link dev.periscope.model.SaleCondition} mask),
 * {@code aggressor} (+1/-1/0 from the signing stage), and the prevailing NBBO {@code bid}/{@code ask}
 * ({@link Px#NONE} if unknown).
 *
 * <p>Windows close on event time only: an open event is emitted when a later print shows its window has passed,
 * when the session changes, or on {@link #flush}. Implementations allocate nothing on prints that raise no alert,
 * read no clock, do no I/O and are not thread-safe.
 */
public interface TradeDetector {
    /** Short stable name carried in every alert, e.g. {@code "block"}. */
    String name();

    /** The parameters as {@code key=value,...}, carried in every alert. */
    String params();

    void onTrade(long session, long ts, long price, long size, char venue, long conditions, byte aggressor,
                 long bid, long ask, AlertSink sink);

    /** Emits any event still open (end of data). State for the current session is kept. */
    void flush(AlertSink sink);
}
