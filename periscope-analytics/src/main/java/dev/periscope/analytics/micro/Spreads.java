package dev.periscope.analytics.micro;

import dev.periscope.model.Px;

/**
 * Spread measures in basis points of the quote midpoint M = (A + B) / 2. Stateless.
 * <ul>
 *   <li>quoted: (A - B) / M;</li>
 *   <li>effective: 2&middot;D&middot;(P - M) / M, D = +1 buyer-initiated, -1 seller-initiated;</li>
 *   <li>realized: 2&middot;D&middot;(P - M<sub>t+&Delta;</sub>) / M, M the midpoint at the trade
 *       (see {@link RealizedSpread} for the delayed-quote bookkeeping);</li>
 *   <li>price impact: 2&middot;D&middot;(M<sub>t+&Delta;</sub> - M) / M = effective - realized.</li>
 * </ul>
 * Sources: SEC Rule 605 definitions of effective and realized spread (17 CFR 242.605 and 242.600(b));
 * Bessembinder &amp; Kaufman (1997) <i>JFQA</i> 32(3); Hasbrouck (2009) <i>J. Finance</i> 64(3). Worked example
 * (audit 11.2): B = 10.00, A = 10.02, buy at 10.015 gives quoted 19.98 bp and effective 9.99 bp.
 *
 * <p>The quote must be {@linkplain #isValidQuote valid} (both sides present, positive, bid &le; ask); methods throw
 * {@link IllegalArgumentException} otherwise. A locked quote (A = B) is valid with quoted spread 0.
 */
public final class Spreads {
    private static final double BP = 10_000.0;

    private Spreads() {}

    /** Both sides present and positive, bid &le; ask. */
    public static boolean isValidQuote(long bid, long ask) {
        return bid != Px.NONE && ask != Px.NONE && bid > 0 && ask > 0 && bid <= ask;
    }

    /** Bid equals ask. */
    public static boolean isLocked(long bid, long ask) { return bid != Px.NONE && bid == ask; }

    /** Bid above ask. */
    public static boolean isCrossed(long bid, long ask) { return bid != Px.NONE && ask != Px.NONE && bid > ask; }

    /** Midpoint in price units. */
    public static double mid(long bid, long ask) {
        requireValid(bid, ask);
        return ((double) bid + (double) ask) / 2 / Px.SCALE;
    }

    /** (A - B) / M in bp. */
    public static double quotedBps(long bid, long ask) {
        requireValid(bid, ask);
        return 2.0 * (ask - bid) / ((double) bid + (double) ask) * BP;
    }

    /** Quoted spread in ticks of size {@code tick} (fixed point). */
    public static double quotedTicks(long bid, long ask, long tick) {
        requireValid(bid, ask);
        if (tick <= 0) throw new IllegalArgumentException("tick must be > 0");
        return (double) (ask - bid) / tick;
    }

    /** 2&middot;D&middot;(P - M) / M in bp; {@code sign} must be +1 or -1. */
    public static double effectiveBps(long price, int sign, long bid, long ask) {
        requireValid(bid, ask);
        return sign(sign) * 2.0 * (2.0 * price - bid - (double) ask) / ((double) bid + (double) ask) * BP;
    }

    /**
     * 2&middot;D&middot;(P - M<sub>later</sub>) / M in bp, with M from ({@code bid}, {@code ask}) at the trade and
     * M<sub>later</sub> from ({@code laterBid}, {@code laterAsk}) at t + &Delta;.
     */
    public static double realizedBps(long price, int sign, long bid, long ask, long laterBid, long laterAsk) {
        requireValid(bid, ask);
        requireValid(laterBid, laterAsk);
        return sign(sign) * 2.0 * (2.0 * price - laterBid - (double) laterAsk) / ((double) bid + (double) ask) * BP;
    }

    private static int sign(int s) {
        if (s != 1 && s != -1) throw new IllegalArgumentException("trade sign must be +1 or -1: " + s);
        return s;
    }

    private static void requireValid(long bid, long ask) {
        if (!isValidQuote(bid, ask)) {
            throw new IllegalArgumentException("invalid quote " + Px.format(bid) + " / " + Px.format(ask));
        }
    }
}
