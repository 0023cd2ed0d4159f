package dev.periscope.io.crypto.recording;

import dev.periscope.io.crypto.Text;

import java.io.IOException;

/**
 * cryptofeed v1 WebSocket capture ({@code <EXCHANGE>.ws.<n>.<m>}): every received message is a line
 * {@code <recv epoch seconds>: <raw JSON>}; lines that do not start with a digit (the {@code <url> <-> <epoch>}
 * connect line, {@code <url> <- ...} sent messages, blanks) carry no message.
 */
public final class WsCaptureLine implements LineFormat {
    private byte[] b;
    private int from, to;
    private long recv;

    @Override
    public boolean payload(LineReader r) throws IOException {
        byte[] buf = r.buf();
        if (r.end() == r.start() || buf[r.start()] < '0' || buf[r.start()] > '9') return false;
        int colon = colonSpace(buf, r.start(), r.end());
        if (colon < 0) throw new MalformedLineException("line", "format", "no '<epoch>: ' prefix");
        recv = Text.epochSecondsToNanos(buf, r.start(), colon);
        b = buf;
        from = colon + 2;
        to = r.end();
        return true;
    }

    /** Index of the first ": " in {@code b[from, to)}, or -1. */
    static int colonSpace(byte[] b, int from, int to) {
        for (int i = from; i < to - 1; i++) if (b[i] == ':' && b[i + 1] == ' ') return i;
        return -1;
    }

    @Override public byte[] bytes() { return b; }

    @Override public int from() { return from; }

    @Override public int to() { return to; }

    @Override public long recvNanos() { return recv; }
}
