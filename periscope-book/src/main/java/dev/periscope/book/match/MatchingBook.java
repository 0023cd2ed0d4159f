package dev.periscope.book.match;

import java.util.Arrays;

/**
 * One lit venue's limit order book with price-time priority matching (an L3 book: individual orders in FIFO
 * queues per price level). Prices are integer tick indices {@code 0 <= tick < levels} (price = tick x tick size);
 * quantities are whole shares. Orders live in a pool of primitive arrays addressed by slot; a slot is recycled
 * after its order leaves the book, so callers hold (slot, orderId) pairs and check {@link #isLive(int, long)}.
 *
 * <p>Matching only ever consumes the best opposite level first and, inside a level, the oldest order first; every
 * fill is appended to a {@link Fills} buffer for the caller (the market simulator, later a backtest's simulated
 * exchange) to turn into events. Resting (non-marketable) orders are added with {@link #add}; the caller guarantees
 * they do not cross the opposite side (the simulator's Reg NMS price slide does), and {@link #add} rejects a crossing
 * add as a programming error. Each order carries an opaque owner byte and owner reference for the caller's
 * bookkeeping, handed back with its fills.
 *
 * <p>Allocation-free after construction except when the order pool grows. Not thread-safe.
 */
public final class MatchingBook {
    /** Side codes, {@link dev.periscope.model.Side}'s: +1 buy (bid), -1 sell (offer); an aggressor's resting counterpart is {@code -side}. */
    public static final byte BUY = dev.periscope.model.Side.BUY_CODE, SELL = dev.periscope.model.Side.SELL_CODE;

    private final char venue;
    private final int levels;
    private final int[] bidHead, bidTail, askHead, askTail;
    private final long[] bidQty, askQty;
    private int bestBid = -1, bestAsk;
    private long nextOrderId;

    // order pool
    private long[] oId = new long[0];
    private int[] oTick = new int[0];
    private long[] oQty = new long[0];
    private byte[] oSide = new byte[0];
    private int[] oNext = new int[0], oPrev = new int[0];
    private byte[] oOwner = new byte[0];
    private int[] oRef = new int[0];
    private int freeHead = -1, poolUsed, liveOrders;

