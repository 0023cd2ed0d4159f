package dev.periscope.io.crypto;

/** Allocation-free parsing of the timestamps found in crypto recordings. Stateless. */
public final class Text {
    /** Largest epoch second whose nanoseconds fit a long (year 2262). */
    static final long MAX_EPOCH_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;
    private static final long OUT_OF_RANGE = MAX_EPOCH_SECONDS + 1;

    private Text() {}

    /** Epoch milliseconds (Binance {@code E}, {@code T}) to epoch ns; throws instead of wrapping when out of range. */
    public static long millisToNanos(long ms) {
        if (ms < 0 || ms > Long.MAX_VALUE / 1_000_000L) throw new NumberFormatException("millisecond time out of range: " + ms);
        return ms * 1_000_000L;
    }

    /**
     * Non-negative decimal integer of the ASCII digits {@code c[from, to)}; throws (never wraps) when it does not fit
     * a long or a character is not a digit. {@code what} names the field in the message.
     */
    public static long digits(char[] c, int from, int to, String what) {
        if (from >= to) throw new NumberFormatException("empty " + what);
        long v = 0;
        for (int i = from; i < to; i++) {
            if (c[i] < '0' || c[i] > '9') throw new NumberFormatException("non-numeric " + what);
            v = Math.addExact(Math.multiplyExact(v, 10L), c[i] - '0');
        }
        return v;
    }

    /** Decimal epoch seconds ("1633998512.0633569") in {@code s[from,to)} to epoch ns (truncating beyond 9 decimals). */
    public static long epochSecondsToNanos(CharSequence s, int from, int to) {
        long sec = 0, frac = 0;
        int i = from, fd = 0;
        boolean digits = false;
        for (; i < to && s.charAt(i) != '.'; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException("bad epoch seconds: " + s.subSequence(from, to));
            sec = Math.min(sec * 10 + (c - '0'), OUT_OF_RANGE); // saturates instead of wrapping
            digits = true;
        }
        if (i < to) {
            for (i++; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') throw new NumberFormatException("bad epoch seconds: " + s.subSequence(from, to));
                if (fd < 9) { frac = frac * 10 + (c - '0'); fd++; }
            }
        }
        if (!digits) throw new NumberFormatException("bad epoch seconds: " + s.subSequence(from, to));
        for (; fd < 9; fd++) frac *= 10;
        if (sec > MAX_EPOCH_SECONDS) throw new NumberFormatException("epoch seconds out of range: " + s.subSequence(from, to));
        return sec * 1_000_000_000L + frac;
    }

    /** Same over ASCII bytes. */
    public static long epochSecondsToNanos(byte[] b, int from, int to) {
        long sec = 0, frac = 0;
        int i = from, fd = 0;
        boolean digits = false;
        for (; i < to && b[i] != '.'; i++) {
            int c = b[i];
            if (c < '0' || c > '9') throw new NumberFormatException("bad epoch seconds at byte " + (i - from));
            sec = Math.min(sec * 10 + (c - '0'), OUT_OF_RANGE); // saturates instead of wrapping
            digits = true;
        }
        if (i < to) {
            for (i++; i < to; i++) {
                int c = b[i];
                if (c < '0' || c > '9') throw new NumberFormatException("bad epoch seconds at byte " + (i - from));
                if (fd < 9) { frac = frac * 10 + (c - '0'); fd++; }
            }
        }
        if (!digits) throw new NumberFormatException("empty epoch seconds");
        for (; fd < 9; fd++) frac *= 10;
        if (sec > MAX_EPOCH_SECONDS) throw new NumberFormatException("epoch seconds out of range (" + (to - from) + " bytes)");
        return sec * 1_000_000_000L + frac;
    }

    /**
     * ISO-8601 UTC instant "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (Coinbase) to epoch ns; fraction digits beyond 9 are
     * truncated. Days from civil date after H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
     */
    public static long isoToNanos(CharSequence s, int from, int to) {
        if (to - from < 20 || s.charAt(from + 4) != '-' || s.charAt(from + 10) != 'T' || s.charAt(to - 1) != 'Z')
            throw new NumberFormatException("not an ISO-8601 UTC instant: " + s.subSequence(from, to));
        int y = num(s, from, 4), mo = num(s, from + 5, 2), d = num(s, from + 8, 2);
        int h = num(s, from + 11, 2), mi = num(s, from + 14, 2), se = num(s, from + 17, 2);
        if (y < 1678 || y > 2261 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
            throw new NumberFormatException("ISO-8601 instant out of range (years 1678-2261 fit epoch ns): " + s.subSequence(from, to));
        long frac = 0;
        int fd = 0, i = from + 19;
        if (i < to - 1) {
            if (s.charAt(i) != '.') throw new NumberFormatException("bad ISO fraction: " + s.subSequence(from, to));
            for (i++; i < to - 1; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') throw new NumberFormatException("bad ISO fraction: " + s.subSequence(from, to));
                if (fd < 9) { frac = frac * 10 + (c - '0'); fd++; }
            }
        }
        for (; fd < 9; fd++) frac *= 10;
        long days = daysFromCivil(y, mo, d);
        return ((days * 24 + h) * 60 + mi) * 60_000_000_000L + se * 1_000_000_000L + frac;
    }

    private static int num(CharSequence s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException("bad digit in " + s);
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** Number of digits after the '.' in a decimal string (0 when there is no point). */
    public static int decimals(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) == '.') return to - i - 1;
        return 0;
    }
}
