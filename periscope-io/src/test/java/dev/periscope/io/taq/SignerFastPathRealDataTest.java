package dev.periscope.io.taq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.periscope.analytics.signing.SigningMethod;
import dev.periscope.analytics.signing.TradeSigner;
import dev.periscope.book.nbbo.NbboBuilder;
import dev.periscope.engine.replay.EventSource;
import dev.periscope.engine.replay.ReplayMerger;
import dev.periscope.model.Aggressor;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TradeSigner#signOnly} (one rule, the tape pipeline's fast path) against {@link TradeSigner#classify} (all
 * rules) on the real TAQ sample: NBBO from the per-venue quotes, every trade signed, for each of the five methods.
 */
class SignerFastPathRealDataTest {

    @Test
    void fastPathEqualsAllMethodsOnTheTaqSample() {
        SigningMethod[] methods = {SigningMethod.TICK, SigningMethod.QUOTE, SigningMethod.LEE_READY, SigningMethod.EMO,
                SigningMethod.CLNV};
        // one replay: remember the NBBO changes and trades in order, then run each method over them
        List<long[]> stream = new ArrayList<>(); // {0, ts, bid, ask} quote change or {1, ts, price, 0} trade
        NbboBuilder nbbo = new NbboBuilder();
        MarketDataHandler h = new MarketDataHandler() {
            @Override public void onQuote(QuoteEvent q) {
                if (nbbo.onQuote(q)) stream.add(new long[]{0, q.tsEvent, nbbo.bidPrice(), nbbo.askPrice()});
            }

            @Override public void onTrade(TradeEvent t) { stream.add(new long[]{1, t.tsEvent, t.price, 0}); }
        };
        DataIssueLog log = new DataIssueLog();
        List<EventSource> sources = List.of(
                new TaqQuoteReader(SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv"), log),
                new TaqTradeReader(SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv"), log));
        new ReplayMerger(sources, 0, log).run(h);
        long trades = stream.stream().filter(e -> e[0] == 1).count();
        assertThat(trades).isEqualTo(77_261);
        for (SigningMethod m : methods) {
            TradeSigner all = new TradeSigner(4096, TradeSigner.NO_LAG);
            TradeSigner fast = new TradeSigner(4096, TradeSigner.NO_LAG);
            long buys = 0, sells = 0;
            for (long[] e : stream) {
                if (e[0] == 0) {
                    all.onQuote(e[1], e[2], e[3]);
                    fast.onQuote(e[1], e[2], e[3]);
                    continue;
                }
                all.classify(e[1], e[2]);
                byte s = fast.signOnly(m, e[1], e[2]);
                assertThat(s).as("%s at %d", m, e[1]).isEqualTo(all.side(m));
                assertThat(fast.lastBid()).isEqualTo(all.lastBid());
                assertThat(fast.lastAsk()).isEqualTo(all.lastAsk());
                if (s == Aggressor.BUY) buys++;
                else if (s == Aggressor.SELL) sells++;
            }
            // every rule signs many prints of this liquid sample both ways (the quote rule leaves mid and crossed ones)
            assertThat(buys).as(m.label()).isGreaterThan(10_000);
            assertThat(sells).as(m.label()).isGreaterThan(10_000);
        }
    }
}
