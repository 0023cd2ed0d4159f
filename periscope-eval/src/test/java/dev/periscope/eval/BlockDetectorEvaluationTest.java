package dev.periscope.eval;

import dev.periscope.analytics.detect.AlertCollector;
import dev.periscope.analytics.detect.BlockDetector;
import dev.periscope.model.Px;
import dev.periscope.model.truth.GroundTruthLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.periscope.eval.EvalFixtures.HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real {@link BlockDetector} on seeded synthetic one-hour tapes with planted blocks (labelled) and unlabelled
 * large noise prints, scored end to end. Expected counts come from the generator's own bookkeeping, not from the
 * matcher: with threshold m, hits = planted sizes >= m, false alarms = noise prints >= m, misses = the rest.
 */
class BlockDetectorEvaluationTest {
    private static final dev.periscope.analytics.detect.MutablePrintContext PRINT =
            new dev.periscope.analytics.detect.MutablePrintContext();
    static final long T0 = 1_795_000_000_000_000_000L;
    static final long STEP = 500_000_000L; // a print every 0.5 s
    static final int SLOTS = 7200;          // one hour
    static final long[] PLANTED = {8_000, 12_000, 15_000, 25_000, 40_000, 9_000};

    record Tape(long[] ts, long[] size, byte[] side, char[] venue, List<GroundTruthLabel> labels, long[] noiseSizes) {}

    static Tape tape(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] ts = new long[SLOTS], size = new long[SLOTS];
        byte[] side = new byte[SLOTS];
        char[] venue = new char[SLOTS];
        List<GroundTruthLabel> labels = new ArrayList<>();
        List<Long> noise = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            ts[i] = T0 + i * STEP;
            side[i] = (byte) (r.nextBoolean() ? 1 : -1);
            venue[i] = "NPQZ".charAt(r.nextInt(4));
            size[i] = Px.ofUnits(100 + r.nextInt(1900));
            int planted = i % 1200 == 600 ? i / 1200 : -1; // slots 600, 1800, ..., 6600
            boolean nearPlanted = Math.abs(i % 1200 - 600) <= 10;
            if (planted >= 0) {
                size[i] = Px.ofUnits(PLANTED[planted]);
                venue[i] = planted % 2 == 0 ? 'D' : 'N';
                String kind = venue[i] == 'D' ? "off-exchange-block" : "block";
                labels.add(GroundTruthLabel.of(kind, "XXX", side[i], ts[i], ts[i]).withVenue(String.valueOf(venue[i]))
                        .withSize(size[i]).withPrices(Px.ofUnits(50), Px.ofUnits(50)).withIds(null, new long[]{i + 1}));
            } else if (!nearPlanted && r.nextInt(1000) == 0) {
                size[i] = Px.ofUnits(10_000 + r.nextInt(1001));
                noise.add(size[i]);
            }
        }
        return new Tape(ts, size, side, venue, labels, noise.stream().mapToLong(Long::longValue).toArray());
    }

    static DetectorResult run(Tape t, long minShares, AlertMatcher m) {
        BlockDetector d = new BlockDetector(new BlockDetector.Params(Px.ofUnits(minShares), 0, 0, 20, 5, 0));
        AlertCollector sink = new AlertCollector();
        for (int i = 0; i < SLOTS; i++) {
            d.onTrade(PRINT.set(20261124, t.ts()[i], Px.ofUnits(50), t.size()[i], t.venue()[i], 0, t.side()[i], Px.NONE, Px.NONE), sink);
        }
        d.flush(sink);
        return m.match("block", sink.alerts(), t.labels(), HOUR);
    }

    @Test
    void scorecardAndSweepOfTheBlockDetectorAgreeWithThePlantedTruth() {
        AlertMatcher m = new AlertMatcher(KindMapping.of("block", SideRelation.SAME, "block", "off-exchange-block"), MatchConfig.DEFAULT.withInstrument("XXX"));
        long[] thresholds = {5_000, 10_000, 20_000};
        ParameterSweep sweep = new ParameterSweep("block", "minSize", 0.95);
        Scorecard.Builder card = Scorecard.builder(new Scorecard.Config(0.95, 2000, 1));
        long noiseTotal = 0;
        for (long minShares : thresholds) {
            List<DetectorResult> perSeed = new ArrayList<>();
            for (long seed = 1; seed <= 10; seed++) {
                Tape t = tape(seed);
                DetectorResult r = run(t, minShares, m);
                long expectedTp = 0, expectedFp = 0;
                for (long s : PLANTED) if (s >= minShares) expectedTp++;
                for (long s : t.noiseSizes()) if (s >= Px.ofUnits(minShares)) expectedFp++;
                assertThat(r.counts().tp()).as("seed %d m %d", seed, minShares).isEqualTo(expectedTp);
                assertThat(r.counts().fp()).as("seed %d m %d", seed, minShares).isEqualTo(expectedFp);
                assertThat(r.counts().fn()).isEqualTo(PLANTED.length - expectedTp);
                assertThat(r.counts().delaysNanos()).containsOnly(0L);
                perSeed.add(r);
                if (minShares == 10_000) {
                    card.add(seed, Map.of("block", r));
                    noiseTotal += t.noiseSizes().length;
                }
            }
            sweep.add(Long.toString(minShares), perSeed);
        }
        Scorecard s = card.build();
        Scorecard.Row row = s.row("block").orElseThrow();
        assertThat(row.params()).startsWith("minSize=10000,").doesNotContain(" | ");
        assertThat(s.toText()).contains("\nParameters\nblock                minSize=10000,");
        assertThat(row.pooled().tp()).isEqualTo(40);
        assertThat(row.pooled().fn()).isEqualTo(20);
        assertThat(row.pooled().fp()).isEqualTo(noiseTotal).isPositive();
        assertThat(row.estimate(Scorecard.Metric.RECALL).mean().getAsDouble()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(row.estimate(Scorecard.Metric.RECALL).ci().orElseThrow().low()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(row.pooled().falseAlarmsPerHour().getAsDouble()).isCloseTo(noiseTotal / 10.0, within(1e-9));
        List<ParameterSweep.Point> pts = sweep.points();
        assertThat(pts.get(0).pooled().recall().getAsDouble()).isEqualTo(1.0);
        assertThat(pts.get(2).pooled().precision().getAsDouble()).isEqualTo(1.0);
        assertThat(pts.get(2).pooled().recall().getAsDouble()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(pts).extracting(ParameterSweep.Point::pareto).containsExactly(true, false, true);
        // reproducible from the seeds
        Scorecard again = Scorecard.builder(new Scorecard.Config(0.95, 2000, 1)).build();
        assertThat(again.rows()).isEmpty();
        Scorecard.Builder b2 = Scorecard.builder(new Scorecard.Config(0.95, 2000, 1));
        for (long seed = 1; seed <= 10; seed++) b2.add(seed, Map.of("block", run(tape(seed), 10_000, m)));
        assertThat(b2.build().toCsv()).isEqualTo(s.toCsv());
    }
}
