package dev.periscope.book;

import dev.periscope.model.Side;

/**
 * A 64-bit state hash of a book (FNV-1a over every level, bids then asks, best first) so that a fast book and
 * its reference twin can be compared cheaply after every event, as exchange-core does.
 */
public final class BookHash {
    private BookHash() {}

    public static long of(OrderBookView book) {
        long h = SEED;
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

    /** FNV-1a offset basis: the starting value for {@link #mix}. */
    public static final long SEED = 0xcbf29ce484222325L;

    /**
     * Mixes the 8 bytes of {@code v} into {@code h} (FNV-1a). With {@link #SEED} it lets a book that cannot index
     * levels cheaply compute the same hash as {@link #of} in one pass: for BUY then SELL, mix the depth, then
     * price and size of each level best first.
     */
    public static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h ^= (v >>> (8 * i)) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
