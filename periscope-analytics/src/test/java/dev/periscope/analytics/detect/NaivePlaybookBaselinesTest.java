package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.Feed.ms;
import static org.assertj.core.api.Assertions.assertThat;

class NaivePlaybookBaselinesTest {

    @Test
    void accumulationFiresOnTheTwentyFirstSmallBuyAndOncePerWindow() {
        Feed f = new Feed(new NaivePlaybookInstitutionalDetector());
        for (int k = 0; k < 20; k++) assertThat(f.t(ms(1000L * k), "10.00", "50", 'Q', "", 1)).isZero();
        assertThat(f.t(ms(20_000), "10.05", "50", 'K', "", 1)).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("naive-playbook-accumulation");
        assertThat(a.kind()).isEqualTo("playbook-accumulation");
        assertThat(a.side()).isEqualTo((byte) 1);
        assertThat(a.prints()).isEqualTo(21);
        assertThat(a.totalSize()).isEqualTo(Px.parse("1050"));
        assertThat(a.tsStart()).isZero();
        assertThat(a.tsEnd()).isEqualTo(ms(20_000));
        assertThat(a.priceLow()).isEqualTo(Px.parse("10.00"));
        assertThat(a.priceHigh()).isEqualTo(Px.parse("10.05"));
        assertThat(a.venues()).isEqualTo("KQ");
        assertThat(a.description()).contains("ACCUMULATION 21 buys of 21 prints, avg size 50.00 in 15min");
        assertThat(a.params()).startsWith("window=15min,minTrades=20,maxAvgSize=100,");
        // more buys inside the same 15 min do not fire again
        for (int k = 0; k < 30; k++) assertThat(f.t(ms(30_000 + 1000L * k), "10.00", "50", 'Q', "", 1)).isZero();
        // 15 min after the first alert the window still holds > 20 small buys: one more alert
        assertThat(f.t(ms(920_000), "10.00", "50", 'Q', "", 1)).isEqualTo(1);
    }

    @Test
    void distributionMirrorsAndLargeOrSparsePrintsDoNotFire() {
        Feed f = new Feed(new NaivePlaybookInstitutionalDetector());
        // 21 sells: 11 x 150 + 10 x 50, mean 102.38 (not < 100): silent
        for (int k = 0; k < 21; k++) f.t(ms(1000L * k), "10.00", k % 2 == 0 ? "150" : "50", 'Q', "", -1);
        assertThat(f.out.size()).isZero();
        // a 1-share unsigned print brings the mean to 2151/22 = 97.77 but is not a sell: still silent
        assertThat(f.t(ms(21_000), "10.00", "1", 'Q', "", 0)).isZero();
        // the next small sell fires DISTRIBUTION (22 sells, mean 2152/23 = 93.57)
        assertThat(f.t(ms(22_000), "9.99", "1", 'Q', "", -1)).isEqualTo(1);
        assertThat(f.last().side()).isEqualTo((byte) -1);
        assertThat(f.last().kind()).isEqualTo("playbook-distribution");
        assertThat(f.last().description()).contains("DISTRIBUTION 22 sells of 23 prints, avg size 93.57");
        // sparse: 20 buys per 15 min never exceed 20
        Feed g = new Feed(new NaivePlaybookInstitutionalDetector());
        for (int k = 0; k < 100; k++) g.t(ms(45_000L * k), "10.00", "10", 'Q', "", 1);
        assertThat(g.out.size()).isZero();
    }

    @Test
    void absorptionBarWithPositiveDeltaAndLowerCloseFiresWithTheBuyersSide() {
        Feed f = new Feed(new NaivePlaybookAbsorptionDetector());
        long bar = 300_000;
        assertThat(f.t(ms(0), "10.00", "100", 'Q', "", 1)).isZero();
        assertThat(f.t(ms(1000), "10.02", "300", 'K', "", 1)).isZero();
        assertThat(f.t(ms(2000), "9.99", "200", 'Q', "", -1)).isZero();    // delta +200, close 9.99 < open 10.00
        assertThat(f.t(ms(bar), "9.99", "100", 'Q', "", -1)).isEqualTo(1);  // next bar closes the first
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("naive-playbook-absorption");
        assertThat(a.kind()).isEqualTo("absorption-by-ask");
        assertThat(a.side()).isEqualTo((byte) 1);
        assertThat(a.tsStart()).isZero();
        assertThat(a.tsEnd()).isEqualTo(ms(2000));
        assertThat(a.priceLow()).isEqualTo(Px.parse("9.99"));
        assertThat(a.priceHigh()).isEqualTo(Px.parse("10.02"));
        assertThat(a.totalSize()).isEqualTo(Px.parse("400"));
        assertThat(a.prints()).isEqualTo(3);
        assertThat(a.description()).contains("bar delta +200 while price went 10 -> 9.99");
        // second bar: delta -100 (then +50), close 10.01 > open 9.99: mirror, emitted on flush
        assertThat(f.t(ms(bar + 1000), "10.01", "50", 'Q', "", 1)).isZero();
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().side()).isEqualTo((byte) -1);
        assertThat(f.last().kind()).isEqualTo("absorption-by-bid");
        assertThat(f.last().totalSize()).isEqualTo(Px.parse("100"));
        assertThat(f.flush()).isZero();
    }

    @Test
    void absorptionStaysSilentWhenDeltaAndPriceAgreeOrPriceIsFlat() {
        Feed f = new Feed(new NaivePlaybookAbsorptionDetector());
        long bar = 300_000;
        f.t(ms(0), "10.00", "100", 'Q', "", 1);
        f.t(ms(1000), "10.01", "100", 'Q', "", 1);                 // +delta, price up: agreement
        f.t(ms(bar), "10.00", "100", 'Q', "", -1);
        f.t(ms(bar + 1), "9.99", "100", 'Q', "", -1);              // -delta, price down
        f.t(ms(2 * bar), "10.00", "500", 'Q', "", 1);
        f.t(ms(2 * bar + 1), "10.00", "100", 'Q', "", -1);         // +delta, flat
        f.t(ms(3 * bar), "10.00", "100", 'Q', "", 1);
        f.t(ms(3 * bar + 1), "9.90", "100", 'Q', "", -1);          // zero delta, price down
        assertThat(f.flush()).isZero();
        assertThat(f.out.size()).isZero();
        // a session change closes the open bar
        Feed g = new Feed(new NaivePlaybookAbsorptionDetector());
        g.t(ms(0), "10.00", "300", 'Q', "", 1);
        g.t(ms(1), "9.98", "100", 'Q', "", -1);
        g.session = 2;
        assertThat(g.t(ms(2), "9.98", "100", 'Q', "", 1)).isEqualTo(1);
        assertThat(g.last().side()).isEqualTo((byte) 1);
    }
}
