package dev.periscope.replay.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Converts epoch nanoseconds to wall-clock fields in an exchange time zone, caching the UTC offset per hour so
 * that writing a row does not consult the zone rules each time. Not thread-safe.
 */
final class EtClock {
    private static final long HOUR = 3_600_000_000_000L, DAY = 86_400_000_000_000L;
    private final ZoneRules rules;
    private long cachedHour = Long.MIN_VALUE, offsetNanos;

    EtClock(ZoneId zone) { this.rules = zone.getRules(); }

    /** Local epoch nanoseconds (epoch ns shifted by the zone's offset at that instant). */
    long local(long epochNanos) {
        long h = Math.floorDiv(epochNanos, HOUR);
        if (h != cachedHour) {
            cachedHour = h;
            offsetNanos = rules.getOffset(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L))).getTotalSeconds() * 1_000_000_000L;
        }
        return epochNanos + offsetNanos;
    }

    /** Nanoseconds after local midnight. */
    long nanosOfDay(long epochNanos) { return Math.floorMod(local(epochNanos), DAY); }

    /** Local epoch day. */
    long epochDay(long epochNanos) { return Math.floorDiv(local(epochNanos), DAY); }

    /** Appends "yyyy-MM-dd HH:mm:ss.SSS" (milliseconds truncated), the TAQ sample's DT_EST layout. */
    void appendTaqTime(StringBuilder sb, long epochNanos) {
        long day = epochDay(epochNanos);
        if (day != lastDay) { lastDay = day; dayText = java.time.LocalDate.ofEpochDay(day).toString(); }
        sb.append(dayText).append(' ');
        long ns = nanosOfDay(epochNanos);
        long ms = ns / 1_000_000;
        two(sb, (int) (ms / 3_600_000)); sb.append(':');
        two(sb, (int) (ms / 60_000 % 60)); sb.append(':');
        two(sb, (int) (ms / 1000 % 60)); sb.append('.');
        int milli = (int) (ms % 1000);
        if (milli < 100) sb.append('0');
        if (milli < 10) sb.append('0');
        sb.append(milli);
    }

    private long lastDay = Long.MIN_VALUE;
    private String dayText;

    private static void two(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }
}
