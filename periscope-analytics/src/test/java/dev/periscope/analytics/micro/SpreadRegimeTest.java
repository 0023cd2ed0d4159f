package dev.periscope.analytics.micro;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpreadRegimeTest {
    static final long SEC = 1_000_000_000L;

    @Test
    void medianMadZScoreAndRegimes() {
        SpreadRegime r = new SpreadRegime(60 * SEC, SEC, 5, 2.0, 2.0, 0.1);
        double[] v = {10, 12, 11, 13, 9, 11, 14};
        for (int i = 0; i < v.length; i++) {
            if (i == 3) assertThatThrownBy(r::regime).isInstanceOf(IllegalStateException.class);
            r.update(i * SEC, v[i]);
        }
        // sorted 9,10,11,11,12,13,14 -> median 11; |dev| 1,1,0,2,2,0,3 -> MAD 1 -> scale 1.4826
        assertThat(r.median()).isEqualTo(11.0);
        assertThat(r.scale()).isCloseTo(1.4826, within(1e-12));
        assertThat(r.zScore()).isCloseTo(3 / 1.4826, within(1e-12));
        assertThat(r.regime()).isEqualTo(SpreadRegime.Regime.WIDE);
        r.update(6 * SEC + 500_000_000L, 8);   // same 1 s bucket: classified, not sampled
        assertThat(r.sampleCount()).isEqualTo(7);
        assertThat(r.regime()).isEqualTo(SpreadRegime.Regime.TIGHT);
        r.update(6 * SEC + 700_000_000L, 12);
        assertThat(r.regime()).isEqualTo(SpreadRegime.Regime.NORMAL);
    }

    @Test
    void windowEvictsOldSamplesAndZeroMadUsesMinScale() {
        SpreadRegime r = new SpreadRegime(5 * SEC, SEC, 3, 2.0, 2.0, 0.1);
        double[] v = {10, 12, 11, 13, 9, 11, 14, 11};
        for (int i = 0; i < v.length; i++) r.update(i * SEC, v[i]);
        // at t=7 s samples with t <= 2 s are gone: 13, 9, 11, 14, 11 -> median 11, |dev| 2,2,0,3,0 -> MAD 2
        assertThat(r.sampleCount()).isEqualTo(5);
        assertThat(r.median()).isEqualTo(11.0);
        assertThat(r.scale()).isCloseTo(2 * 1.4826, within(1e-12));
        SpreadRegime pinned = new SpreadRegime(60 * SEC, SEC, 3, 2.0, 2.0, 0.5);
        for (int i = 0; i < 10; i++) pinned.update(i * SEC, 1.0);   // spread pinned at one tick
        pinned.update(10 * SEC, 2.0);
        assertThat(pinned.scale()).isEqualTo(0.5);
        assertThat(pinned.zScore()).isEqualTo(2.0);
        assertThat(pinned.regime()).isEqualTo(SpreadRegime.Regime.WIDE);
        assertThatThrownBy(() -> pinned.update(11 * SEC, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quickselectMedianMatchesSort() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int run = 0; run < 2000; run++) {
            int n = 1 + rnd.nextInt(60);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = rnd.nextInt(8);   // many ties
            double[] s = a.clone();
            Arrays.sort(s);
            double expected = (n % 2 == 1) ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            assertThat(SpreadRegime.median(a, n)).isEqualTo(expected);
        }
    }
}
