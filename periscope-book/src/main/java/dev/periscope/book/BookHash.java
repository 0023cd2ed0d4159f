package dev.periscope.book;

import dev.periscope.model.Side;

/**
 * A 64-bit state hash of a book (FNV-1a over every level, bids then asks, best first) so that a fast book and
 * its reference twin can be compared cheaply after every event, as exchange-core does.
 */
public final class BookHash {
    private BookHash() {}

    public static long of(OrderBookView book) {
        long h = 0xcbf29ce484222325L;
        for (Side s : Side.values()) {
            int n = book.depth(s);
            h = mix(h, n);
            for (int i = 0; i < n; i++) {
                h = mix(h, book.price(s, i));
                h = mix(h, book.size(s, i));
            }
        }
        return h;
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h ^= (v >>> (8 * i)) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
