package dev.periscope.io.csv;

import dev.periscope.model.Px;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/**
 * Builds ASCII text lines in a reusable byte buffer without allocation (numbers, fixed-point values, local
 * timestamps) and writes them to an {@link OutputStream}. The counterpart of {@link CsvLineReader} for writers.
 * Not thread-safe.
 */
public final class LineBuilder {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private byte[] buf = new byte[256];
    private int len;
    private final byte[] digits = new byte[20];
    private final ZoneOffsetCache offsets = new ZoneOffsetCache();

    public LineBuilder reset() { len = 0; return this; }

    public int length() { return len; }

    private void ensure(int n) {
        if (len + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    public LineBuilder append(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends ASCII text (chars above 0xFF are written as '?'). */
    public LineBuilder append(CharSequence s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            buf[len++] = c > 0xFF ? (byte) '?' : (byte) c;
        }
        return this;
    }

    public LineBuilder append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public LineBuilder append(long v) {
        if (v == Long.MIN_VALUE) return append("-9223372036854775808");
        ensure(20);
        if (v < 0) { buf[len++] = '-'; v = -v; }
        int n = 0;
        do { digits[n++] = (byte) ('0' + v % 10); v /= 10; } while (v != 0);
        while (n > 0) buf[len++] = digits[--n];
        return this;
    }

    /** Appends {@code v} zero-padded to {@code width} digits ({@code v} &ge; 0). */
    public LineBuilder appendPadded(long v, int width) {
        ensure(20);
        int n = 0;
        do { digits[n++] = (byte) ('0' + v % 10); v /= 10; } while (v != 0);
        for (int k = n; k < width; k++) buf[len++] = '0';
        while (n > 0) buf[len++] = digits[--n];
        return this;
    }

    /** Appends a {@link Px} value in canonical form ("157.8", "100", "-0.5"); same text as {@link Px#format}. */
    public LineBuilder appendPx(long px) {
        if (px == Px.NONE) throw new IllegalArgumentException("Px.NONE has no text");
        if (px < 0) { append('-'); px = -px; }
        append(px / Px.SCALE);
        long fp = px % Px.SCALE;
        if (fp != 0) {
            int width = Px.DECIMALS;
            while (fp % 10 == 0) { fp /= 10; width--; }
            append('.');
            appendPadded(fp, width);
        }
        return this;
    }

    /**
     * Appends epoch ns {@code tsNanos} as local time in {@code zone}: {@code yyyy-MM-dd HH:mm:ss.fff}, with 3, 6
     * or 9 fractional digits (the fewest that are exact), so a reader gets back the same nanosecond.
     */
    public LineBuilder appendTimestamp(long tsNanos, ZoneId zone) {
        return appendTimestamp(tsNanos, zone, false);
    }

    /**
     * As {@link #appendTimestamp(long, ZoneId)}, or with {@code millisOnly} always 3 fractional digits, the time
     * truncated to the millisecond (the layout of TAQ extracts such as the highfrequency sample).
     */
    public LineBuilder appendTimestamp(long tsNanos, ZoneId zone, boolean millisOnly) {
        long local = tsNanos + offsets.offsetNanos(zone, tsNanos);
        long day = Math.floorDiv(local, NANOS_PER_DAY);
        long nod = Math.floorMod(local, NANOS_PER_DAY);
        // civil_from_days (H. Hinnant)
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        appendPadded(y, 4).append('-').appendPadded(m, 2).append('-').appendPadded(d, 2).append(' ');
        long secs = nod / 1_000_000_000L, ns = nod % 1_000_000_000L;
        appendPadded(secs / 3600, 2).append(':').appendPadded(secs / 60 % 60, 2).append(':').appendPadded(secs % 60, 2);
        append('.');
        if (millisOnly || ns % 1_000_000 == 0) appendPadded(ns / 1_000_000, 3);
        else if (ns % 1_000 == 0) appendPadded(ns / 1_000, 6);
        else appendPadded(ns, 9);
        return this;
    }

    /** Appends '\n', writes the line to {@code out} and resets. */
    public void writeLine(OutputStream out) {
        append('\n');
        try {
            out.write(buf, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        len = 0;
    }

    /** The current content as a String (allocates; tests and messages). */
    @Override
    public String toString() {
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
