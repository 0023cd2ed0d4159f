package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.OFeed.field;
import static dev.periscope.analytics.detect.OFeed.ms;
import static org.assertj.core.api.Assertions.assertThat;

class IcebergL3DetectorTest {

    /** Display 100 at 10.00 bid, depleted and refilled twice (10 ms and 5 ms later), then abandoned. */
    private static OFeed twoRefills() {
        OFeed f = new OFeed(new IcebergL3Detector());
        f.add(0, 1, Side.BUY, "10.00", "100");
        f.add(1, 50, Side.BUY, "9.99", "500");            // unrelated depth
        f.exec(1000, 1, Side.BUY, "10.00", "100");         // depleted -> first piece
        f.add(1010, 2, Side.BUY, "10.00", "100");          // refill 1
        f.exec(2000, 2, Side.BUY, "10.00", "60");
        f.exec(2500, 2, Side.BUY, "10.00", "40");          // depleted
        f.add(2505, 3, Side.BUY, "10.00", "100");          // refill 2 -> condition holds here
        f.exec(3000, 3, Side.BUY, "10.00", "100");         // depleted, never refilled
        return f;
    }

    @Test
    void twoRefillsRaiseOneAlertWhenTheRefillWindowPasses() {
        OFeed f = twoRefills();
        assertThat(f.out.size()).isZero();
        assertThat(f.add(3100, 60, Side.SELL, "10.02", "100")).isZero();   // exactly refillDelay: still open
        assertThat(f.add(3100.001, 61, Side.SELL, "10.03", "100")).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("iceberg-l3");
        assertThat(a.kind()).isEqualTo("iceberg-bid");
        assertThat(a.side()).isEqualTo(Aggressor.SELL);
        assertThat(a.level()).isEqualTo(Px.parse("10.00"));
        assertThat(a.tsStart()).isEqualTo(ms(1000));
        assertThat(a.tsEnd()).isEqualTo(ms(3000));
        assertThat(a.totalSize()).isEqualTo(Px.parse("300"));
        assertThat(a.prints()).isEqualTo(4);
        assertThat(a.notional()).isEqualTo(3000.0);
        assertThat(a.params()).isEqualTo("refillDelay=100ms,sizeTol=0.2,minRefills=2,hiddenFactor=1.0,minHidden=0,maxGap=1min");
        assertThat(field(a, "refills")).isEqualTo("2");
        assertThat(field(a, "display")).isEqualTo("100");
        assertThat(field(a, "hidden")).isEqualTo("200");
        assertThat(field(a, "confidence")).isEqualTo("0.750");
        assertThat(field(a, "evidence")).isEqualTo("refill");
        assertThat(field(a, "detectedAt")).isEqualTo(Long.toString(ms(2505)));
        assertThat(f.flush()).isZero();
    }

    @Test
    void flushEmitsAnOpenChainAndUnequalPiecesLowerTheConfidence() {
        OFeed f = new OFeed(new IcebergL3Detector());
        f.add(0, 1, Side.SELL, "20.00", "200");
        f.exec(10, 1, Side.SELL, "20.00", "200");
        f.add(20, 2, Side.SELL, "20.00", "180");           // within 20 %
        f.exec(30, 2, Side.SELL, "20.00", "180");
        f.add(40, 3, Side.SELL, "20.00", "190");
        f.exec(50, 3, Side.SELL, "20.00", "100");          // partial, still live
        assertThat(f.flush()).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.kind()).isEqualTo("iceberg-ask");
        assertThat(a.side()).isEqualTo(Aggressor.BUY);
        assertThat(a.totalSize()).isEqualTo(Px.parse("480"));
        assertThat(field(a, "hidden")).isEqualTo("280");
        assertThat(field(a, "display")).isEqualTo("190");       // (200+180+190)/3
        // (1 - 0.25) * 180/200
        assertThat(field(a, "confidence")).isEqualTo("0.675");
    }

    @Test
    void aSingleLargeExecutionIsNotAnIceberg() {
        OFeed f = new OFeed(new IcebergL3Detector());
        f.add(0, 1, Side.BUY, "10.00", "5000");
        f.exec(100, 1, Side.BUY, "10.00", "5000");
        f.add(5000, 2, Side.BUY, "10.00", "100");
        assertThat(f.flush()).isZero();
        assertThat(f.out.size()).isZero();
    }

    @Test
    void lateOrDifferentlySizedReAddsAreNotRefills() {
        OFeed f = new OFeed(new IcebergL3Detector());
        f.add(0, 1, Side.BUY, "10.00", "100");
        f.exec(1000, 1, Side.BUY, "10.00", "100");
        f.add(1050, 2, Side.BUY, "10.00", "300");          // wrong size
        f.add(1200, 3, Side.BUY, "10.00", "100");          // too late (200 ms)
        f.exec(1300, 3, Side.BUY, "10.00", "100");
        f.add(1310, 4, Side.BUY, "10.00", "100");          // one refill of a new chain: below minRefills
        f.exec(1400, 4, Side.BUY, "10.00", "100");
        assertThat(f.flush()).isZero();
    }

    @Test
    void cancellingTheLiveRefillEndsTheChain() {
        OFeed f = new OFeed(new IcebergL3Detector());
        f.add(0, 1, Side.BUY, "10.00", "100");
        f.exec(10, 1, Side.BUY, "10.00", "100");
        f.add(20, 2, Side.BUY, "10.00", "100");
        f.exec(30, 2, Side.BUY, "10.00", "100");
        f.add(40, 3, Side.BUY, "10.00", "100");            // 2 refills
        assertThat(f.delete(50, 3, Side.BUY, "10.00", "100")).isEqualTo(1);
        assertThat(field(f.last(), "refills")).isEqualTo("2");
        assertThat(f.last().tsEnd()).isEqualTo(ms(40));
    }

    @Test
    void hiddenExecutionsBeyondTheDisplayedSizeAreHiddenReserve() {
        OFeed f = new OFeed(new IcebergL3Detector());
        f.add(0, 1, Side.SELL, "10.05", "200");
        f.hidden(100, Side.SELL, "10.05", "150");
        f.hidden(200, Side.SELL, "10.05", "100");          // 250 >= 200 displayed
        f.hidden(300, Side.SELL, "10.03", "500");          // inside the spread: not a reserve
        assertThat(f.flush()).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.kind()).isEqualTo("iceberg-ask");
        assertThat(a.totalSize()).isEqualTo(Px.parse("250"));
        assertThat(a.prints()).isEqualTo(2);
        assertThat(a.tsStart()).isEqualTo(ms(100));
        assertThat(a.tsEnd()).isEqualTo(ms(200));
        assertThat(field(a, "hidden")).isEqualTo("250");
        assertThat(field(a, "evidence")).isEqualTo("hidden");
        assertThat(field(a, "confidence")).isEqualTo("1.000");
        assertThat(field(a, "detectedAt")).isEqualTo(Long.toString(ms(200)));
    }

    @Test
    void hiddenExecutionsBelowTheDisplayedSizeAreNot() {
        OFeed f = new OFeed(new IcebergL3Detector());
        f.add(0, 1, Side.SELL, "10.05", "300");
        f.hidden(100, Side.SELL, "10.05", "150");
        f.hidden(200, Side.SELL, "10.05", "100");
        assertThat(f.flush()).isZero();
    }

    @Test
    void aSessionChangeClosesOpenEpisodes() {
        OFeed f = twoRefills();
        f.session = 2;
        assertThat(f.add(3050, 70, Side.BUY, "10.00", "100")).isEqualTo(1);
        assertThat(f.flush()).isZero();
    }
}
