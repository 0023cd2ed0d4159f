package dev.periscope.io.crypto.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads '\n'-terminated lines from a stream into one growable byte buffer without creating Strings. After
 * {@link #next()} returns true, the line (without '\n' and a trailing '\r') is {@code buf()[start(), end())}; it
 * stays valid until the next call. Constant memory apart from the longest line.
 */
public final class LineReader implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL, ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;
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
                int i = indexOfNewline(buf, scan, limit);
                if (i >= 0) {
                    start = pos;
                    end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    lineNo++;
                    return true;
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

    /**
     * First '\n' in {@code b[from, limit)} or -1, eight bytes at a time (SWAR zero-byte test on {@code word ^ 0x0A..};
     * its lowest flagged byte is always a true match; S. E. Anderson, "Bit Twiddling Hacks", "Determine if a word has a
     * zero byte").
     */
    static int indexOfNewline(byte[] b, int from, int limit) {
        int i = from;
        for (; i <= limit - 8; i += 8) {
            long w = (long) LONGS.get(b, i) ^ NEWLINES;
            long t = (w - ONES) & ~w & HIGHS;
            if (t != 0) return i + (Long.numberOfTrailingZeros(t) >>> 3);
        }
        for (; i < limit; i++) if (b[i] == '\n') return i;
        return -1;
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
