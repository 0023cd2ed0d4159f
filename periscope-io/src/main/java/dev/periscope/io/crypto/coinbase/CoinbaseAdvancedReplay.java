package dev.periscope.io.crypto.coinbase;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.CryptoVenue;
import dev.periscope.io.crypto.JsonFeed;
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
import java.util.Arrays;
import java.util.List;

/**
 * Replays a cryptofeed v3 recording (JSON Lines {@code {"t":"recv","ts":..,"data":"<raw message>"}}, other
 * {@code t} values ignored) of the Coinbase Advanced Trade WebSocket: {@code l2_data} snapshot/update events
 * ({@code updates: [{side: bid|offer, event_time, price_level, new_quantity}]}, quantity 0 deletes) and
 * {@code market_trades}. Source: Coinbase Advanced Trade WebSocket channels docs (level2, market_trades,
 * sequence numbers).
 *
 * <p>{@code sequence_num} is per connection and must grow by exactly one; a gap marks every synced book
 * unsynced ("gap") until that product's next l2 snapshot. Trades of a market_trades snapshot (history before the
 * subscription) are not emitted but seed the trade-id check; update batches arrive newest first and are emitted
 * oldest first. {@code side} of a market trade is the maker side, as on the legacy feed (verified on the sample:
 * every trade printed at or through the current best ask is labelled SELL, every one at or through the best bid
 * BUY), so the aggressor is the opposite.
 */
public final class CoinbaseAdvancedReplay extends VenueReplay {
    /** Per-product state. */
    public static final class Product extends SymbolState {
        boolean hasSnapshot;
        boolean synced;
        long lastTradeId = -1;
        public long snapshotTrades;

        Product(String symbol, dev.periscope.book.MutableL2Book book) {
            super(CryptoVenue.COINBASE_ADVANCED, symbol, AssetClass.CRYPTO_SPOT, book);
        }
    }

    private final SymbolTable<Product> table = new SymbolTable<>(s -> new Product(s, newBook()));
    private final JsonFeed inner = new JsonFeed();
    private final Levels levels = new Levels();
    private byte[] data = new byte[1 << 16];
    private int dataLen;
    private long lastSeq = -1;
    /** Connection-level sequence gaps. */
    public long sequenceGaps;
    public long recvMessages;
    // trades of the current event
    private int nt;
    private long[] tPrice = new long[16], tSize = new long[16], tTime = new long[16], tId = new long[16];
    private Side[] tSide = new Side[16];
    private Product[] tProd = new Product[16];

    public CoinbaseAdvancedReplay(String source, MarketDataHandler handler, DataIssueLog issues) {
        super(CryptoVenue.COINBASE_ADVANCED, source, handler, issues);
    }

    @Override
    public List<Product> symbols() { return table.all(); }

    public Product product(String id) { return table.find(id); }

