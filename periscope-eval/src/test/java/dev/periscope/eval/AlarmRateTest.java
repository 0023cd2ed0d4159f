package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.model.time.NyseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static dev.periscope.eval.EvalFixtures.HOUR;
import static dev.periscope.eval.EvalFixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlarmRateTest {
    @Test
    void sessionsAreMergedAndTimeOutsideThemIsExcluded() {
        // [0,1h) and [0.5h,1.5h) merge to [0,1.5h); plus [2h,3h): 2.5 h in all
        SessionTime s = SessionTime.of(new long[]{2 * HOUR, 0, HOUR / 2}, new long[]{3 * HOUR, HOUR, 3 * HOUR / 2});
        assertThat(s.intervals()).isEqualTo(2);
        assertThat(s.totalHours()).isEqualTo(2.5);
        assertThat(s.contains(0)).isTrue();
        assertThat(s.contains(3 * HOUR / 2 - 1)).isTrue();
        assertThat(s.contains(3 * HOUR / 2)).isFalse();
        assertThat(s.contains(2 * HOUR)).isTrue();
        assertThat(s.contains(3 * HOUR)).isFalse();
        assertThat(s.contains(-1)).isFalse();
        assertThatThrownBy(() -> SessionTime.of(5, 4)).hasMessageContaining("end < start");
    }

    @Test
    void ratesPerDetectorOverSessionTime() {
        SessionTime s = SessionTime.of(new long[]{0, 2 * HOUR}, new long[]{HOUR, 3 * HOUR});
        List<Alert> alerts = List.of(
                alert("block", 10, 10, 1),
                alert("block", HOUR - 5, HOUR - 1, 1),
                alert("block", HOUR + 10, HOUR + 10, 1),        // between sessions: excluded
                alert("block", HOUR - 5, HOUR, 1),              // ends at the close (exclusive): excluded
                alert("sweep", 2 * HOUR + 1, 2 * HOUR + 1, -1),
                new Alert("block", "p", "off-exchange-block", 2 * HOUR, 2 * HOUR, (byte) 0, 1, 1, 1, 1, 1.0, "D", 1, 1, "x"));
        List<AlarmRate.Row> rows = AlarmRate.compute(alerts, s, List.of("sweep", "absorption"));
        assertThat(rows).extracting(AlarmRate.Row::detector).containsExactly("absorption", "block", "sweep");
        AlarmRate.Row block = rows.get(1);
        assertThat(block.inSession()).isEqualTo(3);
        assertThat(block.outside()).isEqualTo(2);
        assertThat(block.perHour().getAsDouble()).isEqualTo(1.5);
        assertThat(block.byKind()).isEqualTo(Map.of("block", 2L, "off-exchange-block", 1L));
        assertThat(rows.get(0).inSession()).isZero();
        assertThat(rows.get(0).perHour().getAsDouble()).isZero();
        assertThat(rows.get(2).perHour().getAsDouble()).isEqualTo(0.5);
        // Garwood 95% for k = 0, 3, 1 over 2 h: chi2.ppf(0.975, 2k+2)/4 and chi2.ppf(0.025, 2k)/4 (scipy)
        assertThat(AlarmRate.toCsv(rows)).isEqualTo("""
                detector,alerts,outside,session_hours,alarms_per_hour,alarms_per_hour_low,alarms_per_hour_high,confidence
                absorption,0,0,2.000000,0.000000,0.000000,1.844440,0.9500
                block,3,2,2.000000,1.500000,0.309336,4.383637,0.9500
                sweep,1,0,2.000000,0.500000,0.012659,2.785822,0.9500
                """);
        assertThat(AlarmRate.toText(rows)).contains(
                "block                       3        2     2.000      1.500  [0.309, 4.384]         block=2 off-exchange-block=1");
        List<AlarmRate.Row> none = AlarmRate.compute(alerts, SessionTime.of(new long[0], new long[0]), List.of());
        assertThat(none.get(0).perHour()).isEmpty();
        assertThat(AlarmRate.toText(none)).contains("n/a");
    }

    @Test
    void regularNyseSessionsOfThanksgivingWeek() {
        // 2026-11-23..27: Mon-Wed full days (6.5 h), Thursday closed, Friday closes at 13:00 (3.5 h)
        NyseCalendar cal = NyseCalendar.instance();
        SessionTime s = SessionTime.regularSessions(cal, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29));
        assertThat(s.intervals()).isEqualTo(4);
        assertThat(s.totalHours()).isEqualTo(3 * 6.5 + 3.5);
        ZoneId ny = ZoneId.of("America/New_York");
        long open = ZonedDateTime.of(2026, 11, 24, 9, 30, 0, 0, ny).toInstant().toEpochMilli() * 1_000_000L;
        assertThat(s.contains(open)).isTrue();
        assertThat(s.contains(open - 1)).isFalse();
    }
}
