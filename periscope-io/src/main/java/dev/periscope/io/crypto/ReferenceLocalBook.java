package dev.periscope.io.crypto;

import dev.periscope.book.ReferenceL2Book;
import dev.periscope.model.Side;

/** {@link LocalBook} over {@link ReferenceL2Book} (correct, allocating; swap for the fast L2Book when it lands). */
final class ReferenceLocalBook implements LocalBook {
    private final ReferenceL2Book book = new ReferenceL2Book();

    @Override public void set(Side side, long price, long size) { book.set(side, price, size); }

    @Override public void clear() { book.clear(); }

    @Override public int depth(Side side) { return book.depth(side); }

    @Override public long price(Side side, int level) { return book.price(side, level); }

    @Override public long size(Side side, int level) { return book.size(side, level); }

    @Override public long sizeAt(Side side, long price) { return book.sizeAt(side, price); }

    @Override
    public int truncate(Side side, int maxDepth) {
        int removed = 0;
        while (book.depth(side) > maxDepth) {
            book.set(side, book.levels(side).lastKey(), 0);
            removed++;
        }
        return removed;
    }
}
