package dev.periscope.analytics.micro;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpreadsTest {
    static final long SEC = 1_000_000_000L;
    static long px(String s) { return Px.parse(s); }

    @Test
    void auditExampleQuotedAndEffective() {
        long b = px("10.00"), a = px("10.02");
        assertThat(Spreads.quotedBps(b, a)).isCloseTo(19.98, within(0.005)).isCloseTo(0.02 / 10.01 * 1e4, within(1e-9));
        assertThat(Spreads.effectiveBps(px("10.015"), 1, b, a)).isCloseTo(9.99, within(0.005))
                .isCloseTo(2 * 0.005 / 10.01 * 1e4, within(1e-9));
        assertThat(Spreads.effectiveBps(px("10.00"), -1, b, a)).isCloseTo(2 * 0.01 / 10.01 * 1e4, within(1e-9));
        assertThat(Spreads.realizedBps(px("10.015"), 1, b, a, px("10.01"), px("10.03")))
                .isCloseTo(2 * (10.015 - 10.02) / 10.01 * 1e4, within(1e-9));
        assertThat(Spreads.quotedTicks(b, a, px("0.01"))).isEqualTo(2.0);
        assertThat(Spreads.quotedBps(b, b)).isZero();
        assertThat(Spreads.isLocked(b, b)).isTrue();
        assertThat(Spreads.isCrossed(a, b)).isTrue();
        assertThatThrownBy(() -> Spreads.quotedBps(a, b)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spreads.effectiveBps(b, 0, b, a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realizedSpreadUsesTheQuotePrevailingAtTPlusDelta() {
        List<double[]> resolved = new ArrayList<>();
        RealizedSpread rs = new RealizedSpread(300 * SEC, (t, p, s, sign, e, r) -> resolved.add(new double[]{t, e, r}));
        rs.onQuote(0, px("10.00"), px("10.02"));
        rs.onTrade(1 * SEC, px("10.015"), Px.ofUnits(100), Aggressor.BUY);
        rs.onTrade(2 * SEC, px("10.00"), Px.ofUnits(300), Aggressor.SELL);
        rs.onTrade(2 * SEC, px("10.01"), Px.ofUnits(999), Aggressor.UNKNOWN);
        rs.onQuote(100 * SEC, px("10.01"), px("10.03"));
        rs.onQuote(301 * SEC, px("9.99"), px("10.01"));   // quote AT t1 + 300 s prevails for trade 1
        assertThat(resolved).isEmpty();
        rs.advanceTo(302 * SEC);
        assertThat(resolved).hasSize(1);
        double e1 = 2 * 0.005 / 10.01 * 1e4, r1 = 2 * (10.015 - 10.00) / 10.01 * 1e4;
        assertThat(resolved.get(0)[1]).isCloseTo(e1, within(1e-9));
        assertThat(resolved.get(0)[2]).isCloseTo(r1, within(1e-9));
        rs.onQuote(303 * SEC, px("10.05"), px("10.07"));  // trade 2's horizon (302 s) resolved with 9.99/10.01
        assertThat(resolved).hasSize(2);
        double e2 = 2 * 0.01 / 10.01 * 1e4, r2 = 0.0;
        assertThat(resolved.get(1)[2]).isCloseTo(r2, within(1e-9));
        assertThat(rs.meanEffectiveBps()).isCloseTo((e1 + e2) / 2, within(1e-9));
        assertThat(rs.meanRealizedBps()).isCloseTo((r1 + r2) / 2, within(1e-9));
        assertThat(rs.weightedEffectiveBps()).isCloseTo((100 * e1 + 300 * e2) / 400, within(1e-9));
        assertThat(rs.weightedRealizedBps()).isCloseTo((100 * r1 + 300 * r2) / 400, within(1e-9));
        assertThat(rs.meanPriceImpactBps()).isCloseTo((e1 + e2 - r1 - r2) / 2, within(1e-9));
        assertThat(rs.unsignedTrades()).isEqualTo(1);
        assertThat(rs.pendingCount()).isZero();
    }

    @Test
    void unquotedAndDroppedTradesAreCountedAndRingGrows() {
        RealizedSpread rs = new RealizedSpread(SEC, null);
        rs.onTrade(0, px("1"), Px.ofUnits(1), Aggressor.BUY);
        assertThat(rs.unquotedTrades()).isEqualTo(1);
        rs.onQuote(1, px("1.00"), px("1.02"));
        for (int i = 0; i < 1000; i++) rs.onTrade(2 + i, px("1.01"), Px.ofUnits(1), Aggressor.BUY);
        assertThat(rs.pendingCount()).isEqualTo(1000);
        rs.onQuote(10, Px.NONE, px("1.02"));               // one-sided book at the horizon
        rs.advanceTo(5 * SEC);
        assertThat(rs.droppedTrades()).isEqualTo(1000);
        assertThat(rs.isReady()).isFalse();
        assertThatThrownBy(rs::meanRealizedBps).isInstanceOf(IllegalStateException.class);
    }
}
