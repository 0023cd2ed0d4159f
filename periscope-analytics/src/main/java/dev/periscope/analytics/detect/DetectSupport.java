package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

/** Shared helpers for the detectors: eligibility mask, venue sets, exact notional comparison, formatting. */
final class DetectSupport {
    private DetectSupport() {}

    /**
     * Conditions that make a print non-regular for detection: its price is not a current, continuous-market,
     * arm's-length price or its report is late/stale. This is exactly the set {@link SaleCondition#isSignable}
     * rejects: C cash, G bunched sold, H price variation, L sold last, M/Q official close/open, N next day,
     * O/5/6 opening/reopening/closing auction prints, P prior reference price, R seller, U extended-hours out of
     * sequence, V contingent, W average price, X cross, Z sold out of sequence, 4 derivatively priced,
     * 7 qualified contingent, 9 corrected close (audit X-3, DP-8).
     */
    static final long NON_REGULAR = maskOf(SaleCondition.CASH, SaleCondition.BUNCHED_SOLD,
            SaleCondition.PRICE_VARIATION, SaleCondition.SOLD_LAST, SaleCondition.MARKET_CENTER_OFFICIAL_CLOSE,
            SaleCondition.NEXT_DAY, SaleCondition.OPENING_PRINT, SaleCondition.PRIOR_REFERENCE_PRICE,
            SaleCondition.MARKET_CENTER_OFFICIAL_OPEN, SaleCondition.SELLER,
            SaleCondition.EXTENDED_OUT_OF_SEQUENCE, SaleCondition.CONTINGENT, SaleCondition.AVERAGE_PRICE,
            SaleCondition.CROSS, SaleCondition.SOLD_OUT_OF_SEQUENCE, SaleCondition.DERIVATIVELY_PRICED,
            SaleCondition.REOPENING_PRINT, SaleCondition.CLOSING_PRINT, SaleCondition.QUALIFIED_CONTINGENT,
            SaleCondition.CORRECTED_CLOSE);

    static long maskOf(SaleCondition... cs) {
        long m = 0;
        for (SaleCondition c : cs) m |= c.bit();
        return m;
    }

    /** The off-exchange participant code (FINRA ADF/TRF, audit DP-1). */
    static final char OFF_EXCHANGE = 'D';

    // ---- venue sets: two longs cover ASCII codes 0..127; anything else is folded onto '?'

    static char venueKey(char v) { return v < 128 ? v : '?'; }

    static long venueLo(char v) { v = venueKey(v); return v < 64 ? 1L << v : 0L; }

    static long venueHi(char v) { v = venueKey(v); return v >= 64 ? 1L << (v - 64) : 0L; }

    static int venueCount(long lo, long hi) { return Long.bitCount(lo) + Long.bitCount(hi); }

    /** Venue codes of a set, ascending. Allocates (alert path only). */
    static String venues(long lo, long hi) {
        StringBuilder sb = new StringBuilder(8);
        for (int c = 0; c < 128; c++) {
            long bit = c < 64 ? lo & (1L << c) : hi & (1L << (c - 64));
            if (bit != 0) sb.append((char) c);
        }
        return sb.toString();
    }

    // ---- money

    /** price x size in quote currency, as a double (analytics output only). */
    static double notional(long price, long size) {
        return Px.toDouble(price) * Px.toDouble(size);
    }

    /**
     * Exact test {@code price x size >= threshold} for non-negative fixed-point price, size and threshold (all
     * scaled by 10^8), using 128-bit products so no rounding can flip a boundary case.
     */
    static boolean notionalAtLeast(long price, long size, long threshold) {
        if (price < 0 || size < 0 || threshold < 0) throw new IllegalArgumentException("negative price/size/threshold");
        long aHi = Math.multiplyHigh(price, size), aLo = price * size;
        long bHi = Math.multiplyHigh(threshold, Px.SCALE), bLo = threshold * Px.SCALE;
        if (aHi != bHi) return aHi > bHi;
        return Long.compareUnsigned(aLo, bLo) >= 0;
    }

    // ---- text

    /** Compact duration: "50ms", "60s", "5min", "250us", "7ns". */
    static String duration(long nanos) {
        if (nanos != 0 && nanos % 60_000_000_000L == 0) return nanos / 60_000_000_000L + "min";
        if (nanos != 0 && nanos % 1_000_000_000L == 0) return nanos / 1_000_000_000L + "s";
        if (nanos != 0 && nanos % 1_000_000L == 0) return nanos / 1_000_000L + "ms";
        if (nanos != 0 && nanos % 1_000L == 0) return nanos / 1_000L + "us";
        return nanos + "ns";
    }

    static String money(double v) {
        return String.format(java.util.Locale.ROOT, "$%,.2f", v);
    }

    static String qty(long size) {
        return Px.format(size);
    }
}
