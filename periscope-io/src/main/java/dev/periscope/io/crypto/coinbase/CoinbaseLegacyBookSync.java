package dev.periscope.io.crypto.coinbase;

import dev.periscope.book.MutableL2Book;
import dev.periscope.io.crypto.CryptoVenue;
import dev.periscope.io.crypto.SymbolState;
import dev.periscope.io.crypto.SymbolTable;
import dev.periscope.io.crypto.VenueBookSync;
import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;

import java.util.List;

/**
 * Keeps one local book per product from decoded legacy Coinbase {@code ws-feed} messages (Coinbase Exchange
 * WebSocket channels docs: level2, matches, ticker). {@code snapshot} replaces the book, {@code l2update} sets
 * levels (size 0 deletes).
 *
 * <pre>
 * state            input       next             action
 * AWAIT_SNAPSHOT   l2update    AWAIT_SNAPSHOT   report (order) and count ignored
 * any              snapshot    SYNCED           replace book, "snapshot" (first) / "resync"
 * SYNCED           l2update    SYNCED           apply
 * </pre>
 * The level2 channel carries no sequence number, so book gaps cannot be detected. Matches and tickers carry the
 * product's full-feed {@code sequence}: a decrease is counted as a regression (out-of-order data), an increase by
 * more than one as a jump, which is expected because the sequence also counts the full channel's order messages.
 * Missing prints are detected with {@code trade_id}, consecutive per product ({@code tradeIdGaps}). A
 * {@code last_match} (the last trade before the subscription) seeds those checks but is not emitted.
 * {@code side} of a match is the <b>maker</b> order's side, so the aggressor is the opposite (audit OF-7); the
 * ticker of the same {@code trade_id} reports the <b>taker</b> side, which is cross-checked against it.
 */
public final class CoinbaseLegacyBookSync extends VenueBookSync implements CoinbaseLegacyDecoder.Listener {
    /** Per-product state. */
    public static final class Product extends SymbolState {
        boolean hasSnapshot;
        long lastSequence = -1;
        long lastTradeId = -1;
        public long l2BeforeSnapshot;
        public long tickers;
        /** {@code last_match} messages: the last trade before the subscription (history, not emitted). */
        public long lastMatches;
        /** Matches whose ticker (same trade_id) was seen: the ticker's side (taker) must equal our aggressor. */
        public long tickerSideChecked;
        public long tickerSideDisagrees;
        long matchTradeId = -1, tickerTradeId = -1;
        Side matchAggressor, tickerSide;

        Product(String symbol, MutableL2Book book) {
            super(CryptoVenue.COINBASE, symbol, AssetClass.CRYPTO_SPOT, book);
        }
    }

    private final SymbolTable<Product> table = new SymbolTable<>(s -> new Product(s, newBook()));

    public CoinbaseLegacyBookSync(String source, MarketDataHandler handler, DataIssueLog issues) {
        super(CryptoVenue.COINBASE, source, handler, issues);
    }

    @Override
    public List<Product> symbols() { return table.all(); }

    public Product product(String id) { return table.find(id); }

    @Override
    public void finish() {
        for (Product p : table.all()) p.stats.synced = p.hasSnapshot;
        handler.onEnd();
    }

    @Override
    public void onMessage(CoinbaseLegacyDecoder.Message m) {
        if (m.product == null) return;
        Product prod = table.get(m.product);
        prod.stats.messages++;
        long recv = m.recvNs;
        long ts = m.time != 0 ? m.time : recv;
        switch (m.type) {
            case CoinbaseLegacyDecoder.SNAPSHOT -> snapshot(prod, m.levels, ts, recv);
            case CoinbaseLegacyDecoder.L2UPDATE -> update(prod, m.levels, ts, recv);
            case CoinbaseLegacyDecoder.MATCH, CoinbaseLegacyDecoder.LAST_MATCH -> match(prod, m, ts);
            case CoinbaseLegacyDecoder.TICKER -> {
                sequence(prod, m.sequence);
                prod.tickers++;
                if (m.tradeId >= 0 && m.side != null) {
                    prod.tickerTradeId = m.tradeId;
                    prod.tickerSide = m.side;
                    crossCheck(prod);
                }
            }
            default -> { }
        }
    }

    private void match(Product prod, CoinbaseLegacyDecoder.Message m, long ts) {
        sequence(prod, m.sequence);
        long tradeId = m.tradeId;
        if (m.side == null || tradeId < 0) { issue("side", "missing", "match without side or trade_id"); return; }
        if (prod.lastTradeId >= 0 && tradeId != prod.lastTradeId + 1) {
            if (tradeId <= prod.lastTradeId) issue("trade_id", "order", prod.symbol + ": trade_id " + tradeId + " after " + prod.lastTradeId);
            else prod.stats.tradeIdGaps++;
        }
        prod.lastTradeId = Math.max(prod.lastTradeId, tradeId);
        Side aggressor = m.side.opposite();
        prod.matchTradeId = tradeId;
        prod.matchAggressor = aggressor;
        crossCheck(prod);
        if (m.type == CoinbaseLegacyDecoder.LAST_MATCH) prod.lastMatches++;
        else emitTrade(prod, ts, m.recvNs, m.price, m.size, aggressor == Side.BUY ? Aggressor.BUY : Aggressor.SELL, tradeId);
    }

    /** The ticker reports the taker side of the same trade_id: it must equal the aggressor derived from the match. */
    private void crossCheck(Product p) {
        if (p.matchTradeId < 0 || p.matchTradeId != p.tickerTradeId) return;
        p.tickerSideChecked++;
        if (p.tickerSide != p.matchAggressor) {
            p.tickerSideDisagrees++;
            issue("side", "consistency", p.symbol + ": ticker side " + p.tickerSide + " != aggressor " + p.matchAggressor
                    + " for trade_id " + p.matchTradeId);
        }
        p.tickerTradeId = -1;
    }

    private void sequence(Product prod, long seq) {
        if (seq < 0) return;
        if (prod.lastSequence >= 0) {
            if (seq < prod.lastSequence) {
                prod.stats.seqRegressions++;
                issue("sequence", "order", prod.symbol + ": sequence " + seq + " after " + prod.lastSequence);
            } else if (seq > prod.lastSequence + 1) {
                prod.stats.seqJumps++;
            }
        }
        prod.lastSequence = Math.max(prod.lastSequence, seq);
    }

    private void snapshot(Product s, Levels levels, long ts, long recv) {
        s.book.clear();
        if (s.hasSnapshot) s.stats.resyncs++;
        s.hasSnapshot = true;
        s.stats.snapshots++;
        emitClear(s, ts, recv, 0, levels.n == 0);
        applyLevels(s, levels.n, levels.side, levels.price, levels.size, ts, recv, BookDeltaEvent.FLAG_SNAPSHOT, 0);
        checkCrossed(s);
        emitStatus(s, ts, recv, true, s.stats.snapshots > 1 ? "resync" : "snapshot");
    }

    private void update(Product s, Levels levels, long ts, long recv) {
        if (!s.hasSnapshot) {
            s.l2BeforeSnapshot++;
            s.stats.ignoredUnsynced++;
            issue("l2update", "order", s.symbol + ": l2update before snapshot");
            return;
        }
        applyLevels(s, levels.n, levels.side, levels.price, levels.size, ts, recv, 0, 0);
        s.stats.bookUpdates++;
        s.stats.levelChanges += levels.n;
        checkCrossed(s);
    }
}
