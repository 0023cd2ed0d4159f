package dev.periscope.io.crypto.kraken;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.JsonDecoder;
import dev.periscope.io.crypto.Text;

import java.io.IOException;

/**
 * Decodes one Kraken WebSocket v1 public message (Kraken API docs, "Spot Websockets (v1)": book and trade channels):
 * channel arrays {@code [channelID, {..}(, {..}), "book-<depth>", pair]} / {@code [channelID, [[..],..], "trade",
 * pair]} into a reused {@link KrakenMessage}, and {@code subscriptionStatus} events (for the subscribed depth).
 * One listener call per decoded message; malformed messages throw. Single-threaded.
 */
public final class KrakenDecoder extends JsonDecoder {
    /** Receives decoded messages; {@code pair} is an interned String. */
    public interface Listener {
        void onSubscribed(String pair, int depth);

        void onMessage(String pair, KrakenMessage m);
    }

    private final Listener listener;
    private final KrakenMessage m = new KrakenMessage();

    public KrakenDecoder(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void decode(byte[] b, int from, int to, long recv) throws IOException {
        json.feed(b, from, to);
        JsonParser p = json.parser();
        JsonToken t = json.next();
        if (t == JsonToken.START_OBJECT) { onEvent(); return; }
        if (t != JsonToken.START_ARRAY) throw new IOException("message is neither object nor array");
        json.next(); // channelID
        m.clear(recv);
        while ((t = json.next()) == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (t == JsonToken.START_OBJECT) { m.kind = KrakenMessage.BOOK; bookObject(); }
            else { m.kind = KrakenMessage.TRADE; trades(); }
        }
        // channel name then pair
        if (t != JsonToken.VALUE_STRING) throw new IOException("no channel name");
        if (m.kind == KrakenMessage.BOOK) {
            char[] c = p.getTextCharacters();
            int off = p.getTextOffset(), len = p.getTextLength();
            if (len > 5) m.depthFromName = Math.toIntExact(Text.digits(c, off + 5, off + len, "book depth")); // "book-1000"
        }
        if (json.next() != JsonToken.VALUE_STRING) throw new IOException("no pair");
        String pair = symbol(p);
        if (json.next() != JsonToken.END_ARRAY) throw new IOException("unexpected content after pair");
        json.finish();
        listener.onMessage(pair, m);
    }

    private void onEvent() throws IOException {
        JsonParser p = json.parser();
        int depth = 0;
        String pairName = null;
        boolean subscribed = false;
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            json.next();
            switch (f) {
                case "pair" -> pairName = p.getText(); // subscription acks only, not on the hot path
                case "status" -> subscribed = json.eq("subscribed");
                case "subscription" -> {
                    while (json.next() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        json.next();
                        if (g.equals("depth")) depth = p.getIntValue();
                        else json.skipValue();
                    }
                }
                default -> json.skipValue();
            }
        }
        json.finish();
        if (subscribed && pairName != null && depth > 0) listener.onSubscribed(pairName, depth);
    }

    private void bookObject() throws IOException {
        JsonParser p = json.parser();
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            json.next();
            switch (f) {
                case "as" -> { m.snapshot = true; levels(false); }
                case "bs" -> { m.snapshot = true; levels(true); }
                case "a" -> levels(false);
                case "b" -> levels(true);
                case "c" -> m.checksum = Text.digits(p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + p.getTextLength(), "checksum");
                default -> json.skipValue();
            }
        }
    }

    private void levels(boolean isBid) throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("levels are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            m.grow();
            int n = m.n;
            m.bid[n] = isBid;
            json.next();
            m.price[n] = px(p);
            m.pdec[n] = Text.decimals(chars, 0, chars.length());
            json.next();
            m.size[n] = px(p);
            m.vdec[n] = Text.decimals(chars, 0, chars.length());
            json.next();
            m.time[n] = epochSeconds(p);
            m.flag[n] = 0;
            while (json.next() != JsonToken.END_ARRAY) if (json.eq("r")) m.flag[n] = 'r';
            m.n++;
        }
    }

    private void trades() throws IOException {
        JsonParser p = json.parser();
        while (json.next() == JsonToken.START_ARRAY) {
            m.grow();
            int n = m.n;
            json.next();
            m.price[n] = px(p);
            json.next();
            m.size[n] = px(p);
            json.next();
            m.time[n] = epochSeconds(p);
            json.next();
            m.flag[n] = p.getTextLength() == 1 ? p.getTextCharacters()[p.getTextOffset()] : '?';
            while (json.next() != JsonToken.END_ARRAY) json.skipValue();
            m.n++;
        }
    }
}
