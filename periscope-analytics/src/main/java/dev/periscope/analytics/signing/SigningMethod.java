package dev.periscope.analytics.signing;

/**
 * The trade-signing (aggressor inference) rules that {@link TradeSigner} computes for every trade in one pass.
 * Definitions follow audit OF-1 and KarelZe/tclf {@code docs/rules.md}; tie rules are on {@link TradeSigner}.
 */
public enum SigningMethod {
    /** Tick test: sign of the change from the last different trade price (Holthausen et al. 1987; Lee &amp; Ready 1991, p. 735). */
    TICK("tick"),
    /** Quote rule: above the prevailing mid = buy, below = sell, at the mid = unknown (Harris 1989). */
    QUOTE("quote"),
    /** Lee–Ready: quote rule, tick test for trades at the mid (Lee &amp; Ready 1991, J. Finance 46(2)). */
    LEE_READY("lee-ready"),
    /** EMO: at the ask = buy, at the bid = sell, tick test otherwise (Ellis, Michaely &amp; O'Hara 2000, JFQA 35(4)). */
    EMO("emo"),
    /** CLNV: quote rule in the top and bottom 30% of the spread, tick test in the middle 40% and outside
     *  (Chakrabarty, Li, Nguyen &amp; Van Ness 2007, J. Banking &amp; Finance 31(12)). */
    CLNV("clnv"),
    /**
     * Reverse tick test: sign of the change to the <em>next</em> different trade price, buy when the next
     * different price is lower (Hasbrouck 1988; Lee &amp; Ready 1991, pp. 735–736). Deferred: a trade is signed only
     * when a later trade prints at another price ({@link ReverseTickRule}), so {@link TradeSigner#side} rejects it;
     * {@link SigningEvaluation} scores it when the run of equal prices ends.
     */
    REVERSE_TICK("rev-tick");

    private static final SigningMethod[] VALUES = values();

    private final String label;

    SigningMethod(String label) { this.label = label; }

    /** Short lower-case name used in reports and on the command line. */
    public String label() { return label; }

    /** True for rules that need later trades ({@link #REVERSE_TICK}). */
    public boolean isDeferred() { return this == REVERSE_TICK; }

    /** Shared array of all methods in declaration order; do not modify. */
    static SigningMethod[] all() { return VALUES; }
}
