package dev.periscope.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.periscope.eval.EvalFixtures.HOUR;
import static dev.periscope.eval.EvalFixtures.alert;
import static dev.periscope.eval.EvalFixtures.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ParameterSweepTest {
    static DetectionCounts c(long tp, long fp, long fn) {
        return new DetectionCounts(tp, fp, fn, 0, HOUR, new long[(int) tp]);
    }

    @Test
    void tradeOffTableMarksParetoPointsAndBestF1() {
        ParameterSweep s = new ParameterSweep("block", "minSize", 0.95)
                .add("5000", c(9, 6, 1))    // P 0.6,    R 0.9
                .add("10000", c(8, 2, 2))   // P 0.8,    R 0.8   best F1
                .add("20000", c(5, 2, 5))   // P 0.714,  R 0.5   dominated by 10000
                .add("40000", c(0, 0, 10)); // P n/a
        List<ParameterSweep.Point> p = s.points();
        assertThat(p).extracting(ParameterSweep.Point::value).containsExactly("5000", "10000", "20000", "40000");
        assertThat(p).extracting(ParameterSweep.Point::pareto).containsExactly(true, true, false, false);
        assertThat(s.bestF1().orElseThrow().value()).isEqualTo("10000");
        // Wilson (statsmodels): 9/15 and 9/10 at 95%
        assertThat(p.get(0).precisionCi().orElseThrow().low()).isCloseTo(0.35746830120624595, within(1e-12));
        assertThat(p.get(0).recallCi().orElseThrow().high()).isCloseTo(0.982123786904927, within(1e-12));
        assertThat(p.get(3).precisionCi()).isEmpty();
        assertThat(s.toCsv()).startsWith("detector,parameter,value,tp,fp,fn,duplicates,explained,precision,")
                .contains("\nblock,minSize,5000,9,6,1,0,0,0.600000,0.357468,0.801755,0.900000,0.595850,0.982124,0.720000,6.000000,0.000000,1\n")
                .contains("\nblock,minSize,40000,0,0,10,0,0,,,,0.000000,0.000000,0.277533,0.000000,0.000000,,0\n");
        assertThat(s.toText()).contains("10000               8      2      2      0  0.8000 [0.4902, 0.9433]")
                .contains("40000               0      0     10      0  n/a n/a");
    }

    @Test
    void perSeedResultsArePooled() {
        AlertMatcher m = new AlertMatcher(KindMapping.of("block", SideRelation.SAME, "block"), MatchConfig.DEFAULT.withTolerance(0));
        DetectorResult seed1 = m.match("block", List.of(alert("block", 10, 10, 1), alert("block", 50, 50, 1)),
                List.of(label("block", 10, 10, 1)), HOUR);
        DetectorResult seed2 = m.match("block", List.of(), List.of(label("block", 10, 10, 1)), HOUR);
        ParameterSweep s = new ParameterSweep("block", "minSize", 0.9).add("1", List.of(seed1, seed2));
        DetectionCounts pooled = s.points().get(0).pooled();
        assertThat(pooled.tp()).isEqualTo(1);
        assertThat(pooled.fp()).isEqualTo(1);
        assertThat(pooled.fn()).isEqualTo(1);
        assertThat(pooled.sessionNanos()).isEqualTo(2 * HOUR);
        assertThatThrownBy(() -> s.add("1", List.of())).hasMessageContaining("added twice");
    }
}
