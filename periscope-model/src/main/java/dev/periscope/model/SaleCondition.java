package dev.periscope.model;

/**
 * CTA/UTP sale-condition codes and what each print may update in consolidated statistics, and whether its price
 * may be used to infer the aggressor side. A print may carry up to four conditions; a print updates a statistic
 * only if every one of its conditions allows it (the SIPs' "most restrictive condition wins" rule).
 *
 * <p>Update rules are the <em>consolidated</em> columns of the CTA/UTP sale-condition processing guidelines as
 * published by Polygon ({@code GET /v3/reference/conditions}, {@code update_rules.consolidated}; glossary
 * "conditions-indicators") and transcribed in QuantConnect LEAN's {@code PolygonSIPTradeMappings} (columns
 * "Update High/Low", "Update Last", "Update Volume"). Codes and meanings: NYSE Daily TAQ Client Specification
 * (Sale Condition), UTP UTDF sale conditions, CTA CTS output specification (categories 1-4).
 *
 * <p>Signing eligibility is Periscope's policy: prints whose price is not a current, continuous-market,
 * arm's-length price (average-price, derivatively priced, prior-reference, out-of-sequence, next-day, seller,
 * contingent, cash, auction/cross and official prints) are not signed; extended-hours prints are signed but
 * flagged.
 *
 * <p>In NYSE TAQ the condition field is a string of these characters; a blank or space means {@link #REGULAR}.
 * One letter differs between the two SIPs: {@code 'B'} is "Bunched Trade" on the UTP tape (Nasdaq-listed) but
 * "Average Price Trade" in category 4 of the CTA tape (NYSE/other-listed; e.g. the {@code "4 B"} TRF prints of the
 * TAQ sample). {@link #maskOf(CharSequence, int, int, Plan)} resolves it by plan; with {@link Plan#UNKNOWN} it
 * takes the more restrictive reading, {@link #AVERAGE_PRICE}. Immutable and thread-safe.
 */
public enum SaleCondition {
    //         code  description                                  last   hi/lo  volume sign
    REGULAR('@', "Regular sale", true, true, true, true),
    ACQUISITION('A', "Acquisition", true, true, true, true),
    BUNCHED('B', "Bunched trade (UTP; on the CTA tape 'B' is an average-price trade)", true, true, true, true),
    CASH('C', "Cash sale", false, false, true, false),
    DISTRIBUTION('D', "Distribution", true, true, true, true),
    PLACEHOLDER_E('E', "Placeholder (UTP) / automatic execution (CTA)", true, true, true, true),
    INTERMARKET_SWEEP('F', "Intermarket sweep order", true, true, true, true),
    BUNCHED_SOLD('G', "Bunched sold trade", false, true, true, false),
    PRICE_VARIATION('H', "Price variation trade", false, false, true, false),
    ODD_LOT('I', "Odd lot trade", false, false, true, true),
    RULE_127_155('K', "Rule 127 (NYSE) / Rule 155 (NYSE American)", true, true, true, true),
    SOLD_LAST('L', "Sold last", true, true, true, false),
    MARKET_CENTER_OFFICIAL_CLOSE('M', "Market center official close", false, false, false, false),
    NEXT_DAY('N', "Next day", false, false, true, false),
    OPENING_PRINT('O', "Market center opening trade", true, true, true, false),
    PRIOR_REFERENCE_PRICE('P', "Prior reference price", false, true, true, false),
    MARKET_CENTER_OFFICIAL_OPEN('Q', "Market center official open", false, false, false, false),
    SELLER('R', "Seller", false, true, true, false),
    SPLIT('S', "Split trade", true, true, true, true),
    FORM_T('T', "Form T (extended hours)", false, false, true, true),
    EXTENDED_OUT_OF_SEQUENCE('U', "Extended trading hours (sold out of sequence)", false, false, true, false),
    CONTINGENT('V', "Contingent trade", false, false, true, false),
    AVERAGE_PRICE('W', "Average price trade", false, false, true, false),
    CROSS('X', "Cross trade", true, true, true, false),
    YELLOW_FLAG('Y', "Yellow flag regular trade", true, true, true, true),
    SOLD_OUT_OF_SEQUENCE('Z', "Sold (out of sequence)", false, true, true, false),
    STOPPED_STOCK('1', "Stopped stock (regular trade)", true, true, true, true),
    DERIVATIVELY_PRICED('4', "Derivatively priced", false, true, true, false),
    REOPENING_PRINT('5', "Market center reopening trade", true, true, true, false),
    CLOSING_PRINT('6', "Market center closing trade", true, true, true, false),
    QUALIFIED_CONTINGENT('7', "Qualified contingent trade", false, false, true, false),
    PLACEHOLDER_611_EXEMPT('8', "Placeholder for 611 exempt", true, true, true, true),
    CORRECTED_CLOSE('9', "Corrected consolidated close (per listing market)", true, true, false, false);

