package dev.periscope.io.crypto.recording;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.CharSeq;
import dev.periscope.io.crypto.JsonFeed;
import dev.periscope.io.crypto.Text;

import java.io.IOException;

/**
 * cryptofeed v3 JSON Lines ({@code *.jsonl}, optionally zstd): one object per line
 * {@code {"t": header|http|connect|send|recv, "ts": <epoch s>, "data": "<raw message as a JSON string>"}}; only
 * {@code recv} lines carry a message, whose {@code data} string is unescaped into a reusable UTF-8 buffer.
 */
public final class JsonlV3Line implements LineFormat {
    private final JsonFeed json = new JsonFeed();
    private final CharSeq chars = new CharSeq();
    private byte[] data = new byte[1 << 16];
    private int dataLen;
    private long recv;

    @Override
    public boolean payload(LineReader r) throws IOException {
        if (r.end() == r.start()) return false;
        json.feed(r.buf(), r.start(), r.end());
        JsonParser p = json.parser();
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("line is not an object");
        boolean isRecv = false;
        recv = 0;
        dataLen = -1;
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            switch (f) {
                case "t" -> isRecv = json.eq("recv");
                case "ts" -> recv = Text.epochSecondsToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
                case "data" -> { if (t == JsonToken.VALUE_STRING) copyData(p); else json.skipValue(); }
                default -> json.skipValue();
            }
        }
        json.finish();
        return isRecv && dataLen >= 0;
    }

    /** Copies the unescaped "data" string as UTF-8 into a reusable byte buffer. */
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

    @Override public void reset() { json.reset(); }

    @Override public byte[] bytes() { return data; }

    @Override public int from() { return 0; }

    @Override public int to() { return dataLen; }

    @Override public long recvNanos() { return recv; }
}
