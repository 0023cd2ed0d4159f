package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;

import java.util.Arrays;

/**
 * Fast price-level (L2) book. Each side is in one of two layouts and switches between them by itself:
 * <ul>
 * <li><b>dense tick window</b> (the usual case): sizes indexed by {@code (price - base) / tick} in a power-of-two
 *     array with an occupancy bitmap and a best-index pointer, so an update is an index computation and a store.
 *     The tick is learned as the gcd of the differences between the side's levels (no tick size needed); the
 *     window re-centres (moving the levels, growing if needed) when a level falls outside it;</li>
 * <li><b>sorted arrays</b> (fallback): keys and sizes interleaved in one array kept <em>worst level first, best
 *     level last</em>, found by a branch-free scan of the 8 levels nearest the touch then a galloping search;
 *     inserts and deletes shift only the levels between the update and the touch. Used when a level is off the
 *     learned tick grid, or when the side's levels span more than {@code MAX_CAP / 2} ticks (a level far from the
 *     others, a crypto bid at 1e-8 under a 60,000 price); the side tries the dense layout again every 64 updates,
 *     backing off exponentially while it does not fit.</li>
 * </ul>
 * Both hold any depth and any tick (crypto prices with 8 decimals). Arrays grow when full (the only allocation;
 * none in steady state). Reads and updates allocate nothing; {@code price(side, k)} walks the bitmap from the
 * last level read, so reading levels 0, 1, 2, ... in order costs O(1) each.
 *
 * <p>Sizes are {@link Px} fixed point and never negative; size 0 removes a level. Single-threaded.
 */
public final class L2Book implements MutableL2Book {
    private final L2Ladder bids = new L2Ladder(1);
    private final L2Ladder asks = new L2Ladder(-1);
    /** Indexed by {@link Side#ordinal()}: a load instead of a branch that a 50/50 mix of sides mispredicts. */
    private final L2Ladder[] bySide = new L2Ladder[2];

    {
        bySide[Side.BUY.ordinal()] = bids;
        bySide[Side.SELL.ordinal()] = asks;
    }

    public L2Book() {}

    private L2Ladder ladder(Side s) { return bySide[s.ordinal()]; }

    /** Sets the aggregate size at a level; 0 removes it. Throws on a negative size or {@link Px#NONE} price. */
    @Override
    public void set(Side side, long price, long size) {
        if (size < 0) throw new IllegalArgumentException("negative size " + size + " at " + price);
        if (price == Px.NONE) throw new IllegalArgumentException("price NONE");
        ladder(side).set(price, size);
    }

    /**
     * Adds {@code delta} (may be negative) to the level and returns the new size; the level is removed at 0.
     * Throws if the result would be negative (callers that can see inconsistent input check first).
     */
    public long add(Side side, long price, long delta) {
        if (price == Px.NONE) throw new IllegalArgumentException("price NONE");
        return ladder(side).add(price, delta);
    }

    /** Applies an absolute level update; a {@link BookDeltaEvent#FLAG_CLEAR} delta clears both sides first and carries no level. */
    public void apply(BookDeltaEvent d) {
        if (d.isClear()) {
            clear();
            return;
        }
        set(d.side, d.price, d.size);
    }

    @Override
    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** Removes every level strictly worse than {@code price} on {@code side}. */
    public void truncateWorseThan(Side side, long price) {
        ladder(side).truncateWorseThan(price);
    }

    /** {@inheritDoc} In one step ({@link #truncateWorseThan}) when some levels stay. */
    @Override
    public int truncate(Side side, int maxDepth) {
        int n = depth(side);
        if (n <= maxDepth) return 0;
        if (maxDepth <= 0) {
            for (int i = n - 1; i >= 0; i--) set(side, price(side, i), 0);
            return n;
        }
        truncateWorseThan(side, price(side, maxDepth - 1));
        return n - depth(side);
    }

    @Override
    public int depth(Side side) { return ladder(side).n; }

    @Override
    public long price(Side side, int level) {
        L2Ladder l = ladder(side);
        if (level < 0 || level >= l.n) return Px.NONE;
        return l.sign * l.keyOfLevel(level);
    }

    @Override
    public long size(Side side, int level) {
        L2Ladder l = ladder(side);
        if (level < 0 || level >= l.n) return 0;
        return l.sizeOfLevel(level);
    }

    @Override
    public long sizeAt(Side side, long price) {
        return ladder(side).sizeAt(price);
    }

    /** For tests: whether the side currently keeps its levels in the dense tick window, and its tick (0 if not). */
    boolean denseWindow(Side side) { return ladder(side).dense; }

    long windowTick(Side side) { return ladder(side).dense ? ladder(side).tick : 0; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("L2Book[bids");
        for (int i = 0; i < Math.min(5, depth(Side.BUY)); i++)
            sb.append(' ').append(Px.format(size(Side.BUY, i))).append('@').append(Px.format(price(Side.BUY, i)));
        sb.append(" | asks");
        for (int i = 0; i < Math.min(5, depth(Side.SELL)); i++)
            sb.append(' ').append(Px.format(size(Side.SELL, i))).append('@').append(Px.format(price(Side.SELL, i)));
        return sb.append(']').toString();
    }
}
