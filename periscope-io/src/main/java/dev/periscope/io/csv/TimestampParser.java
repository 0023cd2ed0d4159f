package dev.periscope.io.csv;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Allocation-free parser of text timestamps from ASCII byte ranges into epoch nanoseconds UTC.
 *
 * <p>Accepted forms: {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss} or {@code yyyy-MM-ddTHH:mm:ss}, with an
 * optional fraction of 1 to 9 digits after '.' or ','; optionally followed by {@code Z}, {@code ±hh},
 * {@code ±hhmm} or {@code ±hh:mm}. A timestamp without an offset is a local time in this parser's zone; a
 * timestamp with an offset uses that offset. In a zone with daylight saving, a local time in the autumn overlap
 * takes the earlier offset and one in the spring gap is shifted forward ({@link ZoneRules#getOffset(LocalDateTime)}).
 *
 * <p>The UTC offset is cached per calendar date (the parser remembers the last date's bytes), so a file sorted by
 * time costs one date lookup per day; only the two DST-change days per year take the allocating slow path.
 * Errors throw {@link IllegalArgumentException} with a message naming the text. Not thread-safe.
 */
public final class TimestampParser {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final int[] FRAC_MUL = {1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private final ZoneId zone;
    private final ZoneRules rules;
    private final int fixedOffsetSeconds;
    private final boolean fixed;
    // date cache
    private final byte[] lastDate = new byte[10];
    private boolean haveDate;
    private long dayEpochNanosLocal;
    private boolean dayHasTransition;
    private long dayOffsetNanos;

    public TimestampParser(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
    }

    public ZoneId zone() { return zone; }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "days_from_civil"). */
    public static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Parses {@code b[from, to)}; see the class comment for the forms. */
    public long parse(byte[] b, int from, int to) {
        int len = to - from;
        if (len < 10 || b[from + 4] != '-' || b[from + 7] != '-') throw bad(b, from, to, "expected yyyy-MM-dd...");
        long localDayNanos = day(b, from, to);
        if (len == 10) return toUtc(localDayNanos, 0, b, from, to);
        int i = from + 10;
        byte sep = b[i];
        if ((sep != ' ' && sep != 'T') || len < 19 || b[i + 3] != ':' || b[i + 6] != ':') {
            throw bad(b, from, to, "expected HH:mm:ss after the date");
        }
        int hh = digits(b, i + 1, 2), mm = digits(b, i + 4, 2), ss = digits(b, i + 7, 2);
        if (hh < 0 || mm < 0 || ss < 0 || hh > 23 || mm > 59 || ss > 60) throw bad(b, from, to, "bad time of day");
        long nanos = (hh * 3600L + mm * 60L + ss) * 1_000_000_000L;
        i += 9;
        if (i < to && (b[i] == '.' || b[i] == ',')) {
            int fs = ++i;
            int f = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (i - fs >= 9) throw bad(b, from, to, "more than 9 fractional digits");
                f = f * 10 + (b[i] - '0');
                i++;
            }
            if (i == fs) throw bad(b, from, to, "empty fraction");
            nanos += (long) f * FRAC_MUL[i - fs];
        }
        if (i == to) return toUtc(localDayNanos, nanos, b, from, to);
        // explicit offset
        long offSec;
        byte c = b[i];
        if (c == 'Z' || c == 'z') {
            if (i + 1 != to) throw bad(b, from, to, "text after Z");
            offSec = 0;
        } else if (c == '+' || c == '-') {
            int rest = to - i - 1;
            int oh, om = 0;
            if (rest == 2) oh = digits(b, i + 1, 2);
            else if (rest == 4) { oh = digits(b, i + 1, 2); om = digits(b, i + 3, 2); }
            else if (rest == 5 && b[i + 3] == ':') { oh = digits(b, i + 1, 2); om = digits(b, i + 4, 2); }
            else throw bad(b, from, to, "bad UTC offset");
            if (oh < 0 || om < 0 || oh > 18 || om > 59) throw bad(b, from, to, "bad UTC offset");
            offSec = (oh * 3600L + om * 60L) * (c == '-' ? -1 : 1);
        } else {
            throw bad(b, from, to, "unexpected text after the time");
        }
        return localDayNanos + nanos - offSec * 1_000_000_000L;
    }

    private long day(byte[] b, int from, int to) {
        if (haveDate) {
            boolean same = true;
            for (int k = 0; k < 10; k++) if (lastDate[k] != b[from + k]) { same = false; break; }
            if (same) return dayEpochNanosLocal;
        }
        int y = digits(b, from, 4), m = digits(b, from + 5, 2), d = digits(b, from + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) throw bad(b, from, to, "bad date");
        if (d > java.time.YearMonth.of(y, m).lengthOfMonth()) throw bad(b, from, to, "no such day");
        long ed = epochDay(y, m, d);
        System.arraycopy(b, from, lastDate, 0, 10);
        haveDate = true;
        dayEpochNanosLocal = ed * NANOS_PER_DAY;
        if (fixed) {
            dayHasTransition = false;
            dayOffsetNanos = fixedOffsetSeconds * 1_000_000_000L;
        } else {
            LocalDateTime start = LocalDateTime.of(y, m, d, 0, 0);
            ZoneOffset o1 = rules.getOffset(start);
            ZoneOffset o2 = rules.getOffset(start.plusDays(1).minusNanos(1));
            dayHasTransition = !o1.equals(o2);
            dayOffsetNanos = o1.getTotalSeconds() * 1_000_000_000L;
        }
        return dayEpochNanosLocal;
    }

    private long toUtc(long localDayNanos, long nanosOfDay, byte[] b, int from, int to) {
        if (!dayHasTransition) return localDayNanos + nanosOfDay - dayOffsetNanos;
        // slow path (DST change day): allocates
        long local = localDayNanos + nanosOfDay;
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1_000_000_000L),
                (int) Math.floorMod(local, 1_000_000_000L), ZoneOffset.UTC);
        return local - rules.getOffset(ldt).getTotalSeconds() * 1_000_000_000L;
    }

    /** Value of {@code n} ASCII digits at {@code b[at..]}, or -1 if any is not a digit. */
    static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int c = b[at + k] - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v;
    }

    /**
     * Parses a plain decimal number of {@code unitNanos} units (1e9 = seconds, 1e6 = ms, 1e3 = µs, 1 = ns) since
     * the epoch, e.g. {@code 1633998512.0633569} seconds, into epoch nanoseconds; digits below 1 ns are rejected
     * unless zero. Allocation-free; throws {@link IllegalArgumentException} on bad text.
     */
    public static long parseEpoch(byte[] b, int from, int to, long unitNanos) {
        if (from >= to) throw new IllegalArgumentException("empty timestamp");
        int i = from;
        boolean neg = false;
        if (b[i] == '-') { neg = true; i++; }
        long ip = 0;
        int nd = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            ip = Math.addExact(Math.multiplyExact(ip, 10), b[i] - '0');
            i++; nd++;
        }
        long frac = 0;
        if (i < to && b[i] == '.') {
            i++;
            long place = unitNanos;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                int dgt = b[i] - '0';
                if (place % 10 == 0) { place /= 10; frac += dgt * place; }
                else if (dgt != 0) throw new IllegalArgumentException("finer than 1 ns: " + text(b, from, to));
                i++; nd++;
            }
        }
        if (i != to || nd == 0) throw new IllegalArgumentException("not an epoch number: '" + text(b, from, to) + "'");
        long v = Math.addExact(Math.multiplyExact(ip, unitNanos), frac);
        return neg ? -v : v;
    }

    private static IllegalArgumentException bad(byte[] b, int from, int to, String why) {
        return new IllegalArgumentException(why + ": '" + text(b, from, to) + "'");
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, Math.min(to - from, 80), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
