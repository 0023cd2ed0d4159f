package dev.periscope.io.crypto;

import dev.periscope.book.OrderBookView;
import dev.periscope.model.Side;

/**
 * The small book interface the crypto replays write to, so the backing implementation (today
 * {@link dev.periscope.book.ReferenceL2Book}, later the fast {@code L2Book}) can be swapped in one place
 * ({@link #reference()}). Prices and sizes are {@link dev.periscope.model.Px} fixed point; size 0 deletes a level.
 */
public interface LocalBook extends OrderBookView {
    /** Sets the aggregate size at a level (absolute); 0 removes the level. */
    void set(Side side, long price, long size);

    /** Removes every level on both sides. */
    void clear();

    /** Removes the worst levels of {@code side} until at most {@code maxDepth} remain; returns how many were removed. */
    default int truncate(Side side, int maxDepth) {
        int removed = 0;
        while (depth(side) > maxDepth) {
            set(side, price(side, depth(side) - 1), 0);
            removed++;
        }
        return removed;
    }

    /** A new book backed by the fast, allocation-free {@link dev.periscope.book.L2Book} (the replays' default). */
    static LocalBook fast() {
        return new FastLocalBook();
    }

    /** A new book backed by the reference (TreeMap) implementation. */
    static LocalBook reference() {
        return new ReferenceLocalBook();
    }
}
