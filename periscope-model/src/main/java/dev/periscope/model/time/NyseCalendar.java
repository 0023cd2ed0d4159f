package dev.periscope.model.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The New York Stock Exchange calendar ("XNYS"): regular hours 09:30-16:00 America/New_York, pre-market
 * 04:00-09:30, post-market 16:00-20:00; on early-close days the regular session ends at 13:00 and the post-market
 * at 17:00. Daylight saving time comes from the java.time zone rules.
 *
 * <p>Full closures are computed by rule (NYSE Rule 7.2 as applied in the NYSE holiday calendars): New Year's Day
 * (Sunday -> Monday; a Saturday New Year's Day is not observed, so Friday December 31 trades), Martin Luther King
 * Jr. Day (3rd Monday of January), Washington's Birthday (3rd Monday of February), Good Friday, Memorial Day (last
 * Monday of May), Juneteenth (June 19 from 2022), Independence Day, Labor Day (1st Monday of September),
 * Thanksgiving (4th Thursday of November) and Christmas; Juneteenth, Independence Day and Christmas move to the
 * nearest weekday (Saturday -> Friday, Sunday -> Monday). Special closures: 2001-09-11..14 (September 11),
 * 2004-06-11 (Reagan), 2007-01-02 (Ford), 2012-10-29/30 (Hurricane Sandy), 2018-12-05 (G.H.W. Bush),
 * 2025-01-09 (Carter).
 *
 * <p>Early closes (13:00): July 3 when it is a Monday, Tuesday or Thursday; Wednesday July 3 from 2013; Friday
 * July 5 before 2013; the day after Thanksgiving; December 24 Monday to Thursday; and 2003-12-26, 1999-12-31.
 * Rules cross-checked against the NYSE Group holiday announcements (2018-2027) and the exchange_calendars XNYS
 * calendar ({@code exchange_calendar_xnys.py}, {@code us_holidays.py}).
 *
 * <p>Covers trading dates {@link #FIRST_DATE} to {@link #LAST_DATE}; instants and dates outside throw
 * {@link IllegalArgumentException}. Per-day session boundaries are precomputed into primitive arrays, so
 * {@link #sessionKey(long)} and {@link #phase(long)} are allocation-free. Immutable and thread-safe; use
 * {@link #instance()}.
 */
public final class NyseCalendar implements TradingCalendar {
    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2040, 12, 31);
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final LocalTime PRE_OPEN = LocalTime.of(4, 0);
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    public static final LocalTime POST_CLOSE = LocalTime.of(20, 0);
    public static final LocalTime EARLY_POST_CLOSE = LocalTime.of(17, 0);

    private static final Set<LocalDate> SPECIAL_CLOSURES = Set.of(
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14), LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2),
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30), LocalDate.of(2018, 12, 5),
            LocalDate.of(2025, 1, 9));
    private static final Set<LocalDate> SPECIAL_EARLY_CLOSES = Set.of(
            LocalDate.of(1999, 12, 31), LocalDate.of(2003, 12, 26));

    /** Arrays start one day before FIRST_DATE so the evening session of the previous day is known. */
    private static final long BASE_DAY = FIRST_DATE.toEpochDay() - 1;
    private static final long FIRST_DAY = FIRST_DATE.toEpochDay();
    private static final long LAST_DAY = LAST_DATE.toEpochDay();

    private final long[] preOpen, open, close, postClose;
    private final int[] key;
    private final boolean[] early;

    private static final class Holder {
        static final NyseCalendar INSTANCE = new NyseCalendar();
    }

    /** The shared instance (built once, about 0.5 MB of per-day boundaries). */
    public static NyseCalendar instance() {
        return Holder.INSTANCE;
    }

    private NyseCalendar() {
        int n = (int) (LAST_DAY - BASE_DAY + 1);
        preOpen = new long[n]; open = new long[n]; close = new long[n]; postClose = new long[n];
        key = new int[n];
        early = new boolean[n];
        for (int i = 0; i < n; i++) {
            LocalDate d = LocalDate.ofEpochDay(BASE_DAY + i);
            key[i] = CivilDays.yyyymmdd(BASE_DAY + i);
            if (!tradesByRule(d)) {
                preOpen[i] = open[i] = close[i] = postClose[i] = -1;
                continue;
            }
            early[i] = isEarlyCloseByRule(d);
            preOpen[i] = nanos(d, PRE_OPEN);
            open[i] = nanos(d, OPEN);
            close[i] = nanos(d, early[i] ? EARLY_CLOSE : CLOSE);
            postClose[i] = nanos(d, early[i] ? EARLY_POST_CLOSE : POST_CLOSE);
        }
    }

    private static long nanos(LocalDate d, LocalTime t) {
        return d.atTime(t).atZone(ZONE).toEpochSecond() * 1_000_000_000L;
    }

    @Override
    public String name() { return "XNYS"; }

    @Override
    public boolean isTradingDay(LocalDate date) { return open[index(date)] >= 0; }

    /** True if {@code date} is a trading day that closes at 13:00 ET. */
    public boolean isEarlyClose(LocalDate date) { return early[index(date)]; }

    @Override
    public long regularOpen(LocalDate date) { return open[index(date)]; }

    @Override
    public long regularClose(LocalDate date) { return close[index(date)]; }

    /** Pre-market start (04:00 ET) in epoch ns, or -1 if not a trading day. */
    public long preMarketOpen(LocalDate date) { return preOpen[index(date)]; }

    /** Post-market end (20:00 ET, 17:00 ET on early-close days) in epoch ns, or -1 if not a trading day. */
    public long postMarketClose(LocalDate date) { return postClose[index(date)]; }

    @Override
    public int sessionKey(long epochNanos) {
        int i = sessionIndex(epochNanos);
        return i < 0 ? -1 : key[i];
    }

    @Override
    public SessionPhase phase(long epochNanos) {
        int i = sessionIndex(epochNanos);
        if (i < 0) return SessionPhase.CLOSED;
        if (epochNanos < open[i]) return SessionPhase.PRE_MARKET;
        if (epochNanos < close[i]) return SessionPhase.REGULAR;
        return SessionPhase.POST_MARKET;
    }

    /** Index of the trading day whose 04:00-20:00 window holds the instant, or -1. Allocation-free. */
    private int sessionIndex(long t) {
        long day = Math.floorDiv(t, CivilDays.NANOS_PER_DAY);
        if (day < FIRST_DAY || day > LAST_DAY) {
            throw new IllegalArgumentException("NyseCalendar covers " + FIRST_DATE + ".." + LAST_DATE
                    + "; instant " + t + " ns is outside");
        }
        // New York is behind UTC: the instant belongs to its UTC date's session or to the previous date's evening.
        int i = (int) (day - BASE_DAY);
        if (t >= preOpen[i] && t < postClose[i] && preOpen[i] >= 0) return i;
        int p = i - 1;
        if (t >= preOpen[p] && t < postClose[p] && preOpen[p] >= 0) return p;
        return -1;
    }

    private static int index(LocalDate date) {
        long day = date.toEpochDay();
        if (day < BASE_DAY || day > LAST_DAY) {
            throw new IllegalArgumentException("NyseCalendar covers " + FIRST_DATE + ".." + LAST_DATE + "; " + date
                    + " is outside");
        }
        return (int) (day - BASE_DAY);
    }

    // ---------------------------------------------------------------- rules (construction time only)

    /** Weekday full closures (holidays and special closures) of {@code year}, in date order. Allocates. */
    public static List<LocalDate> closures(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (!isWeekend(d) && !tradesByRule(d)) out.add(d);
        }
        return out;
    }

    /** Early-close (13:00 ET) trading days of {@code year}, in date order. Allocates. */
    public static List<LocalDate> earlyCloses(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (tradesByRule(d) && isEarlyCloseByRule(d)) out.add(d);
        }
        return out;
    }

    static boolean tradesByRule(LocalDate d) {
        return !isWeekend(d) && !isHoliday(d) && !SPECIAL_CLOSURES.contains(d);
    }

    private static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    static boolean isHoliday(LocalDate d) {
        int y = d.getYear();
        return d.equals(newYearObserved(y))
                || d.equals(nthWeekday(y, 1, DayOfWeek.MONDAY, 3))                       // Martin Luther King Jr.
                || d.equals(nthWeekday(y, 2, DayOfWeek.MONDAY, 3))                       // Washington's Birthday
                || d.equals(easterSunday(y).minusDays(2))                                // Good Friday
                || d.equals(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                || (y >= 2022 && d.equals(nearestWeekday(LocalDate.of(y, 6, 19))))       // Juneteenth
                || d.equals(nearestWeekday(LocalDate.of(y, 7, 4)))                       // Independence Day
                || d.equals(nthWeekday(y, 9, DayOfWeek.MONDAY, 1))                       // Labor Day
                || d.equals(nthWeekday(y, 11, DayOfWeek.THURSDAY, 4))                    // Thanksgiving
                || d.equals(nearestWeekday(LocalDate.of(y, 12, 25)));                    // Christmas
    }

    /** Jan 1, or Monday Jan 2 when Jan 1 is a Sunday; null when Jan 1 is a Saturday (not observed). */
    private static LocalDate newYearObserved(int y) {
        LocalDate d = LocalDate.of(y, 1, 1);
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> null;
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    static boolean isEarlyCloseByRule(LocalDate d) {
        if (SPECIAL_EARLY_CLOSES.contains(d)) return true;
        int y = d.getYear(), m = d.getMonthValue(), dom = d.getDayOfMonth();
        DayOfWeek w = d.getDayOfWeek();
        if (m == 7 && dom == 3) {
            return w == DayOfWeek.MONDAY || w == DayOfWeek.TUESDAY || w == DayOfWeek.THURSDAY
                    || (w == DayOfWeek.WEDNESDAY && y >= 2013);
        }
        if (m == 7 && dom == 5 && w == DayOfWeek.FRIDAY && y < 2013) return true;
        if (d.equals(nthWeekday(y, 11, DayOfWeek.THURSDAY, 4).plusDays(1))) return true;  // day after Thanksgiving
        return m == 12 && dom == 24 && w != DayOfWeek.FRIDAY && !isWeekend(d);
    }

    private static LocalDate nthWeekday(int y, int month, DayOfWeek w, int n) {
        return LocalDate.of(y, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, w));
    }

    private static LocalDate nearestWeekday(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(y, month, day);
    }
}