    /**
     * An empty book of {@code levels} price ticks ({@code 0 .. levels-1}) for venue {@code venue}; its order ids are
     * {@code firstOrderId}, {@code firstOrderId + 1}, ... in order of {@link #add}.
     */
    public MatchingBook(char venue, int levels, long firstOrderId) {
        this.venue = venue;
        this.levels = levels;
        bidHead = filled(levels); bidTail = filled(levels); askHead = filled(levels); askTail = filled(levels);
        bidQty = new long[levels]; askQty = new long[levels];
        bestAsk = levels;
        nextOrderId = firstOrderId;
        grow(1024);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private void grow(int cap) {
        int old = oId.length;
        oId = Arrays.copyOf(oId, cap); oTick = Arrays.copyOf(oTick, cap); oQty = Arrays.copyOf(oQty, cap);
        oSide = Arrays.copyOf(oSide, cap); oNext = Arrays.copyOf(oNext, cap); oPrev = Arrays.copyOf(oPrev, cap);
        oOwner = Arrays.copyOf(oOwner, cap); oRef = Arrays.copyOf(oRef, cap);
        for (int i = old; i < cap; i++) oId[i] = 0;
    }

    /** The venue's participant code. */
    public char venue() { return venue; }

    /** Number of price ticks: valid ticks are {@code 0 .. levels-1}. */
    public int levels() { return levels; }

    /** Best bid tick or -1 when there are no bids. */
    public int bestBid() { return bestBid; }

    /** Best ask tick or {@link #levels} when there are no asks. */
    public int bestAsk() { return bestAsk; }

    public boolean hasBid() { return bestBid >= 0; }

    public boolean hasAsk() { return bestAsk < levels; }

    /** Aggregate shares resting at {@code tick} on a side. */
    public long qtyAt(byte side, int tick) { return side == BUY ? bidQty[tick] : askQty[tick]; }

    public int liveOrders() { return liveOrders; }

    public long lastOrderId() { return nextOrderId - 1; }

    public boolean isLive(int slot, long orderId) { return slot >= 0 && slot < poolUsed && oId[slot] == orderId; }

    public long orderId(int slot) { return oId[slot]; }

    public int tick(int slot) { return oTick[slot]; }

    public long qty(int slot) { return oQty[slot]; }

    public byte side(int slot) { return oSide[slot]; }

    public byte owner(int slot) { return oOwner[slot]; }

    public int ownerRef(int slot) { return oRef[slot]; }

    public void setOwnerRef(int slot, int ref) { oRef[slot] = ref; }

    /**
     * Rests a new order; returns its slot (the order id is {@link #orderId(int)}). The order must not cross or
     * lock the opposite side of this book.
     */
    public int add(byte side, int tick, long qty, byte owner, int ownerRef) {
        if (qty <= 0) throw new IllegalArgumentException("qty " + qty);
        if (tick < 0 || tick >= levels) throw new IllegalArgumentException("tick out of range " + tick);
        if (side == BUY ? tick >= bestAsk : tick <= bestBid)
            throw new IllegalStateException(venue + ": add would cross: side " + side + " tick " + tick + " bid " + bestBid + " ask " + bestAsk);
        int s;
        if (freeHead >= 0) { s = freeHead; freeHead = oNext[s]; }
        else {
            if (poolUsed == oId.length) grow(oId.length * 2);
            s = poolUsed++;
        }
        oId[s] = nextOrderId++; oTick[s] = tick; oQty[s] = qty; oSide[s] = side; oOwner[s] = owner; oRef[s] = ownerRef;
        oNext[s] = -1;
        liveOrders++;
        if (side == BUY) {
            int t = bidTail[tick];
            oPrev[s] = t;
            if (t < 0) bidHead[tick] = s; else oNext[t] = s;
            bidTail[tick] = s;
            bidQty[tick] += qty;
            if (tick > bestBid) bestBid = tick;
        } else {
            int t = askTail[tick];
            oPrev[s] = t;
            if (t < 0) askHead[tick] = s; else oNext[t] = s;
            askTail[tick] = s;
            askQty[tick] += qty;
            if (tick < bestAsk) bestAsk = tick;
        }
        return s;
    }

    /** Reduces a live order by {@code qty} (less than its remaining size); it keeps its time priority. */
    public void reduce(int slot, long qty) {
        if (qty <= 0 || qty >= oQty[slot]) throw new IllegalArgumentException("partial cancel " + qty + " of " + oQty[slot]);
        oQty[slot] -= qty;
        if (oSide[slot] == BUY) bidQty[oTick[slot]] -= qty; else askQty[oTick[slot]] -= qty;
    }

    /** Removes a live order entirely. */
    public void delete(int slot) {
        if (oSide[slot] == BUY) bidQty[oTick[slot]] -= oQty[slot]; else askQty[oTick[slot]] -= oQty[slot];
        unlink(slot);
    }

    private void unlink(int s) {
        int tick = oTick[s], p = oPrev[s], n = oNext[s];
        if (oSide[s] == BUY) {
            if (p < 0) bidHead[tick] = n; else oNext[p] = n;
            if (n < 0) bidTail[tick] = p; else oPrev[n] = p;
            if (bidHead[tick] < 0 && tick == bestBid) {
                int b = tick - 1;
                while (b >= 0 && bidHead[b] < 0) b--;
                bestBid = b;
            }
        } else {
            if (p < 0) askHead[tick] = n; else oNext[p] = n;
            if (n < 0) askTail[tick] = p; else oPrev[n] = p;
            if (askHead[tick] < 0 && tick == bestAsk) {
                int a = tick + 1;
                while (a < levels && askHead[a] < 0) a++;
                bestAsk = a;
            }
        }
        oId[s] = 0; oQty[s] = 0;
        oNext[s] = freeHead; freeHead = s;
        liveOrders--;
    }

    /**
     * Takes up to {@code qty} shares from the best opposite level of an aggressor on {@code aggSide}, only if that
     * level is at or better than {@code limitTick}; oldest orders first. Returns the quantity filled (0 if the
     * best opposite level is beyond the limit or the side is empty). One level per call.
     */
    public long takeBestLevel(byte aggSide, long qty, int limitTick, Fills out) {
        int tick;
        if (aggSide == BUY) {
            tick = bestAsk;
            if (tick >= levels || tick > limitTick) return 0;
        } else {
            tick = bestBid;
            if (tick < 0 || tick < limitTick) return 0;
        }
        long done = 0;
        byte restSide = (byte) -aggSide;
        while (done < qty) {
            int s = restSide == BUY ? bidHead[tick] : askHead[tick];
            if (s < 0) break;
            long f = Math.min(qty - done, oQty[s]);
            long remaining = oQty[s] - f;
            out.add(venue, s, oId[s], restSide, tick, f, remaining, oOwner[s], oRef[s]);
            done += f;
            if (restSide == BUY) bidQty[tick] -= f; else askQty[tick] -= f;
            if (remaining == 0) unlink(s);
            else oQty[s] = remaining;
        }
        return done;
    }

    /** Oldest live order at a level, or -1. */
    public int headAt(byte side, int tick) { return side == BUY ? bidHead[tick] : askHead[tick]; }

    /** Next order in the level's FIFO after {@code slot}, or -1. */
    public int nextInLevel(int slot) { return oNext[slot]; }

    /**
     * Checks every structural invariant (slow; tests only): per-level sums equal the sum of the level's orders,
     * FIFO links are consistent, best prices are the extreme non-empty levels and the book is not crossed.
     * Returns null when all hold, else a description of the first violation.
     */
    public String checkInvariants() {
        int count = 0;
        int bb = -1, ba = levels;
        for (int t = 0; t < levels; t++) {
            for (int side = 0; side < 2; side++) {
                byte sd = side == 0 ? BUY : SELL;
                int s = headAt(sd, t), prev = -1;
                long sum = 0;
                while (s >= 0) {
                    if (oTick[s] != t || oSide[s] != sd) return "order " + oId[s] + " in wrong level";
                    if (oPrev[s] != prev) return "broken prev link at order " + oId[s];
                    if (oQty[s] <= 0) return "non-positive order qty " + oId[s];
                    sum += oQty[s]; count++;
                    prev = s; s = oNext[s];
                }
                if ((sd == BUY ? bidTail[t] : askTail[t]) != prev) return "broken tail at tick " + t;
                if (sum != qtyAt(sd, t)) return "level sum mismatch at tick " + t + " side " + sd + ": " + sum + " vs " + qtyAt(sd, t);
                if (sum > 0) { if (sd == BUY) bb = Math.max(bb, t); else ba = Math.min(ba, t); }
            }
        }
        if (bb != bestBid) return "bestBid " + bestBid + " but highest bid level " + bb;
        if (ba != bestAsk) return "bestAsk " + bestAsk + " but lowest ask level " + ba;
        if (bb >= 0 && ba < levels && bb >= ba) return "crossed or locked book " + bb + " / " + ba;
        if (count != liveOrders) return "live order count " + liveOrders + " but " + count + " in levels";
        return null;
    }

    /**
     * Append-only buffer of fills produced by matching, read by index {@code 0 .. size()-1}; the caller clears it
     * after use. Grows (allocates) only when one call fills more orders than ever before.
     */
    public static final class Fills {
        private int n;
        private char[] venue = new char[64];
        private int[] slot = new int[64], tick = new int[64], ownerRef = new int[64];
        private long[] orderId = new long[64], qty = new long[64], remaining = new long[64];
        private byte[] restSide = new byte[64], owner = new byte[64];

        void add(char v, int s, long id, byte side, int t, long q, long rem, byte own, int ref) {
            if (n == slot.length) {
                int c = n * 2;
                venue = Arrays.copyOf(venue, c); slot = Arrays.copyOf(slot, c); tick = Arrays.copyOf(tick, c);
                ownerRef = Arrays.copyOf(ownerRef, c); orderId = Arrays.copyOf(orderId, c); qty = Arrays.copyOf(qty, c);
                remaining = Arrays.copyOf(remaining, c); restSide = Arrays.copyOf(restSide, c); owner = Arrays.copyOf(owner, c);
            }
            venue[n] = v; slot[n] = s; orderId[n] = id; restSide[n] = side; tick[n] = t; qty[n] = q; remaining[n] = rem;
            owner[n] = own; ownerRef[n] = ref;
            n++;
        }

        /** Forgets every fill. */
        public void clear() { n = 0; }

        /** Number of fills since the last {@link #clear()}. */
        public int size() { return n; }

        /** Venue of fill {@code i}. */
        public char venue(int i) { return venue[i]; }

        /** Book slot of the resting order of fill {@code i} (free again if {@link #remaining} is 0). */
        public int slot(int i) { return slot[i]; }

        /** Order id of the resting order of fill {@code i}. */
        public long orderId(int i) { return orderId[i]; }

        /** Side of the resting order of fill {@code i} ({@link #BUY} or {@link #SELL}). */
        public byte restSide(int i) { return restSide[i]; }

        /** Price tick of fill {@code i}. */
        public int tick(int i) { return tick[i]; }

        /** Shares executed in fill {@code i}. */
        public long qty(int i) { return qty[i]; }

        /** Shares the resting order has left after fill {@code i} (0 = it left the book). */
        public long remaining(int i) { return remaining[i]; }

        /** Owner byte of the resting order of fill {@code i}, as given to {@link MatchingBook#add}. */
        public byte owner(int i) { return owner[i]; }

        /** Owner reference of the resting order at the time of fill {@code i} (may since have been changed). */
        public int ownerRef(int i) { return ownerRef[i]; }
    }
}
