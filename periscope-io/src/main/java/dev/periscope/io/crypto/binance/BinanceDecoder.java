package dev.periscope.io.crypto.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.JsonDecoder;

import java.io.IOException;

/**
 * Decodes one Binance spot or USD-M futures combined-stream message ({@code {"stream":..,"data":{..}}}: depthUpdate,
 * aggTrade, bookTicker, anything else) and one REST depth snapshot body ({@code {"lastUpdateId":..,"bids":..,
 * "asks":..}}) into reusable flyweights for a {@link Listener} (normally {@link BinanceBookSync}). Message formats:
 * binance-spot-api-docs {@code web-socket-streams.md} (Diff. Depth Stream, Aggregate Trade Streams, Individual
 * Symbol Book Ticker Streams) and the USD-M futures WebSocket market streams docs.
 *
 * <p>depthUpdate messages are first tried with {@link DepthScanner}, a strict schema-specific byte scanner (no
 * tokenizer, no chars, no allocation); whatever it does not fully verify goes through the general Jackson path,
 * which reports errors by throwing; {@link #depthFallbacks()} counts the depthUpdates that took that detour.
 * Exactly one listener method is called per decoded message. Single-threaded.
 */
public final class BinanceDecoder extends JsonDecoder {
    /** Receives decoded messages; {@code symbol} is an interned String or null (subscription acks and the like). */
    public interface Listener {
        void onDepth(String symbol, BinanceDiff diff);

        void onAggTrade(String symbol, AggTrade trade);

        void onBookTicker(String symbol, BookTicker ticker);

        /** Any other message (kline, acks, a bookTicker without all four fields); still advances time. */
        void onOther(String symbol, long recvNanos);
    }

    /** A decoded aggTrade (reused). {@code aggId == Long.MIN_VALUE} / {@code hasBuyerMaker == false} when absent. */
    public static final class AggTrade {
        public long recvNs, tradeMs, price, size, aggId;
        public boolean buyerMaker, hasBuyerMaker;
    }

    /** A decoded bookTicker (reused): update id {@code u}, best bid/ask and sizes. */
    public static final class BookTicker {
        public long recvNs, updateId, bid, bidSize, ask, askSize;
    }

    private static final int DEPTH = 1, AGG = 2, OTHER = 3;

    private final boolean futures;
    private final Listener listener;
    private final BinanceDiff cur = new BinanceDiff();
    private final AggTrade agg = new AggTrade();
    private final BookTicker ticker = new BookTicker();
    private final DepthScanner scanner = new DepthScanner();
    private boolean fastDepth = true;
    private long fastDepthMessages, depthFallbacks;
    /** Event type of the message being parsed by Jackson (DEPTH once its "e" was read). */
    private int msgType;

    public BinanceDecoder(boolean futures, Listener listener) {
        this.futures = futures;
        this.listener = listener;
    }

    /**
     * Turns the byte scanner for depthUpdate messages on (default) or off (everything through Jackson, for
     * comparisons).
     */
    public void fastDepth(boolean on) { this.fastDepth = on; }

    /** depthUpdate messages parsed by the byte scanner. */
    public long fastDepthMessages() { return fastDepthMessages; }

    /** depthUpdate messages the byte scanner refused and the Jackson path parsed (or rejected) instead. */
    public long depthFallbacks() { return depthFallbacks; }

    @Override
    public void decode(byte[] b, int from, int to, long recv) throws IOException {
        boolean rejected = false;
        msgType = OTHER;
        try {
            if (fastDepth) {
                cur.reset();
                cur.recvNs = recv;
                int res = scanner.scan(b, from, to, cur, futures);
                if (res == DepthScanner.OK) {
                    fastDepthMessages++;
                    listener.onDepth(symbols.get(b, scanner.symFrom, scanner.symTo - scanner.symFrom), cur);
                    return;
                }
                rejected = res == DepthScanner.REJECT;
            }
            json.feed(b, from, to);
            onMessage(recv);
        } finally {
            if (rejected && msgType == DEPTH) depthFallbacks++;
        }
    }

