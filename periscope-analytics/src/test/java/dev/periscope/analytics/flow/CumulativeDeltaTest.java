package dev.periscope.analytics.flow;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CumulativeDeltaTest {
    private static long u(long shares) { return Px.ofUnits(shares); }

    @Test
    void auditOf3VectorGivesSingleRunningSum() {
        CumulativeDelta d = new CumulativeDelta();
        long[] sizes = {100, 100, 50, 50};
        byte[] sides = {Aggressor.BUY, Aggressor.BUY, Aggressor.SELL, Aggressor.SELL};
        long[] expected = {100, 200, 150, 100};   // the spec's double integration would give 100, 300, 450, 550
        for (int i = 0; i < 4; i++) {
            d.onTrade(u(sizes[i]), sides[i], PrintFlags.ALL, 20260102);
            assertThat(d.cvd()).isEqualTo(u(expected[i]));
        }
        assertThat(d.buyVolume()).isEqualTo(u(200));
        assertThat(d.sellVolume()).isEqualTo(u(100));
        assertThat(d.imbalance()).isCloseTo(100.0 / 300.0, within(1e-15));
    }

    @Test
    void unknownSideIsTrackedSeparatelyAndNotCountedAsSell() {
        CumulativeDelta d = new CumulativeDelta();
        d.onTrade(u(30), Aggressor.BUY, PrintFlags.ALL, 1);
        assertThat(d.onTrade(u(70), Aggressor.UNKNOWN, PrintFlags.ALL, 1)).isZero();
        assertThat(d.cvd()).isEqualTo(u(30));
        assertThat(d.sellVolume()).isZero();
        assertThat(d.unknownVolume()).isEqualTo(u(70));
        assertThat(d.totalVolume()).isEqualTo(u(100));
        assertThat(d.imbalance()).isEqualTo(1.0);
    }

    @Test
    void sessionChangeResetsAndIneligiblePrintsAreExcluded() {
        CumulativeDelta d = new CumulativeDelta();
        d.onTrade(u(10), Aggressor.BUY, PrintFlags.ALL, 1);
        d.onTrade(u(1000), Aggressor.SELL, PrintFlags.LAST, 1);   // not volume-eligible
        assertThat(d.cvd()).isEqualTo(u(10));
        assertThat(d.tradeCount()).isEqualTo(1);
        d.onTrade(u(4), Aggressor.SELL, PrintFlags.ALL, 2);
        assertThat(d.sessionKey()).isEqualTo(2);
        assertThat(d.cvd()).isEqualTo(-u(4));
        assertThat(d.buyVolume()).isZero();
        assertThat(d.imbalance()).isEqualTo(-1.0);
    }

    @Test
    void imbalanceNotReadyWithoutSignedVolume() {
        CumulativeDelta d = new CumulativeDelta();
        assertThat(d.isImbalanceReady()).isFalse();
        d.onTrade(u(5), Aggressor.UNKNOWN, PrintFlags.ALL, 1);
        assertThat(d.isImbalanceReady()).isFalse();
        assertThatThrownBy(d::imbalance).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.onTrade(u(1), (byte) 2, PrintFlags.ALL, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
