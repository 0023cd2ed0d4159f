package dev.periscope.io.crypto;

import dev.periscope.book.L2Book;
import dev.periscope.model.Side;

/** {@link LocalBook} over the allocation-free {@link L2Book}: the default for replays. */
final class FastLocalBook implements LocalBook {
    private final L2Book book = new L2Book();

    @Override public void set(Side side, long price, long size) { book.set(side, price, size); }

    @Override public void clear() { book.clear(); }

    @Override public int depth(Side side) { return book.depth(side); }

    @Override public long price(Side side, int level) { return book.price(side, level); }

    @Override public long size(Side side, int level) { return book.size(side, level); }

    @Override public long sizeAt(Side side, long price) { return book.sizeAt(side, price); }

    @Override
    public int truncate(Side side, int maxDepth) {
        int n = book.depth(side);
        if (n <= maxDepth) return 0;
        if (maxDepth <= 0) {
            for (int i = n - 1; i >= 0; i--) book.set(side, book.price(side, i), 0);
            return n;
        }
        book.truncateWorseThan(side, book.price(side, maxDepth - 1));
        return n - book.depth(side);
    }
}
