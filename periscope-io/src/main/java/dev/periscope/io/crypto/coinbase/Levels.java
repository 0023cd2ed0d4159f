package dev.periscope.io.crypto.coinbase;

import dev.periscope.model.Side;

import java.util.Arrays;

/** Reusable buffer of (side, price, size) level changes of one message, in order. */
final class Levels {
    int n;
    Side[] side = new Side[64];
    long[] price = new long[64];
    long[] size = new long[64];

    void clear() { n = 0; }

    void add(Side s, long p, long q) {
        if (n == price.length) {
            side = Arrays.copyOf(side, n * 2);
            price = Arrays.copyOf(price, n * 2);
            size = Arrays.copyOf(size, n * 2);
        }
        side[n] = s;
        price[n] = p;
        size[n++] = q;
    }
}
