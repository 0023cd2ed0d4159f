package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.OrderEvent.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class L3BookTest {
    private static final OrderEvent E = new OrderEvent();

    private static OrderEvent ev(Type t, long id, Side s, long px, long sz) {
        return E.set(0, t, id, s, px, sz);
    }

    @Test
    void handBuiltLifecycle() {
        L3Book b = new L3Book(4);
        assertThat(b.apply(ev(Type.ADD, 1, Side.BUY, 100, 10))).isEqualTo(L3Status.OK);
        assertThat(b.apply(ev(Type.ADD, 2, Side.BUY, 100, 5))).isEqualTo(L3Status.OK);
        assertThat(b.apply(ev(Type.ADD, 3, Side.SELL, 102, 7))).isEqualTo(L3Status.OK);
        assertThat(b.lastLevelDelta()).isEqualTo(7);
        assertThat(b.sizeAt(Side.BUY, 100)).isEqualTo(15);
        assertThat(b.apply(ev(Type.CANCEL, 1, Side.BUY, 100, 4))).isEqualTo(L3Status.OK);
        assertThat(b.orderSize(1)).isEqualTo(6);
        assertThat(b.sizeAt(Side.BUY, 100)).isEqualTo(11);
        assertThat(b.apply(ev(Type.EXECUTE, 3, Side.SELL, 102, 7))).isEqualTo(L3Status.OK);
        assertThat(b.lastLevelDelta()).isEqualTo(-7);
        assertThat(b.contains(3)).isFalse();
        assertThat(b.depth(Side.SELL)).isZero();
        assertThat(b.apply(ev(Type.EXECUTE_HIDDEN, 0, Side.SELL, 101, 50))).isEqualTo(L3Status.NO_BOOK_CHANGE);
        assertThat(b.apply(ev(Type.DELETE, 2, Side.BUY, 100, 5))).isEqualTo(L3Status.OK);
        assertThat(b.sizeAt(Side.BUY, 100)).isEqualTo(6);
        assertThat(b.orderCount()).isEqualTo(1);
        // orders that existed before the file started
        assertThat(b.apply(ev(Type.DELETE, 99, Side.BUY, 100, 5))).isEqualTo(L3Status.UNKNOWN_ORDER);
        assertThat(b.apply(ev(Type.EXECUTE, 98, Side.BUY, 100, 5))).isEqualTo(L3Status.UNKNOWN_ORDER);
        assertThat(b.lastLevelDelta()).isZero();
        assertThat(b.sizeAt(Side.BUY, 100)).isEqualTo(6);
        // duplicates, bad sizes, overfill, mismatch
        assertThat(b.apply(ev(Type.ADD, 1, Side.BUY, 100, 1))).isEqualTo(L3Status.DUPLICATE_ORDER);
        assertThat(b.apply(ev(Type.ADD, 7, Side.BUY, 100, 0))).isEqualTo(L3Status.BAD_SIZE);
        assertThat(b.apply(ev(Type.CANCEL, 1, Side.BUY, 100, -1))).isEqualTo(L3Status.BAD_SIZE);
        assertThat(b.apply(ev(Type.EXECUTE, 1, Side.BUY, 100, 9))).isEqualTo(L3Status.OVERFILL);
        assertThat(b.lastLevelDelta()).isEqualTo(-6);
        assertThat(b.depth(Side.BUY)).isZero();
        assertThat(b.orderCount()).isZero();
        b.apply(ev(Type.ADD, 5, Side.SELL, 105, 3));
        assertThat(b.apply(ev(Type.CANCEL, 5, Side.SELL, 106, 1))).isEqualTo(L3Status.PRICE_OR_SIDE_MISMATCH);
        assertThat(b.sizeAt(Side.SELL, 105)).isEqualTo(2);
        assertThat(b.lastPrice()).isEqualTo(105);
    }

    @Test
    void manyOrdersWithCollidingInsertsAndDeletesKeepTheTableConsistent() {
        L3Book b = new L3Book(16);
        ReferenceL3Book ref = new ReferenceL3Book();
        // ids spaced by a power of two: bad for a naive hash, exercise probing and backward shift
        for (int round = 0; round < 3; round++) {
            for (long i = 0; i < 5000; i++) {
                long id = i << 20;
                OrderEvent e = ev(Type.ADD, id, i % 2 == 0 ? Side.BUY : Side.SELL, i % 2 == 0 ? 1000 - i % 50 : 1001 + i % 50, 1 + i % 7);
                assertThat(b.apply(e)).isEqualTo(ref.apply(e));
            }
            for (long i = 0; i < 5000; i += 1 + round) {
                OrderEvent e = ev(Type.DELETE, i << 20, i % 2 == 0 ? Side.BUY : Side.SELL, i % 2 == 0 ? 1000 - i % 50 : 1001 + i % 50, 0);
                assertThat(b.apply(e)).isEqualTo(ref.apply(e));
            }
            assertThat(b.orderCount()).isEqualTo(ref.orderCount());
            assertThat(BookHash.of(b)).isEqualTo(ref.stateHash()).isEqualTo(BookHash.of(ref));
            for (long i = 0; i < 5000; i++) assertThat(b.orderSize(i << 20)).isEqualTo(ref.orderSize(i << 20));
        }
    }

    /** A random mid-session stream: adds that never cross, and cancels/deletes/executions of live, dead and never-seen ids. */
    private static List<OrderEvent> randomStream(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<OrderEvent> out = new ArrayList<>();
        List<long[]> live = new ArrayList<>(); // id, sign, price
        long nextId = 1;
        long mid = Px.parse("100");
        long tick = r.nextBoolean() ? Px.parse("0.01") : 1; // equity cent or crypto 1e-8
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            OrderEvent e = new OrderEvent();
            if (k < 4 || live.isEmpty()) {
                Side s = r.nextBoolean() ? Side.BUY : Side.SELL;
                long off = 1 + r.nextInt(r.nextInt(8) == 0 ? 100_000 : 40);
                long px = s == Side.BUY ? mid - off * tick : mid + off * tick;
                long id = nextId++;
                e.set(i, Type.ADD, id, s, px, Px.ofUnits(1 + r.nextInt(500)));
                live.add(new long[]{id, s.sign(), px});
            } else if (k == 9) {
                Side s = r.nextBoolean() ? Side.BUY : Side.SELL;
                e.set(i, r.nextBoolean() ? Type.EXECUTE_HIDDEN : Type.DELETE, 1_000_000 + r.nextInt(1000), s, mid, Px.ofUnits(7));
            } else {
                int j = r.nextInt(live.size());
                long[] o = live.get(j);
                Type t = k < 6 ? Type.CANCEL : k < 8 ? Type.EXECUTE : Type.DELETE;
                long sz = Px.ofUnits(1 + r.nextInt(300));
                e.set(i, t, o[0], Side.ofSign((int) o[1]), o[2], sz);
                if (t == Type.DELETE || r.nextInt(3) == 0) live.remove(j);
            }
            out.add(e);
        }
        return out;
    }

    @Test
    void fastAndReferenceBooksAgreeAfterEveryEventAndInvariantsHold() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            L3Book fast = new L3Book(8);
            ReferenceL3Book ref = new ReferenceL3Book();
            List<OrderEvent> stream = randomStream(seed, 1500);
            for (OrderEvent e : stream) {
                L3Status a = fast.apply(e);
                L3Status b = ref.apply(e);
                assertThat(a).isEqualTo(b);
                assertThat(BookHash.of(fast)).isEqualTo(ref.stateHash());
                assertThat(fast.orderCount()).isEqualTo(ref.orderCount());
                // the level touched equals the sum of its orders, and is never negative
                assertThat(fast.sizeAt(fast.lastSide(), fast.lastPrice())).isEqualTo(ref.sumOfOrders(fast.lastSide(), fast.lastPrice()))
                        .isNotNegative();
                assertThat(fast.isCrossed()).isFalse();
            }
            // full invariants at the end: every level = sum of its orders, sizes > 0, strict ordering, best bid < best ask
            for (Side s : Side.values()) {
                long prev = Px.NONE;
                for (int l = 0; l < fast.depth(s); l++) {
                    long p = fast.price(s, l);
                    assertThat(fast.size(s, l)).isPositive().isEqualTo(ref.sumOfOrders(s, p));
                    if (prev != Px.NONE) assertThat(s == Side.BUY ? p < prev : p > prev).isTrue();
                    prev = p;
                }
                assertThat(fast.price(s, fast.depth(s))).isEqualTo(Px.NONE);
            }
            if (fast.depth(Side.BUY) > 0 && fast.depth(Side.SELL) > 0) assertThat(fast.bestBid()).isLessThan(fast.bestAsk());
        });
    }

    @Test
    void statusesOnAStreamWithUnknownOrdersAreCounted() {
        L3Book b = new L3Book();
        int unknown = 0;
        for (OrderEvent e : randomStream(42, 5000)) if (b.apply(e) == L3Status.UNKNOWN_ORDER) unknown++;
        assertThat(unknown).isPositive();
    }
}
