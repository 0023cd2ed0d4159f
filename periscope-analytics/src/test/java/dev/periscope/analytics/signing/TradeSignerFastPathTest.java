package dev.periscope.analytics.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TradeSigner#signOnly} (one rule) against {@link TradeSigner#classify} (all rules) on the same stream. */
class TradeSignerFastPathTest {

    /**
     * Random quote/trade streams with usable, locked, crossed and missing quotes, trades at, inside and outside the
     * quotes and at the 30%/70% CLNV boundaries, a quote lag and a ring small enough to evict: for every method
     * the fast path gives the all-methods side, the same bid/ask, tick, run id and quote-miss count, trade by trade.
     */
    @Test
    void fastPathEqualsAllMethodsOnRandomStreams() {
        SigningMethod[] methods = {SigningMethod.TICK, SigningMethod.QUOTE, SigningMethod.LEE_READY, SigningMethod.EMO,
                SigningMethod.CLNV};
        int disagreementsBetweenMethods = 0;
        for (long seed = 1; seed <= 16; seed++) {
            for (SigningMethod m : methods) {
                Random r = new Random(seed);
                long lag = seed % 3 == 0 ? 7 : 0;
                int cap = seed % 4 == 0 ? 4 : 64;
                TradeSigner all = new TradeSigner(cap, lag);
                TradeSigner fast = new TradeSigner(cap, lag);
                long ts = 0, bid = Px.parse("10.00"), ask = Px.parse("10.10");
                for (int i = 0; i < 3_000; i++) {
                    ts += r.nextInt(4);
                    if (r.nextInt(3) == 0) {
                        int kind = r.nextInt(10);
                        bid = Px.parse("10.00") + r.nextInt(20) * 1_000_000L;
                        ask = switch (kind) {
                            case 0 -> bid;                                  // locked
                            case 1 -> bid - 1_000_000L;                     // crossed
                            default -> bid + (1 + r.nextInt(10)) * 1_000_000L;
                        };
                        long b = kind == 2 ? Px.NONE : bid, a = kind == 3 ? Px.NONE : ask;
                        all.onQuote(ts, b, a);
                        fast.onQuote(ts, b, a);
                    } else {
                        long spread = Math.max(1, ask - bid);
                        long price = switch (r.nextInt(6)) {
                            case 0 -> bid;
                            case 1 -> ask;
                            case 2 -> bid + spread * 3 / 10;
                            case 3 -> bid + spread * 7 / 10;
                            case 4 -> bid - 2_000_000L + r.nextInt(5) * 1_000_000L;
                            default -> bid + (long) (r.nextDouble() * spread);
                        };
                        all.classify(ts, price);
                        byte got = fast.signOnly(m, ts, price);
                        assertThat(got).as("seed %d %s trade %d", seed, m, i).isEqualTo(all.side(m));
                        assertThat(fast.side(m)).isEqualTo(got);
                        assertThat(fast.lastBid()).isEqualTo(all.lastBid());
                        assertThat(fast.lastAsk()).isEqualTo(all.lastAsk());
                        assertThat(fast.tick()).isEqualTo(all.tick());
                        assertThat(fast.runId()).isEqualTo(all.runId());
                        if (all.side(m) != all.leeReady()) disagreementsBetweenMethods++;
                    }
                }
                assertThat(fast.quoteMisses()).isEqualTo(all.quoteMisses());
                if (cap == 4 && lag > 0) assertThat(all.quoteMisses()).isPositive();
            }
        }
        // the streams must separate the rules, or the comparison above could not catch a rule mix-up
        assertThat(disagreementsBetweenMethods).isGreaterThan(500);
    }

    @Test
    void fastPathLeavesOtherRulesUnknownAndRejectsReverseTick() {
        TradeSigner s = new TradeSigner(16, TradeSigner.NO_LAG);
        s.onQuote(0, Px.parse("10.00"), Px.parse("10.02"));
        s.signOnly(SigningMethod.EMO, 1, Px.parse("10.00"));
        assertThat(s.side(SigningMethod.EMO)).isEqualTo(Aggressor.SELL);
        assertThat(s.quote()).isEqualTo(Aggressor.UNKNOWN);
        assertThat(s.clnv()).isEqualTo(Aggressor.UNKNOWN);
        long run = s.runId();
        assertThatThrownBy(() -> s.signOnly(SigningMethod.REVERSE_TICK, 2, Px.parse("10.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(s.runId()).isEqualTo(run);
    }
}
