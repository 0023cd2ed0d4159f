package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class DetectSupportTest {

    @Test
    void notionalComparisonAgreesWithBigIntegerEverywhere() {
        qt().withExamples(20_000).forAll(longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE),
                longs().between(0, Long.MAX_VALUE / Px.SCALE)).checkAssert((price, size, thr) -> {
            boolean exact = BigInteger.valueOf(price).multiply(BigInteger.valueOf(size))
                    .compareTo(BigInteger.valueOf(thr).multiply(BigInteger.valueOf(Px.SCALE))) >= 0;
            assertThat(DetectSupport.notionalAtLeast(price, size, thr)).isEqualTo(exact);
        });
        // near the boundary, where doubles would round
        BigInteger target = BigInteger.valueOf(Px.ofUnits(200_000)).multiply(BigInteger.valueOf(Px.SCALE));
        qt().withExamples(20_000).forAll(longs().between(Px.SCALE / 100, Px.ofUnits(100_000)), longs().between(-3, 3))
                .checkAssert((price, d) -> {
                    long size = target.divide(BigInteger.valueOf(price)).longValueExact() + d;   // ~ $200,000 / price
                    boolean exact = BigInteger.valueOf(price).multiply(BigInteger.valueOf(size))
                            .compareTo(BigInteger.valueOf(Px.ofUnits(200_000)).multiply(BigInteger.valueOf(Px.SCALE))) >= 0;
                    assertThat(DetectSupport.notionalAtLeast(price, size, Px.ofUnits(200_000))).isEqualTo(exact);
                });
    }

    @Test
    void nonRegularMaskIsExactlyTheNonSignableSet() {
        for (SaleCondition c : SaleCondition.values())
            assertThat((DetectSupport.NON_REGULAR & c.bit()) != 0).as(c.name()).isEqualTo(!c.signable());
        assertThat(SaleCondition.codes(DetectSupport.NON_REGULAR)).isEqualTo("CGHLMNOPQRUVWXZ45679");
    }

    @Test
    void venueSetsAndDurations() {
        long lo = 0, hi = 0;
        for (char c : "ZDNKPN".toCharArray()) { lo |= DetectSupport.venueLo(c); hi |= DetectSupport.venueHi(c); }
        assertThat(DetectSupport.venues(lo, hi)).isEqualTo("DKNPZ");
        assertThat(DetectSupport.venueCount(lo, hi)).isEqualTo(5);
        assertThat(DetectSupport.duration(50_000_000L)).isEqualTo("50ms");
        assertThat(DetectSupport.duration(300_000_000_000L)).isEqualTo("5min");
        assertThat(DetectSupport.duration(1_500_000_000L)).isEqualTo("1500ms");
        assertThat(DetectSupport.duration(0)).isEqualTo("0ns");
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new BlockDetector.Params(0, 0, 0, 20, 5, 0)).hasMessageContaining("no criterion");
        assertThatThrownBy(() -> new SweepDetector.Params(0, 2, 3, 2, false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SweepDetector.Params(1, 1, 3, 2, false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SweepDetector.Params(1, 2, 3, 2, false, 0, SaleCondition.INTERMARKET_SWEEP.bit()))
                .hasMessageContaining("ISO");
        assertThatThrownBy(() -> new AbsorptionDetector.Params(1, 1, 1, 0, 0, 0, 2, 0)).hasMessageContaining("no threshold");
        assertThatThrownBy(() -> new AbsorptionDetector.Params(1, 1, 1, 0, Double.NaN, 0, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeltaDivergenceDetector.Params(DeltaDivergenceDetector.Mode.DELTA_SIGN, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Alert("x", "", "k", 2, 1, (byte) 0, 0, 0, 0, 0, 0, "", 0, 0, ""))
                .hasMessageContaining("tsEnd");
        assertThatThrownBy(() -> new Alert("x", "", "k", 1, 1, (byte) 0, 0, 0, 0, 0, Double.NaN, "", 0, 0, ""))
                .hasMessageContaining("notional");
    }
}
