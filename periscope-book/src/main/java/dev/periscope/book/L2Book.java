package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;

import java.util.Arrays;

/**
 * Fast price-level (L2) book. Each side is a sorted pair of primitive arrays (prices, aggregate sizes) kept
 * <em>worst level first, best level last</em>, so that the common updates at and near the touch shift only the
 * few elements between the update and the end; lookups are binary searches. This works for any depth, any tick
 * (crypto prices with 8 decimals, levels far from the touch) and needs no tick size, unlike a tick-indexed ladder.
 * Arrays double when full (the only allocation; none in steady state). Reads and updates allocate nothing.
 *
 * <p>Sizes are {@link Px} fixed point and never negative; size 0 removes a level. Single-threaded.
 */
public final class L2Book implements OrderBookView {
    private final Ladder bids = new Ladder(1);
    private final Ladder asks = new Ladder(-1);
    /** Indexed by {@link Side#ordinal()}: a load instead of a branch that a 50/50 mix of sides mispredicts. */
    private final Ladder[] bySide = new Ladder[2];

    {
        bySide[Side.BUY.ordinal()] = bids;
        bySide[Side.SELL.ordinal()] = asks;
    }

    public L2Book() {}

    private Ladder ladder(Side s) { return bySide[s.ordinal()]; }

    /** Sets the aggregate size at a level; 0 removes it. Throws on a negative size or {@link Px#NONE} price. */
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

    public void clear() {
        bids.n = 0;
        asks.n = 0;
    }

    /** Removes every level strictly worse than {@code price} on {@code side}. */
    public void truncateWorseThan(Side side, long price) {
        ladder(side).truncateWorseThan(price);
    }

    @Override
    public int depth(Side side) { return ladder(side).n; }

    @Override
    public long price(Side side, int level) {
        Ladder l = ladder(side);
        if (level < 0 || level >= l.n) return Px.NONE;
        return l.sign * l.key(l.n - 1 - level);
    }

    @Override
    public long size(Side side, int level) {
        Ladder l = ladder(side);
        if (level < 0 || level >= l.n) return 0;
        return l.size(l.n - 1 - level);
    }

    @Override
    public long sizeAt(Side side, long price) {
        Ladder l = ladder(side);
        int i = l.find(price);
        return i >= 0 ? l.size(i) : 0;
    }

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

    /**
     * One side: keys = sign x price ascending, so the best level (largest key) is last. Keys and sizes are
     * interleaved in one array ({@code a[2i]} = key, {@code a[2i + 1]} = size of level i): the size sits in the
     * cache line of its key and an insert or delete is a single shift.
     */
    private static final class Ladder {
        /** Levels within this many of the touch are found by a linear scan (updates concentrate there). */
        private static final int LINEAR = 8;
        /** Shifts of at most this many longs are done by a plain loop, longer ones by {@link System#arraycopy}. */
        private static final int SHORT = 16;

        final long sign;
        long[] a = new long[128];
        int n;

        Ladder(long sign) { this.sign = sign; }

        long key(int i) { return a[i << 1]; }

        long size(int i) { return a[(i << 1) + 1]; }

        /**
         * Index of the level with this key, or -(insertion point) - 1. A linear scan over the {@link #LINEAR}
         * levels nearest the touch (the end of the array), then a galloping search: O(log d) for a level d steps
         * from the touch, where feeds concentrate their updates.
         */
        int find(long price) {
            final long k = sign * price;
            final long[] a = this.a;
            int hi = n - 1;
            if (hi >= LINEAR) {
                // branch-free count of the keys > k among the LINEAR levels nearest the touch; keys ascend, so
                // those keys are a suffix and the count is the distance of k from the touch
                int b = (hi - (LINEAR - 1)) << 1;
                int c = (a[b] > k ? 1 : 0) + (a[b + 2] > k ? 1 : 0) + (a[b + 4] > k ? 1 : 0) + (a[b + 6] > k ? 1 : 0)
                        + (a[b + 8] > k ? 1 : 0) + (a[b + 10] > k ? 1 : 0) + (a[b + 12] > k ? 1 : 0) + (a[b + 14] > k ? 1 : 0);
                if (c < LINEAR) {
                    int i = hi - c;
                    return a[i << 1] == k ? i : -(i + 2);
                }
                hi -= LINEAR - 1; // key[hi] > k
            } else {
                while (true) {
                    if (hi < 0) return -1;
                    long v = a[hi << 1];
                    if (v <= k) return v == k ? hi : -(hi + 2);
                    hi--;
                }
            }
            if (hi == 0) return -1;
            // key[hi] > k: gallop down until key[lo] <= k
            int step = 1, lo = hi - 1;
            while (lo >= 0 && a[lo << 1] > k) {
                hi = lo;
                step <<= 1;
                lo = hi - step;
            }
            if (lo < 0) lo = 0;
            // now key[hi] > k, and key[lo] <= k or lo == 0; binary search in [lo, hi - 1]
            hi = hi - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long v = a[mid << 1];
                if (v < k) lo = mid + 1;
                else if (v > k) hi = mid - 1;
                else return mid;
            }
            return -(lo + 1);
        }

        void set(long price, long sz) {
            int i = find(price);
            if (i >= 0) {
                if (sz == 0) remove(i);
                else a[(i << 1) + 1] = sz;
            } else if (sz != 0) {
                insert(-i - 1, sign * price, sz);
            }
        }

        long add(long price, long delta) {
            int i = find(price);
            if (i >= 0) {
                long v = a[(i << 1) + 1] + delta;
                if (v < 0) throw new IllegalStateException("level " + Px.format(price) + " would become negative: "
                        + Px.format(a[(i << 1) + 1]) + " + " + Px.format(delta));
                if (v == 0) remove(i);
                else a[(i << 1) + 1] = v;
                return v;
            }
            if (delta < 0) throw new IllegalStateException("no level at " + Px.format(price) + " to reduce by " + Px.format(-delta));
            if (delta > 0) insert(-i - 1, sign * price, delta);
            return delta;
        }

        private void insert(int at, long k, long sz) {
            long[] a = this.a;
            int n2 = n << 1, at2 = at << 1;
            if (n2 == a.length) this.a = a = Arrays.copyOf(a, n2 * 2);
            int len = n2 - at2;
            if (len <= SHORT) {
                for (int j = n2 - 1; j >= at2; j--) a[j + 2] = a[j];
            } else {
                System.arraycopy(a, at2, a, at2 + 2, len);
            }
            a[at2] = k;
            a[at2 + 1] = sz;
            n++;
        }

        private void remove(int at) {
            long[] a = this.a;
            int at2 = at << 1, n2 = n << 1;
            if (n2 - at2 - 2 <= SHORT) {
                for (int j = at2 + 2; j < n2; j++) a[j - 2] = a[j];
            } else {
                System.arraycopy(a, at2 + 2, a, at2, n2 - at2 - 2);
            }
            n--;
        }

        void truncateWorseThan(long price) {
            int i = find(price);
            int keepFrom = i >= 0 ? i : -i - 1; // first index with key >= sign*price
            if (keepFrom == 0) return;
            System.arraycopy(a, keepFrom << 1, a, 0, (n - keepFrom) << 1);
            n -= keepFrom;
        }
    }
}
