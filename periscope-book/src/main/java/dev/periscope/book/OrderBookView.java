package dev.periscope.book;

import dev.periscope.model.Side;

/**
 * Read-only view of a price-level book. Level 0 is the best level (highest bid, lowest ask). Prices and sizes
 * are fixed point ({@link dev.periscope.model.Px}); {@link dev.periscope.model.Px#NONE} / 0 when a level is
 * absent. Implementations are single-threaded; reads allocate nothing.
 */
public interface OrderBookView {
    /** Number of non-empty levels on a side. */
    int depth(Side side);

    /** Price of the {@code level}-th best level (0-based), or {@code Px.NONE} if there is none. */
    long price(Side side, int level);

    /** Aggregate size of the {@code level}-th best level, or 0 if there is none. */
    long size(Side side, int level);

    /** Aggregate size resting at {@code price} on {@code side}, 0 if none. */
    long sizeAt(Side side, long price);

    default long bestBid() { return price(Side.BUY, 0); }

    default long bestAsk() { return price(Side.SELL, 0); }

    /** True when both sides exist and best bid &gt; best ask. */
    default boolean isCrossed() {
        long b = bestBid(), a = bestAsk();
        return b != dev.periscope.model.Px.NONE && a != dev.periscope.model.Px.NONE && b > a;
    }
}
