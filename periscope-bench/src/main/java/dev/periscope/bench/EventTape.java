package dev.periscope.bench;

import dev.periscope.model.event.EventSource;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.io.taq.TaqOptions;
import dev.periscope.io.taq.TaqQuoteReader;
import dev.periscope.io.taq.TaqTradeReader;
import dev.periscope.model.Instrument;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The real TAQ sample (trades and per-venue quotes) merged by the engine's {@link ReplayMerger} once, at setup,
 * and held in memory as parallel primitive arrays in replay order, so that benchmarks can replay it with no I/O
 * and no parsing: {@code kind[i]} is {@link #QUOTE} or {@link #TRADE}; quote fields and trade fields are filled
 * for their kind only. Quotes come before trades of the same timestamp (source order in the merger).
 */
final class EventTape {
    static final byte QUOTE = 0, TRADE = 1;
    /** Good trade rows of the sample (77,263 rows less the two CORR != 0 rows). */
    static final int TRADES = 77_261;
    /** Good quote rows of the sample. */
    static final int QUOTES = 131_401;
    static final int EVENTS = TRADES + QUOTES;

    final int n;
    final byte[] kind;
    final long[] ts;
    final char[] venue;
    final long[] bidPx, bidSz, askPx, askSz;   // quotes
    final long[] price, size, conditions;      // trades
    final Instrument instrument;
    /** Indices of the quotes and of the trades within the tape. */
    final int[] quoteIdx, tradeIdx;

    private EventTape(int n, Instrument instrument) {
        this.n = n;
        this.instrument = instrument;
        kind = new byte[n]; ts = new long[n]; venue = new char[n];
        bidPx = new long[n]; bidSz = new long[n]; askPx = new long[n]; askSz = new long[n];
        price = new long[n]; size = new long[n]; conditions = new long[n];
        quoteIdx = new int[QUOTES];
        tradeIdx = new int[TRADES];
    }

    /** Reads and merges the sample; fails if the event counts differ from the constants. */
    static EventTape load() {
        byte[] trades = TaqSample.bytes(TaqSample.TRADES), quotes = TaqSample.bytes(TaqSample.QUOTES);
        DataIssueLog log = new DataIssueLog();
        Collector c = new Collector();
        try (TaqQuoteReader q = new TaqQuoteReader(new ByteArrayInputStream(quotes), "quotes", TaqOptions.DEFAULT, log);
             TaqTradeReader t = new TaqTradeReader(new ByteArrayInputStream(trades), "trades", TaqOptions.DEFAULT, log)) {
            new ReplayMerger(List.<EventSource>of(q, t), 0, log).run(c);
        }
        TaqSample.check("trades", TRADES, c.trades);
        TaqSample.check("quotes", QUOTES, c.quotes);
        return c.tape;
    }

    private static final class Collector implements MarketDataHandler {
        EventTape tape;
        int i, trades, quotes;

        private EventTape tape(MarketEvent e) {
            if (tape == null) tape = new EventTape(EVENTS, e.instrument);
            if (!e.instrument.equals(tape.instrument)) throw new IllegalStateException("one instrument expected");
            if (i == tape.n) throw new IllegalStateException("more events than " + EVENTS);
            return tape;
        }

        @Override
        public void onQuote(QuoteEvent q) {
            EventTape t = tape(q);
            t.kind[i] = QUOTE; t.ts[i] = q.tsEvent; t.venue[i] = q.venue;
            t.bidPx[i] = q.bidPrice; t.bidSz[i] = q.bidSize; t.askPx[i] = q.askPrice; t.askSz[i] = q.askSize;
            if (quotes < QUOTES) t.quoteIdx[quotes] = i;
            quotes++;
            i++;
        }

        @Override
        public void onTrade(TradeEvent tr) {
            EventTape t = tape(tr);
            t.kind[i] = TRADE; t.ts[i] = tr.tsEvent; t.venue[i] = tr.venue;
            t.price[i] = tr.price; t.size[i] = tr.size; t.conditions[i] = tr.conditions;
            if (trades < TRADES) t.tradeIdx[trades] = i;
            trades++;
            i++;
        }
    }

    /** Fills {@code q} from quote {@code i} (the replay step of a source that holds decoded events). */
    void quote(int i, QuoteEvent q) {
        q.set(ts[i], venue[i], bidPx[i], bidSz[i], askPx[i], askSz[i]);
        q.instrument = instrument;
        q.sourceSeq = i;
    }

    /** Fills {@code t} from trade {@code i}. */
    void trade(int i, TradeEvent t) {
        t.set(ts[i], price[i], size[i], venue[i], conditions[i], (byte) 0);
        t.instrument = instrument;
        t.sourceSeq = i;
    }

    /** An {@link EventSource} replaying the quotes (or the trades) of this tape from memory; rewindable. */
    final class Source implements EventSource {
        private final boolean quotes;
        private final int[] idx;
        private final QuoteEvent q = new QuoteEvent();
        private final TradeEvent t = new TradeEvent();
        private int k;

        Source(boolean quotes) {
            this.quotes = quotes;
            this.idx = quotes ? quoteIdx : tradeIdx;
        }

        void rewind() { k = 0; }

        @Override
        public MarketEvent next() {
            if (k == idx.length) return null;
            int i = idx[k++];
            if (quotes) { quote(i, q); return q; }
            trade(i, t);
            return t;
        }

        @Override
        public String name() { return quotes ? "tape-quotes" : "tape-trades"; }
    }
}
