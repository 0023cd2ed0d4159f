package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.OFeed.field;
import static dev.periscope.analytics.detect.OFeed.ms;
import static org.assertj.core.api.Assertions.assertThat;

class SpoofingDetectorTest {

    /** Defaults except minMedianLevels = 5, so the small hand-built book below is a queue reference. */
    static SpoofingDetector det() {
        SpoofingDetector.Params d = SpoofingDetector.Params.DEFAULT;
        return new SpoofingDetector(new SpoofingDetector.Params(d.tickSize(), d.minDistanceTicks(), d.sizeMultiple(),
                d.minAbsSize(), d.depthLevels(), 5, d.maxLifetimeNanos(), d.cancelAfterTradeNanos(), d.maxFillRatio(),
                d.minLayers(), d.maxLayerGapTicks(), d.layerWindowNanos()));
    }

    /** Bids 10.00/9.99/9.98 x 100, asks 10.01/10.02 x 100: median level size 100. */
    private static OFeed book(OrderEventDetector d) {
        OFeed f = new OFeed(d);
        f.add(0, 1, Side.BUY, "10.00", "100");
        f.add(0, 2, Side.BUY, "9.99", "100");
        f.add(0, 3, Side.BUY, "9.98", "100");
        f.add(0, 4, Side.SELL, "10.01", "100");
        f.add(0, 5, Side.SELL, "10.02", "100");
        return f;
    }

    @Test
    void aLargeBidAwayFromTheTouchCancelledAfterAskTradesIsFlagged() {
        OFeed f = book(det());
        f.add(1000, 10, Side.BUY, "9.97", "1000");        // 3 ticks behind, 10 x median
        f.exec(1500, 4, Side.SELL, "10.01", "100");        // opposite side trades
        assertThat(f.delete(1800, 10, Side.BUY, "9.97", "1000")).isZero();   // grouped for layerWindow
        assertThat(f.add(2800, 20, Side.SELL, "10.05", "1")).isZero();      // exactly the window
        assertThat(f.add(2800.001, 21, Side.SELL, "10.05", "1")).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("spoofing");
        assertThat(a.kind()).isEqualTo("large-order-flicker");
        assertThat(a.side()).isEqualTo((byte) 1);
        assertThat(a.level()).isEqualTo(Px.parse("9.97"));
        assertThat(a.totalSize()).isEqualTo(Px.parse("1000"));
        assertThat(a.prints()).isEqualTo(1);
        assertThat(a.levels()).isEqualTo(1);
        assertThat(a.tsStart()).isEqualTo(ms(1000));
        assertThat(a.tsEnd()).isEqualTo(ms(1800));
        assertThat(a.params()).isEqualTo("tick=0.01,minDistanceTicks=2,sizeMultiple=8.0,minAbsSize=0,depthLevels=10,minMedianLevels=5,"
                + "maxLifetime=5s,cancelAfterTrade=1s,maxFillRatio=0.0,minLayers=3,maxLayerGapTicks=1,layerWindow=1s");
        assertThat(field(a, "maxLifetime")).isEqualTo("800ms");
        assertThat(field(a, "minDistance")).isEqualTo("3");
        assertThat(field(a, "sizeVsMedian")).isEqualTo("10.0");
        assertThat(field(a, "oppositeExecuted")).isEqualTo("100");
        assertThat(field(a, "cancelToFill")).isEqualTo("10.00");     // 1000 cancelled / 100 executed
    }

    @Test
    void threeConsecutiveLevelsCancelledTogetherAreOneLayeringAlert() {
        OFeed f = book(det());
        f.add(1000, 10, Side.BUY, "9.97", "1000");
        f.add(1001, 11, Side.BUY, "9.96", "1000");
        f.add(1002, 12, Side.BUY, "9.95", "1000");
        f.add(1003, 13, Side.BUY, "9.90", "1000");         // far from the layer: its own alert
        f.exec(1500, 4, Side.SELL, "10.01", "100");
        f.delete(1800, 12, Side.BUY, "9.95", "1000");
        f.delete(1801, 10, Side.BUY, "9.97", "1000");
        f.delete(1802, 11, Side.BUY, "9.96", "1000");
        f.delete(1803, 13, Side.BUY, "9.90", "1000");
        assertThat(f.flush()).isEqualTo(2);
        Alert solo = f.out.alerts().get(0), layer = f.out.alerts().get(1);
        assertThat(solo.kind()).isEqualTo("large-order-flicker");
        assertThat(solo.level()).isEqualTo(Px.parse("9.90"));
        assertThat(layer.kind()).isEqualTo("layered-flicker");
        assertThat(layer.prints()).isEqualTo(3);
        assertThat(layer.levels()).isEqualTo(3);
        assertThat(layer.priceLow()).isEqualTo(Px.parse("9.95"));
        assertThat(layer.priceHigh()).isEqualTo(Px.parse("9.97"));
        assertThat(layer.level()).isEqualTo(Px.parse("9.97"));
        assertThat(layer.totalSize()).isEqualTo(Px.parse("3000"));
        assertThat(layer.tsStart()).isEqualTo(ms(1000));
        assertThat(layer.tsEnd()).isEqualTo(ms(1802));
        assertThat(field(layer, "orders")).isEqualTo("3");
    }

