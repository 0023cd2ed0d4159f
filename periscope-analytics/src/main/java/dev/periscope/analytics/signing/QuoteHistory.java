package dev.periscope.analytics.signing;

import dev.periscope.model.Px;

/**
 * A bounded history of top-of-book quotes (epoch-ns time, bid, ask; fixed point, {@link Px#NONE} for an absent
 * side) answering "which quote prevailed at time t" without allocation. The prevailing quote at {@code t} is the
 * last recorded quote with timestamp &lt;= {@code t}; quotes with equal timestamps count in arrival order, so the
 * latest one wins.
 *
 * <p>Storage is a ring of {@code capacity} entries (rounded up to a power of two). A quote identical in both
 * prices to the newest entry is not stored (it does not change any lookup result), so the ring holds only
 * top-of-book <em>changes</em>. When the ring is full the oldest entry is overwritten; a lookup older than every
 * retained entry then returns {@link #EVICTED} rather than a wrong quote. Size the capacity to cover the largest
 * quote lag in use (quote changes per second x lag).
 *
 * <p>Mutable, single-threaded. Quotes must arrive in non-decreasing time; an older one is rejected
 * ({@link #onQuote} returns false) so that the caller can report it.
 */
public final class QuoteHistory {
    /** Lookup result: no quote at or before the requested time (and nothing evicted that could have been). */
    public static final int NOT_FOUND = -1;
    /** Lookup result: the quote that prevailed was overwritten; the ring is too small for this lag. */
    public static final int EVICTED = -2;

    private final long[] ts;
    private final long[] bid;
    private final long[] ask;
    private final int mask;
    /** Logical index of the next write; entries {@code [max(0, next - capacity), next)} are retained. */
    private long next;

    /** A history of at least {@code capacity} quote changes (rounded up to a power of two, minimum 2). */
    public QuoteHistory(int capacity) {
        if (capacity < 1 || capacity > (1 << 28)) throw new IllegalArgumentException("capacity 1..2^28: " + capacity);
        int cap = Math.max(2, Integer.highestOneBit(capacity - 1) << 1);
        ts = new long[cap];
        bid = new long[cap];
        ask = new long[cap];
        mask = cap - 1;
    }

    public int capacity() { return mask + 1; }

    /** Number of retained entries. */
    public int size() { return (int) Math.min(next, mask + 1L); }

    /**
     * Records the quote prevailing from {@code tsNanos} on. Returns false (and records nothing) when
     * {@code tsNanos} is earlier than the newest entry.
     */
    public boolean onQuote(long tsNanos, long bidPrice, long askPrice) {
        if (next > 0) {
            int last = (int) ((next - 1) & mask);
            if (tsNanos < ts[last]) return false;
            if (bid[last] == bidPrice && ask[last] == askPrice) return true;
        }
        int slot = (int) (next & mask);
        ts[slot] = tsNanos;
        bid[slot] = bidPrice;
        ask[slot] = askPrice;
        next++;
        return true;
    }

    /**
     * The slot of the quote prevailing at {@code asOfNanos} (use with {@link #bid(int)} / {@link #ask(int)} /
     * {@link #time(int)} before the next {@link #onQuote}), or {@link #NOT_FOUND} / {@link #EVICTED}.
     */
    public int lookup(long asOfNanos) {
        if (next == 0) return NOT_FOUND;
        long hi = next - 1;
        if (ts[(int) (hi & mask)] <= asOfNanos) return (int) (hi & mask);
        long lo = Math.max(0, next - (mask + 1L));
        if (ts[(int) (lo & mask)] > asOfNanos) return lo > 0 ? EVICTED : NOT_FOUND;
        // invariant: ts[lo] <= asOf < ts[hi]
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (ts[(int) (mid & mask)] <= asOfNanos) lo = mid; else hi = mid;
        }
        return (int) (lo & mask);
    }

    public long time(int slot) { return ts[slot]; }

    public long bid(int slot) { return bid[slot]; }

    public long ask(int slot) { return ask[slot]; }

    /** Forgets every quote. */
    public void clear() { next = 0; }
}
