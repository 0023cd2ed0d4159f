package dev.periscope.book.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class MatchingBookTest {
    private static final byte B = MatchingBook.BUY, S = MatchingBook.SELL;

    @Test
    void fillsOldestOrderFirstWithinALevelAndBestLevelFirst() {
        MatchingBook book = new MatchingBook('Q', 1000, 1);
        int a = book.add(S, 101, 100, (byte) 0, 0);
        int b = book.add(S, 100, 300, (byte) 0, 0);   // better price, later
        int c = book.add(S, 100, 200, (byte) 0, 0);   // same price, later still
        long idA = book.orderId(a), idB = book.orderId(b), idC = book.orderId(c);
        MatchingBook.Fills f = new MatchingBook.Fills();

        assertThat(book.takeBestLevel(B, 400, 105, f)).isEqualTo(400);
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.orderId(0)).isEqualTo(idB);
        assertThat(f.qty(0)).isEqualTo(300);
        assertThat(f.remaining(0)).isZero();
        assertThat(f.orderId(1)).isEqualTo(idC);
        assertThat(f.qty(1)).isEqualTo(100);
        assertThat(f.remaining(1)).isEqualTo(100);
        assertThat(book.bestAsk()).isEqualTo(100);
        assertThat(book.qtyAt(S, 100)).isEqualTo(100);

        f.clear();
        // one level per call: the remaining 100 at 100 only, even though more is asked for
        assertThat(book.takeBestLevel(B, 1000, 105, f)).isEqualTo(100);
        assertThat(book.bestAsk()).isEqualTo(101);
        f.clear();
        assertThat(book.takeBestLevel(B, 1000, 100, f)).as("beyond the limit").isZero();
        assertThat(book.isLive(a, idA)).isTrue();
        assertThat(book.checkInvariants()).isNull();
    }

    @Test
    void partialCancelKeepsPriorityAndDeleteRecyclesSlots() {
        MatchingBook book = new MatchingBook('Q', 1000, 1);
        int a = book.add(B, 50, 500, (byte) 0, 0);
        int b = book.add(B, 50, 100, (byte) 0, 0);
        long idA = book.orderId(a);
        book.reduce(a, 300);
        MatchingBook.Fills f = new MatchingBook.Fills();
        book.takeBestLevel(S, 150, 0, f);
        assertThat(f.orderId(0)).isEqualTo(idA);
        assertThat(f.qty(0)).isEqualTo(150);
        assertThat(book.qtyAt(B, 50)).isEqualTo(150);
        book.delete(b);
        book.delete(a);
        assertThat(book.hasBid()).isFalse();
        assertThat(book.isLive(a, idA)).isFalse();
        int c = book.add(B, 40, 100, (byte) 0, 0);
        assertThat(c).as("slot reused").isIn(a, b);
        assertThat(book.orderId(c)).isGreaterThan(idA);
        assertThat(book.checkInvariants()).isNull();
    }

    @Test
    void rejectsAnAddThatWouldCross() {
        MatchingBook book = new MatchingBook('Q', 1000, 1);
        book.add(S, 100, 100, (byte) 0, 0);
        assertThatThrownBy(() -> book.add(B, 100, 100, (byte) 0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> book.add(B, 101, 100, (byte) 0, 0)).isInstanceOf(IllegalStateException.class);
    }

    /** Random operation sequences against a naive list-of-orders reference: same fills, same levels. */
    @Test
    void matchesNaiveReferenceOnRandomOperations() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            MatchingBook book = new MatchingBook('Q', 200, 1);
            List<long[]> ref = new ArrayList<>(); // {id, side, tick, qty} in arrival order
            List<int[]> slots = new ArrayList<>(); // {slot} parallel to ids
            List<Long> ids = new ArrayList<>();
            MatchingBook.Fills f = new MatchingBook.Fills();
            for (int op = 0; op < 400; op++) {
                int kind = r.nextInt(10);
                if (kind < 5) {
                    byte side = r.nextBoolean() ? B : S;
                    int tick = 80 + r.nextInt(40);
                    if (side == B ? tick >= book.bestAsk() : tick <= book.bestBid()) continue;
                    long qty = 1 + r.nextInt(500);
                    int s = book.add(side, tick, qty, (byte) 0, 0);
                    ref.add(new long[]{book.orderId(s), side, tick, qty});
                    slots.add(new int[]{s});
                    ids.add(book.orderId(s));
                } else if (kind < 7 && !ref.isEmpty()) {
                    int i = r.nextInt(ref.size());
                    book.delete(slots.get(i)[0]);
                    ref.remove(i); slots.remove(i); ids.remove(i);
                } else {
                    byte agg = r.nextBoolean() ? B : S;
                    long qty = 1 + r.nextInt(800);
                    int limit = 80 + r.nextInt(40);
                    f.clear();
                    long got = book.takeBestLevel(agg, qty, limit, f);
                    // reference: best opposite level within limit, FIFO
                    long best = agg == B ? Long.MAX_VALUE : Long.MIN_VALUE;
                    for (long[] o : ref) if (o[1] == -agg) best = agg == B ? Math.min(best, o[2]) : Math.max(best, o[2]);
                    long want = 0;
                    int k = 0;
                    boolean ok = best != Long.MAX_VALUE && best != Long.MIN_VALUE && (agg == B ? best <= limit : best >= limit);
                    for (int i = 0; ok && i < ref.size() && want < qty; ) {
                        long[] o = ref.get(i);
                        if (o[1] != -agg || o[2] != best) { i++; continue; }
                        long q = Math.min(qty - want, o[3]);
                        assertThat(f.orderId(k)).isEqualTo(o[0]);
                        assertThat(f.qty(k)).isEqualTo(q);
                        assertThat(f.tick(k)).isEqualTo((int) best);
                        k++;
                        want += q;
                        o[3] -= q;
                        if (o[3] == 0) { ref.remove(i); slots.remove(i); ids.remove(i); } else i++;
                    }
                    assertThat(got).isEqualTo(want);
                    assertThat(f.size()).isEqualTo(k);
                }
                assertThat(book.checkInvariants()).isNull();
            }
            for (int t = 0; t < 200; t++) {
                long bq = 0, aq = 0;
                for (long[] o : ref) if (o[2] == t) { if (o[1] == B) bq += o[3]; else aq += o[3]; }
                assertThat(book.qtyAt(B, t)).isEqualTo(bq);
                assertThat(book.qtyAt(S, t)).isEqualTo(aq);
            }
            assertThat(book.liveOrders()).isEqualTo(ref.size());
        });
    }
}
