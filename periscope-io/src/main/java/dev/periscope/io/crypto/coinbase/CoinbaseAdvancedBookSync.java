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
 * Keeps one local book per product from decoded Coinbase Advanced Trade messages (Coinbase Advanced Trade WebSocket
 * channels docs: level2, market_trades, sequence numbers). {@code sequence_num} is per connection and must grow by
 * exactly one; a gap marks every synced book unsynced until that product's next l2 snapshot:
 * <pre>
 * state            input                      next             action
 * AWAIT_SNAPSHOT   l2 update                  AWAIT_SNAPSHOT   count ignored
 * any              l2 snapshot                SYNCED           replace book, "snapshot" (first) / "resync"
 * SYNCED           l2 update                  SYNCED           apply
 * SYNCED           sequence_num gap           UNSYNCED         "gap" status, sequence-gap issue
 * UNSYNCED         l2 update                  UNSYNCED         count ignored
 * </pre>
 * Trades of a market_trades snapshot (history before the subscription) are not emitted but seed the trade-id check;
 * update batches arrive newest first and are emitted oldest first. {@code side} of a market trade is the maker side,
 * as on the legacy feed (verified on the sample: every trade printed at or through the best ask is labelled SELL),
 * so the aggressor is the opposite.
 */
public final class CoinbaseAdvancedBookSync extends VenueBookSync implements CoinbaseAdvancedDecoder.Listener {
    /** Per-product state. */
    public static final class Product extends SymbolState {
        boolean hasSnapshot;
        boolean synced;
        long lastTradeId = -1;
        public long snapshotTrades;

        Product(String symbol, MutableL2Book book) {
            super(CryptoVenue.COINBASE_ADVANCED, symbol, AssetClass.CRYPTO_SPOT, book);
        }
    }

    private final SymbolTable<Product> table = new SymbolTable<>(s -> new Product(s, newBook()));
    private long lastSeq = -1;
    /** Connection-level sequence gaps. */
    public long sequenceGaps;

    public CoinbaseAdvancedBookSync(String source, MarketDataHandler handler, DataIssueLog issues) {
        super(CryptoVenue.COINBASE_ADVANCED, source, handler, issues);
    }

    @Override
    public List<Product> symbols() { return table.all(); }

    public Product product(String id) { return table.find(id); }

    @Override
    public void finish() {
        for (Product p : table.all()) p.stats.synced = p.synced;
        handler.onEnd();
    }

    @Override
    public void onSequence(long seq, long recv) {
        if (lastSeq >= 0 && seq != lastSeq + 1) {
            sequenceGaps++;
            issue("sequence_num", "sequence-gap", "sequence_num " + seq + " after " + lastSeq);
            for (Product s : table.all()) {
                s.stats.gaps++;
                if (s.synced) { s.synced = false; emitStatus(s, recv, recv, false, "gap"); }
            }
        }
        lastSeq = seq;
    }

    @Override
    public void onEvent(AdvancedEvent e) {
        Product prod = e.product == null ? null : table.get(e.product);
        for (int i = 0; i < e.nt; i++) table.get(e.tProd[i]); // first sight in wire order
        if (e.hasUpdates) {
            if (prod == null) { issue("product_id", "missing", "l2_data event without product_id"); return; }
            prod.stats.messages++;
            book(prod, e);
        }
        if (e.hasTrades) trades(e);
    }

    private void book(Product s, AdvancedEvent e) {
        Levels levels = e.levels;
        boolean snapshot = e.snapshot;
        long ts = e.msgTime, recv = e.recvNs;
        if (snapshot) {
            s.book.clear();
            s.stats.snapshots++;
            if (s.hasSnapshot) s.stats.resyncs++;
            s.hasSnapshot = true;
            s.synced = true;
            emitClear(s, ts, recv, lastSeq, levels.n == 0);
        } else if (!s.synced) {
            s.stats.ignoredUnsynced++;
            return;
        } else {
            s.stats.bookUpdates++;
            s.stats.levelChanges += levels.n;
        }
        applyLevels(s, levels.n, levels.side, levels.price, levels.size, ts, recv, snapshot ? BookDeltaEvent.FLAG_SNAPSHOT : 0, lastSeq);
        checkCrossed(s);
        if (snapshot) emitStatus(s, ts, recv, true, s.stats.resyncs > 0 ? "resync" : "snapshot");
    }

    private void trades(AdvancedEvent e) {
        for (int i = e.nt - 1; i >= 0; i--) { // newest first on the wire
            Product s = table.get(e.tProd[i]);
            long id = e.tId[i];
            if (e.snapshot) {
                s.snapshotTrades++;
                s.lastTradeId = Math.max(s.lastTradeId, id);
                continue;
            }
            s.stats.messages++;
            if (s.lastTradeId >= 0 && id != s.lastTradeId + 1) {
                if (id <= s.lastTradeId) issue("trade_id", "order", s.symbol + ": trade_id " + id + " after " + s.lastTradeId);
                else s.stats.tradeIdGaps++;
            }
            s.lastTradeId = Math.max(s.lastTradeId, id);
            emitTrade(s, e.tTime[i], e.recvNs, e.tPrice[i], e.tSize[i], e.tSide[i] == Side.SELL ? Aggressor.BUY : Aggressor.SELL, id);
        }
    }
}
