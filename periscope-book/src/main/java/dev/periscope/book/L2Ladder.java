package dev.periscope.book;

import dev.periscope.model.Px;
import java.util.Arrays;

/**
 * One side of an {@link L2Book}, keyed by key = sign x price so that the best level has the largest key on both
 * sides. Dense mode: see {@link L2Book}'s class comment and {@link #slot}. Sorted mode: keys ascending, so the best
 * level is last. Keys and sizes are interleaved in one array ({@code a[2i]} = key, {@code a[2i + 1]} = size of level i): the size sits in the
 * cache line of its key and an insert or delete is a single shift.
 */
final class L2Ladder {
    /** Levels within this many of the touch are found by a linear scan (updates concentrate there). */
    private static final int LINEAR = 8;
    /** Shifts of at most this many longs are done by a plain loop, longer ones by {@link System#arraycopy}. */
    private static final int SHORT = 16;

    /** Dense window: at most this many ticks (sizes array length, a power of two). */
    static final int MAX_CAP = 1 << 16;
    static final int MIN_CAP = 1 << 10;
    /** Keys and window ends stay within +-2^61 so that {@code key - base} cannot wrap into the window. */
    static final long KEY_LIMIT = 1L << 61;
    static final int FIRST_ATTEMPT = 64;
    /**
     * A side goes dense only if its levels span fewer than SPARSE ticks per level (or 256 ticks), and leaves
     * the window when they would span more than twice that: memory stays within about 1 KB per level, and a
     * sparse side (where the sorted arrays are short and fast anyway) does not get a mostly empty window.
     */
    static final int SPARSE = 32;

    final long sign;
    int n;

    // sorted mode
    long[] a = new long[128];

    // dense mode: level of key base + q * tick has size dsz[q] (0 = none) and bit q of bits set
    boolean dense;
    long[] dsz = new long[0];
    long[] bits = new long[0];
    int cap;          // window length in ticks (power of two), <= dsz.length
    long base, tick, span; // span = cap * tick
    double invTick;
    int best = -1;    // highest occupied index, -1 when empty
    int curLevel = -1, curIdx; // last level walked by keyOfLevel (reset on every change)

    // sorted -> dense attempts
    int sinceAttempt, attemptEvery = FIRST_ATTEMPT;

    L2Ladder(long sign) { this.sign = sign; }

    void clear() {
        if (dense) {
            for (int w = 0, words = cap >>> 6; w < words; w++) {
                long b = bits[w];
                while (b != 0) {
                    dsz[(w << 6) + Long.numberOfTrailingZeros(b)] = 0;
                    b &= b - 1;
                }
                bits[w] = 0;
            }
            best = -1;
            curLevel = -1;
        }
        n = 0;
        sinceAttempt = 0;
        attemptEvery = FIRST_ATTEMPT;
    }

    /** Index of the window slot of {@code key}, or -1 if it is outside the window or off the tick grid. */
    int slot(long key) {
        long d = key - base;
        if (d < 0 || d >= span) return -1;
        long q = (long) (d * invTick);
        long r = d - q * tick;
        if (r < 0) { q--; r += tick; }
        else if (r >= tick) { q++; r -= tick; }
        return r == 0 ? (int) q : -1;
    }

    /** Key of the level-th best level (0 = best); level < n. */
    long keyOfLevel(int level) {
        if (!dense) return a[(n - 1 - level) << 1];
        return base + denseIndexOfLevel(level) * tick;
    }

    long sizeOfLevel(int level) {
        if (!dense) return a[((n - 1 - level) << 1) + 1];
        return dsz[denseIndexOfLevel(level)];
    }

    private int denseIndexOfLevel(int level) {
        if (level == 0) return best;
        int q, l;
        if (curLevel >= 0 && curLevel <= level) { q = curIdx; l = curLevel; }
        else { q = best; l = 0; }
        while (l < level) { q = prevSet(q); l++; }
        curLevel = level;
        curIdx = q;
        return q;
    }

    /** Highest occupied index below q, or -1. */
    private int prevSet(int q) {
        int w = q >>> 6;
        long b = bits[w] & ((1L << q) - 1); // bits below q in its word (q & 63 == 0 gives 0)
        while (b == 0) {
            if (--w < 0) return -1;
            b = bits[w];
        }
        return (w << 6) + 63 - Long.numberOfLeadingZeros(b);
    }

    private int lowestSet() {
        for (int w = 0, words = cap >>> 6; w < words; w++) {
            if (bits[w] != 0) return (w << 6) + Long.numberOfTrailingZeros(bits[w]);
        }
        return -1;
    }

