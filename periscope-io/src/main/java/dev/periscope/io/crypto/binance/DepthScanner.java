package dev.periscope.io.crypto.binance;

import dev.periscope.model.Px;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Schema-specific, allocation-free scanner of one Binance {@code depthUpdate} message in the combined-stream
 * envelope ({@code {"stream":"..","data":{"e":"depthUpdate","E":..,"T":..,"s":"SYM","U":..,"u":..,"pu":..,
 * "b":[["px","qty"],..],"a":[..]}}}) straight from the recorded bytes into a {@link BinanceDiff}, prices and
 * quantities through {@link Px#parse(byte[], int, int)}. Keys are read generically (any order, JSON whitespace
 * anywhere between tokens) and matched without creating Strings.
 *
 * <p>It accepts only what it fully verifies and otherwise answers {@link #REJECT} so that the caller falls back to
 * the general Jackson path for that message (which then reports any error exactly as before): a key other than
 * {@code stream}/{@code data} at the top or {@code e,E,T,s,U,u,pu,b,a} in {@code data}; a duplicate key; a missing
 * {@code data, e, E, s, U, u, b, a} (or {@code pu} when {@code requirePu}); a string with an escape, a control
 * character or a non-ASCII byte; a number that is not a plain non-negative integer of at most 18 digits without
 * leading zeros (no sign, fraction or exponent); a price level that is not an array of exactly two strings, or a
 * string {@link Px#parse} refuses; any other token or trailing non-whitespace. A message whose {@code e} is a
 * well-formed string other than {@code depthUpdate} is {@link #NOT_DEPTH} (also handled by Jackson, not a
 * fallback). The symbol is returned as a byte range ({@link #symFrom}, {@link #symTo}) so that the caller looks it
 * up only after the whole message has been verified.
 */
final class DepthScanner {
    static final int OK = 0, NOT_DEPTH = 1, REJECT = 2;

    /** Symbol bytes of the last accepted message: {@code b[symFrom, symTo)}. */
    int symFrom, symTo;

    // bits of the data fields seen
    private static final int F_E = 1, F_EVT = 2, F_T = 4, F_S = 8, F_FIRST = 16, F_LAST = 32, F_PU = 64,
            F_B = 128, F_A = 256;
    private static final int REQUIRED = F_E | F_EVT | F_S | F_FIRST | F_LAST | F_B | F_A;
    private static final byte[] DEPTH_UPDATE = {'d', 'e', 'p', 't', 'h', 'U', 'p', 'd', 'a', 't', 'e'};

    private byte[] b;
    private int to;
    private int stat;
    /** End of the last string scanned (index of its closing quote). */
    private int strEnd;
    private long num;

    /** Scans the JSON message in {@code b[from, to)} into {@code d} (ids and levels appended); see the class doc. */
    int scan(byte[] b, int from, int to, BinanceDiff d, boolean requirePu) {
        this.b = b;
        this.to = to;
        this.stat = OK;
        int i = ws(from);
        if (i >= to || b[i] != '{') return REJECT;
        boolean stream = false, data = false;
        while (true) {
            i = ws(i + 1);
            if (i >= to || b[i] != '"') return REJECT;
            int k = i + 1;
            i = string(k);
            if (i < 0) return REJECT;
            int len = i - k;
            i = colon(i + 1);
            if (i < 0) return REJECT;
            if (len == 4 && b[k] == 'd' && b[k + 1] == 'a' && b[k + 2] == 't' && b[k + 3] == 'a' && !data) {
                data = true;
                i = data(i, d, requirePu);
                if (i < 0) return stat == OK ? REJECT : stat;
            } else if (len == 6 && b[k] == 's' && b[k + 1] == 't' && b[k + 2] == 'r' && b[k + 3] == 'e'
                    && b[k + 4] == 'a' && b[k + 5] == 'm' && !stream) {
                stream = true;
                if (i >= to || b[i] != '"') return REJECT;
                i = string(i + 1);
                if (i < 0) return REJECT;
                i++;
            } else {
                return REJECT;
            }
            i = ws(i);
            if (i >= to) return REJECT;
            if (b[i] == '}') break;
            if (b[i] != ',') return REJECT;
        }
        if (!data || ws(i + 1) != to) return REJECT;
        return OK;
    }

    /** The data object starting at {@code i}; returns the index after its '}' or -1 (with {@link #stat} set). */
    private int data(int i, BinanceDiff d, boolean requirePu) {
        byte[] b = this.b;
        if (i >= to || b[i] != '{') return -1;
        int seen = 0;
        while (true) {
            i = ws(i + 1);
            if (i >= to || b[i] != '"') return -1;
            int k = i + 1;
            i = string(k);
            if (i < 0) return -1;
            int len = i - k;
            int bit;
            if (len == 1) {
                bit = switch (b[k]) {
                    case 'e' -> F_E;
                    case 'E' -> F_EVT;
                    case 'T' -> F_T;
                    case 's' -> F_S;
                    case 'U' -> F_FIRST;
                    case 'u' -> F_LAST;
                    case 'b' -> F_B;
                    case 'a' -> F_A;
                    default -> 0;
                };
            } else if (len == 2 && b[k] == 'p' && b[k + 1] == 'u') {
                bit = F_PU;
            } else {
                bit = 0;
            }
            if (bit == 0 || (seen & bit) != 0) return -1;
            seen |= bit;
            i = colon(i + 1);
            if (i < 0) return -1;
            switch (bit) {
                case F_E -> {
                    if (i >= to || b[i] != '"') return -1;
                    int v = i + 1;
                    i = string(v);
                    if (i < 0) return -1;
                    if (!isDepthUpdate(v, i)) { stat = NOT_DEPTH; return -1; }
                    i++;
                }
                case F_S -> {
                    if (i >= to || b[i] != '"') return -1;
                    symFrom = i + 1;
                    i = string(i + 1);
                    if (i < 0) return -1;
                    symTo = i;
                    i++;
                }
                case F_B, F_A -> {
                    i = levels(i, d, bit == F_B);
                    if (i < 0) return -1;
                }
                default -> {
                    i = integer(i);
                    if (i < 0) return -1;
                    switch (bit) {
                        case F_EVT -> d.eventMs = num;
                        case F_FIRST -> d.firstId = num;
                        case F_LAST -> d.lastId = num;
                        case F_PU -> d.prevLastId = num;
                        default -> { } // T: trade time, not used for depth
                    }
                }
            }
            i = ws(i);
            if (i >= to) return -1;
            if (b[i] == '}') break;
            if (b[i] != ',') return -1;
        }
        if ((seen & REQUIRED) != REQUIRED || (requirePu && (seen & F_PU) == 0)) return -1;
        return i + 1;
    }

    private boolean isDepthUpdate(int from, int end) {
        if (end - from != DEPTH_UPDATE.length) return false;
        for (int j = 0; j < DEPTH_UPDATE.length; j++) if (b[from + j] != DEPTH_UPDATE[j]) return false;
        return true;
    }

    /** {@code [["px","qty"],...]} at {@code i}; returns the index after the outer ']' or -1. */
    private int levels(int i, BinanceDiff d, boolean bids) {
        byte[] b = this.b;
        if (i >= to || b[i] != '[') return -1;
        i = ws(i + 1);
        if (i < to && b[i] == ']') return i + 1;
        while (true) {
            if (i >= to || b[i] != '[') return -1;
            i = ws(i + 1);
            if (i >= to || b[i] != '"') return -1;
            i = decimal(i + 1);
            if (i < 0) return -1;
            long price = num;
            i = ws(i + 1);
            if (i >= to || b[i] != ',') return -1;
            i = ws(i + 1);
            if (i >= to || b[i] != '"') return -1;
            i = decimal(i + 1);
            if (i < 0) return -1;
            long size = num;
            i = ws(i + 1);
            if (i >= to || b[i] != ']') return -1;
            if (bids) d.addBid(price, size);
            else d.addAsk(price, size);
            i = ws(i + 1);
            if (i >= to) return -1;
            if (b[i] == ']') return i + 1;
            if (b[i] != ',') return -1;
            i = ws(i + 1);
        }
    }

    /**
     * A decimal string's content at {@code i} (after the opening quote) to fixed point in {@link #num}; returns the
     * index of the closing quote or -1. The common form (at most 10 integer and 8 fraction digits, no sign) is
     * converted in the same pass as the scan, exactly as {@link Px#parse(byte[], int, int)} would; anything else
     * goes through {@code Px.parse} itself (-1 when it refuses the string).
     */
    private int decimal(int i) {
        byte[] b = this.b;
        int to = this.to, s = i;
        if (i <= to - 8) {
            // whole string in one word: "ddd"" or "dd.ddd"" with the closing quote among the 8 bytes
            long w = (long) LONGS.get(b, i);
            long m = nonDigits(w);
            int n1 = Long.numberOfTrailingZeros(m) >>> 3; // 8 when all digits
            if (n1 < 8) {
                int c1 = (int) (w >>> (8 * n1)) & 0xFF;
                if (c1 == '"' && n1 > 0) {
                    num = eightDigits(w, n1) * Px.SCALE;
                    return i + n1;
                }
                if (c1 == '.') {
                    long w2 = w + (2L << (8 * n1)); // '.' -> '0': flags above it become exact
                    int n2 = Long.numberOfTrailingZeros(nonDigits(w2)) >>> 3;
                    if (n2 < 8 && n2 > 1 && ((w2 >>> (8 * n2)) & 0xFF) == '"') {
                        long low = w2 & ((1L << (8 * n1)) - 1);
                        long joined = low | ((w2 >>> (8 * (n1 + 1))) << (8 * n1)); // digits without the '.'
                        int fd = n2 - n1 - 1;
                        num = eightDigits(joined, n2 - 1) * POW10[Px.DECIMALS - fd];
                        return i + n2;
                    }
                }
            }
        }
        i = digits(i);
        long ip = num;
        int nInt = i - s, fd = 0;
        long frac = 0;
        if (nInt <= 10 && i < to && b[i] == '.') {
            int f = ++i;
            i = digits(i);
            frac = num;
            fd = i - f;
        }
        if (nInt <= 10 && fd <= Px.DECIMALS && nInt + fd > 0 && i < to && b[i] == '"') {
            num = ip * Px.SCALE + frac * POW10[Px.DECIMALS - fd];
            return i;
        }
        int end = string(s);
        if (end < 0) return -1;
        try {
            num = Px.parse(b, s, end);
        } catch (NumberFormatException e) {
            return -1; // the Jackson path reports it
        }
        return end;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L};

    /** Plain non-negative integer (1-18 digits, no leading zero) at {@code i} into {@link #num}; index after it or -1. */
    private int integer(int i) {
        int s = i;
        i = digits(i);
        int n = i - s;
        if (n == 0 || n > 18 || (n > 1 && b[s] == '0')) return -1;
        return i;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The run of ASCII digits at {@code i}: its value (modulo 2^64 beyond 19 digits; callers bound the count) into
     * {@link #num}, returns the index after it. Eight bytes at a time: the first non-digit byte of a little-endian
     * word is the lowest byte flagged by {@code ((w + 0x46..) | (w - 0x30..)) & 0x80..} (carries and borrows only
     * move upwards), and up to eight digits are combined with three multiplications (D. Lemire, "Quickly parsing
     * eight digits", 2018; also in fast_float's {@code parse_eight_digits_unrolled}).
     */
    private int digits(int i) {
        byte[] b = this.b;
        int to = this.to;
        long acc = 0;
        while (i <= to - 8) {
            long w = (long) LONGS.get(b, i);
            long m = nonDigits(w);
            int n = m == 0 ? 8 : Long.numberOfTrailingZeros(m) >>> 3;
            if (n == 0) { num = acc; return i; }
            acc = acc * POW10[n] + eightDigits(w, n);
            i += n;
            if (n < 8) { num = acc; return i; }
        }
        int c;
        while (i < to && (c = b[i] - '0') >= 0 && c <= 9) { acc = acc * 10 + c; i++; }
        num = acc;
        return i;
    }

    /** High bit set in every byte of little-endian {@code w} that is not an ASCII digit; exact up to the lowest one. */
    private static long nonDigits(long w) {
        return ((w + 0x4646464646464646L) | (w - 0x3030303030303030L)) & 0x8080808080808080L;
    }

    /** Value of the {@code n} (1-8) ASCII digits in the low bytes of little-endian {@code w} (first digit lowest). */
    private static long eightDigits(long w, int n) {
        long v = (w - 0x3030303030303030L) << (8 * (8 - n)); // the n digits in the high bytes, zeros below
        v = ((v & 0x0F0F0F0F0F0F0F0FL) * 2561) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
    }

    /**
     * Content of a string whose first content byte is at {@code i}: returns the index of the closing quote, or -1 on
     * an escape, a control character, a non-ASCII byte or the end of input.
     */
    private int string(int i) {
        byte[] b = this.b;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '"') return i;
            if (c == '\\' || c < 0x20) return -1; // negative bytes: non-ASCII
        }
        return -1;
    }

    /** Whitespace, ':' and whitespace after a key (i after its closing quote); index of the value or -1. */
    private int colon(int i) {
        i = ws(i);
        if (i >= to || b[i] != ':') return -1;
        return ws(i + 1);
    }

    /** First index at or after {@code i} that is not JSON whitespace. */
    private int ws(int i) {
        byte[] b = this.b;
        while (i < to) {
            byte c = b[i];
            if (c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r')) return i;
            i++;
        }
        return i;
    }
}
