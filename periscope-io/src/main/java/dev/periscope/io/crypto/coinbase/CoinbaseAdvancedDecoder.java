package dev.periscope.io.crypto.coinbase;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.JsonDecoder;
import dev.periscope.io.crypto.Text;
import dev.periscope.model.Side;

import java.io.IOException;

/**
 * Decodes one Coinbase Advanced Trade WebSocket message (docs.cdp.coinbase.com/coinbase-app/advanced-trade-apis/
 * websocket/websocket-channels: {@code sequence_num}, {@code timestamp}, {@code events} of the level2 channel
 * ({@code l2_data}: {@code updates: [{side: bid|offer, event_time, price_level, new_quantity}]}) and of
 * {@code market_trades}) into a reused {@link AdvancedEvent} per event for a {@link Listener}. Malformed messages
 * throw.
 */
public final class CoinbaseAdvancedDecoder extends JsonDecoder {
    public interface Listener {
        /** The message's connection-level {@code sequence_num} (before its events). */
        void onSequence(long sequenceNum, long recvNanos);

        void onEvent(AdvancedEvent e);
    }

    private final Listener listener;
    private final AdvancedEvent e = new AdvancedEvent();

    public CoinbaseAdvancedDecoder(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void decode(byte[] b, int from, int to, long recv) throws IOException {
        JsonParser p = openObject(b, from, to);
        long time = 0;
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            switch (f) {
                case "sequence_num" -> listener.onSequence(p.getLongValue(), recv);
                case "timestamp" -> time = isoTime(p);
                case "events" -> {
                    if (t != JsonToken.START_ARRAY) throw new IOException("events is not an array");
                    while (json.next() == JsonToken.START_OBJECT) {
                        event(time != 0 ? time : recv, recv);
                        listener.onEvent(e);
                    }
                }
                default -> json.skipValue();
            }
        }
        json.finish();
    }

    private void event(long msgTime, long recv) throws IOException {
        JsonParser p = json.parser();
        e.clear(msgTime, recv);
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            json.next();
            switch (f) {
                case "type" -> e.snapshot = json.eq("snapshot");
                case "product_id" -> e.product = symbol(p);
                case "updates" -> { e.hasUpdates = true; updates(); }
                case "trades" -> { e.hasTrades = true; trades(); }
                default -> json.skipValue();
            }
        }
    }

    private void updates() throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("updates is not an array");
        while (json.next() == JsonToken.START_OBJECT) {
            Side side = null;
            long price = -1, qty = -1;
            while (json.next() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                json.next();
                switch (f) {
                    case "side" -> side = json.eq("bid") ? Side.BUY : json.eq("offer") ? Side.SELL : null;
                    case "price_level" -> price = px(p);
                    case "new_quantity" -> qty = px(p);
                    default -> json.skipValue();
                }
            }
            if (side == null || price < 0 || qty < 0) throw new IOException("l2 update without side, price_level or new_quantity");
            e.levels.add(side, price, qty);
        }
    }

    private void trades() throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("trades is not an array");
        while (json.next() == JsonToken.START_OBJECT) {
            e.nextTrade();
            int nt = e.nt;
            while (json.next() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                json.next();
                switch (f) {
                    case "product_id" -> e.tProd[nt] = symbol(p);
                    case "trade_id" -> e.tId[nt] = digits(p);
                    case "price" -> e.tPrice[nt] = px(p);
                    case "size" -> e.tSize[nt] = px(p);
                    case "time" -> e.tTime[nt] = isoTime(p);
                    case "side" -> e.tSide[nt] = json.eq("BUY") ? Side.BUY : json.eq("SELL") ? Side.SELL : null;
                    default -> json.skipValue();
                }
            }
            if (e.tProd[nt] == null || e.tSide[nt] == null || e.tId[nt] < 0) throw new IOException("market trade without product_id, side or trade_id");
            e.nt++;
        }
    }

    private static long digits(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        return Text.digits(p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + p.getTextLength(), "trade_id");
    }
}
