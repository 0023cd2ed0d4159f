package dev.periscope.io.crypto;

import dev.periscope.book.MutableL2Book;
import dev.periscope.model.Px;
import dev.periscope.model.Side;

import java.util.Arrays;

/** Test-only allocation-free book (sorted primitive arrays) used to measure the replays' own allocation. */
final class ArrayBook implements MutableL2Book {
    private long[][] px = {new long[4096], new long[4096]};
    private long[][] sz = {new long[4096], new long[4096]};
    private final int[] n = new int[2];

    private static int s(Side side) { return side == Side.BUY ? 0 : 1; }

    /** Index of price in side (best first), or -(insertion point)-1. */
    private int find(int k, long price) {
        int lo = 0, hi = n[k] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = px[k][mid];
            int c = k == 0 ? Long.compare(price, p) : Long.compare(p, price); // bids descending
            if (c == 0) return mid;
            if (c > 0) hi = mid - 1; else lo = mid + 1;
        }
        return -(lo + 1);
    }

    @Override
    public void set(Side side, long price, long size) {
        int k = s(side), i = find(k, price);
        if (i >= 0) {
            if (size == 0) {
                System.arraycopy(px[k], i + 1, px[k], i, n[k] - i - 1);
                System.arraycopy(sz[k], i + 1, sz[k], i, n[k] - i - 1);
                n[k]--;
            } else {
                sz[k][i] = size;
            }
        } else if (size != 0) {
            i = -i - 1;
            if (n[k] == px[k].length) { px[k] = Arrays.copyOf(px[k], n[k] * 2); sz[k] = Arrays.copyOf(sz[k], n[k] * 2); }
            System.arraycopy(px[k], i, px[k], i + 1, n[k] - i);
            System.arraycopy(sz[k], i, sz[k], i + 1, n[k] - i);
            px[k][i] = price;
            sz[k][i] = size;
            n[k]++;
        }
    }

    @Override public void clear() { n[0] = 0; n[1] = 0; }

    @Override public int depth(Side side) { return n[s(side)]; }

    @Override public long price(Side side, int level) { return level < n[s(side)] ? px[s(side)][level] : Px.NONE; }

    @Override public long size(Side side, int level) { return level < n[s(side)] ? sz[s(side)][level] : 0; }

    @Override public long sizeAt(Side side, long price) {
        int i = find(s(side), price);
        return i >= 0 ? sz[s(side)][i] : 0;
    }
}
