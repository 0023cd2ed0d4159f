package dev.periscope.analytics.micro;

import dev.periscope.book.ReferenceL2Book;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SupportResistanceTest {
    static final long SEC = 1_000_000_000L;
    static long px(String s) { return Px.parse(s); }
    static long sh(long n) { return Px.ofUnits(n); }

    /** t=0: bids 10.00x100, 9.99x50; asks 10.01x200. t=10: bids 10.00x300; asks 10.01x200, 10.02x100. t=20: same. */
    static void feed(SupportResistance sr) {
        ReferenceL2Book b = new ReferenceL2Book();
        b.set(Side.BUY, px("10.00"), sh(100)); b.set(Side.BUY, px("9.99"), sh(50)); b.set(Side.SELL, px("10.01"), sh(200));
        sr.update(0, b);
        b.set(Side.BUY, px("10.00"), sh(300)); b.set(Side.BUY, px("9.99"), 0); b.set(Side.SELL, px("10.02"), sh(100));
        sr.update(10 * SEC, b);
        sr.update(20 * SEC, b);
    }

    @Test
    void plainTimeAveragesWithoutDecay() {
        SupportResistance sr = new SupportResistance(5, 0, 16);
        feed(sr);
        assertThat(sr.averageSize(Side.BUY, px("10.00"))).isCloseTo(sh(200), within(1e-3));   // (100*10 + 300*10)/20
        assertThat(sr.persistence(Side.BUY, px("9.99"))).isCloseTo(0.5, within(1e-12));
        long[] p = new long[3]; double[] s = new double[3], pr = new double[3];
        assertThat(sr.support(3, p, s, pr)).isEqualTo(2);
        assertThat(p[0]).isEqualTo(px("10.00"));
        assertThat(s[1]).isCloseTo(sh(25), within(1e-3));
        assertThat(pr[0]).isCloseTo(1.0, within(1e-12));
        assertThat(sr.resistance(3, p, s, pr)).isEqualTo(2);
        assertThat(p[0]).isEqualTo(px("10.01"));
        assertThat(s[0]).isCloseTo(sh(200), within(1e-3));
        assertThat(p[1]).isEqualTo(px("10.02"));
        assertThat(s[1]).isCloseTo(sh(50), within(1e-3));
        assertThat(pr[1]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void exponentialWindowWeightsRecentTimeMore() {
        SupportResistance sr = new SupportResistance(5, 10 * SEC, 16);
        feed(sr);
        // weights at T=20 s with half-life 10 s: [0,10] -> 0.25/lambda, [10,20] -> 0.5/lambda, total 0.75/lambda
        assertThat(sr.averageSize(Side.BUY, px("10.00"))).isCloseTo(sh(100) * 0.25 / 0.75 + sh(300) * 0.5 / 0.75, within(1e-1));
        assertThat(sr.persistence(Side.BUY, px("9.99"))).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(sr.persistence(Side.SELL, px("10.02"))).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void notReadyBeforeTimeRestsAndCapacityIsBounded() {
        SupportResistance sr = new SupportResistance(2, 60 * SEC, 4);
        ReferenceL2Book b = new ReferenceL2Book();
        b.set(Side.BUY, px("10"), sh(1)); b.set(Side.SELL, px("11"), sh(1));
        sr.update(0, b);
        assertThat(sr.isReady()).isFalse();
        assertThatThrownBy(() -> sr.support(1, new long[1], new double[1], new double[1])).isInstanceOf(IllegalStateException.class);
        for (int i = 1; i <= 50; i++) {                    // bids walk down through 50 prices: compaction keeps it bounded
            b.clear();
            b.set(Side.BUY, px("10") - i * px("0.01"), sh(i)); b.set(Side.SELL, px("11"), sh(1));
            sr.update(i * SEC, b);
        }
        long[] p = new long[4]; double[] s = new double[4], pr = new double[4];
        int n = sr.support(4, p, s, pr);
        assertThat(n).isBetween(1, 4);
        assertThat(p[0]).isEqualTo(px("10") - 49 * px("0.01"));   // largest size rested the most recent full second
    }
}
