package dev.periscope.analytics.flow;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SessionVwapTest {
    @Test
    void handExample() {
        // 10.00 x 100, 10.10 x 300, 10.20 x 100: VWAP = 5050/500 = 10.10;
        // var = (100*0.01 + 300*0 + 100*0.01)/500 = 0.004; sigma = 0.063245553...
        SessionVwap v = new SessionVwap(1, 2);
        v.onTrade(Px.parse("10.00"), Px.ofUnits(100), PrintFlags.ALL, 7);
        v.onTrade(Px.parse("10.10"), Px.ofUnits(300), PrintFlags.ALL, 7);
        v.onTrade(Px.parse("10.20"), Px.ofUnits(100), PrintFlags.ALL, 7);
        assertThat(v.vwap()).isCloseTo(10.10, within(1e-12));
        assertThat(v.variance()).isCloseTo(0.004, within(1e-14));
        assertThat(v.stdDev()).isCloseTo(0.06324555320336759, within(1e-12));
        assertThat(v.upperBand(1)).isCloseTo(10.10 + 2 * 0.06324555320336759, within(1e-12));
        assertThat(v.lowerBand(0)).isCloseTo(10.10 - 0.06324555320336759, within(1e-12));
        assertThat(v.volume()).isEqualTo(Px.ofUnits(500));
    }

    @Test
    void ineligiblePrintsAndSessionReset() {
        SessionVwap v = new SessionVwap();
        v.onTrade(Px.parse("50"), Px.ofUnits(10), PrintFlags.ALL, 1);
        v.onTrade(Px.parse("99"), Px.ofUnits(1000), PrintFlags.VOLUME, 1);   // average-price style print: excluded
        assertThat(v.vwap()).isEqualTo(50.0);
        assertThat(v.stdDev()).isZero();
        v.onTrade(Px.parse("20"), Px.ofUnits(1), PrintFlags.ALL, 2);
        assertThat(v.vwap()).isEqualTo(20.0);
        assertThat(v.tradeCount()).isEqualTo(1);
        SessionVwap empty = new SessionVwap();
        assertThat(empty.isReady()).isFalse();
        assertThatThrownBy(empty::vwap).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void matchesNaiveTwoPassOnRandomData() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int run = 0; run < 50; run++) {
            int n = 1 + rnd.nextInt(2000);
            long[] p = new long[n];
            long[] s = new long[n];
            long base = Px.ofUnits(50 + rnd.nextInt(5000));
            SessionVwap v = new SessionVwap();
            for (int i = 0; i < n; i++) {
                p[i] = base + rnd.nextLong(-Px.ofUnits(5), Px.ofUnits(5)) / 1_000_000 * 1_000_000; // $0.01 grid
                s[i] = Px.ofUnits(1 + rnd.nextInt(5000));
                v.onTrade(p[i], s[i], PrintFlags.ALL, 1);
            }
            // naive two-pass with exact-as-possible sums in BigDecimal-free doubles
            double sw = 0, spw = 0;
            for (int i = 0; i < n; i++) { double w = Px.toDouble(s[i]); sw += w; spw += w * Px.toDouble(p[i]); }
            double vwap = spw / sw;
            double ss = 0;
            for (int i = 0; i < n; i++) { double d = Px.toDouble(p[i]) - vwap; ss += Px.toDouble(s[i]) * d * d; }
            double var = ss / sw;
            assertThat(v.vwap()).isCloseTo(vwap, within(1e-9 * Math.abs(vwap)));
            assertThat(v.variance()).isCloseTo(var, within(1e-9 * Math.max(var, 1e-12)));
        }
    }
}
