package dev.periscope.book;

import dev.periscope.model.Side;

/**
 * A price-level book that venue feeds write to: absolute level sizes ({@link dev.periscope.model.Px} fixed point,
 * size 0 deletes), clear, and truncation to a subscribed depth. Implemented by the fast, allocation-free
 * {@link L2Book} and its slow, obviously-correct twin {@link ReferenceL2Book}, which tests compare state for state.
 * Single-threaded.
 */
public interface MutableL2Book extends OrderBookView {
    /** Sets the aggregate size at a level (absolute); 0 removes the level. Throws on a negative size. */
    void set(Side side, long price, long size);

    /** Removes every level on both sides. */
    void clear();

    /**
     * Removes the worst levels of {@code side} until at most {@code maxDepth} remain; returns how many were removed.
     * This default removes them one by one; implementations may do it in one step.
     */
    default int truncate(Side side, int maxDepth) {
        int removed = 0;
        while (depth(side) > Math.max(maxDepth, 0)) {
            set(side, price(side, depth(side) - 1), 0);
            removed++;
        }
        return removed;
    }
}