    @Override
    protected void onLine(LineReader r) {
        if (r.end() == r.start()) return;
        try {
            json.feed(r.buf(), r.start(), r.end());
            onLine();
        } catch (dev.periscope.model.quality.DataException e) {
            throw e; // STRICT policy: stop at the first issue
        } catch (IOException | RuntimeException e) {
            json.reset();
            inner.reset();
            issue("message", "parse", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void finish() {
        for (Product p : table.all()) p.stats.synced = p.synced;
        handler.onEnd();
    }

    private void onLine() throws IOException {
        JsonParser p = json.parser();
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("line is not an object");
        boolean recv = false;
        long ts = 0;
        dataLen = -1;
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            switch (f) {
                case "t" -> recv = json.eq("recv");
                case "ts" -> ts = Text.epochSecondsToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
                case "data" -> { if (t == JsonToken.VALUE_STRING) copyData(p); else json.skipValue(); }
                default -> json.skipValue();
            }
        }
        json.finish();
        if (!recv || dataLen < 0) return;
        recvMessages++;
        inner.feed(data, 0, dataLen);
        onMessage(ts);
    }

    /** Copies the unescaped "data" string as UTF-8 into a reusable byte buffer for the inner parser. */
    private void copyData(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset(), len = p.getTextLength();
        if (data.length < len * 3) data = new byte[Math.max(len * 3, data.length * 2)];
        int k = 0;
        for (int i = off; i < off + len; i++) {
            char ch = c[i];
            if (ch < 0x80) data[k++] = (byte) ch;
            else if (ch < 0x800) { data[k++] = (byte) (0xC0 | ch >> 6); data[k++] = (byte) (0x80 | ch & 0x3F); }
            else { data[k++] = (byte) (0xE0 | ch >> 12); data[k++] = (byte) (0x80 | ch >> 6 & 0x3F); data[k++] = (byte) (0x80 | ch & 0x3F); }
        }
        dataLen = k;
    }

    private void onMessage(long recv) throws IOException {
        JsonParser p = inner.parser();
        if (inner.next() != JsonToken.START_OBJECT) throw new IOException("message is not an object");
        long time = 0;
        while (inner.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = inner.next();
            switch (f) {
                case "sequence_num" -> sequence(p.getLongValue(), recv);
                case "timestamp" -> time = Text.isoToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
                case "events" -> {
                    if (t != JsonToken.START_ARRAY) throw new IOException("events is not an array");
                    while (inner.next() == JsonToken.START_OBJECT) event(time != 0 ? time : recv, recv);
                }
                default -> inner.skipValue();
            }
        }
        inner.finish();
    }

    private void sequence(long seq, long recv) {
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

    private void event(long msgTime, long recv) throws IOException {
        JsonParser p = inner.parser();
        boolean snapshot = false, hasUpdates = false, hasTrades = false;
        Product prod = null;
        levels.clear();
        nt = 0;
        while (inner.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = inner.next();
            switch (f) {
                case "type" -> snapshot = inner.eq("snapshot");
                case "product_id" -> prod = table.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case "updates" -> { hasUpdates = true; updates(); }
                case "trades" -> { hasTrades = true; trades(); }
                default -> inner.skipValue();
            }
        }
        if (hasUpdates) {
            if (prod == null) { issue("product_id", "missing", "l2_data event without product_id"); return; }
            prod.stats.messages++;
            book(prod, snapshot, msgTime, recv);
        }
        if (hasTrades) trades(snapshot, recv);
    }

    private void updates() throws IOException {
        JsonParser p = inner.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("updates is not an array");
        while (inner.next() == JsonToken.START_OBJECT) {
            Side side = null;
            long price = -1, qty = -1;
            while (inner.next() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                inner.next();
                switch (f) {
                    case "side" -> side = inner.eq("bid") ? Side.BUY : inner.eq("offer") ? Side.SELL : null;
                    case "price_level" -> price = px(p);
                    case "new_quantity" -> qty = px(p);
                    default -> inner.skipValue();
                }
            }
            if (side == null || price < 0 || qty < 0) throw new IOException("l2 update without side, price_level or new_quantity");
            levels.add(side, price, qty);
        }
    }

    private void trades() throws IOException {
        JsonParser p = inner.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("trades is not an array");
        while (inner.next() == JsonToken.START_OBJECT) {
            if (nt == tPrice.length) {
                int m = nt * 2;
                tPrice = Arrays.copyOf(tPrice, m); tSize = Arrays.copyOf(tSize, m); tTime = Arrays.copyOf(tTime, m);
                tId = Arrays.copyOf(tId, m); tSide = Arrays.copyOf(tSide, m); tProd = Arrays.copyOf(tProd, m);
            }
            tSide[nt] = null; tProd[nt] = null; tId[nt] = -1;
            while (inner.next() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                inner.next();
                switch (f) {
                    case "product_id" -> tProd[nt] = table.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    case "trade_id" -> tId[nt] = digits(p);
                    case "price" -> tPrice[nt] = px(p);
                    case "size" -> tSize[nt] = px(p);
                    case "time" -> tTime[nt] = Text.isoToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
                    case "side" -> tSide[nt] = inner.eq("BUY") ? Side.BUY : inner.eq("SELL") ? Side.SELL : null;
                    default -> inner.skipValue();
                }
            }
            if (tProd[nt] == null || tSide[nt] == null || tId[nt] < 0) throw new IOException("market trade without product_id, side or trade_id");
            nt++;
        }
    }

    private static long digits(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        char[] c = p.getTextCharacters();
        long v = 0;
        for (int i = p.getTextOffset(), e = i + p.getTextLength(); i < e; i++) {
            if (c[i] < '0' || c[i] > '9') throw new IOException("non-numeric trade_id");
            v = v * 10 + (c[i] - '0');
        }
        return v;
    }

    private void book(Product s, boolean snapshot, long ts, long recv) {
        if (snapshot) {
            s.book.clear();
            s.stats.snapshots++;
            if (s.hasSnapshot) s.stats.resyncs++;
            s.hasSnapshot = true;
            s.synced = true;
        } else if (!s.synced) {
            s.stats.ignoredUnsynced++;
            return;
        } else {
            s.stats.bookUpdates++;
            s.stats.levelChanges += levels.n;
        }
        int total = levels.n + (snapshot ? 1 : 0), k = 0;
        if (snapshot) emitClear(s, ts, recv, lastSeq, ++k == total);
        int flag = snapshot ? BookDeltaEvent.FLAG_SNAPSHOT : 0;
        for (int i = 0; i < levels.n; i++) {
            s.book.set(levels.side[i], levels.price[i], levels.size[i]);
            emitDelta(s, ts, recv, levels.side[i], levels.price[i], levels.size[i], flag | (++k == total ? BookDeltaEvent.FLAG_LAST : 0), lastSeq);
        }
        checkCrossed(s);
        if (snapshot) emitStatus(s, ts, recv, true, s.stats.resyncs > 0 ? "resync" : "snapshot");
    }

    private void trades(boolean snapshot, long recv) {
        for (int i = nt - 1; i >= 0; i--) { // newest first on the wire
            Product s = tProd[i];
            if (snapshot) {
                s.snapshotTrades++;
                s.lastTradeId = Math.max(s.lastTradeId, tId[i]);
                continue;
            }
            s.stats.messages++;
            if (s.lastTradeId >= 0 && tId[i] != s.lastTradeId + 1) {
                if (tId[i] <= s.lastTradeId) issue("trade_id", "order", s.symbol + ": trade_id " + tId[i] + " after " + s.lastTradeId);
                else s.stats.tradeIdGaps++;
            }
            s.lastTradeId = Math.max(s.lastTradeId, tId[i]);
            emitTrade(s, tTime[i], recv, tPrice[i], tSize[i], tSide[i] == Side.SELL ? Aggressor.BUY : Aggressor.SELL, tId[i]);
        }
    }
}
