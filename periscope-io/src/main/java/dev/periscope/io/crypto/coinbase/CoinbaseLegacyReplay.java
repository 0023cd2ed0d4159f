package dev.periscope.io.crypto.coinbase;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.CryptoVenue;
import dev.periscope.io.crypto.LineReader;
import dev.periscope.io.crypto.SymbolState;
import dev.periscope.io.crypto.SymbolTable;
import dev.periscope.io.crypto.Text;
import dev.periscope.io.crypto.VenueReplay;
import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays a cryptofeed recording of the legacy Coinbase (Pro/Exchange) {@code ws-feed}: {@code snapshot}
 * (bids/asks {@code [price, size]}) and {@code l2update} ({@code changes: [side, price, size]}, size 0 deletes) of
 * the level2 channel; {@code match}/{@code last_match} trades; {@code ticker}. Source: Coinbase Exchange WebSocket
 * channels docs (level2, matches, ticker).
 *
 * <p>The level2 channel carries no sequence number, so book gaps cannot be detected; an l2update before its
 * product's snapshot is reported and skipped. Matches and tickers carry the product's full-feed
 * {@code sequence}: a decrease is counted as a regression (out-of-order data), an increase by more than one as a
 * jump, which is expected on these channels because the sequence also counts the full channel's order messages.
 * Missing prints are detected with {@code trade_id}, consecutive per product ({@code tradeIdGaps}). A
 * {@code last_match} (the last trade before the subscription, minutes old) seeds those checks but is not emitted.
 * {@code side} of a match is the <b>maker</b> order's side, so the aggressor is the opposite (audit OF-7); the
 * ticker of the same {@code trade_id} reports the <b>taker</b> side, which is cross-checked against it.
 */
public final class CoinbaseLegacyReplay extends VenueReplay {
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

