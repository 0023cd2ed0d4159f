package dev.periscope.analytics.signing;

import static dev.periscope.model.Aggressor.BUY;
import static dev.periscope.model.Aggressor.SELL;
import static dev.periscope.model.Aggressor.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

class SigningEvaluationTest {
    private static long px(String s) { return Px.parse(s); }

    /** Five trades against 10.00/10.02 whose per-method outcomes are worked out by hand in the comments. */
    private static SigningEvaluation handStream() {
        SigningEvaluation e = new SigningEvaluation();
        long b = px("10.00"), a = px("10.02");
        e.onTrade(1, px("10.02"), Px.ofUnits(100), BUY, b, a);     // tick ?, all quote-based right
        e.onTrade(2, px("10.00"), Px.ofUnits(200), BUY, b, a);     // everything says sell: wrong
        e.onTrade(3, px("10.01"), Px.ofUnits(300), SELL, b, a);    // mid uptick: quote ?, others buy: wrong
        e.onTrade(4, px("10.01"), Px.ofUnits(50), UNKNOWN, b, a);  // not scored (still moves the tick state)
        e.onTrade(5, px("10.00"), Px.ofUnits(400), SELL, b, a);    // downtick at the bid: all right
        return e;
    }

    @Test
    void countsAndAccuracies() {
        SigningEvaluation e = handStream();
        assertThat(e.scored()).isEqualTo(4);
        assertThat(e.untruthed()).isEqualTo(1);
        assertThat(new long[] {e.correct(SigningMethod.TICK), e.incorrect(SigningMethod.TICK), e.unclassified(SigningMethod.TICK)})
                .containsExactly(1, 2, 1);
        assertThat(new long[] {e.correct(SigningMethod.QUOTE), e.incorrect(SigningMethod.QUOTE), e.unclassified(SigningMethod.QUOTE)})
                .containsExactly(2, 1, 1);
        for (SigningMethod m : new SigningMethod[] {SigningMethod.LEE_READY, SigningMethod.EMO, SigningMethod.CLNV}) {
            assertThat(new long[] {e.correct(m), e.incorrect(m), e.unclassified(m)}).containsExactly(2, 2, 0);
        }
        assertThat(e.accuracyClassified(SigningMethod.TICK).getAsDouble()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(e.accuracyAll(SigningMethod.TICK).getAsDouble()).isCloseTo(0.25, within(1e-15));
        assertThat(e.volumeAccuracyClassified(SigningMethod.TICK).getAsDouble()).isCloseTo(400.0 / 900, within(1e-15));
        assertThat(e.volumeAccuracyAll(SigningMethod.TICK).getAsDouble()).isCloseTo(0.4, within(1e-15));
        assertThat(e.volumeAccuracyClassified(SigningMethod.QUOTE).getAsDouble()).isCloseTo(500.0 / 700, within(1e-15));
        assertThat(e.accuracyAll(SigningMethod.LEE_READY).getAsDouble()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void tableIsDeterministic() {
        String expected = """
                hand (4 trades, volume 1000)
                method       correct     wrong   unclass   acc|cls   acc|all  vacc|cls  vacc|all
                tick               1         2         1    0.3333    0.2500    0.4444    0.4000
                quote              2         1         1    0.6667    0.5000    0.7143    0.5000
                lee-ready          2         2         0    0.5000    0.5000    0.5000    0.5000
                emo                2         2         0    0.5000    0.5000    0.5000    0.5000
                clnv               2         2         0    0.5000    0.5000    0.5000    0.5000
                """;
        assertThat(handStream().table("hand")).isEqualTo(expected);
    }

    @Test
    void emptyEvaluationReportsNotApplicableInsteadOfNaN() {
        SigningEvaluation e = new SigningEvaluation();
        assertThat(e.accuracyAll(SigningMethod.CLNV)).isEmpty();
        assertThat(e.table("empty")).contains("n/a").doesNotContain("NaN");
    }
}
