package dev.periscope.io.csv;

import dev.periscope.model.quality.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streaming, allocation-free splitter of delimited text into lines and fields. Reads through one reusable byte
 * buffer (grown only for a line longer than the buffer, up to {@link #MAX_LINE} bytes) and exposes each field of
 * the current line as a byte range {@code [start(i), end(i))} of {@link #buffer()}; no String is created per row.
 * Constant memory whatever the file size.
 *
 * <p>Lines end with LF or CRLF; a last line without a newline is read. Blank lines are skipped (they still count
 * for {@link #lineNumber()}). A field that starts with a double quote runs to the matching closing quote and may
 * then contain the delimiter; its range excludes the surrounding quotes, and a doubled quote inside is left as
 * two characters (quoted text fields are not unescaped). Files whose name ends in {@code .gz} are decompressed.
 * A UTF-8 byte-order mark at the start is skipped. Bytes are treated as ASCII/ISO-8859-1 (UTF-8 passes through
 * in text fields). Not thread-safe.
 */
public final class CsvLineReader implements AutoCloseable {
    /** Longest accepted line, bytes. */
    public static final int MAX_LINE = 1 << 24;

    private final InputStream in;
    private final byte delimiter;
    private byte[] buf = new byte[1 << 16];
    private int pos, limit;
    private boolean eof;
    private long lineNumber;
    private int lineStart, lineEnd;
    private int[] starts = new int[16], ends = new int[16];
    private int fieldCount;

    public CsvLineReader(InputStream in, byte delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Opens {@code file} (gunzipped if it starts with gzip's magic bytes). Throws {@link DataException} if it cannot be opened. */
    public static CsvLineReader open(Path file, byte delimiter) {
        return new CsvLineReader(FileInput.open(file), delimiter);
    }

    /** Advances to the next non-blank line and splits it; false at end of input. */
    public boolean nextLine() {
        while (true) {
            if (!readLine()) return false;
            if (lineEnd > lineStart) {
                split();
                return true;
            }
        }
    }

    private boolean bomChecked;

    private boolean readLine() {
        if (!bomChecked) skipBom();
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    lineStart = pos;
                    lineEnd = (i > pos && buf[i - 1] == '\r') ? i - 1 : i;
                    pos = i + 1;
                    lineNumber++;
                    return true;
                }
            }
            if (eof) {
                if (pos >= limit) return false;
                lineStart = pos;
                lineEnd = (limit > pos && buf[limit - 1] == '\r') ? limit - 1 : limit;
                pos = limit;
                lineNumber++;
                return true;
            }
            fill();
        }
    }

    /** Skips a UTF-8 byte-order mark (EF BB BF) at the very start of the input, as written by some spreadsheets. */
    private void skipBom() {
        while (limit - pos < 3 && !eof) fill();
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) pos += 3;
        bomChecked = true;
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new DataException("line " + (lineNumber + 1) + " longer than " + MAX_LINE + " bytes", null);
            }
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) eof = true;
            else limit += n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void split() {
        int n = 0;
        int i = lineStart;
        final int e = lineEnd;
        while (true) {
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                ends = java.util.Arrays.copyOf(ends, n * 2);
            }
            if (i < e && buf[i] == '"') {
                int s = ++i;
                while (i < e) {
                    if (buf[i] == '"') {
                        if (i + 1 < e && buf[i + 1] == '"') { i += 2; continue; }
                        break;
                    }
                    i++;
                }
                starts[n] = s;
                ends[n] = i;
                n++;
                if (i < e) i++; // closing quote
                while (i < e && buf[i] != delimiter) i++; // ignore junk after the closing quote
            } else {
                int s = i;
                while (i < e && buf[i] != delimiter) i++;
                starts[n] = s;
                ends[n] = i;
                n++;
            }
            if (i >= e) break;
            i++; // delimiter
            if (i == e) { // trailing delimiter: one more empty field
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                    ends = java.util.Arrays.copyOf(ends, n * 2);
                }
                starts[n] = e; ends[n] = e; n++;
                break;
            }
        }
        fieldCount = n;
    }

    /** 1-based number of the current line in the file. */
    public long lineNumber() { return lineNumber; }

    public int fieldCount() { return fieldCount; }

    /** The buffer holding the current line; valid until the next {@link #nextLine()}. */
    public byte[] buffer() { return buf; }

    public int start(int field) { return starts[field]; }

    public int end(int field) { return ends[field]; }

    public boolean isEmpty(int field) { return starts[field] == ends[field]; }

    /** The field as a String (allocates; for headers and messages only). */
    public String text(int field) {
        return new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.ISO_8859_1);
    }

    /** The whole current line as a String (allocates; for messages only). */
    public String lineText() {
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
    }

    /** True if field {@code field} equals the ASCII text {@code s}, ignoring case. Allocation-free. */
    public boolean fieldEqualsIgnoreCase(int field, String s) {
        int a = starts[field], len = ends[field] - a;
        if (len != s.length()) return false;
        for (int k = 0; k < len; k++) {
            if (Character.toLowerCase((char) (buf[a + k] & 0xFF)) != Character.toLowerCase(s.charAt(k))) return false;
        }
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
