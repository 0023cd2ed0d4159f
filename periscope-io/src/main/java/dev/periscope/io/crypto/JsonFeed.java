package dev.periscope.io.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;

/**
 * One Jackson non-blocking streaming parser reused for a whole recording: each message's bytes are fed with
 * {@link #feed}, so no parser, String or tree is created per message (Jackson's {@code ByteArrayFeeder}; the
 * messages form a sequence of root-level JSON values). After a malformed message call {@link #reset()}.
 * {@link #next()} throws on a truncated message instead of returning {@code NOT_AVAILABLE}.
 */
public final class JsonFeed {
    private static final JsonFactory FACTORY = new JsonFactory();
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    public JsonFeed() {
        reset();
    }

    /** Discards the parser state (after an error). */
    public void reset() {
        try {
            parser = FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Feeds one complete JSON value in {@code b[from,to)}; the array must not change until it is parsed. */
    public JsonParser feed(byte[] b, int from, int to) throws IOException {
        if (!feeder.needMoreInput()) {
            // the previous value was not consumed to its end (only possible after a handler bailed out): restart
            reset();
        }
        feeder.feedInput(b, from, to);
        return parser;
    }

    public JsonParser parser() { return parser; }

    /** Next token of the current message; throws if the message ends early. */
    public JsonToken next() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.NOT_AVAILABLE || t == null) throw new IOException("truncated JSON message");
        return t;
    }

    /** Skips the value whose first token is current (object, array or scalar). */
    public void skipValue() throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return;
        int depth = 1;
        while (depth > 0) {
            t = next();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
            else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
        }
    }

    /** After a message's closing token: consumes the rest of this message's input; throws if more JSON follows. */
    public void finish() throws IOException {
        JsonToken t = parser.nextToken();
        if (t != JsonToken.NOT_AVAILABLE) throw new IOException("unexpected content after the JSON message: " + t);
    }

    /** True when the current FIELD_NAME equals {@code name} (compares characters, no String). */
    public boolean fieldIs(String name) throws IOException {
        return eq(name);
    }

    /** True when the current token's text equals {@code s} without creating a String. */
    public boolean eq(String s) throws IOException {
        int len = parser.getTextLength();
        if (len != s.length()) return false;
        char[] c = parser.getTextCharacters();
        int off = parser.getTextOffset();
        for (int i = 0; i < len; i++) if (c[off + i] != s.charAt(i)) return false;
        return true;
    }
}
