package dev.periscope.model.time;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A 24/7 venue (crypto spot and perpetuals): every day trades, the phase is always
 * {@link SessionPhase#CONTINUOUS}, and the session is the UTC calendar day (00:00:00 inclusive to the next 00:00
 * exclusive), the convention of Binance, Coinbase and Kraken daily statistics. {@link #sessionKey(long)} and
 * {@link #phase(long)} are allocation-free. Immutable and thread-safe.
 */
public final class Crypto24x7Calendar implements TradingCalendar {
    public static final Crypto24x7Calendar INSTANCE = new Crypto24x7Calendar();

    private Crypto24x7Calendar() {}

    @Override
    public String name() { return "24x7"; }

    @Override
    public boolean isTradingDay(LocalDate date) { return true; }

    /** {@code yyyymmdd} of the instant's UTC date. */
    @Override
    public int sessionKey(long epochNanos) {
        return CivilDays.yyyymmdd(Math.floorDiv(epochNanos, CivilDays.NANOS_PER_DAY));
    }

    @Override
    public SessionPhase phase(long epochNanos) { return SessionPhase.CONTINUOUS; }

    /** 00:00 UTC of {@code date} in epoch ns. */
    @Override
    public long regularOpen(LocalDate date) {
        return date.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
    }

    /** 00:00 UTC of the following day in epoch ns (exclusive end). */
    @Override
    public long regularClose(LocalDate date) {
        return regularOpen(date) + CivilDays.NANOS_PER_DAY;
    }
}