    private void onMessage(long recv) throws IOException {
        JsonParser p = json.parser();
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("message is not an object");
        String sym = null;
        int type = OTHER;
        AggTrade a = agg;
        a.recvNs = recv; a.tradeMs = 0; a.price = 0; a.size = 0; a.aggId = Long.MIN_VALUE;
        a.buyerMaker = false; a.hasBuyerMaker = false;
        long tBid = -1, tBidSz = -1, tAsk = -1, tAskSz = -1;
        cur.reset();
        cur.recvNs = recv;
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            if (!"data".equals(f)) {
                json.skipValue();
                continue;
            }
            if (t != JsonToken.START_OBJECT) throw new IOException("data is not an object");
            while (json.next() == JsonToken.FIELD_NAME) {
                String g = p.currentName();
                t = json.next();
                switch (g) {
                    case "e" -> msgType = type = json.eq("depthUpdate") ? DEPTH : json.eq("aggTrade") ? AGG : OTHER;
                    case "E" -> cur.eventMs = p.getLongValue();
                    case "T" -> a.tradeMs = p.getLongValue();
                    case "s" -> sym = symbol(p);
                    case "U" -> cur.firstId = p.getLongValue();
                    case "u" -> cur.lastId = p.getLongValue();
                    case "pu" -> cur.prevLastId = p.getLongValue();
                    case "b" -> {
                        if (t == JsonToken.START_ARRAY) levels(cur, true);
                        else if (t == JsonToken.VALUE_STRING) tBid = px(p);
                    }
                    case "a" -> {
                        if (t == JsonToken.START_ARRAY) levels(cur, false);
                        else if (t == JsonToken.VALUE_NUMBER_INT) a.aggId = p.getLongValue();
                        else if (t == JsonToken.VALUE_STRING) tAsk = px(p);
                    }
                    case "B" -> tBidSz = px(p);
                    case "A" -> tAskSz = px(p);
                    case "p" -> a.price = px(p);
                    case "q" -> a.size = px(p);
                    case "m" -> { a.buyerMaker = t == JsonToken.VALUE_TRUE; a.hasBuyerMaker = true; }
                    default -> json.skipValue();
                }
            }
        }
        json.finish();
        if (type == DEPTH) {
            listener.onDepth(sym, cur);
        } else if (type == AGG) {
            listener.onAggTrade(sym, a);
        } else if (tBid >= 0 && tBidSz >= 0 && tAsk >= 0 && tAskSz >= 0) {
            BookTicker k = ticker;
            k.recvNs = recv; k.updateId = cur.lastId; k.bid = tBid; k.bidSize = tBidSz; k.ask = tAsk; k.askSize = tAskSz;
            listener.onBookTicker(sym, k);
        } else {
            listener.onOther(sym, recv);
        }
    }

    /** Decodes a REST depth snapshot body in {@code b[from, to)} into {@code snap} (ids and levels). */
    public void decodeSnapshot(byte[] b, int from, int to, BinanceDiff snap) throws IOException {
        json.feed(b, from, to);
        JsonParser p = json.parser();
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("snapshot is not an object");
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            json.next();
            switch (f) {
                case "lastUpdateId" -> snap.lastId = p.getLongValue();
                case "E" -> snap.eventMs = p.getLongValue();
                case "bids" -> levels(snap, true);
                case "asks" -> levels(snap, false);
                default -> json.skipValue();
            }
        }
        json.finish();
    }

    private void levels(BinanceDiff d, boolean bids) throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("levels are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            json.next();
            long price = px(p);
            json.next();
            long size = px(p);
            while (json.next() != JsonToken.END_ARRAY) json.skipValue();
            if (bids) d.addBid(price, size);
            else d.addAsk(price, size);
        }
    }
}
