package dev.periscope.analytics.signing;

import dev.periscope.model.Aggressor;

/**
 * Streaming tick test (Holthausen, Leftwich &amp; Mayers 1987; Lee &amp; Ready 1991, p. 735): a trade above the
 * last <em>different</em> trade price is a buy (uptick or zero-uptick), below it a sell (downtick or
 * zero-downtick). A zero tick therefore continues the sign of the last non-zero tick. The first trade, and every
 * trade before the first price change, is {@link Aggressor#UNKNOWN} (tclf signs these at random; we do not).
 *
 * <p>Mutable, single-threaded, allocation-free; feed every trade of one instrument in tape order.
 */
public final class TickRule {
    private boolean hasPrev;
    private long prevPrice;
    private byte lastSign = Aggressor.UNKNOWN;

    /** Classifies {@code price} (fixed point) against the previous trades and records it. */
    public byte update(long price) {
        if (!hasPrev) {
            hasPrev = true;
            prevPrice = price;
            return Aggressor.UNKNOWN;
        }
        if (price > prevPrice) lastSign = Aggressor.BUY;
        else if (price < prevPrice) lastSign = Aggressor.SELL;
        prevPrice = price;
        return lastSign;
    }

    /** The sign the next trade would get if it printed at the previous price (zero tick). */
    public byte lastSign() { return lastSign; }

    /** Forgets all trades (e.g. at a session boundary). */
    public void reset() {
        hasPrev = false;
        prevPrice = 0;
        lastSign = Aggressor.UNKNOWN;
    }
}
