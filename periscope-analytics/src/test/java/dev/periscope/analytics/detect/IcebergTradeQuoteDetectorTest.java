package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static dev.periscope.analytics.detect.Feed.ms;
import static dev.periscope.analytics.detect.OFeed.field;
import static org.assertj.core.api.Assertions.assertThat;

class IcebergTradeQuoteDetectorTest {

    private static int q(Feed f, long t, char venue, String bid, String bsz, String ask, String asz) {
        int before = f.out.size();
        ((IcebergTradeQuoteDetector) f.d).onQuote(f.session, t, venue, Px.parse(bid), Px.parse(bsz), Px.parse(ask),
                Px.parse(asz), f.out);
        return f.out.size() - before;
    }

    /** Bid 10.00 x 100 at Q is hit three times and refreshed to 100 twice, then the bid drops. */
    @Test
    void repeatedHitsOfARefreshedBidRaiseOneAlertWhenTheQuoteLeaves() {
        Feed f = new Feed(new IcebergTradeQuoteDetector());
        q(f, ms(0), 'Q', "10.00", "100", "10.02", "300");
        f.t(ms(1000), "10.00", "100", 'Q', "", -1);
        q(f, ms(1010), 'Q', "10.00", "100", "10.02", "300");   // refresh 1
        f.t(ms(2000), "10.00", "100", 'Q', "", -1);
        q(f, ms(2010), 'Q', "10.00", "100", "10.02", "300");   // refresh 2
        f.t(ms(3000), "10.00", "100", 'Q', "", -1);            // 300 >= 3 x 100: holds
        f.t(ms(3500), "10.00", "100", 'K', "", -1);            // other venue, no K quote: ignored
        assertThat(f.out.size()).isZero();
        assertThat(q(f, ms(4000), 'Q', "9.99", "500", "10.02", "300")).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("iceberg-taq");
        assertThat(a.kind()).isEqualTo("iceberg-bid");
        assertThat(a.side()).isEqualTo(Aggressor.SELL);
        assertThat(a.level()).isEqualTo(Px.parse("10.00"));
        assertThat(a.totalSize()).isEqualTo(Px.parse("300"));
        assertThat(a.prints()).isEqualTo(3);
        assertThat(a.tsStart()).isEqualTo(ms(1000));
        assertThat(a.tsEnd()).isEqualTo(ms(3000));
        assertThat(a.venues()).isEqualTo("Q");
        assertThat(a.notional()).isEqualTo(3000.0);
        assertThat(a.params()).startsWith("mode=venue,factor=3.0,minRefreshes=2,minPrints=3,maxGap=1min,excluded=");
        assertThat(field(a, "refreshes")).isEqualTo("2");
        assertThat(field(a, "maxDisplayed")).isEqualTo("100");
        assertThat(field(a, "ratio")).isEqualTo("3.00");
        assertThat(field(a, "hidden")).isEqualTo("200");
        assertThat(field(a, "detectedAt")).isEqualTo(Long.toString(ms(3000)));
    }

    @Test
    void aQuoteThatShrinksAsItIsHitIsNotAnIceberg() {
        Feed f = new Feed(new IcebergTradeQuoteDetector());
        q(f, ms(0), 'Q', "10.00", "300", "10.02", "300");
        f.t(ms(1000), "10.00", "100", 'Q', "", -1);
        q(f, ms(1010), 'Q', "10.00", "200", "10.02", "300");
        f.t(ms(2000), "10.00", "100", 'Q', "", -1);
        q(f, ms(2010), 'Q', "10.00", "100", "10.02", "300");
        f.t(ms(3000), "10.00", "100", 'Q', "", -1);
        q(f, ms(3010), 'Q', "9.99", "100", "10.02", "300");
        assertThat(f.flush()).isZero();
        assertThat(f.out.size()).isZero();
    }

    @Test
    void aSingleLargeExecutionIsNotAnIceberg() {
        Feed f = new Feed(new IcebergTradeQuoteDetector());
        q(f, ms(0), 'Q', "10.00", "100", "10.02", "300");
        f.t(ms(1000), "10.02", "5000", 'Q', "", 1);
        q(f, ms(1010), 'Q', "10.00", "100", "10.02", "300");
        assertThat(f.flush()).isZero();
    }

    @Test
    void nbboModeUsesOnlyNbboQuotesAndTheGapClosesTheRun() {
        Feed f = new Feed(new IcebergTradeQuoteDetector(new IcebergTradeQuoteDetector.Params(true, 2.0, 1, 2,
                10_000_000_000L, DetectSupport.NON_REGULAR)));
        q(f, ms(0), 'Q', "10.00", "900", "10.02", "900");      // venue quote: ignored in NBBO mode
        q(f, ms(0), '*', "10.00", "200", "10.02", "200");
        f.t(ms(100), "10.02", "200", 'K', "", 1);
        q(f, ms(110), '*', "10.00", "200", "10.02", "200");    // refresh
        f.t(ms(200), "10.02", "200", 'P', "", 1);              // 400 >= 2 x 200
        assertThat(f.t(ms(10_200), "10.00", "1", 'Q', "", -1)).isZero();   // exactly maxGap
        assertThat(f.t(ms(10_201), "10.00", "1", 'Q', "", -1)).isEqualTo(1);
        Alert a = f.last();
        assertThat(a.kind()).isEqualTo("iceberg-ask");
        assertThat(a.side()).isEqualTo(Aggressor.BUY);
        assertThat(a.venues()).isEqualTo("KP");
        assertThat(field(a, "mode")).isEqualTo("nbbo");
        assertThat(a.totalSize()).isEqualTo(Px.parse("400"));
    }
}
