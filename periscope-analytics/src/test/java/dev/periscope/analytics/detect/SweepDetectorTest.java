package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.Feed.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SweepDetectorTest {

    /** Clustering mechanics are tested with the loose rule (2 venues, no size floor) on small prints. */
    private final Feed f = new Feed(new SweepDetector(SweepDetector.Params.LOOSE));

    @Test
    void defaultRuleNeedsFiveThousandSharesAndThreeVenuesOrLevels() {
        Feed g = new Feed(new SweepDetector());
        // a routine 2-venue split of a 6,000-share marketable order at one price: not a sweep by default
        g.t(ms(0), "10.00", "3000", 'P', "", 1);
        g.t(ms(0), "10.00", "3000", 'N', "", 1);
        assertThat(g.flush()).isZero();
        // 3 venues but 4,999 shares: below the size floor
        g.t(ms(100), "10.00", "2000", 'P', "", 1);
        g.t(ms(100), "10.00", "2000", 'N', "", 1);
        g.t(ms(100), "10.00", "999", 'Z', "", 1);
        assertThat(g.flush()).isZero();
        // 3 venues, 5,000 shares: a sweep
        g.t(ms(200), "10.00", "2000", 'P', "", 1);
        g.t(ms(200), "10.00", "2000", 'N', "", 1);
        g.t(ms(200), "10.00", "1000", 'Z', "", 1);
        assertThat(g.flush()).isEqualTo(1);
        assertThat(g.last().params()).startsWith("window=50ms,minVenues=3,minLevels=3,isoMinLevels=3,isoOnly=false,minTotalSize=5000,");
        // ISO walking 2 levels on 2 venues: no longer enough (isoMinLevels 3, minVenues 3)
        g.t(ms(300), "10.00", "3000", 'P', "F", -1);
        g.t(ms(300), "9.99", "3000", 'N', "F", -1);
        assertThat(g.flush()).isZero();
        // ISO walking 3 levels on one venue, 6,000 shares: an ISO sweep
        g.t(ms(400), "10.00", "2000", 'P', "F", -1);
        g.t(ms(400), "9.99", "2000", 'P', "F", -1);
        g.t(ms(400), "9.98", "2000", 'P', "F", -1);
        assertThat(g.flush()).isEqualTo(1);
        assertThat(g.last().kind()).isEqualTo("iso-sweep");
    }

    @Test
    void sameSidePrintsOnThreeVenuesAreOneSweepEmittedWhenTheWindowCloses() {
        assertThat(f.t(ms(1000), "10.00", "300", 'P', "", 1)).isZero();
        assertThat(f.t(ms(1000) + 200_000, "10.01", "200", 'N', "", 1)).isZero();
        assertThat(f.t(ms(1001), "10.01", "500", 'Z', "", 1)).isZero();
        // still inside [1000 ms, 1050 ms]: nothing yet
        assertThat(f.t(ms(1050), "10.02", "100", 'Z', "", 1)).isZero();
        // first print after the window closes the cluster
        assertThat(f.t(ms(1050) + 1, "10.02", "100", 'Q', "", -1)).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("sweep");
        assertThat(a.params()).startsWith("window=50ms,minVenues=2,minLevels=3,isoMinLevels=2,isoOnly=false,minTotalSize=0,excluded=");
        assertThat(a.kind()).isEqualTo("sweep");
        assertThat(a.side()).isEqualTo((byte) 1);
        assertThat(a.venues()).isEqualTo("NPZ");
        assertThat(a.prints()).isEqualTo(4);
        assertThat(a.levels()).isEqualTo(3);
        assertThat(a.totalSize()).isEqualTo(Px.ofUnits(1_100));
        assertThat(a.priceLow()).isEqualTo(Px.parse("10.00"));
        assertThat(a.priceHigh()).isEqualTo(Px.parse("10.02")).isEqualTo(a.level());
        assertThat(a.tsStart()).isEqualTo(ms(1000));
        assertThat(a.tsEnd()).isEqualTo(ms(1050));
        // 300*10 + 200*10.01 + 500*10.01 + 100*10.02 = 11,009
        assertThat(a.notional()).isCloseTo(11_009.0, within(1e-9));
    }

    @Test
    void mixedSidePrintsAreNotASweep() {
        f.t(ms(0), "10.00", "100", 'P', "", 1);
        f.t(ms(1), "10.00", "100", 'N', "", -1);
        f.t(ms(2), "10.00", "100", 'Z', "", 0);    // unsigned: ignored
        assertThat(f.flush()).isZero();
    }

    @Test
    void offExchangePrintsDoNotCountAsVenues() {
        f.t(ms(0), "10.00", "100", 'P', "", 1);
        f.t(ms(1), "10.00", "5000", 'D', "", 1);
        assertThat(f.flush()).isZero();
        f.t(ms(100), "10.00", "100", 'P', "", 1);
        f.t(ms(101), "10.00", "5000", 'D', "", 1);
        f.t(ms(102), "10.00", "200", 'N', "", 1);
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().venues()).isEqualTo("NP");
        assertThat(f.last().totalSize()).isEqualTo(Px.ofUnits(300));
        assertThat(f.last().prints()).isEqualTo(2);
    }

    @Test
    void isoPrintsWalkingLevelsOnOneVenueAreASweep() {
        f.t(ms(0), "10.00", "100", 'P', "F", -1);
        f.t(ms(0), "9.99", "100", 'P', "F I", -1);
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("iso-sweep");
        assertThat(f.last().side()).isEqualTo((byte) -1);
        assertThat(f.last().levels()).isEqualTo(2);
        assertThat(f.last().level()).isEqualTo(Px.parse("9.99"));
        // the same without F: two levels on one venue is not enough (minLevels = 3)
        f.t(ms(100), "10.00", "100", 'P', "", -1);
        f.t(ms(100), "9.99", "100", 'P', "", -1);
        assertThat(f.flush()).isZero();
        // three levels on one venue without F is
        f.t(ms(200), "10.00", "100", 'P', "", -1);
        f.t(ms(200), "9.99", "100", 'P', "", -1);
        f.t(ms(201), "9.98", "100", 'P', "", -1);
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("sweep");
        // ISO prints on one venue at one price: not a sweep
        f.t(ms(300), "10.00", "100", 'P', "F", 1);
        f.t(ms(300), "10.00", "100", 'P', "F", 1);
        assertThat(f.flush()).isZero();
    }

    @Test
    void windowIsEventTimeAnchoredAtTheFirstPrint() {
        f.t(ms(0), "10.00", "100", 'P', "", 1);
        f.t(ms(50) + 1, "10.00", "100", 'N', "", 1);   // outside: closes the first (single print) cluster, starts anew
        assertThat(f.out.size()).isZero();
        f.t(ms(100) + 1, "10.00", "100", 'Z', "", 1);  // exactly tsStart + 50 ms: still inside
        assertThat(f.t(ms(100) + 2, "10.00", "1", 'Z', "", 0)).isEqualTo(1);
        assertThat(f.last().venues()).isEqualTo("NZ");
        assertThat(f.last().tsStart()).isEqualTo(ms(50) + 1);
    }

    @Test
    void excludedConditionsAreIgnored() {
        f.t(ms(0), "10.00", "100", 'P', "W", 1);
        f.t(ms(0), "10.00", "100", 'N', "4", 1);
        f.t(ms(0), "10.00", "100", 'Z', "", 1);
        assertThat(f.flush()).isZero();
    }

    @Test
    void bothSidesClosingOnOnePrintAreEmittedEarlierStartFirst() {
        f.t(ms(0), "10.00", "100", 'P', "", -1);
        f.t(ms(1), "10.01", "100", 'P', "", 1);
        f.t(ms(2), "10.00", "100", 'N', "", -1);
        f.t(ms(3), "10.01", "100", 'N', "", 1);
        assertThat(f.t(ms(60), "10.00", "100", 'N', "", 0)).isEqualTo(2);
        assertThat(f.out.alerts()).extracting(Alert::side).containsExactly((byte) -1, (byte) 1);
    }

    @Test
    void sessionChangeAndFlushEmitOpenClusters() {
        f.t(ms(0), "10.00", "100", 'P', "", 1);
        f.t(ms(1), "10.00", "100", 'N', "", 1);
        f.session = 2;
        assertThat(f.t(ms(2), "10.00", "100", 'Z', "", 1)).isEqualTo(1);
        assertThat(f.last().venues()).isEqualTo("NP");
        f.t(ms(3), "10.00", "100", 'K', "", 1);
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().venues()).isEqualTo("KZ");
        assertThat(f.flush()).isZero();
    }

    @Test
    void isoOnlyAndMinimumSizeParameters() {
        Feed g = new Feed(new SweepDetector(new SweepDetector.Params(ms(50), 2, 3, 2, true, Px.ofUnits(500),
                DetectSupport.NON_REGULAR)));
        g.t(ms(0), "10.00", "300", 'P', "F", 1);
        g.t(ms(0), "10.00", "300", 'N', "", 1);   // not ISO: ignored in isoOnly mode
        assertThat(g.flush()).isZero();
        g.t(ms(100), "10.00", "300", 'P', "F", 1);
        g.t(ms(100), "10.00", "200", 'N', "F", 1);
        assertThat(g.flush()).isEqualTo(1);
        assertThat(g.last().params()).contains("isoOnly=true,minTotalSize=500");
        g.t(ms(200), "10.00", "300", 'P', "F", 1);
        g.t(ms(200), "10.00", "199", 'N', "F", 1);
        assertThat(g.flush()).isZero();
    }
}
