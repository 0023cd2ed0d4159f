package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The slow, obviously-correct L2 book: two {@link TreeMap}s from price to aggregate size. It is the reference
 * twin against which the fast books are compared in tests (state hash) and the book used where speed does not
 * matter (checksum verification). Allocates on every update; never use on a hot path.
 */
public final class ReferenceL2Book implements MutableL2Book {
    private final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Long, Long> asks = new TreeMap<>();

    /** Sets the aggregate size at a level; size 0 removes it. Negative sizes are rejected. */
    @Override
    public void set(Side side, long price, long size) {
        if (size < 0) throw new IllegalArgumentException("negative size " + size);
        Map<Long, Long> m = side == Side.BUY ? bids : asks;
        if (size == 0) m.remove(price);
        else m.put(price, size);
    }

    @Override
    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** {@inheritDoc} Removes the last keys of the side's map. */
    @Override
    public int truncate(Side side, int maxDepth) {
        NavigableMap<Long, Long> m = map(side);
        int removed = 0;
        while (m.size() > Math.max(maxDepth, 0)) {
            m.pollLastEntry();
            removed++;
        }
        return removed;
    }

    private NavigableMap<Long, Long> map(Side s) { return s == Side.BUY ? bids : asks; }

    @Override
    public int depth(Side side) { return map(side).size(); }

    @Override
    public long price(Side side, int level) {
        int i = 0;
        for (Long p : map(side).keySet()) if (i++ == level) return p;
        return Px.NONE;
    }

    @Override
    public long size(Side side, int level) {
        int i = 0;
        for (Long s : map(side).values()) if (i++ == level) return s;
        return 0;
    }

    @Override
    public long sizeAt(Side side, long price) {
        Long s = map(side).get(price);
        return s == null ? 0 : s;
    }

    /** Levels best-first as an unmodifiable map (price -&gt; size). */
    public NavigableMap<Long, Long> levels(Side side) { return Collections.unmodifiableNavigableMap(map(side)); }

    /** Order-independent-of-implementation hash of the full book state, best level first on each side. */
    public long stateHash() {
        // one pass over each map; equal to BookHash.of(this), which is quadratic here because price(level) walks
        long h = BookHash.SEED;
        for (Side s : Side.values()) {
            NavigableMap<Long, Long> m = map(s);
            h = BookHash.mix(h, m.size());
            for (Map.Entry<Long, Long> e : m.entrySet()) {
                h = BookHash.mix(h, e.getKey());
                h = BookHash.mix(h, e.getValue());
            }
        }
        return h;
    }
}
