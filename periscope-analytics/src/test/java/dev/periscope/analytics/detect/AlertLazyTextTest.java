package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts write their description and venue codes only when read; raising one builds no String. */
class AlertLazyTextTest {
    private static final MutablePrintContext PRINT = new MutablePrintContext();

    /** One 3-venue, 3-level sweep of 6,000 shares per 100 ms step, closed by the next step's first print. */
    private static void sweeps(SweepDetector d, AlertSink sink, int n, long t0) {
        long[] px = {Px.parse("10.00"), Px.parse("10.01"), Px.parse("10.02")};
        char[] ven = {'N', 'P', 'Z'};
        for (int k = 0; k < n; k++) {
            long t = t0 + k * 100_000_000L;
            for (int i = 0; i < 3; i++)
                d.onTrade(PRINT.set(1, t + i, px[i], Px.ofUnits(2_000), ven[i], 0, (byte) 1, px[0], px[1]), sink);
        }
    }

    @Test
    void descriptionAndVenuesAreWrittenWhenReadWithTheSameTextAsBefore() {
        Feed f = new Feed(new SweepDetector());
        f.t(Feed.ms(0), "10.00", "2000", 'P', "", 1);
        f.t(Feed.ms(0), "10.01", "2000", 'N', "F", 1);
        f.t(Feed.ms(1), "10.02", "2000", 'Z', "", 1);
        assertThat(f.flush()).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.sideRole()).isEqualTo(SideRole.AGGRESSOR);
        assertThat(a.venues()).isEqualTo("NPZ").isSameAs(a.venues());
        assertThat(a.description()).isEqualTo("Sweep: buy 6000 in 3 prints (1 ISO) on 3 venue(s) NPZ, 3 level(s) "
                + "10 -> 10.02 within 1ms, $60,060.00").isSameAs(a.description());
        assertThat(a.toLine()).endsWith(" venues=NPZ prints=3 levels=3 : " + a.description());
    }

    @Test
    void raisingAnAlertAllocatesTheAlertOnlyNotItsText() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int[] count = {0};
        AlertSink discard = a -> count[0]++;
        long bytes = 0;
        int n = 20_000;
        for (int round = 0; round < 3; round++) {                   // rounds 0-1 warm up the JIT
            SweepDetector d = new SweepDetector();
            count[0] = 0;
            long before = bean.getCurrentThreadAllocatedBytes();
            sweeps(d, discard, n, 1_000_000_000L);
            bytes = bean.getCurrentThreadAllocatedBytes() - before;
            assertThat(count[0]).isEqualTo(n - 1);                   // the last sweep is still open
        }
        // an Alert (~100 B) and its small text record (~40 B); the eager description cost over 1,000 B per alert
        assertThat(bytes / (double) (n - 1)).isLessThan(250.0);
    }

    @Test
    void sideRolesSayWhoseSideItIs() {
        assertThat(new Alert("x", "", "k", 1, 1, (byte) 1, 0, 0, 0, 0, 0, "", 0, 0, "d").sideRole())
                .isEqualTo(SideRole.AGGRESSOR);
        Alert resting = new Alert("spoofing", "", "spoof", 1, 2, (byte) 1, SideRole.RESTING, 0, 0, 0, 0, 0,
                DetectSupport.venueLo('Q'), DetectSupport.venueHi('Q'), 1, 1, Alert.constant("text"));
        assertThat(resting.sideRole()).isEqualTo(SideRole.RESTING);
        assertThat(resting.venues()).isEqualTo("Q");
        assertThat(resting.description()).isEqualTo("text");
    }
}
