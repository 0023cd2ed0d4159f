package dev.periscope.io.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads '\n'-terminated lines from a stream into one growable byte buffer without creating Strings. After
 * {@link #next()} returns true, the line (without '\n' and a trailing '\r') is {@code buf()[start(), end())}; it
 * stays valid until the next call. Constant memory apart from the longest line.
 */
public final class LineReader implements AutoCloseable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private int start;
    private int end;
    private long lineNo;
    private boolean eof;

    public LineReader(InputStream in) {
        this.in = in;
    }

    public boolean next() {
        try {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        start = pos;
                        end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        pos = i + 1;
                        lineNo++;
                        return true;
                    }
                }
                if (eof) {
                    if (pos < limit) {
                        start = pos;
                        end = limit;
                        pos = limit;
                        lineNo++;
                        return true;
                    }
                    return false;
                }
                scan = limit - pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                }
                if (limit == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) eof = true;
                else limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] buf() { return buf; }

    public int start() { return start; }

    public int end() { return end; }

    /** 1-based number of the current line. */
    public long lineNo() { return lineNo; }

    /** Index of the first occurrence of {@code needle} in the current line at or after {@code from}, or -1. */
    public int indexOf(byte[] needle, int from) {
        outer:
        for (int i = from; i <= end - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) if (buf[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    /** True when the current line starts with {@code prefix}. */
    public boolean startsWith(byte[] prefix) {
        if (end - start < prefix.length) return false;
        for (int k = 0; k < prefix.length; k++) if (buf[start + k] != prefix[k]) return false;
        return true;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