        Product(String symbol, dev.periscope.book.MutableL2Book book) {
            super(CryptoVenue.COINBASE, symbol, AssetClass.CRYPTO_SPOT, book);
        }
    }

    private static final int SNAPSHOT = 1, L2UPDATE = 2, MATCH = 3, LAST_MATCH = 4, TICKER = 5, OTHER = 6;

    private final SymbolTable<Product> table = new SymbolTable<>(s -> new Product(s, newBook()));
    private final Levels levels = new Levels();

    public CoinbaseLegacyReplay(String source, MarketDataHandler handler, DataIssueLog issues) {
        super(CryptoVenue.COINBASE, source, handler, issues);
    }

    @Override
    public List<Product> symbols() { return table.all(); }

    public Product product(String id) { return table.find(id); }

    @Override
    protected void onLine(LineReader r) {
        onRecordedJsonLine(r);
    }

    @Override
    public void finish() {
        for (Product p : table.all()) p.stats.synced = p.hasSnapshot;
        handler.onEnd();
    }

    @Override
    protected void onRecordedMessage(long recv) throws IOException {
        JsonParser p = json.parser();
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("message is not an object");
        int type = OTHER;
        Product prod = null;
        long seq = -1, tradeId = -1, price = 0, size = 0, time = 0;
        Side side = null;
        levels.clear();
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            switch (f) {
                case "type" -> type = json.eq("l2update") ? L2UPDATE : json.eq("match") ? MATCH : json.eq("ticker") ? TICKER
                        : json.eq("snapshot") ? SNAPSHOT : json.eq("last_match") ? LAST_MATCH : OTHER;
                case "product_id" -> prod = table.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case "sequence" -> seq = p.getLongValue();
                case "trade_id" -> tradeId = p.getLongValue();
                case "price" -> price = px(p);
                case "size" -> size = px(p);
                case "side" -> side = json.eq("buy") ? Side.BUY : json.eq("sell") ? Side.SELL : null;
                case "time" -> time = Text.isoToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
                case "bids" -> pairs(Side.BUY);
                case "asks" -> pairs(Side.SELL);
                case "changes" -> changes();
                default -> json.skipValue();
            }
        }
        json.finish();
        if (prod == null) return;
        prod.stats.messages++;
        long ts = time != 0 ? time : recv;
        switch (type) {
            case SNAPSHOT -> snapshot(prod, ts, recv);
            case L2UPDATE -> update(prod, ts, recv);
            case MATCH, LAST_MATCH -> {
                sequence(prod, seq);
                if (side == null || tradeId < 0) { issue("side", "missing", "match without side or trade_id"); return; }
                if (prod.lastTradeId >= 0 && tradeId != prod.lastTradeId + 1) {
                    if (tradeId <= prod.lastTradeId) issue("trade_id", "order", prod.symbol + ": trade_id " + tradeId + " after " + prod.lastTradeId);
                    else prod.stats.tradeIdGaps++;
                }
                prod.lastTradeId = Math.max(prod.lastTradeId, tradeId);
                Side aggressor = side.opposite();
                prod.matchTradeId = tradeId;
                prod.matchAggressor = aggressor;
                crossCheck(prod);
                if (type == LAST_MATCH) prod.lastMatches++;
                else emitTrade(prod, ts, recv, price, size, aggressor == Side.BUY ? Aggressor.BUY : Aggressor.SELL, tradeId);
            }
            case TICKER -> {
                sequence(prod, seq);
                prod.tickers++;
                if (tradeId >= 0 && side != null) {
                    prod.tickerTradeId = tradeId;
                    prod.tickerSide = side;
                    crossCheck(prod);
                }
            }
            default -> { }
        }
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

    private void pairs(Side side) throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("levels are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            json.next();
            long price = px(p);
            json.next();
            long size = px(p);
            while (json.next() != JsonToken.END_ARRAY) json.skipValue();
            levels.add(side, price, size);
        }
    }

    private void changes() throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("changes are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            json.next();
            Side side = json.eq("buy") ? Side.BUY : json.eq("sell") ? Side.SELL : null;
            if (side == null) throw new IOException("change side is neither buy nor sell");
            json.next();
            long price = px(p);
            json.next();
            long size = px(p);
            while (json.next() != JsonToken.END_ARRAY) json.skipValue();
            levels.add(side, price, size);
        }
    }

    private void snapshot(Product s, long ts, long recv) {
        s.book.clear();
        if (s.hasSnapshot) s.stats.resyncs++;
        s.hasSnapshot = true;
        s.stats.snapshots++;
        int total = levels.n + 1;
        emitClear(s, ts, recv, 0, total == 1);
        for (int i = 0; i < levels.n; i++) {
            s.book.set(levels.side[i], levels.price[i], levels.size[i]);
            emitDelta(s, ts, recv, levels.side[i], levels.price[i], levels.size[i],
                    BookDeltaEvent.FLAG_SNAPSHOT | (i + 2 == total ? BookDeltaEvent.FLAG_LAST : 0), 0);
        }
        checkCrossed(s);
        emitStatus(s, ts, recv, true, s.stats.snapshots > 1 ? "resync" : "snapshot");
    }

    private void update(Product s, long ts, long recv) {
        if (!s.hasSnapshot) {
            s.l2BeforeSnapshot++;
            s.stats.ignoredUnsynced++;
            issue("l2update", "order", s.symbol + ": l2update before snapshot");
            return;
        }
        for (int i = 0; i < levels.n; i++) {
            s.book.set(levels.side[i], levels.price[i], levels.size[i]);
            emitDelta(s, ts, recv, levels.side[i], levels.price[i], levels.size[i],
                    i + 1 == levels.n ? BookDeltaEvent.FLAG_LAST : 0, 0);
        }
        s.stats.bookUpdates++;
        s.stats.levelChanges += levels.n;
        checkCrossed(s);
    }

    public static CoinbaseLegacyReplay run(Path file, MarketDataHandler handler, DataIssueLog issues) throws IOException {
        CoinbaseLegacyReplay r = new CoinbaseLegacyReplay(file.getFileName().toString(), handler, issues);
        try (InputStream in = Files.newInputStream(file)) { r.replay(in); }
        r.finish();
        return r;
    }
}
