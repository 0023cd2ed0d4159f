package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DeltaDivergenceDetectorTest {
    static final long MIN = 60_000_000_000L;

    static Feed feed(DeltaDivergenceDetector.Mode mode, int lookback) {
        return new Feed(new DeltaDivergenceDetector(new DeltaDivergenceDetector.Params(mode, MIN, lookback,
                DetectSupport.NON_REGULAR)));
    }

    /** Three history bars: highs 10.00, 10.05, 10.03; lows equal; CVD at closes 100, 200, 150. */
    static Feed history() {
        Feed f = feed(DeltaDivergenceDetector.Mode.NEW_EXTREME, 3);
        f.t(5_000, "10.00", "100", 'N', "", 1);
        f.t(MIN + 5_000, "10.05", "100", 'N', "", 1);
        f.t(2 * MIN + 5_000, "10.03", "50", 'N', "", -1);
        return f;
    }

    @Test
    void newHighWithoutNewCvdHighIsReportedWhenTheBarCloses() {
        Feed f = history();
        f.t(3 * MIN, "10.04", "20", 'P', "", -1);
        assertThat(f.t(3 * MIN + 7, "10.06", "30", 'Z', "", 1)).isZero();   // bar 3 open: high 10.06, CVD 160
        assertThat(f.t(4 * MIN, "10.06", "1", 'N', "", 0)).isEqualTo(1);    // bar 4 starts: bar 3 closes
        Alert a = f.last();
        assertThat(a.detector()).isEqualTo("delta-divergence");
        assertThat(a.params()).startsWith("mode=NEW_EXTREME,bar=1min,lookback=3,excluded=");
        assertThat(a.kind()).isEqualTo("high-without-cvd");
        assertThat(a.side()).isEqualTo((byte) 1);
        assertThat(a.level()).isEqualTo(Px.parse("10.06")).isEqualTo(a.priceHigh());
        assertThat(a.priceLow()).isEqualTo(Px.parse("10.04"));
        assertThat(a.tsStart()).isEqualTo(3 * MIN);
        assertThat(a.tsEnd()).isEqualTo(3 * MIN + 7);
        assertThat(a.totalSize()).isEqualTo(Px.ofUnits(50));
        assertThat(a.notional()).isCloseTo(20 * 10.04 + 30 * 10.06, within(1e-9));
        assertThat(a.venues()).isEqualTo("PZ");
        assertThat(a.prints()).isEqualTo(2);
        assertThat(a.description()).contains("hypothesis").contains("CVD 160").contains("prior max 200");
    }

    @Test
    void newHighConfirmedByCvdIsNotADivergence() {
        Feed f = history();
        f.t(3 * MIN, "10.06", "100", 'N', "", 1);   // CVD 250 > 200
        assertThat(f.flush()).isZero();
    }

    @Test
    void newLowWithoutNewCvdLowAndOutsideBars() {
        Feed f = history();
        // bar 3: low 9.99 < 10.00 while CVD 150 - 20 = 130 >= min 100; high 10.02 not new
        f.t(3 * MIN, "10.02", "10", 'N', "", 1);
        f.t(3 * MIN + 1, "9.99", "30", 'N', "", -1);
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("low-without-cvd");
        assertThat(f.last().side()).isEqualTo((byte) -1);
        assertThat(f.last().level()).isEqualTo(Px.parse("9.99"));
        // outside bar 4 vs bars 1..3 (highs 10.05, 10.03, 10.02; lows 10.05, 10.03, 9.99; CVDs 200, 150, 130)
        f.t(4 * MIN, "10.10", "5", 'N', "", 1);
        f.t(4 * MIN + 1, "9.90", "5", 'N', "", -1);   // CVD 130: not above 200, not below 130 -> both
        assertThat(f.flush()).isEqualTo(2);
        assertThat(f.out.alerts().subList(1, 3)).extracting(Alert::kind).containsExactly("high-without-cvd", "low-without-cvd");
    }

    @Test
    void needsFullLookbackAndSessionChangeResets() {
        Feed f = feed(DeltaDivergenceDetector.Mode.NEW_EXTREME, 3);
        f.t(0, "10.00", "100", 'N', "", 1);
        f.t(MIN, "10.05", "100", 'N', "", 1);
        f.t(2 * MIN, "10.06", "100", 'N', "", -1);   // only 2 earlier bars when it closes
        assertThat(f.flush()).isZero();
        Feed g = history();
        g.session = 2;
        g.t(3 * MIN, "10.06", "1", 'N', "", -1);     // new session: history and CVD cleared
        assertThat(g.flush()).isZero();
        assertThat(((DeltaDivergenceDetector) g.d).cvd()).isEqualTo(-Px.ofUnits(1));
    }

    @Test
    void deltaSignMode() {
        Feed f = feed(DeltaDivergenceDetector.Mode.DELTA_SIGN, 1);
        f.t(0, "10.00", "100", 'N', "", 1);
        f.t(1, "10.02", "300", 'N', "", -1);            // up 2 cents, delta -200
        assertThat(f.t(MIN, "10.02", "100", 'N', "", 1)).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("price-up-delta-down");
        assertThat(f.last().level()).isEqualTo(Px.parse("10.02"));
        f.t(MIN + 1, "10.01", "100", 'N', "", 1);       // down 1 cent, delta +200
        assertThat(f.flush()).isEqualTo(1);
        assertThat(f.last().kind()).isEqualTo("price-down-delta-up");
        f.t(2 * MIN, "10.00", "100", 'N', "", 1);
        f.t(2 * MIN + 1, "10.02", "100", 'N', "", 1);   // up with positive delta: agreement
        f.t(2 * MIN + 2, "10.02", "100", 'N', "W", -1); // excluded print: ignored
        assertThat(f.flush()).isZero();
    }
}
