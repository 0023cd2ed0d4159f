package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AbsorptionDetectorTest {
    static final long S = 1_000_000_000L;

    private static Feed absolute() {
        return new Feed(new AbsorptionDetector(AbsorptionDetector.Params.absolute(10 * S, Px.parse("0.01"), 1,
                Px.ofUnits(1_000))));
    }

    @Test
    void netBuyingHeldWithinOneTickIsAbsorptionByTheAsk() {
        Feed f = absolute();
        assertThat(f.t(0, "10.00", "400", 'N', "", 1)).isZero();
        assertThat(f.t(S, "10.00", "100", 'P', "", -1)).isZero();
        assertThat(f.t(2 * S, "10.01", "400", 'N', "", 1)).isZero();      // delta 700
        assertThat(f.t(3 * S, "10.01", "400", 'Z', "", 1)).isEqualTo(1);   // delta 1,100 >= 1,000, moved 1 tick
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("absorption");
        assertThat(a.params()).isEqualTo("window=10s,tick=0.01,maxTicks=1,minAbsDelta=1000,relFactor=0.0,"
                + "warmupWindows=0,minPrints=2,excluded=" + a.params().substring(a.params().indexOf("excluded=") + 9));
        assertThat(a.kind()).isEqualTo("absorption-by-ask");
        assertThat(a.side()).isEqualTo((byte) 1);
        assertThat(a.level()).isEqualTo(Px.parse("10.01"));
        assertThat(a.priceLow()).isEqualTo(Px.parse("10.00"));
        assertThat(a.totalSize()).isEqualTo(Px.ofUnits(1_200));
        assertThat(a.prints()).isEqualTo(4);
        assertThat(a.levels()).isEqualTo(2);
        assertThat(a.venues()).isEqualTo("NPZ");
        assertThat(a.tsStart()).isZero();
        assertThat(a.tsEnd()).isEqualTo(3 * S);
        assertThat(a.notional()).isCloseTo(400 * 10.00 + 100 * 10.00 + 800 * 10.01, within(1e-9));
        assertThat(a.description()).contains("delta +1100").contains("not a forecast");
    }

    @Test
    void priceMovingTwoTicksWithTheFlowIsNotAbsorption() {
        Feed f = absolute();
        f.t(0, "10.00", "400", 'N', "", 1);
        f.t(S, "10.00", "100", 'P', "", -1);
        f.t(2 * S, "10.01", "400", 'N', "", 1);
        assertThat(f.t(3 * S, "10.02", "400", 'Z', "", 1)).isZero();
        // ...but price moving against the flow is still absorption (it did not move in the aggressor's direction)
        Feed g = absolute();
        g.t(0, "10.00", "600", 'N', "", 1);
        assertThat(g.t(S, "9.95", "600", 'N', "", 1)).isEqualTo(1);
    }

    @Test
    void netSellingHeldIsAbsorptionByTheBid() {
        Feed f = absolute();
        f.t(0, "20.00", "700", 'N', "", -1);
        assertThat(f.t(S, "19.99", "700", 'K', "", -1)).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("absorption-by-bid");
        assertThat(f.last().side()).isEqualTo((byte) -1);
        assertThat(f.last().level()).isEqualTo(Px.parse("19.99"));
    }

    @Test
    void onePrintAloneIsNotAbsorptionAndUnsignedPrintsAddNoDelta() {
        Feed f = absolute();
        assertThat(f.t(0, "10.00", "5000", 'N', "", 1)).isZero();           // minPrints = 2
        Feed g = absolute();
        g.t(0, "10.00", "600", 'N', "", 0);
        assertThat(g.t(S, "10.00", "600", 'N', "", 1)).isZero();           // delta 600
        assertThat(g.t(2 * S, "10.00", "600", 'N', "W", 1)).isZero();      // excluded condition
        assertThat(g.t(3 * S, "10.00", "400", 'N', "", 1)).isEqualTo(1);   // delta 1,000
    }

    @Test
    void windowEvictsOnEventTimeAndAlertsAreAtMostOnePerWindow() {
        Feed f = absolute();
        f.t(0, "10.00", "600", 'N', "", 1);
        assertThat(f.t(10 * S, "10.00", "600", 'N', "", 1)).isZero();     // the t=0 print left the window (t - 10 s)
        assertThat(f.t(11 * S, "10.00", "600", 'N', "", 1)).isEqualTo(1); // 1,200 in (1 s, 11 s]
        assertThat(f.t(12 * S, "10.00", "600", 'N', "", 1)).isZero();     // cooldown: same window length
        assertThat(f.t(20 * S, "10.00", "600", 'N', "", 1)).isZero();
        assertThat(f.t(21 * S, "10.00", "600", 'N', "", 1)).isEqualTo(1);
        assertThat(f.last().tsStart()).isEqualTo(12 * S);
        assertThat(f.last().prints()).isEqualTo(3);
    }

    @Test
    void relativeThresholdWaitsForWarmUpThenScalesWithSessionVolume() {
        Feed f = new Feed(new AbsorptionDetector(new AbsorptionDetector.Params(10 * S, Px.parse("0.01"), 1, 0, 1.0,
                2, 2, DetectSupport.NON_REGULAR)));
        f.t(0, "10.00", "5000", 'N', "", 1);
        assertThat(f.t(S, "10.00", "5000", 'N', "", 1)).isZero();          // warm-up: 20 s of session needed
        assertThat(f.t(25 * S, "10.00", "100", 'N', "", 1)).isZero();
        // window (16 s, 26 s]: delta 5,100; baseline 15,100 x 10/26 = 5,807.7 -> threshold 5,808
        assertThat(f.t(26 * S, "10.00", "5000", 'N', "", 1)).isZero();
        // delta 10,100; baseline 20,100 x 10/27 = 7,444.444... -> threshold 7,444.44444445 (rounded up to 1e-8)
        assertThat(f.t(27 * S, "10.00", "5000", 'N', "", 1)).isEqualTo(1);
        assertThat(f.last().description()).contains("threshold 7444.44444445");
    }

    @Test
    void sessionChangeClearsTheWindowAndTheRingGrowsPastItsInitialCapacity() {
        Feed f = absolute();
        f.t(0, "10.00", "900", 'N', "", 1);
        f.session = 2;
        assertThat(f.t(S, "10.00", "900", 'N', "", 1)).isZero();
        // 5,000 alternating prints inside one window force the ring to grow; delta stays within +-1
        Feed g = new Feed(new AbsorptionDetector(AbsorptionDetector.Params.absolute(10 * S, Px.parse("0.01"), 1,
                Px.ofUnits(3))));
        for (int i = 0; i < 5_000; i++) assertThat(g.t(i * 1_000_000L, "10.00", "1", 'N', "", i % 2 == 0 ? 1 : -1)).isZero();
        g.t(5_000 * 1_000_000L, "10.00", "1", 'N', "", 1);   // delta 1
        g.t(5_001 * 1_000_000L, "10.00", "1", 'N', "", 1);   // delta 2
        assertThat(g.out.size()).isZero();
        assertThat(g.t(5_002 * 1_000_000L, "10.00", "1", 'N', "", 1)).isEqualTo(1);
        assertThat(g.last().prints()).isEqualTo(5_003);
        assertThat(g.last().totalSize()).isEqualTo(Px.ofUnits(2_503));
    }
}