    long sizeAt(long price) {
        long k = sign * price;
        if (dense) {
            int q = slot(k);
            return q >= 0 ? dsz[q] : 0;
        }
        int i = find(k);
        return i >= 0 ? a[(i << 1) + 1] : 0;
    }

    /** Dense update of slot q (sz 0 removes). */
    private void denseSet(int q, long sz) {
        long old = dsz[q];
        curLevel = -1;
        if (sz != 0) {
            dsz[q] = sz;
            if (old == 0) {
                bits[q >>> 6] |= 1L << q;
                n++;
                if (q > best) best = q;
            }
        } else if (old != 0) {
            dsz[q] = 0;
            bits[q >>> 6] &= ~(1L << q);
            n--;
            if (q == best) best = n == 0 ? -1 : prevSet(q);
        }
    }

    /**
     * Moves (and if needed widens) the window so that it covers {@code key} and every level; false when that
     * is impossible (key off the tick grid, or the levels span more than {@link #MAX_CAP} / 2 ticks).
     * Allocates only when the window grows.
     */
    private boolean relocate(long key) {
        if (key > KEY_LIMIT || key < -KEY_LIMIT) return false;
        if (n == 0) {
            long nb = key - (long) (cap >>> 1) * tick;
            if (nb < -KEY_LIMIT || nb + span > KEY_LIMIT) return false;
            base = nb;
            return true;
        }
        long d = key - base; // |key|, |base| <= 2^61: no overflow
        if (d % tick != 0) return false;
        long kq = d / tick;
        long lo = Math.min(lowestSet(), kq), hi = Math.max(best, kq);
        long need = hi - lo + 1;
        if (need > MAX_CAP / 2 || need > Math.max(MIN_CAP / 2, SPARSE * 2L * n)) return false;
        int newCap = cap;
        while (newCap < 2 * need) newCap <<= 1;
        long shift = (lo + hi) / 2 - newCap / 2; // new index = old index - shift
        long nb = base + shift * tick;
        if (nb < -KEY_LIMIT || nb + (double) newCap * tick > KEY_LIMIT) return false;
        long[] nsz = dsz, nbits = bits;
        if (newCap > dsz.length) {
            nsz = new long[newCap];
            nbits = new long[newCap >>> 6];
        }
        // move the levels: walk the occupied slots in the direction that never overwrites an unread one
        if (shift > 0 || nsz != dsz) {
            for (int q = lowestSet(); q >= 0 && q <= best; q = nextSet(q + 1)) move(q, (int) (q - shift), nsz, nbits);
        } else if (shift < 0) {
            for (int q = best; q >= 0; q = prevSet(q)) move(q, (int) (q - shift), nsz, nbits);
        }
        dsz = nsz;
        bits = nbits;
        cap = newCap;
        base = nb;
        span = (long) newCap * tick;
        best = (int) (best - shift);
        curLevel = -1;
        return true;
    }

    private void move(int from, int to, long[] nsz, long[] nbits) {
        long v = dsz[from];
        dsz[from] = 0;
        bits[from >>> 6] &= ~(1L << from);
        nsz[to] = v;
        nbits[to >>> 6] |= 1L << to;
    }

