package dev.periscope.io.crypto.coinbase;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.JsonDecoder;
import dev.periscope.model.Side;

import java.io.IOException;

/**
 * Decodes one message of the legacy Coinbase (Pro/Exchange) {@code ws-feed} (Coinbase Exchange WebSocket channels
 * docs: level2 {@code snapshot}/{@code l2update}, matches {@code match}/{@code last_match}, {@code ticker}) into a
 * reused {@link Message} for a {@link Listener}. One listener call per decoded message; malformed messages throw.
 */
public final class CoinbaseLegacyDecoder extends JsonDecoder {
    public static final int SNAPSHOT = 1, L2UPDATE = 2, MATCH = 3, LAST_MATCH = 4, TICKER = 5, OTHER = 6;

    /** One decoded message (reused); {@code -1} / null / 0 for absent fields. */
    public static final class Message {
        public int type;
        /** Interned product id, or null. */
        public String product;
        public long sequence, tradeId, price, size, time, recvNs;
        public Side side;
        /** Book levels: snapshot bids/asks or l2update changes, in order. */
        final Levels levels = new Levels();
    }

    public interface Listener {
        void onMessage(Message m);
    }

    private final Listener listener;
    private final Message m = new Message();

    public CoinbaseLegacyDecoder(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void decode(byte[] b, int from, int to, long recv) throws IOException {
        JsonParser p = openObject(b, from, to);
        Message m = this.m;
        m.type = OTHER; m.product = null; m.sequence = -1; m.tradeId = -1; m.price = 0; m.size = 0; m.time = 0;
        m.side = null; m.recvNs = recv;
        m.levels.clear();
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            json.next();
            switch (f) {
                case "type" -> m.type = json.eq("l2update") ? L2UPDATE : json.eq("match") ? MATCH : json.eq("ticker") ? TICKER
                        : json.eq("snapshot") ? SNAPSHOT : json.eq("last_match") ? LAST_MATCH : OTHER;
                case "product_id" -> m.product = symbol(p);
                case "sequence" -> m.sequence = p.getLongValue();
                case "trade_id" -> m.tradeId = p.getLongValue();
                case "price" -> m.price = px(p);
                case "size" -> m.size = px(p);
                case "side" -> m.side = side();
                case "time" -> m.time = isoTime(p);
                case "bids" -> pairs(Side.BUY);
                case "asks" -> pairs(Side.SELL);
                case "changes" -> changes();
                default -> json.skipValue();
            }
        }
        json.finish();
        listener.onMessage(m);
    }

    private Side side() throws IOException {
        return json.eq("buy") ? Side.BUY : json.eq("sell") ? Side.SELL : null;
    }

    private void pairs(Side side) throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("levels are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            json.next();
            level(p, side);
        }
    }

    private void changes() throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("changes are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            json.next();
            Side side = side();
            if (side == null) throw new IOException("change side is neither buy nor sell");
            json.next();
            level(p, side);
        }
    }

    /** Reads {@code price, size} from the current token on, skips the rest of the level array, keeps the level. */
    private void level(JsonParser p, Side side) throws IOException {
        long price = px(p);
        json.next();
        long size = px(p);
        while (json.next() != JsonToken.END_ARRAY) json.skipValue();
        m.levels.add(side, price, size);
    }
}
