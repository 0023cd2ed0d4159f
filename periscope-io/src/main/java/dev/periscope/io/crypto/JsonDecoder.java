package dev.periscope.io.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.model.Px;

import java.io.IOException;

/**
 * Base of the Jackson-based venue decoders: one reusable non-blocking parser ({@link JsonFeed}) and exact
 * {@link Px} parsing of the current string token without creating a String.
 */
public abstract class JsonDecoder implements FrameDecoder {
    protected final JsonFeed json = new JsonFeed();
    protected final CharSeq chars = new CharSeq();
    /** Interns symbol names so the book synchroniser sees one String per symbol. */
    protected final SymbolInterner symbols = new SymbolInterner();

    @Override
    public void reset() { json.reset(); }

    /** Feeds {@code b[from, to)} and reads its first token, which must open an object; returns the parser. */
    protected JsonParser openObject(byte[] b, int from, int to) throws IOException {
        json.feed(b, from, to);
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("message is not an object");
        return json.parser();
    }

    /** The current string token as an interned symbol name. */
    protected String symbol(JsonParser p) throws IOException {
        return symbols.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** Parses the current VALUE_STRING (or number) token as an exact fixed-point value. */
    protected long px(JsonParser p) throws IOException {
        return Px.parse(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
    }

    /** The current token's text as epoch ns: decimal epoch seconds ({@code "1633998512.06"}). */
    protected long epochSeconds(JsonParser p) throws IOException {
        return Text.epochSecondsToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
    }

    /** The current token's text as epoch ns: an ISO-8601 UTC instant. */
    protected long isoTime(JsonParser p) throws IOException {
        return Text.isoToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
    }
}
