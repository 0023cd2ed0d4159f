package dev.periscope.analytics.signing;

import static dev.periscope.model.Aggressor.BUY;
import static dev.periscope.model.Aggressor.SELL;
import static dev.periscope.model.Aggressor.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.periscope.model.Px;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TradeSignerTest {
    private static long px(String s) { return Px.parse(s); }

    private static byte[] signAll(TradeSigner s, long ts, long price) {
        s.classify(ts, price);
        return new byte[] {s.tick(), s.quote(), s.leeReady(), s.emo(), s.clnv()};
    }

    /** Audit 11.2 (Lee & Ready 1991; tclf docs/rules.md): bid/ask 10.00/10.02. */
    @Test
    void auditLeeReadyCase() {
        TradeSigner s = new TradeSigner(16, TradeSigner.NO_LAG);
        s.onQuote(0, px("10.00"), px("10.02"));
        String[] trades = {"10.02", "10.00", "10.01", "10.01", "10.015", "10.03"};
        byte[] expectedLr = {BUY, SELL, BUY, BUY, BUY, BUY};
        byte[] lr = new byte[trades.length];
        for (int i = 0; i < trades.length; i++) lr[i] = s.sign(SigningMethod.LEE_READY, 10 + i, px(trades[i]));
        assertThat(lr).containsExactly(expectedLr);
    }

    @Test
    void allMethodsOnAuditSequence() {
        TradeSigner s = new TradeSigner(16, TradeSigner.NO_LAG);
        s.onQuote(0, px("10.00"), px("10.02"));
        // columns: tick, quote, LR, EMO, CLNV
        assertThat(signAll(s, 1, px("10.02"))).containsExactly(UNKNOWN, BUY, BUY, BUY, BUY);   // first trade: no tick
        assertThat(signAll(s, 2, px("10.00"))).containsExactly(SELL, SELL, SELL, SELL, SELL);
        assertThat(signAll(s, 3, px("10.01"))).containsExactly(BUY, UNKNOWN, BUY, BUY, BUY);  // mid, uptick
        assertThat(signAll(s, 4, px("10.01"))).containsExactly(BUY, UNKNOWN, BUY, BUY, BUY);  // mid, zero-uptick
        // 10.015 is at 75% of the spread: CLNV quote zone; EMO uses the tick (uptick)
        assertThat(signAll(s, 5, px("10.015"))).containsExactly(BUY, BUY, BUY, BUY, BUY);
        // above the ask: quote rule says buy; EMO and CLNV use the tick (uptick)
        assertThat(signAll(s, 6, px("10.03"))).containsExactly(BUY, BUY, BUY, BUY, BUY);
        // below the bid after a downtick: all sell
        assertThat(signAll(s, 7, px("9.99"))).containsExactly(SELL, SELL, SELL, SELL, SELL);
    }

    @Test
    void hybridsDisagreeWhereTheirZonesDiffer() {
        TradeSigner s = new TradeSigner(16, TradeSigner.NO_LAG);
        s.onQuote(0, px("10.00"), px("10.10"));
        s.classify(1, px("10.09"));
        // 10.08 is at 80% of the spread, a downtick: quote/LR/CLNV buy, tick/EMO sell
        assertThat(signAll(s, 2, px("10.08"))).containsExactly(SELL, BUY, BUY, SELL, BUY);
        // 10.06 (60%): CLNV middle zone -> tick (downtick) while the quote rule says buy
        assertThat(signAll(s, 3, px("10.06"))).containsExactly(SELL, BUY, BUY, SELL, SELL);
        // 10.11 outside above the ask after an uptick; then 10.095 inside, downtick
        assertThat(signAll(s, 4, px("10.11"))).containsExactly(BUY, BUY, BUY, BUY, BUY);
        assertThat(signAll(s, 5, px("10.095"))).containsExactly(SELL, BUY, BUY, SELL, BUY);
    }

    @Test
    void clnvBoundariesAtExactly30And70PercentUseTheQuoteRule() {
        long bid = px("10.00"), ask = px("10.10");
        assertThat(SigningRules.clnvQuote(px("10.07"), bid, ask)).isEqualTo(BUY);      // exactly 70%
        assertThat(SigningRules.clnvQuote(px("10.0699"), bid, ask)).isEqualTo(UNKNOWN); // just inside middle 40%
        assertThat(SigningRules.clnvQuote(px("10.03"), bid, ask)).isEqualTo(SELL);     // exactly 30%
        assertThat(SigningRules.clnvQuote(px("10.0301"), bid, ask)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.clnvQuote(px("10.10"), bid, ask)).isEqualTo(BUY);      // at the ask
        assertThat(SigningRules.clnvQuote(px("10.00"), bid, ask)).isEqualTo(SELL);     // at the bid
        assertThat(SigningRules.clnvQuote(px("10.1001"), bid, ask)).isEqualTo(UNKNOWN); // outside
        assertThat(SigningRules.clnvQuote(px("9.9999"), bid, ask)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.clnvQuote(px("10.05"), bid, ask)).isEqualTo(UNKNOWN);  // mid

        // in the signer, the middle zone falls back to the tick test: set a downtick context then trade at 69.99%
        TradeSigner s = new TradeSigner(8, 0);
        s.onQuote(0, bid, ask);
        s.classify(1, px("10.09"));
        s.classify(2, px("10.0699"));
        assertThat(s.clnv()).isEqualTo(SELL);
        s.classify(3, px("10.07"));  // uptick but exactly at 70%: quote zone -> buy
        assertThat(s.clnv()).isEqualTo(BUY);
        s.classify(4, px("10.03"));  // downtick exactly at 30%: quote zone -> sell
        assertThat(s.clnv()).isEqualTo(SELL);
        s.classify(5, px("10.0301")); // uptick inside the middle zone -> tick -> buy
        assertThat(s.clnv()).isEqualTo(BUY);
    }

    @Test
    void emoUsesTheQuoteOnlyExactlyAtBidOrAsk() {
        long bid = px("20.00"), ask = px("20.04");
        assertThat(SigningRules.emoQuote(px("20.04"), bid, ask)).isEqualTo(BUY);
        assertThat(SigningRules.emoQuote(px("20.00"), bid, ask)).isEqualTo(SELL);
        assertThat(SigningRules.emoQuote(px("20.0399"), bid, ask)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.emoQuote(px("20.0001"), bid, ask)).isEqualTo(UNKNOWN);
        TradeSigner s = new TradeSigner(8, 0);
        s.onQuote(0, bid, ask);
        s.classify(1, px("20.00"));
        assertThat(s.emo()).isEqualTo(SELL);        // at the bid, first trade: quote part decides
        s.classify(2, px("20.0399"));               // one hundredth of a cent below the ask, uptick
        assertThat(s.emo()).isEqualTo(BUY);
        s.classify(3, px("20.039"));                // inside, downtick: EMO sells although the quote rule buys
        assertThat(s.emo()).isEqualTo(SELL);
        assertThat(s.quote()).isEqualTo(BUY);
        s.classify(4, px("20.04"));                 // at the ask
        assertThat(s.emo()).isEqualTo(BUY);
    }

    @Test
    void quoteRuleTieAndQuoteStates() {
        long bid = px("10.00"), ask = px("10.02");
        assertThat(SigningRules.quoteRule(px("10.01"), bid, ask)).isEqualTo(UNKNOWN); // at the mid
        assertThat(SigningRules.quoteRule(px("10.01000001"), bid, ask)).isEqualTo(BUY);
        assertThat(SigningRules.quoteRule(px("10.00999999"), bid, ask)).isEqualTo(SELL);
        // locked: mid = the locked price
        assertThat(SigningRules.quoteRule(px("10.00"), bid, bid)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.quoteRule(px("10.01"), bid, bid)).isEqualTo(BUY);
        assertThat(SigningRules.emoQuote(px("10.00"), bid, bid)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.clnvQuote(px("10.00"), bid, bid)).isEqualTo(UNKNOWN);
        // crossed and missing: the quote rule cannot decide
        assertThat(SigningRules.quoteRule(px("10.05"), ask, bid)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.quoteRule(px("10.05"), Px.NONE, ask)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.quoteRule(px("10.05"), bid, Px.NONE)).isEqualTo(UNKNOWN);
        assertThat(SigningRules.quoteState(ask, bid)).isEqualTo(SigningRules.CROSSED);
    }

    @Test
    void crossedOrMissingQuoteFallsBackToTickInHybrids() {
        TradeSigner s = new TradeSigner(8, 0);
        s.classify(1, px("10.00")); // no quote, first trade: nothing can decide
        assertThat(new byte[] {s.tick(), s.quote(), s.leeReady(), s.emo(), s.clnv()})
                .containsExactly(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
        s.classify(2, px("10.01")); // no quote, uptick
        assertThat(new byte[] {s.tick(), s.quote(), s.leeReady(), s.emo(), s.clnv()})
                .containsExactly(BUY, UNKNOWN, BUY, BUY, BUY);
        s.onQuote(3, px("10.05"), px("10.00")); // crossed
        s.classify(4, px("10.00"));             // downtick at the (crossed) ask
        assertThat(new byte[] {s.tick(), s.quote(), s.leeReady(), s.emo(), s.clnv()})
                .containsExactly(SELL, UNKNOWN, SELL, SELL, SELL);
    }

    @Test
    void zeroTicksBeforeAnyPriceChangeStayUnknown() {
        TickRule t = new TickRule();
        assertThat(t.update(px("5"))).isEqualTo(UNKNOWN);
        assertThat(t.update(px("5"))).isEqualTo(UNKNOWN);
        assertThat(t.update(px("4.99"))).isEqualTo(SELL);
        assertThat(t.update(px("4.99"))).isEqualTo(SELL); // zero-downtick
        assertThat(t.update(px("5"))).isEqualTo(BUY);
        t.reset();
        assertThat(t.update(px("6"))).isEqualTo(UNKNOWN);
    }

    @Test
    void quoteLagPicksTheOlderQuote() {
        long sec = 1_000_000_000L;
        TradeSigner lr91 = new TradeSigner(64, TradeSigner.LEE_READY_1991_LAG_NANOS);
        TradeSigner modern = new TradeSigner(64, TradeSigner.NO_LAG);
        for (TradeSigner s : List.of(lr91, modern)) {
            s.onQuote(100 * sec, px("10.00"), px("10.02"));
            s.onQuote(103 * sec, px("10.04"), px("10.06"));
        }
        // trade at t=106 s at 10.03: 5 s lag -> quote at <= 101 s is 10.00/10.02 -> above ask -> buy;
        // no lag -> 10.04/10.06 -> below bid -> sell
        lr91.classify(106 * sec, px("10.03"));
        modern.classify(106 * sec, px("10.03"));
        assertThat(lr91.quote()).isEqualTo(BUY);
        assertThat(lr91.lastBid()).isEqualTo(px("10.00"));
        assertThat(modern.quote()).isEqualTo(SELL);
        assertThat(modern.lastBid()).isEqualTo(px("10.04"));
        // exactly at the lag boundary the quote stamped at ts - lag counts as prevailing
        lr91.classify(108 * sec, px("10.05"));
        assertThat(lr91.lastBid()).isEqualTo(px("10.04"));
        lr91.classify(108 * sec - 1, px("10.05"));
        assertThat(lr91.lastBid()).isEqualTo(px("10.00"));
        // before any quote: missing
        lr91.classify(104 * sec, px("10.05"));
        assertThat(lr91.lastBid()).isEqualTo(Px.NONE);
        assertThat(lr91.quote()).isEqualTo(UNKNOWN);
    }

    @Test
    void quoteHistoryEvictionOrderAndDedup() {
        QuoteHistory h = new QuoteHistory(3);
        assertThat(h.capacity()).isEqualTo(4);
        assertThat(h.lookup(5)).isEqualTo(QuoteHistory.NOT_FOUND);
        for (int i = 1; i <= 6; i++) assertThat(h.onQuote(i * 10L, i, 100 + i)).isTrue();
        assertThat(h.size()).isEqualTo(4);
        assertThat(h.bid(h.lookup(35))).isEqualTo(3);
        assertThat(h.bid(h.lookup(30))).isEqualTo(3);
        assertThat(h.bid(h.lookup(1000))).isEqualTo(6);
        assertThat(h.lookup(29)).isEqualTo(QuoteHistory.EVICTED); // quotes 1 and 2 were overwritten
        assertThat(h.onQuote(59, 7, 107)).isFalse();               // older than the newest: rejected
        assertThat(h.onQuote(70, 6, 106)).isTrue();                // same prices: not stored
        assertThat(h.size()).isEqualTo(4);
        assertThat(h.time(h.lookup(75))).isEqualTo(60);
        assertThat(h.onQuote(70, 8, 108)).isTrue();                // equal time, new prices: the later one wins
        assertThat(h.bid(h.lookup(70))).isEqualTo(8);
    }

    @Test
    void quoteHistoryMatchesLinearScanTwin() {
        Random rnd = new Random(7);
        for (int round = 0; round < 50; round++) {
            int cap = 1 + rnd.nextInt(40);
            QuoteHistory h = new QuoteHistory(cap);
            List<long[]> stored = new ArrayList<>();
            long t = 0;
            for (int i = 0; i < 200; i++) {
                t += rnd.nextInt(3);
                long b = rnd.nextInt(4), a = b + 1 + rnd.nextInt(2);
                h.onQuote(t, b, a);
                long[] last = stored.isEmpty() ? null : stored.get(stored.size() - 1);
                if (last == null || last[1] != b || last[2] != a) stored.add(new long[] {t, b, a});
                long asOf = t - rnd.nextInt(30);
                int slot = h.lookup(asOf);
                // twin: last stored entry with ts <= asOf, counting from the retained window
                int firstRetained = Math.max(0, stored.size() - h.capacity());
                int found = -1;
                for (int k = stored.size() - 1; k >= 0; k--) if (stored.get(k)[0] <= asOf) { found = k; break; }
                if (found < 0) assertThat(slot).isEqualTo(firstRetained > 0 ? QuoteHistory.EVICTED : QuoteHistory.NOT_FOUND);
                else if (found < firstRetained) assertThat(slot).isEqualTo(QuoteHistory.EVICTED);
                else {
                    assertThat(slot).isGreaterThanOrEqualTo(0);
                    assertThat(new long[] {h.time(slot), h.bid(slot), h.ask(slot)}).containsExactly(stored.get(found));
                }
            }
        }
    }

    /** Slow, obviously-correct twin: BigDecimal mids, last different price found by scanning all history. */
    @Test
    void matchesNaiveTwinOnRandomTapes() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            TradeSigner s = new TradeSigner(8, 0);
            List<Long> prices = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long bid, ask;
                int kind = rnd.nextInt(10);
                bid = px("10.00") + rnd.nextInt(6) * 100_000L;              // tenth-of-cent grid
                ask = kind == 0 ? bid : kind == 1 ? bid - 200_000L : bid + (1 + rnd.nextInt(10)) * 100_000L;
                if (kind == 2) bid = Px.NONE;
                long price = px("9.995") + rnd.nextInt(20) * 100_000L;
                s.classify(price, bid, ask);
                prices.add(price);
                byte tick = naiveTick(prices);
                byte quote = naiveQuote(price, bid, ask);
                assertThat(s.tick()).isEqualTo(tick);
                assertThat(s.quote()).isEqualTo(quote);
                assertThat(s.leeReady()).isEqualTo(quote != 0 ? quote : tick);
                boolean usable = bid != Px.NONE && ask != Px.NONE && bid < ask;
                byte emo = usable && price == ask ? BUY : usable && price == bid ? SELL : tick;
                assertThat(s.emo()).isEqualTo(emo);
                byte clnv = tick;
                if (usable) {
                    BigDecimal b = BigDecimal.valueOf(bid), a = BigDecimal.valueOf(ask), p = BigDecimal.valueOf(price);
                    BigDecimal upper = b.multiply(new BigDecimal("0.3")).add(a.multiply(new BigDecimal("0.7")));
                    BigDecimal lower = b.multiply(new BigDecimal("0.7")).add(a.multiply(new BigDecimal("0.3")));
                    if (p.compareTo(upper) >= 0 && p.compareTo(a) <= 0) clnv = BUY;
                    else if (p.compareTo(b) >= 0 && p.compareTo(lower) <= 0) clnv = SELL;
                }
                assertThat(s.clnv()).isEqualTo(clnv);
            }
        }
    }

    @Test
    void reverseTickIsDeferredAndRunsAreTracked() {
        TradeSigner s = new TradeSigner(4, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.side(SigningMethod.REVERSE_TICK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(s.runId()).isEqualTo(-1);
        s.classify(px("5"), Px.NONE, Px.NONE);
        s.classify(px("5"), Px.NONE, Px.NONE);
        assertThat(s.runId()).isZero();
        s.classify(px("5.01"), Px.NONE, Px.NONE);
        assertThat(s.runId()).isEqualTo(1);
        assertThat(s.runPrice(0)).isEqualTo(px("5"));
        assertThat(s.runPrice(1)).isEqualTo(px("5.01"));
        assertThat(s.runPrice(2)).isEqualTo(Px.NONE);
        for (int i = 0; i < 1100; i++) s.classify(px("6") + i, Px.NONE, Px.NONE);
        assertThat(s.runPrice(0)).isEqualTo(Px.NONE); // older than the run ring
    }

    @Test
    void eventAdaptersSkipUnsignablePrintsWithoutTouchingTheTickState() {
        TradeSigner s = new TradeSigner(8, 0);
        s.onQuote(new dev.periscope.model.event.QuoteEvent().set(1, dev.periscope.model.event.QuoteEvent.NBBO,
                px("10.00"), Px.ofUnits(100), px("10.02"), Px.ofUnits(100)));
        var t = new dev.periscope.model.event.TradeEvent();
        assertThat(s.classify(t.set(2, px("10.02"), Px.ofUnits(100), 'Q',
                dev.periscope.model.SaleCondition.REGULAR_MASK, UNKNOWN))).isTrue();
        assertThat(s.leeReady()).isEqualTo(BUY);
        // an average-price print ('W') far below: not signable, must not become the tick reference
        assertThat(s.classify(t.set(3, px("9.50"), Px.ofUnits(5000), 'D',
                dev.periscope.model.SaleCondition.maskOf("W"), UNKNOWN))).isFalse();
        assertThat(s.leeReady()).isEqualTo(UNKNOWN);
        assertThat(s.classify(t.set(4, px("10.01"), Px.ofUnits(100), 'Q',
                dev.periscope.model.SaleCondition.REGULAR_MASK, UNKNOWN))).isTrue();
        assertThat(s.tick()).isEqualTo(SELL); // vs 10.02, not vs the skipped 9.50
        assertThat(s.leeReady()).isEqualTo(SELL);
    }

    private static byte naiveTick(List<Long> prices) {
        long p = prices.get(prices.size() - 1);
        for (int k = prices.size() - 2; k >= 0; k--) {
            if (prices.get(k) < p) return BUY;
            if (prices.get(k) > p) return SELL;
        }
        return UNKNOWN;
    }

    private static byte naiveQuote(long price, long bid, long ask) {
        if (bid == Px.NONE || ask == Px.NONE || bid > ask) return UNKNOWN;
        BigDecimal mid = BigDecimal.valueOf(bid).add(BigDecimal.valueOf(ask)).divide(BigDecimal.valueOf(2));
        return (byte) BigDecimal.valueOf(price).compareTo(mid);
    }
}
