package dev.periscope.io.csv;

import dev.periscope.model.random.SplitMix64;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The cached offset equals the zone rules' offset at every instant, across daylight-saving changes and zones. */
class ZoneOffsetCacheTest {
    @Test
    void equalsTheZoneRulesAroundTransitionsAndAcrossZones() {
        ZoneId ny = ZoneId.of("America/New_York"), london = ZoneId.of("Europe/London");
        ZoneOffsetCache c = new ZoneOffsetCache();
        long springForward = Instant.parse("2026-03-08T07:00:00Z").getEpochSecond() * 1_000_000_000L;
        long fallBack = Instant.parse("2026-11-01T06:00:00Z").getEpochSecond() * 1_000_000_000L;
        for (long edge : new long[]{springForward, fallBack})
            for (long d = -2; d <= 2; d++) {
                long ts = edge + d;  // nanoseconds either side of the transition
                assertThat(c.offsetNanos(ny, ts)).as("ny at %d", ts).isEqualTo(expected(ny, ts));
            }
        assertThat(c.offsetNanos(ny, springForward - 1)).isEqualTo(-5 * 3_600_000_000_000L);
        assertThat(c.offsetNanos(ny, springForward)).isEqualTo(-4 * 3_600_000_000_000L);
        SplitMix64 r = new SplitMix64(11);
        ZoneId[] zones = {ny, london, ZoneOffset.UTC, ZoneOffset.ofHours(-5)};
        for (int i = 0; i < 100_000; i++) {
            ZoneId z = zones[r.nextInt(zones.length)];
            long ts = r.nextLong(0, 4_102_444_800L) * 1_000_000_000L + r.nextLong(1_000_000_000L);  // 1970..2100
            assertThat(c.offsetNanos(z, ts)).isEqualTo(expected(z, ts));
        }
    }

    private static long expected(ZoneId z, long ts) {
        return z.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L))).getTotalSeconds() * 1_000_000_000L;
    }
}
