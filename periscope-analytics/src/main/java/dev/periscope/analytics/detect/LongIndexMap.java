package dev.periscope.analytics.detect;

import java.util.Arrays;

/**
 * Open-addressing map from a {@code long} key to a small, stable {@code int} index (linear probing,
 * backward-shift deletion). Owners keep their per-entry data in parallel primitive arrays indexed by that index;
 * a removed entry's index is recycled. No boxing, no per-entry objects; grows by doubling (amortized).
 */
final class LongIndexMap {
    private long[] keys;
    private int[] vals;          // index + 1; 0 = empty slot
    private int mask;
    private int size;
    private int[] free = new int[16];
    private int freeTop;
    private int nextIndex;

    LongIndexMap(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
        keys = new long[cap];
        vals = new int[cap];
        mask = cap - 1;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The index of {@code key}, or -1. */
    int get(long key) {
        for (int s = hash(key) & mask; ; s = (s + 1) & mask) {
            int v = vals[s];
            if (v == 0) return -1;
            if (keys[s] == key) return v - 1;
        }
    }

    /** Inserts an absent key; returns its new index (never larger than {@link #indexBound()} - 1). */
    int put(long key) {
        if ((size + 1) * 2 > keys.length) rehash(keys.length * 2);
        int s = hash(key) & mask;
        while (vals[s] != 0) {
            if (keys[s] == key) throw new IllegalStateException("duplicate key " + key);
            s = (s + 1) & mask;
        }
        int idx = freeTop > 0 ? free[--freeTop] : nextIndex++;
        keys[s] = key;
        vals[s] = idx + 1;
        size++;
        return idx;
    }

    /** Removes {@code key}; returns its (now free) index, or -1 if absent. */
    int remove(long key) {
        int s = hash(key) & mask;
        while (true) {
            int v = vals[s];
            if (v == 0) return -1;
            if (keys[s] == key) break;
            s = (s + 1) & mask;
        }
        int idx = vals[s] - 1;
        // backward-shift deletion
        int hole = s;
        for (int j = (s + 1) & mask; vals[j] != 0; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                vals[hole] = vals[j];
                hole = j;
            }
        }
        vals[hole] = 0;
        size--;
        if (freeTop == free.length) free = Arrays.copyOf(free, free.length * 2);
        free[freeTop++] = idx;
        return idx;
    }

    int size() { return size; }

    /** Every index handed out so far is below this bound: size owner arrays to at least this. */
    int indexBound() { return nextIndex; }

    void clear() {
        Arrays.fill(vals, 0);
        size = 0;
        freeTop = 0;
        nextIndex = 0;
    }

    private void rehash(int cap) {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[cap];
        vals = new int[cap];
        mask = cap - 1;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] == 0) continue;
            int s = hash(ok[i]) & mask;
            while (vals[s] != 0) s = (s + 1) & mask;
            keys[s] = ok[i];
            vals[s] = ov[i];
        }
    }
}
