package dev.periscope.io.lobster;

import dev.periscope.model.quality.DataException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams an ASCII comma-separated file line by line into a reused byte buffer and splits each line into field
 * ranges, without allocating per line (the buffer grows only for a line longer than any before). Accepts
 * {@code \n} and {@code \r\n} line ends and a last line without a line end. Package-private helper of the
 * LOBSTER readers; not thread-safe.
 */
final class CsvLineScanner implements AutoCloseable {
    private final InputStream in;
    private final String name;
    private byte[] buf = new byte[1 << 16];
    private int pos, lim;
    private boolean eof;
    private long line;

    /** Current line bytes: {@code lineBuf[lineStart, lineEnd)}. */
    byte[] lineBuf;
    int lineStart, lineEnd;
    /** Field ranges of the current line: field i is {@code lineBuf[fieldStart[i], fieldEnd[i])}. */
    int[] fieldStart = new int[64];
    int[] fieldEnd = new int[64];
    int fieldCount;

    CsvLineScanner(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** 1-based number of the current line. */
    long line() { return line; }

    /** Advances to the next line; false at end of input. */
    boolean nextLine() {
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    setLine(pos, end);
                    pos = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos < lim) {
                    int end = buf[lim - 1] == '\r' ? lim - 1 : lim;
                    setLine(pos, end);
                    pos = lim;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        try {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) eof = true;
            else lim += n;
        } catch (IOException e) {
            throw new DataException("cannot read " + name, e);
        }
    }

    private void setLine(int start, int end) {
        line++;
        lineBuf = buf;
        lineStart = start;
        lineEnd = end;
        fieldCount = 0;
        if (start == end) return;
        int fs = start;
        for (int i = start; i <= end; i++) {
            if (i == end || buf[i] == ',') {
                if (fieldCount == fieldStart.length) {
                    fieldStart = java.util.Arrays.copyOf(fieldStart, fieldCount * 2);
                    fieldEnd = java.util.Arrays.copyOf(fieldEnd, fieldCount * 2);
                }
                fieldStart[fieldCount] = fs;
                fieldEnd[fieldCount] = i;
                fieldCount++;
                fs = i + 1;
            }
        }
    }

    /** True if the current line is empty. */
    boolean isBlank() { return lineStart == lineEnd; }

    /**
     * Parses field {@code f} as a signed decimal integer. Returns {@link Long#MIN_VALUE} if it is not a plain
     * integer (empty, other characters, overflow), so callers report it; never throws.
     */
    long parseLong(int f) {
        int i = fieldStart[f], end = fieldEnd[f];
        if (i >= end) return Long.MIN_VALUE;
        boolean neg = false;
        if (lineBuf[i] == '-' || lineBuf[i] == '+') { neg = lineBuf[i] == '-'; i++; }
        if (i >= end) return Long.MIN_VALUE;
        long v = 0;
        for (; i < end; i++) {
            int d = lineBuf[i] - '0';
            if (d < 0 || d > 9) return Long.MIN_VALUE;
            if (v > (Long.MAX_VALUE - d) / 10) return Long.MIN_VALUE;
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    /** Field {@code f} as text (allocates: for error messages only). */
    String text(int f) {
        return new String(lineBuf, fieldStart[f], Math.min(fieldEnd[f] - fieldStart[f], 64), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The current line as text (allocates: for error messages only). */
    String lineText() {
        return new String(lineBuf, lineStart, Math.min(lineEnd - lineStart, 200), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new DataException("cannot close " + name, e);
        }
    }
}
