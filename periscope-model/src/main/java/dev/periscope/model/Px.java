package dev.periscope.model;

/**
 * Fixed-point prices and quantities. Every price and every size in Periscope is a {@code long} counting units of
 * 10<sup>-8</sup> ({@link #SCALE} = 100,000,000), so 157.80 is {@code 15_780_000_000L} and 0.00000637 BTC is
 * {@code 637L}. One global scale keeps prices usable as map keys and bucket indices, exact to the smallest
 * increment any supported venue publishes (Binance and Kraken: 8 decimals; US equities: $0.0001), and leaves
 * headroom to 9.2e10 for a price or a quantity. Arithmetic that can overflow (notional = price x size) is done
 * in {@code double} in analytics or with {@link Math#multiplyHigh}; additions use {@link Math#addExact} where
 * overflow is possible.
 *
 * <p>Parsing works on {@link CharSequence} ranges or byte arrays without allocation and rejects NaN, infinities,
 * exponents, more than 8 decimals and values beyond the range with {@link NumberFormatException}.
 * Stateless and thread-safe.
 */
public final class Px {
    /** Units per 1.0. */
    public static final long SCALE = 100_000_000L;
    /** Decimal places of {@link #SCALE}. */
    public static final int DECIMALS = 8;
    /** Sentinel for "no price" (an empty book side). Never a valid price. */
    public static final long NONE = Long.MIN_VALUE;
    private static final long MAX_INT_PART = Long.MAX_VALUE / SCALE;

    private Px() {}

    /** {@code units} whole units (e.g. shares) as a fixed-point quantity; overflow-checked. */
    public static long ofUnits(long units) {
        return Math.multiplyExact(units, SCALE);
    }

    /** Rounds a double to the nearest fixed-point value. Rejects NaN and infinities. Not for hot paths with exact input. */
    public static long ofDouble(double v) {
        if (!Double.isFinite(v)) throw new NumberFormatException("not a finite number: " + v);
        double scaled = v * SCALE;
        if (Math.abs(scaled) >= 9.2e18) throw new NumberFormatException("out of range: " + v);
        return Math.round(scaled);
    }

    /** Converts {@code mantissa x 10^-decimals} (e.g. LOBSTER's price x 10000: decimals=4) to fixed point. */
    public static long ofScaled(long mantissa, int decimals) {
        if (decimals < 0 || decimals > DECIMALS) throw new IllegalArgumentException("decimals 0..8: " + decimals);
        return Math.multiplyExact(mantissa, POW10[DECIMALS - decimals]);
    }

    /** The value as {@code mantissa x 10^-decimals}, exact; throws if it has more precision than that. */
    public static long toScaled(long px, int decimals) {
        if (decimals < 0 || decimals > DECIMALS) throw new IllegalArgumentException("decimals 0..8: " + decimals);
        if (px == NONE) throw new ArithmeticException("NONE has no scaled value");
        long div = POW10[DECIMALS - decimals];
        if (px % div != 0) throw new ArithmeticException("price " + format(px) + " not representable with " + decimals + " decimals");
        return px / div;
    }

    public static double toDouble(long px) {
        return px / (double) SCALE;
    }

    static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L};

    /**
     * Parses a plain decimal (optional sign, digits, optional '.' and up to 8 decimals) in {@code s[from, to)}.
     * Zeros after the 8th decimal are accepted (the value is still exact); any other digit there is rejected.
     * The range is symmetric, +/-{@link Long#MAX_VALUE} units; {@link #NONE} is never returned.
     */
    public static long parse(CharSequence s, int from, int to) {
        if (from >= to) throw new NumberFormatException("empty number");
        int i = from;
        boolean neg = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') { neg = c == '-'; i++; }
        long ip = 0; int digits = 0;
        while (i < to && (c = s.charAt(i)) >= '0' && c <= '9') {
            if (ip > MAX_INT_PART / 10) throw new NumberFormatException("out of range: " + s.subSequence(from, to));
            ip = ip * 10 + (c - '0'); i++; digits++;
        }
        long frac = 0; int fd = 0;
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && (c = s.charAt(i)) >= '0' && c <= '9') {
                if (fd < DECIMALS) { frac = frac * 10 + (c - '0'); fd++; }
                else if (c != '0') throw new NumberFormatException("more than 8 decimals: " + s.subSequence(from, to));
                i++; digits++;
            }
        }
        if (i != to || digits == 0) throw new NumberFormatException("not a decimal number: '" + s.subSequence(from, to) + "'");
        if (ip > MAX_INT_PART) throw new NumberFormatException("out of range: " + s.subSequence(from, to));
        long v = ip * SCALE + frac * POW10[DECIMALS - fd];
        if (v < 0) throw new NumberFormatException("out of range: " + s.subSequence(from, to));
        return neg ? -v : v;
    }

    public static long parse(CharSequence s) {
        return parse(s, 0, s.length());
    }

    /** Same as {@link #parse(CharSequence, int, int)} over ASCII bytes {@code b[from, to)}. */
    public static long parse(byte[] b, int from, int to) {
        if (from >= to) throw new NumberFormatException("empty number");
        int i = from;
        boolean neg = false;
        byte c = b[i];
        if (c == '-' || c == '+') { neg = c == '-'; i++; }
        long ip = 0; int digits = 0;
        while (i < to && (c = b[i]) >= '0' && c <= '9') {
            if (ip > MAX_INT_PART / 10) throw new NumberFormatException("out of range: " + ascii(b, from, to));
            ip = ip * 10 + (c - '0'); i++; digits++;
        }
        long frac = 0; int fd = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                if (fd < DECIMALS) { frac = frac * 10 + (c - '0'); fd++; }
                else if (c != '0') throw new NumberFormatException("more than 8 decimals: " + ascii(b, from, to));
                i++; digits++;
            }
        }
        if (i != to || digits == 0) throw new NumberFormatException("not a decimal number: '" + ascii(b, from, to) + "'");
        if (ip > MAX_INT_PART) throw new NumberFormatException("out of range: " + ascii(b, from, to));
        long v = ip * SCALE + frac * POW10[DECIMALS - fd];
        if (v < 0) throw new NumberFormatException("out of range: " + ascii(b, from, to));
        return neg ? -v : v;
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, Math.min(to - from, 64), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Canonical text: no trailing zeros after the point, no point for integers ("157.8", "100"). Allocates. */
    public static String format(long px) {
        if (px == NONE) return "";
        StringBuilder sb = new StringBuilder(24);
        appendTo(sb, px);
        return sb.toString();
    }

    /** Appends the canonical text of {@code px} to {@code sb}; appends nothing for {@link #NONE} (as {@link #format}). */
    public static void appendTo(StringBuilder sb, long px) {
        if (px == NONE) return;
        if (px < 0) { sb.append('-'); px = -px; }
        long ip = px / SCALE, fp = px % SCALE;
        sb.append(ip);
        if (fp != 0) {
            sb.append('.');
            int len = DECIMALS;
            while (fp % 10 == 0) { fp /= 10; len--; }
            String f = Long.toString(fp);
            for (int k = f.length(); k < len; k++) sb.append('0');
            sb.append(f);
        }
    }
}
