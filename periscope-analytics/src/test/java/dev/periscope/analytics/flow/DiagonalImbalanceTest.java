package dev.periscope.analytics.flow;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiagonalImbalanceTest {
    private FootprintBar bar;

    /** rows r (price r.00, row size 1.00): {row, bid volume, ask volume}. */
    private FootprintBar build(long[][] cells) {
        FootprintBarBuilder fb = FootprintBarBuilder.ticks(1_000_000, Px.ofUnits(1), b -> bar = b.copy());
        for (long[] c : cells) {
            if (c[1] > 0) fb.onTrade(1, Px.ofUnits(c[0]), Px.ofUnits(c[1]), Aggressor.SELL, PrintFlags.ALL, 1);
            if (c[2] > 0) fb.onTrade(1, Px.ofUnits(c[0]), Px.ofUnits(c[2]), Aggressor.BUY, PrintFlags.ALL, 1);
        }
        fb.flush();
        return bar;
    }

    @Test
    void buyImbalancesAndStack() {
        FootprintBar b = build(new long[][]{{100, 20, 5}, {101, 10, 20}, {102, 5, 31}, {103, 10, 30}, {104, 0, 40}});
        DiagonalImbalance d = DiagonalImbalance.DEFAULT;
        // ask(r) >= 3 * bid(r-1): 104: 40 >= 30 yes; 103: 30 >= 15 yes; 102: 31 >= 30 yes; 101: 20 >= 60 no;
        // 100: nothing below -> zero opposite counts
        boolean[] expected = {true, false, true, true, true};
        for (int i = 0; i < 5; i++) assertThat(d.isBuyImbalance(b, i)).as("row %d", 100 + i).isEqualTo(expected[i]);
        assertThat(d.countBuy(b)).isEqualTo(4);
        assertThat(d.countSell(b)).isZero();
        long[] lo = new long[4], hi = new long[4];
        assertThat(d.stackedBuy(b, lo, hi)).isEqualTo(1);
        assertThat(lo[0]).isEqualTo(102);
        assertThat(hi[0]).isEqualTo(104);

        DiagonalImbalance strict = new DiagonalImbalance(3.0, Px.ofUnits(6), 2, false);
        assertThat(strict.isBuyImbalance(b, 0)).isFalse();          // 5 < min volume and zero opposite ignored
        assertThat(strict.stackedBuy(b, lo, hi)).isEqualTo(1);
        assertThat(new DiagonalImbalance(3.0, 0, 4, true).stackedBuy(b, lo, hi)).isZero();
    }

    @Test
    void sellImbalanceAtExactRatioAndGapBreaksDiagonal() {
        // sell at 200: bid 9 >= 3 * ask(201) = 9 (boundary counts); row 203 has no row 202: gap, zero opposite
        FootprintBar b = build(new long[][]{{200, 9, 0}, {201, 0, 3}, {203, 4, 0}, {205, 0, 7}});
        DiagonalImbalance d = new DiagonalImbalance(3.0, 0, 1, false);
        assertThat(d.isSellImbalance(b, 0)).isTrue();
        assertThat(d.isSellImbalance(b, 2)).isFalse();    // ask(204) missing; zero opposite not counted here
        assertThat(DiagonalImbalance.DEFAULT.isSellImbalance(b, 2)).isTrue();
        assertThat(d.isBuyImbalance(b, 1)).isFalse();      // ask 3 vs 3*bid(200)=27
        long[] lo = new long[1], hi = new long[1];
        assertThat(d.stackedSell(b, lo, hi)).isEqualTo(1);
        assertThat(lo[0]).isEqualTo(200);
        assertThat(hi[0]).isEqualTo(200);
    }
}
