package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The ring-buffer/monotonic-deque AbsorptionDetector against an obviously-correct quadratic twin. */
class AbsorptionTwinTest {
    private static final MutablePrintContext PRINT = new MutablePrintContext();

    @Test
    void matchesNaiveTwinOnRandomSequences() {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 6_000;
            long window = 2_000_000_000L, tick = Px.parse("0.01");
            long[] ts = new long[n], px = new long[n], sz = new long[n];
            byte[] sd = new byte[n];
            long t = 0;
            for (int i = 0; i < n; i++) {
                t += rnd.nextInt(seed % 2 == 0 ? 2_000_000 : 400_000_000);   // dense windows force ring growth
                ts[i] = t;
                px[i] = Px.parse("10.00") + rnd.nextInt(-1, 2) * tick + (rnd.nextInt(50) == 0 ? 3 * tick : 0);
                sz[i] = Px.ofUnits(1 + rnd.nextInt(500));
                sd[i] = (byte) rnd.nextInt(-1, 2);
                if (rnd.nextInt(3) > 0) sd[i] = (byte) (seed % 3 == 0 ? -1 : 1);   // bias so thresholds are met
            }
            long minAbs = Px.ofUnits(seed % 2 == 0 ? 20_000 : 1_500);
            var params = AbsorptionDetector.Params.absolute(window, tick, 1, minAbs);

            AlertCollector out = new AlertCollector();
            AbsorptionDetector d = new AbsorptionDetector(params);
            for (int i = 0; i < n; i++) d.onTrade(PRINT.set(1, ts[i], px[i], sz[i], 'N', 1L, sd[i], Px.NONE, Px.NONE), out);

            List<long[]> expected = new ArrayList<>();   // {tsEnd, prints, level, side}
            long lastAlert = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                if (lastAlert != Long.MIN_VALUE && ts[i] - lastAlert < window) continue;
                int first = i;
                while (first > 0 && ts[first - 1] > ts[i] - window) first--;
                long delta = 0, max = Long.MIN_VALUE, min = Long.MAX_VALUE;
                for (int j = first; j <= i; j++) {
                    delta += sd[j] * sz[j];
                    max = Math.max(max, px[j]);
                    min = Math.min(min, px[j]);
                }
                int prints = i - first + 1;
                if (delta == 0 || prints < 2 || Math.abs(delta) < minAbs) continue;
                long exc = delta > 0 ? max - px[first] : px[first] - min;
                if (exc > tick) continue;
                lastAlert = ts[i];
                expected.add(new long[] {ts[i], prints, delta > 0 ? max : min, delta > 0 ? 1 : -1});
            }
            assertThat(out.size()).as("seed " + seed).isEqualTo(expected.size()).isGreaterThan(0);
            for (int k = 0; k < expected.size(); k++) {
                Alert a = out.alerts().get(k);
                long[] e = expected.get(k);
                assertThat(new long[] {a.tsEnd(), a.prints(), a.level(), a.side()}).as("seed " + seed + " alert " + k)
                        .containsExactly(e);
            }
        }
    }
}
