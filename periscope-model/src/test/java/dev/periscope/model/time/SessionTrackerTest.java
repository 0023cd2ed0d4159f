package dev.periscope.model.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTrackerTest {
    private static long ny(String isoLocal) {
        return LocalDateTime.parse(isoLocal).atZone(NyseCalendar.ZONE).toEpochSecond() * 1_000_000_000L;
    }

    @Test
    void resetsOncePerNyseSessionAndIgnoresOutOfSessionPrints() {
        SessionTracker s = new SessionTracker(NyseCalendar.instance());
        assertThat(s.currentKey()).isEqualTo(SessionTracker.NONE);
        assertThat(s.advance(ny("2018-01-02T03:00:00"))).isFalse();      // before any session
        assertThat(s.inSession()).isFalse();
        assertThat(s.advance(ny("2018-01-02T05:01:21"))).isTrue();       // first pre-market print opens the session
        assertThat(s.currentKey()).isEqualTo(20180102);
        assertThat(s.advance(ny("2018-01-02T09:30:00"))).isFalse();      // regular open is the same session
        assertThat(s.advance(ny("2018-01-02T19:59:00"))).isFalse();
        assertThat(s.advance(ny("2018-01-02T20:30:00"))).isFalse();      // late print: no phantom session
        assertThat(s.inSession()).isFalse();
        assertThat(s.currentKey()).isEqualTo(20180102);
        assertThat(s.advance(ny("2018-01-03T04:00:00"))).isTrue();
        assertThat(s.inSession()).isTrue();
        assertThat(s.currentKey()).isEqualTo(20180103);
        s.reset();
        assertThat(s.advance(ny("2018-01-03T10:00:00"))).isTrue();
    }

    @Test
    void cryptoSessionsChangeAtUtcMidnight() {
        SessionTracker s = new SessionTracker(Crypto24x7Calendar.INSTANCE);
        long midnight = java.time.Instant.parse("2021-07-22T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertThat(s.advance(midnight - 2)).isTrue();
        assertThat(s.advance(midnight - 1)).isFalse();
        assertThat(s.advance(midnight)).isTrue();
        assertThat(s.currentKey()).isEqualTo(20210722);
        assertThat(s.advance(midnight + 3_600_000_000_000L)).isFalse();
    }

    @Test
    void needsACalendar() {
        assertThatThrownBy(() -> new SessionTracker(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
