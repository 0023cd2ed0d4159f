package dev.periscope.analytics.signing;

import dev.periscope.model.Aggressor;

/**
 * Streaming reverse tick test (Hasbrouck 1988, JFE 22(2), p. 241; Lee &amp; Ready 1991, pp. 735–736): a trade is a
 * buy when the next <em>different</em> trade price is lower (the next trade is a downtick or zero-downtick
 * relative to it), a sell when it is higher. Consecutive trades at one price form a <em>run</em> that stays
 * pending until a trade prints at another price; then the whole run resolves with one sign. Trades still pending
 * at the end of the data are {@link Aggressor#UNKNOWN}.
 *
 * <p>Usage: {@code int n = update(price)}; if {@code n > 0}, the {@code n} trades before this one (the previous
 * run) are signed {@link #resolvedSign()}. Mutable, single-threaded, allocation-free.
 */
public final class ReverseTickRule {
    private int pending;
    private long runPrice;
    private byte resolvedSign = Aggressor.UNKNOWN;

    /** Adds a trade; returns how many earlier trades this price resolves (all with {@link #resolvedSign()}). */
    public int update(long price) {
        if (pending == 0 || price == runPrice) {
            runPrice = price;
            pending++;
            return 0;
        }
        int resolved = pending;
        resolvedSign = price < runPrice ? Aggressor.BUY : Aggressor.SELL;
        runPrice = price;
        pending = 1;
        return resolved;
    }

    /** Sign of the trades resolved by the last {@link #update} that returned &gt; 0. */
    public byte resolvedSign() { return resolvedSign; }

    /** Trades not yet signed (the current run). */
    public int pending() { return pending; }

    /** Forgets all trades. */
    public void reset() {
        pending = 0;
        runPrice = 0;
        resolvedSign = Aggressor.UNKNOWN;
    }
}
