package dev.periscope.analytics.micro;

import dev.periscope.model.Px;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StoikovMicropriceTest {
    static final long TICK = Px.parse("0.01");
    static long px(String s) { return Px.parse(s); }
    static long sh(long n) { return Px.ofUnits(n); }

    @Test
    void handSolvedTwoStateChain() {
        // From bin 1 (bid-heavy): one +1 tick move (staying in bin 1), one no-move step to bin 0.
        // Symmetrised: from bin 0 one -1 tick move, one no-move step to bin 1. Then
        // Q = [[0,1/2],[1/2,0]], R1K = [-1/2, 1/2], (1-Q)^-1 = [[4/3,2/3],[2/3,4/3]], g1 = [-1/3, 1/3],
        // B = [[2/3,1/3],[1/3,2/3]] with B g1 = g1/3, so g* = g1 (1 + 1/3 + 1/9 + ...) = [-1/2, 1/2] ticks.
        StoikovMicroprice.Estimator est = new StoikovMicroprice.Estimator(TICK, 2, 1);
        est.observe(px("10.00"), sh(300), px("10.01"), sh(100));
        est.observe(px("10.01"), sh(300), px("10.02"), sh(100));
        est.observe(px("10.01"), sh(100), px("10.02"), sh(300));
        assertThat(est.transitions()).isEqualTo(2);
        StoikovMicroprice m = est.fit();
        assertThat(m.adjustmentTicks(1, 0)).isCloseTo(-0.5, within(1e-10));
        assertThat(m.adjustmentTicks(1, 1)).isCloseTo(0.5, within(1e-10));
        assertThat(m.microprice(px("10.00"), sh(300), px("10.01"), sh(100))).isCloseTo(10.01, within(1e-10));
        assertThat(m.isDefined(px("10.00"), sh(1), px("10.03"), sh(1))).isFalse();   // 3-tick spread: no state
        assertThatThrownBy(() -> m.microprice(px("10.00"), sh(1), px("10.03"), sh(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void undefinedQuotesBreakTheChainAndBigMovesAreIgnored() {
        StoikovMicroprice.Estimator est = new StoikovMicroprice.Estimator(TICK, 2, 1);
        est.observe(px("10.00"), sh(300), px("10.01"), sh(100));
        est.observe(Px.NONE, 0, px("10.01"), sh(100));
        est.observe(px("10.00"), sh(300), px("10.01"), sh(100));
        est.observe(px("10.05"), sh(300), px("10.06"), sh(100));   // 5-tick jump: ignored
        assertThat(est.transitions()).isZero();
    }

    @Test
    void fittedOnRealAmznQuotesMatchesNumpyTwinAndIsAntisymmetric() throws IOException {
        List<String> rows = Files.readAllLines(SharedData.path("lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.csv"));
        StoikovMicroprice.Estimator est = new StoikovMicroprice.Estimator(TICK, 10, 4);
        long prevA = 0, prevB = 0, prevAs = 0, prevBs = 0;
        for (String row : rows) {
            String[] f = row.split(",");
            long a = Long.parseLong(f[0]), as = Long.parseLong(f[1]), b = Long.parseLong(f[2]), bs = Long.parseLong(f[3]);
            if (a == prevA && b == prevB && as == prevAs && bs == prevBs) continue;   // sample on quote changes
            prevA = a; prevB = b; prevAs = as; prevBs = bs;
            est.observe(Px.ofScaled(b, 4), sh(bs), Px.ofScaled(a, 4), sh(as));
        }
        assertThat(est.transitions()).isEqualTo(2_795);   // AMZN 2012 spreads are mostly > 4 ticks: few usable pairs
        StoikovMicroprice m = est.fit();
        for (int s = 1; s <= 4; s++) {
            for (int bin = 0; bin < 10; bin++) {
                assertThat(m.adjustmentTicks(s, bin)).isCloseTo(-m.adjustmentTicks(s, 9 - bin), within(1e-9));
            }
        }
        // at a one-tick spread a bid-heavy queue predicts an up-move: g* rises from the lowest to the highest bin
        assertThat(m.adjustmentTicks(1, 9)).isGreaterThan(m.adjustmentTicks(1, 5)).isGreaterThan(0);
        // independent oracle: the same counting in python3 + numpy.linalg.solve (run 2026-11-24)
        assertThat(m.adjustmentTicks(1, 9)).isCloseTo(0.6273144159252705, within(1e-9));
        assertThat(m.adjustmentTicks(2, 7)).isCloseTo(0.3511773353511273, within(1e-9));
        assertThat(m.adjustmentTicks(3, 0)).isCloseTo(-0.3942762495773473, within(1e-9));
    }
}
