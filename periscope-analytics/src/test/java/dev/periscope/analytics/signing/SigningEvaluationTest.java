package dev.periscope.analytics.signing;

import static dev.periscope.model.Aggressor.BUY;
import static dev.periscope.model.Aggressor.SELL;
import static dev.periscope.model.Aggressor.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.periscope.model.Px;
import java.util.Random;
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
                rev-tick           1         2         1    0.3333    0.2500    0.1667    0.1000
                """;
        assertThat(handStream().table("hand")).isEqualTo(expected);
    }

    /**
     * Reverse tick through shared-signer evaluations of a subset and of everything, against a naive twin that
     * looks ahead in the full price list for the next different price.
     */
    @Test
    void reverseTickMatchesLookAheadTwinAlsoForSubsets() {
        Random rnd = new Random(3);
        for (int round = 0; round < 100; round++) {
            int n = 1 + rnd.nextInt(80);
            long[] prices = new long[n];
            byte[] truth = new byte[n];
            long[] sizes = new long[n];
            for (int i = 0; i < n; i++) {
                prices[i] = px("10") + rnd.nextInt(3) * 1_000_000L;
                truth[i] = (byte) (rnd.nextInt(5) == 0 ? 0 : rnd.nextBoolean() ? 1 : -1);
                sizes[i] = Px.ofUnits(1 + rnd.nextInt(500));
            }
            TradeSigner signer = new TradeSigner(4, 0);
            SigningEvaluation all = new SigningEvaluation(), odd = new SigningEvaluation();
            for (int i = 0; i < n; i++) {
                signer.classify(prices[i], Px.NONE, Px.NONE);
                all.record(signer, truth[i], sizes[i]);
                if (i % 2 == 1) odd.record(signer, truth[i], sizes[i]);
            }
            long[] expAll = new long[3], expOdd = new long[3]; // correct, incorrect, unclassified
            for (int i = 0; i < n; i++) {
                if (truth[i] == 0) continue;
                byte sign = 0;
                for (int k = i + 1; k < n; k++) {
                    if (prices[k] != prices[i]) { sign = (byte) (prices[k] < prices[i] ? 1 : -1); break; }
                }
                int slot = sign == 0 ? 2 : sign == truth[i] ? 0 : 1;
                expAll[slot]++;
                if (i % 2 == 1) expOdd[slot]++;
            }
            SigningMethod r = SigningMethod.REVERSE_TICK;
            assertThat(new long[] {all.correct(r), all.incorrect(r), all.unclassified(r)}).containsExactly(expAll);
            assertThat(new long[] {odd.correct(r), odd.incorrect(r), odd.unclassified(r)}).containsExactly(expOdd);
        }
    }

    @Test
    void reverseTickRuleResolvesRuns() {
        ReverseTickRule r = new ReverseTickRule();
        assertThat(r.update(px("10"))).isZero();
        assertThat(r.update(px("10"))).isZero();
        assertThat(r.update(px("9.99"))).isEqualTo(2);   // next different price lower: the two 10s were buys
        assertThat(r.resolvedSign()).isEqualTo(BUY);
        assertThat(r.update(px("10.01"))).isEqualTo(1);  // higher: the 9.99 was a sell
        assertThat(r.resolvedSign()).isEqualTo(SELL);
        assertThat(r.pending()).isEqualTo(1);
    }

    @Test
    void emptyEvaluationReportsNotApplicableInsteadOfNaN() {
        SigningEvaluation e = new SigningEvaluation();
        assertThat(e.accuracyAll(SigningMethod.CLNV)).isEmpty();
        assertThat(e.table("empty")).contains("n/a").doesNotContain("NaN");
    }
}
