package dev.periscope.model.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class Crypto24x7CalendarTest {
    private static final Crypto24x7Calendar C = Crypto24x7Calendar.INSTANCE;

    @Test
    void utcDaySessions() {
        long midnight = Instant.parse("2021-07-22T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertThat(C.sessionKey(midnight)).isEqualTo(20210722);
        assertThat(C.sessionKey(midnight - 1)).isEqualTo(20210721);
        assertThat(C.sessionKey(0)).isEqualTo(19700101);
        assertThat(C.sessionKey(-1)).isEqualTo(19691231);
        assertThat(C.sessionKey(Instant.parse("2024-02-29T23:59:59Z").getEpochSecond() * 1_000_000_000L))
                .isEqualTo(20240229);
        assertThat(C.phase(midnight)).isEqualTo(SessionPhase.CONTINUOUS);
        assertThat(C.isTradingDay(LocalDate.of(2025, 12, 25))).isTrue();
        assertThat(C.regularOpen(LocalDate.of(2021, 7, 22))).isEqualTo(midnight);
        assertThat(C.regularClose(LocalDate.of(2021, 7, 21))).isEqualTo(midnight);
        assertThat(C.name()).isEqualTo("24x7");
    }

    @Test
    void sessionKeyAgreesWithJavaTime() {
        qt().forAll(longs().between(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L)).checkAssert(ns -> {
            LocalDate d = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L)), ZoneOffset.UTC);
            int expected = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            assertThat(C.sessionKey(ns)).isEqualTo(expected);
        });
    }
}
