package dev.periscope.model.time;

import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NyseCalendarTest {
    private static final NyseCalendar NYSE = NyseCalendar.instance();

    private static long utc(String isoLocal) {
        Instant i = LocalDateTime.parse(isoLocal).toInstant(ZoneOffset.UTC);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static long ny(String isoLocal) {
        Instant i = LocalDateTime.parse(isoLocal).atZone(NyseCalendar.ZONE).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static List<LocalDate> dates(String... iso) {
        return Stream.of(iso).map(LocalDate::parse).toList();
    }

    // Published full closures. 2020-2027: NYSE Group holiday and early-closings announcements (Dec 2019, Dec 2020,
    // Dec 2021, Nov 2024); 2018-2019: NYSE 2018-2020 calendar; 2011-2015: NYSE calendar as transcribed by
    // wallstreetdiary; plus the special closures (Sandy 2012, Bush 2018, Carter 2025).
    @Test
    void fullClosuresMatchPublishedNyseCalendars() {
        assertThat(NyseCalendar.closures(2011)).isEqualTo(dates("2011-01-17", "2011-02-21", "2011-04-22",
                "2011-05-30", "2011-07-04", "2011-09-05", "2011-11-24", "2011-12-26")); // Jan 1 2011 was a Saturday
        assertThat(NyseCalendar.closures(2012)).isEqualTo(dates("2012-01-02", "2012-01-16", "2012-02-20",
                "2012-04-06", "2012-05-28", "2012-07-04", "2012-09-03", "2012-10-29", "2012-10-30", "2012-11-22",
                "2012-12-25"));
        assertThat(NyseCalendar.closures(2013)).isEqualTo(dates("2013-01-01", "2013-01-21", "2013-02-18",
                "2013-03-29", "2013-05-27", "2013-07-04", "2013-09-02", "2013-11-28", "2013-12-25"));
        assertThat(NyseCalendar.closures(2014)).isEqualTo(dates("2014-01-01", "2014-01-20", "2014-02-17",
                "2014-04-18", "2014-05-26", "2014-07-04", "2014-09-01", "2014-11-27", "2014-12-25"));
        assertThat(NyseCalendar.closures(2015)).isEqualTo(dates("2015-01-01", "2015-01-19", "2015-02-16",
                "2015-04-03", "2015-05-25", "2015-07-03", "2015-09-07", "2015-11-26", "2015-12-25"));
        assertThat(NyseCalendar.closures(2018)).isEqualTo(dates("2018-01-01", "2018-01-15", "2018-02-19",
                "2018-03-30", "2018-05-28", "2018-07-04", "2018-09-03", "2018-11-22", "2018-12-05", "2018-12-25"));
        assertThat(NyseCalendar.closures(2019)).isEqualTo(dates("2019-01-01", "2019-01-21", "2019-02-18",
                "2019-04-19", "2019-05-27", "2019-07-04", "2019-09-02", "2019-11-28", "2019-12-25"));
        assertThat(NyseCalendar.closures(2020)).isEqualTo(dates("2020-01-01", "2020-01-20", "2020-02-17",
                "2020-04-10", "2020-05-25", "2020-07-03", "2020-09-07", "2020-11-26", "2020-12-25"));
        assertThat(NyseCalendar.closures(2021)).isEqualTo(dates("2021-01-01", "2021-01-18", "2021-02-15",
                "2021-04-02", "2021-05-31", "2021-07-05", "2021-09-06", "2021-11-25", "2021-12-24"));
        assertThat(NyseCalendar.closures(2022)).isEqualTo(dates("2022-01-17", "2022-02-21", "2022-04-15",
                "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"));
        assertThat(NyseCalendar.closures(2023)).isEqualTo(dates("2023-01-02", "2023-01-16", "2023-02-20",
                "2023-04-07", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25"));
        assertThat(NyseCalendar.closures(2024)).isEqualTo(dates("2024-01-01", "2024-01-15", "2024-02-19",
                "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25"));
        assertThat(NyseCalendar.closures(2025)).isEqualTo(dates("2025-01-01", "2025-01-09", "2025-01-20",
                "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27",
                "2025-12-25"));
        assertThat(NyseCalendar.closures(2026)).isEqualTo(dates("2026-01-01", "2026-01-19", "2026-02-16",
                "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"));
        assertThat(NyseCalendar.closures(2027)).isEqualTo(dates("2027-01-01", "2027-01-18", "2027-02-15",
                "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24"));
    }

    @Test
    void earlyClosesMatchPublishedNyseCalendars() {
        assertThat(NyseCalendar.earlyCloses(2012)).isEqualTo(dates("2012-07-03", "2012-11-23", "2012-12-24"));
        assertThat(NyseCalendar.earlyCloses(2013)).isEqualTo(dates("2013-07-03", "2013-11-29", "2013-12-24"));
        assertThat(NyseCalendar.earlyCloses(2014)).isEqualTo(dates("2014-07-03", "2014-11-28", "2014-12-24"));
        assertThat(NyseCalendar.earlyCloses(2015)).isEqualTo(dates("2015-11-27", "2015-12-24"));
        assertThat(NyseCalendar.earlyCloses(2018)).isEqualTo(dates("2018-07-03", "2018-11-23", "2018-12-24"));
        assertThat(NyseCalendar.earlyCloses(2019)).isEqualTo(dates("2019-07-03", "2019-11-29", "2019-12-24"));
        assertThat(NyseCalendar.earlyCloses(2020)).isEqualTo(dates("2020-11-27", "2020-12-24"));
        assertThat(NyseCalendar.earlyCloses(2021)).isEqualTo(dates("2021-11-26"));
        assertThat(NyseCalendar.earlyCloses(2022)).isEqualTo(dates("2022-11-25"));
        assertThat(NyseCalendar.earlyCloses(2023)).isEqualTo(dates("2023-07-03", "2023-11-24"));
        assertThat(NyseCalendar.earlyCloses(2024)).isEqualTo(dates("2024-07-03", "2024-11-29", "2024-12-24"));
        assertThat(NyseCalendar.earlyCloses(2025)).isEqualTo(dates("2025-07-03", "2025-11-28", "2025-12-24"));
        assertThat(NyseCalendar.earlyCloses(2026)).isEqualTo(dates("2026-11-27", "2026-12-24"));
        assertThat(NyseCalendar.earlyCloses(2027)).isEqualTo(dates("2027-11-26"));
        // pre-2013 rule: Friday July 5 after a Thursday Independence Day, not Wednesday July 3
        assertThat(NyseCalendar.earlyCloses(2002)).contains(LocalDate.of(2002, 7, 5))
                .doesNotContain(LocalDate.of(2002, 7, 3));
        assertThat(NyseCalendar.earlyCloses(2003)).contains(LocalDate.of(2003, 12, 26));
    }

    @Test
    void saturdayNewYearIsNotObservedOnFriday() {
        for (String d : List.of("2010-12-31", "2021-12-31", "2027-12-31")) {
            assertThat(NYSE.isTradingDay(LocalDate.parse(d))).as(d).isTrue();
            assertThat(NYSE.isEarlyClose(LocalDate.parse(d))).as(d).isFalse();
        }
        assertThat(NYSE.isTradingDay(LocalDate.of(2017, 1, 2))).isFalse(); // Jan 1 2017 was a Sunday
        assertThat(NYSE.isTradingDay(LocalDate.of(2011, 1, 3))).isTrue();
    }

    @Test
    void easterAndGoodFriday() {
        assertThat(NyseCalendar.easterSunday(2018)).isEqualTo(LocalDate.of(2018, 4, 1));
        assertThat(NyseCalendar.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(NyseCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(NyseCalendar.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
        assertThat(NYSE.isTradingDay(LocalDate.of(2038, 4, 23))).isFalse();
    }

    @Test
    void openAndCloseFollowDaylightSavingTime() {
        assertThat(NYSE.regularOpen(LocalDate.of(2018, 1, 2))).isEqualTo(utc("2018-01-02T14:30:00"));
        assertThat(NYSE.regularClose(LocalDate.of(2018, 1, 2))).isEqualTo(utc("2018-01-02T21:00:00"));
        assertThat(NYSE.regularOpen(LocalDate.of(2018, 3, 9))).isEqualTo(utc("2018-03-09T14:30:00"));
        assertThat(NYSE.regularOpen(LocalDate.of(2018, 3, 12))).isEqualTo(utc("2018-03-12T13:30:00"));
        assertThat(NYSE.regularOpen(LocalDate.of(2018, 11, 2))).isEqualTo(utc("2018-11-02T13:30:00"));
        assertThat(NYSE.regularOpen(LocalDate.of(2018, 11, 5))).isEqualTo(utc("2018-11-05T14:30:00"));
        assertThat(NYSE.preMarketOpen(LocalDate.of(2018, 3, 12))).isEqualTo(utc("2018-03-12T08:00:00"));
        assertThat(NYSE.postMarketClose(LocalDate.of(2018, 1, 2))).isEqualTo(utc("2018-01-03T01:00:00"));
        assertThat(NYSE.regularOpen(LocalDate.of(2018, 1, 1))).isEqualTo(-1);
        assertThat(NYSE.regularClose(LocalDate.of(2018, 1, 6))).isEqualTo(-1);
    }

    @Test
    void halfDaysCloseAtOneAndPostMarketAtFive() {
        assertThat(NYSE.regularClose(LocalDate.of(2018, 7, 3))).isEqualTo(utc("2018-07-03T17:00:00"));
        assertThat(NYSE.postMarketClose(LocalDate.of(2018, 7, 3))).isEqualTo(utc("2018-07-03T21:00:00"));
        assertThat(NYSE.regularClose(LocalDate.of(2019, 11, 29))).isEqualTo(utc("2019-11-29T18:00:00"));
        assertThat(NYSE.regularClose(LocalDate.of(2020, 12, 24))).isEqualTo(utc("2020-12-24T18:00:00"));
        assertThat(NYSE.phase(ny("2020-12-24T12:59:59.999999999"))).isEqualTo(SessionPhase.REGULAR);
        assertThat(NYSE.phase(ny("2020-12-24T13:00:00"))).isEqualTo(SessionPhase.POST_MARKET);
        assertThat(NYSE.phase(ny("2020-12-24T16:59:59"))).isEqualTo(SessionPhase.POST_MARKET);
        assertThat(NYSE.phase(ny("2020-12-24T17:00:00"))).isEqualTo(SessionPhase.CLOSED);
        assertThat(NYSE.sessionKey(ny("2020-12-24T17:30:00"))).isEqualTo(-1);
        assertThat(NYSE.isEarlyClose(LocalDate.of(2019, 11, 29))).isTrue();
        assertThat(NYSE.isEarlyClose(LocalDate.of(2019, 11, 27))).isFalse();
    }

    @Test
    void phasesAndSessionKeyAtBoundaries() {
        assertThat(NYSE.phase(ny("2018-01-02T03:59:59.999999999"))).isEqualTo(SessionPhase.CLOSED);
        assertThat(NYSE.sessionKey(ny("2018-01-02T03:59:59.999999999"))).isEqualTo(-1);
        assertThat(NYSE.phase(ny("2018-01-02T04:00:00"))).isEqualTo(SessionPhase.PRE_MARKET);
        assertThat(NYSE.phase(ny("2018-01-02T09:29:59.999999999"))).isEqualTo(SessionPhase.PRE_MARKET);
        assertThat(NYSE.phase(ny("2018-01-02T09:30:00"))).isEqualTo(SessionPhase.REGULAR);
        assertThat(NYSE.phase(ny("2018-01-02T15:59:59.999999999"))).isEqualTo(SessionPhase.REGULAR);
        assertThat(NYSE.phase(ny("2018-01-02T16:00:00"))).isEqualTo(SessionPhase.POST_MARKET);
        assertThat(NYSE.phase(ny("2018-01-02T19:59:59.999999999"))).isEqualTo(SessionPhase.POST_MARKET);
        assertThat(NYSE.phase(ny("2018-01-02T20:00:00"))).isEqualTo(SessionPhase.CLOSED);
        // 19:59 EST is 00:59 UTC of the next day: still the 2018-01-02 session
        assertThat(NYSE.sessionKey(utc("2018-01-03T00:59:00"))).isEqualTo(20180102);
        assertThat(NYSE.sessionKey(utc("2018-01-03T01:00:00"))).isEqualTo(-1);
        assertThat(NYSE.sessionKey(ny("2018-01-02T04:00:00"))).isEqualTo(20180102);
        // holiday, weekend, special closure
        assertThat(NYSE.phase(ny("2018-01-01T10:00:00"))).isEqualTo(SessionPhase.CLOSED);
        assertThat(NYSE.sessionKey(ny("2018-01-06T10:00:00"))).isEqualTo(-1);
        assertThat(NYSE.sessionKey(ny("2012-10-29T10:00:00"))).isEqualTo(-1);
        assertThat(NYSE.sessionKey(ny("2025-01-09T10:00:00"))).isEqualTo(-1);
        assertThat(NYSE.sessionKey(ny("2025-01-10T10:00:00"))).isEqualTo(20250110);
        // first and last covered days
        assertThat(NYSE.sessionKey(ny("2000-01-03T10:00:00"))).isEqualTo(20000103);
        assertThat(NYSE.sessionKey(ny("2040-12-31T10:00:00"))).isEqualTo(20401231);
    }

    @Test
    void outsideTheCoveredRangeIsAClearError() {
        assertThatThrownBy(() -> NYSE.sessionKey(ny("1999-06-01T10:00:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000-01-01..2040-12-31");
        assertThatThrownBy(() -> NYSE.phase(utc("2041-01-02T15:00:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NYSE.isTradingDay(LocalDate.of(2041, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every print of the real TAQ sample (times in EST = UTC-5) falls in the session of its own date. */
    @Test
    void sessionKeyAndPhaseOverTheTaqSample() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> wrongKey = new java.util.ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv"))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String dt = line.substring(0, line.indexOf(','));
                Instant i = LocalDateTime.parse(dt.replace(' ', 'T')).toInstant(ZoneOffset.ofHours(-5));
                long ns = i.getEpochSecond() * 1_000_000_000L + i.getNano();
                int expectedKey = Integer.parseInt(dt.substring(0, 10).replace("-", ""));
                if (NYSE.sessionKey(ns) != expectedKey) wrongKey.add(dt);
                counts.merge(expectedKey + " " + NYSE.phase(ns), 1, Integer::sum);
            }
        }
        assertThat(wrongKey).isEmpty();
        // independently counted (python, string comparison of the EST clock time against 09:30 / 16:00)
        assertThat(counts).isEqualTo(Map.of(
                "20180102 PRE_MARKET", 115, "20180102 REGULAR", 39_195, "20180102 POST_MARKET", 160,
                "20180103 PRE_MARKET", 101, "20180103 REGULAR", 37_617, "20180103 POST_MARKET", 75));
    }

    @Test
    void sessionKeyAndPhaseDoNotAllocate() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = utc("2018-01-01T00:00:00"), step = 37_000_000_123L;
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (int k = 0; k < 200_000; k++) {
                long t = start + k * step;
                sink += NYSE.sessionKey(t) + NYSE.phase(t).ordinal();
            }
        }
        long tid = Thread.currentThread().threadId();
        // the least of 5 measurements: one allocation per call would be >= 3.2 MB in every one of them, while a
        // JIT recompilation landing in one window (seen on a loaded machine) allocates a few KB once
        long allocated = Long.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int k = 0; k < 200_000; k++) {
                long t = start + k * step;
                sink += NYSE.sessionKey(t) + NYSE.phase(t).ordinal();
            }
            allocated = Math.min(allocated, mx.getThreadAllocatedBytes(tid) - before);
        }
        assertThat(sink).isNotZero();
        assertThat(allocated).as("bytes allocated by 400k calls").isLessThan(4_096);
    }
}