    @Test
    void withDefaultsAFiveLevelBookIsTooThinToJudgeSize() {
        OFeed f = book(new SpoofingDetector());
        f.add(1000, 10, Side.BUY, "9.97", "1000");
        f.exec(1500, 4, Side.SELL, "10.01", "100");
        f.delete(1800, 10, Side.BUY, "9.97", "1000");
        assertThat(f.flush()).isZero();
        // an absolute floor still works on a thin book
        SpoofingDetector.Params d = SpoofingDetector.Params.DEFAULT;
        OFeed g = book(new SpoofingDetector(new SpoofingDetector.Params(d.tickSize(), 2, 5.0, Px.ofUnits(1000), 10, 10,
                d.maxLifetimeNanos(), d.cancelAfterTradeNanos(), 0.0, 3, 1, d.layerWindowNanos())));
        g.add(1000, 10, Side.BUY, "9.97", "1000");
        g.exec(1500, 4, Side.SELL, "10.01", "100");
        g.delete(1800, 10, Side.BUY, "9.97", "1000");
        assertThat(g.flush()).isEqualTo(1);
        assertThat(field(g.last(), "sizeVsMedian")).isEqualTo("0.0");   // no median: the relative test was off
    }

    @Test
    void ordinaryChurnNearTheTouchIsNotSpoofing() {
        OFeed f = book(det());
        long id = 100;
        for (int k = 0; k < 200; k++) {                     // small orders at/near the touch, traded and cancelled
            double t = 1000 + 10 * k;
            f.add(t, id, Side.BUY, k % 2 == 0 ? "10.00" : "9.99", "100");
            f.add(t + 1, id + 1, Side.SELL, "10.01", "200");
            f.exec(t + 2, 4, Side.SELL, "10.01", "1");
            f.delete(t + 3, id, Side.BUY, k % 2 == 0 ? "10.00" : "9.99", "100");
            f.delete(t + 4, id + 1, Side.SELL, "10.01", "200");
            id += 2;
        }
        assertThat(f.flush()).isZero();
        assertThat(f.out.size()).isZero();
    }

    @Test
    void largeAwayOrdersWithoutTheOppositeTradePatternAreNotFlagged() {
        OFeed f = book(det());
        f.add(1000, 10, Side.BUY, "9.97", "1000");
        f.delete(1800, 10, Side.BUY, "9.97", "1000");     // no opposite trade during its life
        f.add(2000, 11, Side.BUY, "9.97", "1000");
        f.exec(2100, 4, Side.SELL, "10.01", "50");
        f.delete(3200, 11, Side.BUY, "9.97", "1000");     // cancelled 1.1 s after the trade
        f.add(4000, 12, Side.BUY, "9.97", "1000");
        f.exec(4100, 1, Side.BUY, "10.00", "50");          // same-side trade only
        f.delete(4200, 12, Side.BUY, "9.97", "1000");
        f.add(5000, 13, Side.BUY, "9.97", "1000");
        f.exec(5100, 5, Side.SELL, "10.02", "10");
        f.exec(5150, 13, Side.BUY, "9.97", "10");          // it was (partly) filled
        f.delete(5200, 13, Side.BUY, "9.97", "990");
        f.add(6000, 14, Side.BUY, "9.99", "1000");         // only 1 tick behind
        f.exec(6100, 5, Side.SELL, "10.02", "10");
        f.delete(6200, 14, Side.BUY, "9.99", "1000");
        // levels now 50/100/100 bid, 50/80 ask: median 80, so 350 is 4.4 x median: not large
        f.add(7000, 15, Side.BUY, "9.97", "350");
        f.exec(7100, 5, Side.SELL, "10.02", "10");
        f.delete(7200, 15, Side.BUY, "9.97", "350");
        f.add(8000, 16, Side.BUY, "9.97", "1000");
        f.exec(13_000, 5, Side.SELL, "10.02", "10");
        f.delete(13_100, 16, Side.BUY, "9.97", "1000");    // lived 5.1 s
        assertThat(f.flush()).isZero();
        assertThat(f.out.size()).isZero();
    }

    @Test
    void theNaiveCancelRatioRuleFlagsTheOrdinaryChurn() {
        NaiveCancelRatioDetector naive = new NaiveCancelRatioDetector();
        OFeed f = book(naive);
        long id = 100;
        for (int k = 0; k < 100; k++) {
            double t = 1000 + 10 * k;
            f.add(t, id, Side.BUY, "10.00", "100");
            f.add(t + 1, id + 1, Side.SELL, "10.01", "100");
            if (k % 10 == 0) f.exec(t + 2, id + 1, Side.SELL, "10.01", "100");         // 10 filled
            else if (k % 10 == 1) f.exec(t + 2, id + 1, Side.SELL, "10.01", "20");     // 10 partly filled (80 % cancelled)
            f.delete(t + 3, id, Side.BUY, "10.00", "100");
            if (k % 10 != 0) f.delete(t + 4, id + 1, Side.SELL, "10.01", "100");
            id += 2;
        }
        // 100 bids cancelled whole, 80 asks cancelled whole, 10 asks cancelled at 80 %: 180 of 190 flagged
        assertThat(naive.cancelledOrders()).isEqualTo(190);
        assertThat(naive.flaggedOrders()).isEqualTo(180);
        assertThat(f.out.size()).isEqualTo(180);
        Alert a = f.out.alerts().get(0);
        assertThat(a.detector()).isEqualTo("naive-cancel-ratio");
        assertThat(a.kind()).isEqualTo("cancel-ratio");
        assertThat(a.params()).isEqualTo("minCancelRatio=0.9,minSize=0");
        assertThat(a.tsStart()).isEqualTo(ms(1000));
        assertThat(a.tsEnd()).isEqualTo(ms(1003));
        assertThat(field(a, "cancelRatio")).isEqualTo("1.000");
    }
}