    private static final SaleCondition[] BY_CODE = new SaleCondition[128];
    private static final long SIGNABLE_MASK, LAST_MASK, HILO_MASK, VOLUME_MASK;
    static {
        long s = 0, l = 0, h = 0, v = 0;
        for (SaleCondition c : values()) {
            BY_CODE[c.code] = c;
            if (c.signable) s |= c.bit();
            if (c.updatesLast) l |= c.bit();
            if (c.updatesHighLow) h |= c.bit();
            if (c.updatesVolume) v |= c.bit();
        }
        SIGNABLE_MASK = s; LAST_MASK = l; HILO_MASK = h; VOLUME_MASK = v;
        if (values().length > 63) throw new AssertionError("conditions no longer fit a long mask");
    }

    private final char code;
    private final String description;
    private final boolean updatesLast, updatesHighLow, updatesVolume, signable;

    SaleCondition(char code, String description, boolean updatesLast, boolean updatesHighLow, boolean updatesVolume,
                  boolean signable) {
        this.code = code;
        this.description = description;
        this.updatesLast = updatesLast;
        this.updatesHighLow = updatesHighLow;
        this.updatesVolume = updatesVolume;
        this.signable = signable;
    }

    public char code() { return code; }

    public String description() { return description; }

    public boolean updatesLast() { return updatesLast; }

    public boolean updatesHighLow() { return updatesHighLow; }

    public boolean updatesVolume() { return updatesVolume; }

    /** Whether a print carrying this condition may be used to infer aggressor side. */
    public boolean signable() { return signable; }

    /** This condition's bit in a condition mask (see {@link #maskOf(CharSequence)}). */
    public long bit() { return 1L << ordinal(); }

    /** The condition for a code character, or {@code null} if unknown. Space maps to {@link #REGULAR}. */
    public static SaleCondition ofCode(char c) {
        if (c == ' ') return REGULAR;
        return c < 128 ? BY_CODE[c] : null;
    }

    /** Mask value for a print with no conditions or only "regular". */
    public static final long REGULAR_MASK = 1L;

    /** Which SIP's code set a condition string comes from; decides the meaning of {@code 'B'}. */
    public enum Plan {
        /** CTA (Tape A/B: NYSE- and other-listed): {@code 'B'} = average-price trade. */
        CTA,
        /** UTP (Tape C: Nasdaq-listed): {@code 'B'} = bunched trade. */
        UTP,
        /** Tape not known: {@code 'B'} read as the more restrictive average-price trade. */
        UNKNOWN
    }

    private static long bitFor(char ch, Plan plan) {
        if (ch == 'B' && plan != Plan.UTP) return AVERAGE_PRICE.bit();
        SaleCondition c = ofCode(ch);
        return c == null ? -1 : c.bit();
    }

    /**
     * Parses TAQ-style condition characters into a mask. Blanks are ignored; an empty field means regular.
     * Returns {@code -1} if any character is not a known condition (callers report it as a data issue).
     * Allocation-free.
     */
    public static long maskOf(CharSequence s, int from, int to, Plan plan) {
        long m = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == ' ') continue;
            long b = bitFor(ch, plan);
            if (b == -1) return -1;
            m |= b;
        }
        return m == 0 ? REGULAR_MASK : m;
    }

    /** As {@link #maskOf(CharSequence, int, int, Plan)} over ASCII bytes {@code b[from, to)}. */
    public static long maskOf(byte[] s, int from, int to, Plan plan) {
        long m = 0;
        for (int i = from; i < to; i++) {
            char ch = (char) (s[i] & 0xFF);
            if (ch == ' ') continue;
            long b = bitFor(ch, plan);
            if (b == -1) return -1;
            m |= b;
        }
        return m == 0 ? REGULAR_MASK : m;
    }

    /** {@link #maskOf(CharSequence, int, int, Plan)} with {@link Plan#UNKNOWN} (restrictive reading of 'B'). */
    public static long maskOf(CharSequence s, int from, int to) {
        return maskOf(s, from, to, Plan.UNKNOWN);
    }

    public static long maskOf(CharSequence s) {
        return maskOf(s, 0, s.length(), Plan.UNKNOWN);
    }

    public static boolean isSignable(long mask) { return (mask & ~SIGNABLE_MASK) == 0; }

    public static boolean updatesLast(long mask) { return (mask & ~LAST_MASK) == 0; }

    public static boolean updatesHighLow(long mask) { return (mask & ~HILO_MASK) == 0; }

    public static boolean updatesVolume(long mask) { return (mask & ~VOLUME_MASK) == 0; }

    public static boolean has(long mask, SaleCondition c) { return (mask & c.bit()) != 0; }

    /** Condition codes of a mask in declaration order, e.g. "FTI"; "@" for regular. Allocates. */
    public static String codes(long mask) {
        StringBuilder sb = new StringBuilder(4);
        for (SaleCondition c : values()) if ((mask & c.bit()) != 0) sb.append(c.code);
        return sb.toString();
    }
}
