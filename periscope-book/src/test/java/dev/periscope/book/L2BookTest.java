package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class L2BookTest {
    @Test
    void levelsAreBestFirstOnBothSides() {
        L2Book b = new L2Book();
        b.set(Side.BUY, Px.parse("100.00"), Px.ofUnits(5));
        b.set(Side.BUY, Px.parse("100.02"), Px.ofUnits(1));
        b.set(Side.BUY, Px.parse("99.50"), Px.ofUnits(9));
        b.set(Side.SELL, Px.parse("100.10"), Px.ofUnits(3));
        b.set(Side.SELL, Px.parse("100.05"), Px.ofUnits(2));
        assertThat(b.depth(Side.BUY)).isEqualTo(3);
        assertThat(b.bestBid()).isEqualTo(Px.parse("100.02"));
        assertThat(b.price(Side.BUY, 2)).isEqualTo(Px.parse("99.50"));
        assertThat(b.size(Side.BUY, 1)).isEqualTo(Px.ofUnits(5));
        assertThat(b.bestAsk()).isEqualTo(Px.parse("100.05"));
        assertThat(b.price(Side.SELL, 1)).isEqualTo(Px.parse("100.10"));
        assertThat(b.price(Side.SELL, 2)).isEqualTo(Px.NONE);
        assertThat(b.size(Side.SELL, 2)).isZero();
        assertThat(b.isCrossed()).isFalse();
        b.set(Side.BUY, Px.parse("100.02"), 0);
        assertThat(b.bestBid()).isEqualTo(Px.parse("100.00"));
        assertThat(b.add(Side.SELL, Px.parse("100.05"), Px.ofUnits(-2))).isZero();
        assertThat(b.bestAsk()).isEqualTo(Px.parse("100.10"));
        assertThat(b.add(Side.SELL, Px.parse("100.07"), Px.ofUnits(4))).isEqualTo(Px.ofUnits(4));
        assertThat(b.bestAsk()).isEqualTo(Px.parse("100.07"));
        assertThatThrownBy(() -> b.set(Side.BUY, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.add(Side.BUY, Px.parse("100.00"), Px.ofUnits(-6))).isInstanceOf(IllegalStateException.class);
        assertThat(b.sizeAt(Side.BUY, Px.parse("100.00"))).isEqualTo(Px.ofUnits(5));
    }

    @Test
    void tinyTicksAndFarLevelsAndTruncation() {
        L2Book b = new L2Book();
        b.set(Side.SELL, 637L, 1);                        // 0.00000637
        b.set(Side.SELL, 638L, 2);
        b.set(Side.SELL, Px.ofUnits(1_000_000), 3);       // a million times away
        b.set(Side.BUY, 1L, 4);                           // 1e-8
        b.set(Side.BUY, 636L, 5);
        assertThat(b.bestAsk()).isEqualTo(637L);
        assertThat(b.price(Side.SELL, 2)).isEqualTo(Px.ofUnits(1_000_000));
        assertThat(b.bestBid()).isEqualTo(636L);
        b.truncateWorseThan(Side.SELL, 638L);
        assertThat(b.depth(Side.SELL)).isEqualTo(2);
        b.truncateWorseThan(Side.BUY, 600L);
        assertThat(b.depth(Side.BUY)).isEqualTo(1);
        assertThat(b.price(Side.BUY, 0)).isEqualTo(636L);
    }

    @Test
    void deltaEventsIncludingClear() {
        L2Book b = new L2Book();
        BookDeltaEvent d = new BookDeltaEvent();
        b.apply(d.set(1, Side.BUY, 100, 5, 0));
        b.apply(d.set(1, Side.SELL, 101, 5, 0));
        b.apply(d.set(2, Side.BUY, 0, 0, BookDeltaEvent.FLAG_CLEAR | BookDeltaEvent.FLAG_SNAPSHOT));
        assertThat(b.depth(Side.BUY) + b.depth(Side.SELL)).isZero();
        b.apply(d.set(2, Side.BUY, 99, 7, BookDeltaEvent.FLAG_SNAPSHOT | BookDeltaEvent.FLAG_LAST));
        assertThat(b.bestBid()).isEqualTo(99);
        assertThat(b.size(Side.BUY, 0)).isEqualTo(7);
    }

    @Test
    void matchesTheReferenceBookAfterEveryUpdateOnRandomStreams() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            L2Book fast = new L2Book();
            ReferenceL2Book ref = new ReferenceL2Book();
            long tick = r.nextBoolean() ? 1 : 1_000_000;
            int spread = 1 + r.nextInt(600); // up to 600 distinct prices: forces array growth past 64
            for (int i = 0; i < 2000; i++) {
                Side s = r.nextBoolean() ? Side.BUY : Side.SELL;
                long p = tick * (1 + r.nextInt(spread));
                long sz = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(1000);
                fast.set(s, p, sz);
                ref.set(s, p, sz);
                assertThat(BookHash.of(fast)).isEqualTo(ref.stateHash());
                assertThat(fast.sizeAt(s, p)).isEqualTo(sz);
            }
        });
    }
}