    /** Lowest occupied index at or above q, or -1. */
    private int nextSet(int q) {
        int w = q >>> 6, words = cap >>> 6;
        if (w >= words) return -1;
        long b = bits[w] & (-1L << q);
        while (b == 0) {
            if (++w >= words) return -1;
            b = bits[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(b);
    }

    /** Dense -> sorted arrays (keeps the dense arrays, zeroed, for a later attempt). */
    private void toSorted() {
        if (a.length < 2 * n) a = new long[Integer.highestOneBit(2 * n) * 2];
        int i = 0;
        for (int q = lowestSet(); q >= 0; q = nextSet(q + 1)) {
            a[i << 1] = base + q * tick;
            a[(i << 1) + 1] = dsz[q];
            dsz[q] = 0;
            bits[q >>> 6] &= ~(1L << q);
            i++;
        }
        dense = false;
        best = -1;
        curLevel = -1;
        sinceAttempt = 0;
    }

    /**
     * Sorted -> dense when the levels lie on a common tick grid (the gcd of their differences) spanning at most
     * {@link #MAX_CAP} / 4 ticks and fewer than {@link #SPARSE} ticks per level. Called every {@link #attemptEvery} updates in sorted mode; the interval
     * doubles after each failure so that books that do not fit pay almost nothing.
     */
    private void tryDense() {
        sinceAttempt = 0;
        if (n < 2) return;
        long k0 = a[0], k1 = a[(n - 1) << 1];
        if (k0 < -KEY_LIMIT / 2 || k1 > KEY_LIMIT / 2) { fail(); return; }
        long range = k1 - k0, g = 0;
        long limit = Math.min(MAX_CAP / 4, Math.max(MIN_CAP / 4, (long) SPARSE * n) - 1); // ticks
        for (int i = 1; i < n; i++) {
            g = gcd(g, a[i << 1] - k0);
            if (range / g > limit) { fail(); return; }  // g only shrinks: stop as soon as it cannot fit
        }
        int need = (int) (range / g) + 1;
        int c = MIN_CAP;
        while (c < 4 * need) c <<= 1;
        if ((double) c * g > KEY_LIMIT / 2) { fail(); return; }
        if (dsz.length < c) {
            dsz = new long[c];
            bits = new long[c >>> 6];
        }
        cap = c;
        tick = g;
        invTick = 1.0 / g;
        span = (long) c * g;
        base = k0 - (long) ((c - need) / 2) * g;
        best = -1;
        for (int i = 0; i < n; i++) {
            int q = (int) ((a[i << 1] - base) / g);
            dsz[q] = a[(i << 1) + 1];
            bits[q >>> 6] |= 1L << q;
            best = q;
        }
        curLevel = -1;
        dense = true;
        attemptEvery = FIRST_ATTEMPT;
    }

    private void fail() {
        if (attemptEvery < (1 << 20)) attemptEvery <<= 1;
    }

    private static long gcd(long x, long y) {
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }

    /**
     * Index of the level with this key, or -(insertion point) - 1. A linear scan over the {@link #LINEAR}
     * levels nearest the touch (the end of the array), then a galloping search: O(log d) for a level d steps
     * from the touch, where feeds concentrate their updates.
     */
    int find(long k) {
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
        final long k = sign * price;
        if (dense) {
            int q = slot(k);
            if (q >= 0) {
                denseSet(q, sz);
                return;
            }
            if (sz == 0) return; // outside the window or off the grid: no such level
            if (relocate(k) && (q = slot(k)) >= 0) {
                denseSet(q, sz);
                return;
            }
            toSorted();
        }
        int i = find(k);
        if (i >= 0) {
            if (sz == 0) remove(i);
            else a[(i << 1) + 1] = sz;
        } else if (sz != 0) {
            insert(-i - 1, k, sz);
        }
        if (++sinceAttempt >= attemptEvery) tryDense();
    }

    long add(long price, long delta) {
        final long k = sign * price;
        if (dense) {
            int q = slot(k);
            long old = q >= 0 ? dsz[q] : 0;
            long v = old + delta;
            if (v < 0) {
                if (old == 0) throw new IllegalStateException("no level at " + Px.format(price) + " to reduce by " + Px.format(-delta));
                throw new IllegalStateException("level " + Px.format(price) + " would become negative: "
                        + Px.format(old) + " + " + Px.format(delta));
            }
            if (q >= 0) {
                denseSet(q, v);
                return v;
            }
            set(price, v); // a new level outside the window (v > 0) or nothing (v == 0)
            return v;
        }
        long r = addSorted(k, price, delta);
        if (++sinceAttempt >= attemptEvery) tryDense();
        return r;
    }

    private long addSorted(long k, long price, long delta) {
        int i = find(k);
        if (i >= 0) {
            long v = a[(i << 1) + 1] + delta;
            if (v < 0) throw new IllegalStateException("level " + Px.format(price) + " would become negative: "
                    + Px.format(a[(i << 1) + 1]) + " + " + Px.format(delta));
            if (v == 0) remove(i);
            else a[(i << 1) + 1] = v;
            return v;
        }
        if (delta < 0) throw new IllegalStateException("no level at " + Px.format(price) + " to reduce by " + Px.format(-delta));
        if (delta > 0) insert(-i - 1, k, delta);
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
        long kp = sign * price;
        if (dense) {
            // remove the slots with key < kp
            if (kp <= base) return;
            int upTo = kp >= base + span ? cap : (int) ((kp - base + tick - 1) / tick); // first kept slot
            for (int q = lowestSet(); q >= 0 && q < upTo; q = nextSet(q + 1)) {
                dsz[q] = 0;
                bits[q >>> 6] &= ~(1L << q);
                n--;
            }
            if (n == 0) best = -1;
            curLevel = -1;
            return;
        }
        int i = find(kp);
        int keepFrom = i >= 0 ? i : -i - 1; // first index with key >= sign*price
        if (keepFrom == 0) return;
        System.arraycopy(a, keepFrom << 1, a, 0, (n - keepFrom) << 1);
        n -= keepFrom;
    }
}
