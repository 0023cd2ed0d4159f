package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The two {@link MutableL2Book}s — fast {@link L2Book} and the TreeMap twin {@link ReferenceL2Book} — driven through
 * the interface only with the same random sets, clears and truncations: equal state hash and equal truncation
 * counts after every step.
 */
class MutableL2BookTwinTest {
    @Test
    void fastAndReferenceBooksAgreeThroughTheInterfaceIncludingTruncation() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            MutableL2Book fast = new L2Book(), ref = new ReferenceL2Book();
            for (int i = 0; i < 1500; i++) {
                int op = r.nextInt(100);
                Side s = r.nextBoolean() ? Side.BUY : Side.SELL;
                if (op < 2) {
                    fast.clear();
                    ref.clear();
                } else if (op < 8) {
                    int depth = r.nextInt(12) - 1; // -1 and 0 empty the side
                    assertThat(fast.truncate(s, depth)).as("removed at step " + i).isEqualTo(ref.truncate(s, depth));
                    assertThat(fast.depth(s)).isLessThanOrEqualTo(Math.max(depth, 0));
                } else {
                    long p = 1_000_000L * (1 + r.nextInt(300));
                    long sz = r.nextInt(4) == 0 ? 0 : Px.ofUnits(1 + r.nextInt(1000));
                    fast.set(s, p, sz);
                    ref.set(s, p, sz);
                }
                assertThat(BookHash.of(fast)).as("step " + i).isEqualTo(BookHash.of(ref));
            }
        });
    }

    @Test
    void defaultTruncateRemovesTheWorstLevels() {
        MutableL2Book b = new MutableL2Book() {
            final ReferenceL2Book inner = new ReferenceL2Book();
            @Override public void set(Side side, long price, long size) { inner.set(side, price, size); }
            @Override public void clear() { inner.clear(); }
            @Override public int depth(Side side) { return inner.depth(side); }
            @Override public long price(Side side, int level) { return inner.price(side, level); }
            @Override public long size(Side side, int level) { return inner.size(side, level); }
            @Override public long sizeAt(Side side, long price) { return inner.sizeAt(side, price); }
        };
        for (int p = 1; p <= 5; p++) b.set(Side.BUY, Px.ofUnits(p), Px.ofUnits(1));
        assertThat(b.truncate(Side.BUY, 2)).isEqualTo(3);
        assertThat(b.price(Side.BUY, 0)).isEqualTo(Px.ofUnits(5));
        assertThat(b.price(Side.BUY, 1)).isEqualTo(Px.ofUnits(4));
        assertThat(b.depth(Side.BUY)).isEqualTo(2);
    }
}
