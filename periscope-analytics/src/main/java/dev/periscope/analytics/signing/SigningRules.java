package dev.periscope.analytics.signing;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;

/**
 * The quote-based parts of the signing rules as pure functions of (price, bid, ask), all fixed point ({@link Px}).
 * Stateless, allocation-free, thread-safe. Comparisons are exact integer arithmetic (no doubles, no midpoint
 * rounding): {@code P > mid} is evaluated as {@code P - B > A - P}, and the CLNV 30% boundaries as
 * {@code 10(P - B)} against {@code 3(A - B)} / {@code 7(A - B)}.
 *
 * <p>Quote states (see {@link #quoteState}): a quote is <b>usable</b> when both sides are present and
 * bid &lt; ask; <b>locked</b> when bid == ask; <b>crossed</b> when bid &gt; ask; <b>missing</b> when either side
 * is {@link Px#NONE}. Rule by rule:
 * <ul>
 * <li>{@link #quoteRule}: usable or locked quote, compared with the mid (for a locked quote the mid is the locked
 *     price); a trade exactly at the mid, and every trade against a crossed or missing quote, is
 *     {@link Aggressor#UNKNOWN}.</li>
 * <li>{@link #emoQuote}: only for a usable quote: at the ask = BUY, at the bid = SELL; otherwise UNKNOWN meaning
 *     "defer to the tick test" (a locked quote is at the ask and the bid at once, so it defers, as in tclf's
 *     at-ask XOR at-bid test).</li>
 * <li>{@link #clnvQuote}: only for a usable quote: {@code P} in {@code [B + 0.7(A-B), A]} = BUY, in
 *     {@code [B, B + 0.3(A-B)]} = SELL, both boundaries <em>inclusive</em> (trades exactly at 30% or 70% of the
 *     spread use the quote rule; as in tclf's implementation {@code _is_at_upper_xor_lower_quantile}; the
 *     formula in tclf's docs writes the inner boundary as open); otherwise UNKNOWN = "defer to the tick test".</li>
 * </ul>
 */
public final class SigningRules {
    /** Both sides present and bid &lt; ask. */
    public static final int USABLE = 0;
    /** bid == ask. */
    public static final int LOCKED = 1;
    /** bid &gt; ask. */
    public static final int CROSSED = 2;
    /** Either side absent ({@link Px#NONE}). */
    public static final int MISSING = 3;

    private SigningRules() {}

    /** One of {@link #USABLE}, {@link #LOCKED}, {@link #CROSSED}, {@link #MISSING}. */
    public static int quoteState(long bid, long ask) {
        if (bid == Px.NONE || ask == Px.NONE) return MISSING;
        if (bid < ask) return USABLE;
        return bid == ask ? LOCKED : CROSSED;
    }

    /** Quote rule (Harris 1989): +1 above the mid, -1 below, 0 at the mid or without a usable/locked quote. */
    public static byte quoteRule(long price, long bid, long ask) {
        int st = quoteState(bid, ask);
        if (st == CROSSED || st == MISSING) return Aggressor.UNKNOWN;
        long up = price - bid, down = ask - price; // P > (A+B)/2  <=>  P - B > A - P
        return up > down ? Aggressor.BUY : up < down ? Aggressor.SELL : Aggressor.UNKNOWN;
    }

    /** EMO quote part (Ellis, Michaely &amp; O'Hara 2000): +1 at the ask, -1 at the bid of a usable quote, else 0. */
    public static byte emoQuote(long price, long bid, long ask) {
        if (quoteState(bid, ask) != USABLE) return Aggressor.UNKNOWN;
        return price == ask ? Aggressor.BUY : price == bid ? Aggressor.SELL : Aggressor.UNKNOWN;
    }

    /**
     * CLNV quote part (Chakrabarty, Li, Nguyen &amp; Van Ness 2007): +1 in the upper 30% of a usable spread
     * (ask included), -1 in the lower 30% (bid included), 0 in the middle 40% (exclusive) and outside the quotes.
     */
    public static byte clnvQuote(long price, long bid, long ask) {
        if (quoteState(bid, ask) != USABLE) return Aggressor.UNKNOWN;
        if (price < bid || price > ask) return Aggressor.UNKNOWN;
        long spread = ask - bid;
        long pos = price - bid; // 0 .. spread
        long pos10 = Math.multiplyExact(pos, 10L);
        if (pos10 >= Math.multiplyExact(spread, 7L)) return Aggressor.BUY;
        if (pos10 <= Math.multiplyExact(spread, 3L)) return Aggressor.SELL;
        return Aggressor.UNKNOWN;
    }
}
