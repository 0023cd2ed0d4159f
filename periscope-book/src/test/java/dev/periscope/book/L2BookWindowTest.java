package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The dense tick window of {@link L2Book} against {@link ReferenceL2Book}: after every event the whole state
 * (hash over every level, read best first) and the touched level agree, on streams that make the window learn its
 * tick, re-centre as the mid wanders, fall back to sorted arrays (far levels, off-grid prices) and come back.
 */
class L2BookWindowTest {
    private static final long[] TICKS = {1, 7, 50, 1_000_000, 25_000_000};

    @Test
    void learnsTheTickFallsBackForFarOrOffGridLevelsAndReturns() {
        L2Book b = new L2Book();
        long tick = Px.parse("0.01");
        for (int k = 1; k <= 100; k++) {
            b.set(Side.BUY, Px.ofUnits(100) - k * tick, Px.ofUnits(k));
            b.set(Side.SELL, Px.ofUnits(100) + k * tick, Px.ofUnits(k));
        }
        assertThat(b.denseWindow(Side.BUY)).isTrue();
        assertThat(b.windowTick(Side.BUY)).isEqualTo(tick);
        assertThat(b.windowTick(Side.SELL)).isEqualTo(tick);
        assertThat(b.price(Side.BUY, 99)).isEqualTo(Px.ofUnits(99));
        assertThat(b.size(Side.SELL, 42)).isEqualTo(Px.ofUnits(43));

        b.set(Side.SELL, Px.ofUnits(1_000_000), Px.ofUnits(7)); // far beyond any window
        assertThat(b.denseWindow(Side.SELL)).isFalse();
        assertThat(b.price(Side.SELL, 100)).isEqualTo(Px.ofUnits(1_000_000));
        b.set(Side.SELL, Px.ofUnits(1_000_000), 0);
        for (int i = 0; i < 200; i++) b.set(Side.SELL, Px.ofUnits(100) + tick, Px.ofUnits(i + 1));
        assertThat(b.denseWindow(Side.SELL)).isTrue();

        long half = Px.parse("99.995");                        // off the 0.01 grid
        b.set(Side.BUY, half, Px.ofUnits(3));
        assertThat(b.denseWindow(Side.BUY)).isFalse();
        assertThat(b.bestBid()).isEqualTo(half);
        for (int i = 0; i < 200; i++) b.set(Side.BUY, Px.ofUnits(99), Px.ofUnits(i + 1));
        assertThat(b.windowTick(Side.BUY)).isEqualTo(Px.parse("0.005"));
        assertThat(b.price(Side.BUY, 1)).isEqualTo(Px.parse("99.99"));
        assertThat(b.sizeAt(Side.BUY, half)).isEqualTo(Px.ofUnits(3));
        assertThat(b.sizeAt(Side.BUY, Px.parse("99.993"))).isZero();

        b.truncateWorseThan(Side.BUY, Px.parse("99.5"));
        assertThat(b.depth(Side.BUY)).isEqualTo(51);           // 99.995 and 99.99 .. 99.50
        assertThat(b.price(Side.BUY, 50)).isEqualTo(Px.parse("99.5"));
        assertThatThrownBy(() -> b.add(Side.BUY, Px.parse("99.5"), -Px.ofUnits(1000))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.add(Side.BUY, Px.parse("99.4"), -1)).isInstanceOf(IllegalStateException.class);
        assertThat(b.add(Side.BUY, Px.parse("99.4"), 5)).isEqualTo(5);
        b.clear();
        assertThat(b.depth(Side.BUY) + b.depth(Side.SELL)).isZero();
        b.set(Side.BUY, 12_345_678_901L, 1);                    // a new instrument far from the old window
        assertThat(b.bestBid()).isEqualTo(12_345_678_901L);
        assertThat(b.price(Side.BUY, 1)).isEqualTo(Px.NONE);
    }

    @Test
    void aSparseSideStaysOnTheSortedArrays() {
        L2Book b = new L2Book();
        long tick = Px.parse("0.01");
        for (int i = 0; i < 300; i++) {
            int k = i % 20;
            b.set(Side.SELL, Px.ofUnits(100) + (500L * k + (long) k * k) * tick, i + 1); // gcd of differences: 1 tick
        }
        assertThat(b.denseWindow(Side.SELL)).isFalse();         // 20 levels over 9,861 ticks: ~490 ticks per level
        for (int k = 0; k < 20; k++) assertThat(b.price(Side.SELL, k)).isEqualTo(Px.ofUnits(100) + (500L * k + (long) k * k) * tick);
        for (int k = 1; k <= 400; k++) b.set(Side.SELL, Px.ofUnits(100) + k * tick, 1);
        for (int i = 0; i < 1000; i++) b.set(Side.SELL, Px.ofUnits(100), i + 1); // the attempts back off: 64, 128, 256, 512 updates
        assertThat(b.denseWindow(Side.SELL)).isTrue();          // filled in: 420 levels over 9,861 ticks
        assertThat(b.windowTick(Side.SELL)).isEqualTo(tick);
        assertThat(b.price(Side.SELL, 401)).isEqualTo(Px.parse("105.01"));
        assertThat(b.depth(Side.SELL)).isEqualTo(420);
    }

    @Test
    void matchesTheReferenceOnWanderingStreamsWithNearFarAndOffGridLevels() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            L2Book fast = new L2Book();
            ReferenceL2Book ref = new ReferenceL2Book();
            long tick = TICKS[r.nextInt(TICKS.length)];
            long mid = tick * (1000 + r.nextLong(1_000_000_000L / tick + 1));
            double farShare = r.nextDouble() * 0.1, offGrid = r.nextInt(3) == 0 ? 0.002 : 0;
            for (int i = 0; i < 4000; i++) {
                int ev = r.nextInt(1000);
                if (ev < 3) {                                       // mid jumps (re-centring, possibly out of range)
                    mid += (r.nextBoolean() ? 1 : -1) * tick * r.nextInt(r.nextBoolean() ? 200 : 50_000);
                    if (mid < 100_000 * tick) mid = 100_000 * tick;
                } else if (ev < 60) {                               // mid drifts a tick
                    mid += (r.nextBoolean() ? 1 : -1) * tick;
                }
                Side s = r.nextBoolean() ? Side.BUY : Side.SELL;
                double u = r.nextDouble();
                long dist = u < farShare ? 100 + r.nextInt(60_000) : (long) (-Math.log(1 - r.nextDouble()) * 4);
                long p = mid - s.sign() * (1 + dist) * tick;
                if (r.nextDouble() < offGrid) p += 1 + r.nextInt((int) Math.min(tick, 1000));
                if (p <= 0) p = 1;
                if (ev >= 995) {
                    fast.truncateWorseThan(s, p);
                    List<Long> worse = new ArrayList<>();
                    for (long q : ref.levels(s).keySet()) if (s == Side.BUY ? q < p : q > p) worse.add(q);
                    for (long q : worse) ref.set(s, q, 0);
                } else if (ev == 994) {
                    fast.clear();
                    ref.clear();
                } else if (ev >= 900) {                             // relative change through add()
                    long old = ref.sizeAt(s, p);
                    long delta = old > 0 && r.nextBoolean() ? -(old == 1 ? 1 : 1 + r.nextLong(old)) : 1 + r.nextInt(500);
                    assertThat(fast.add(s, p, delta)).isEqualTo(old + delta);
                    ref.set(s, p, old + delta);
                } else {
                    long sz = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(1000);
                    fast.set(s, p, sz);
                    ref.set(s, p, sz);
                }
                assertThat(fast.depth(Side.BUY)).isEqualTo(ref.depth(Side.BUY));
                assertThat(fast.depth(Side.SELL)).isEqualTo(ref.depth(Side.SELL));
                assertThat(BookHash.of(fast)).isEqualTo(ref.stateHash());
                assertThat(fast.sizeAt(s, p)).isEqualTo(ref.sizeAt(s, p));
                int k = r.nextInt(8);
                assertThat(fast.price(s, k)).isEqualTo(ref.price(s, k));
                assertThat(fast.size(s, k)).isEqualTo(ref.size(s, k));
            }
        });
    }

    @Test
    void theWindowIsActuallyUsedOnATypicalFeed() {
        SplittableRandom r = new SplittableRandom(7);
        L2Book b = new L2Book();
        ReferenceL2Book ref = new ReferenceL2Book();
        long tick = Px.parse("0.25"), mid = Px.ofUnits(5000);
        int dense = 0;
        for (int i = 0; i < 20_000; i++) {
            if (r.nextInt(20) == 0) mid += (r.nextBoolean() ? 1 : -1) * tick;
            Side s = r.nextBoolean() ? Side.BUY : Side.SELL;
            long p = mid - s.sign() * (1 + r.nextInt(r.nextInt(10) == 0 ? 2000 : 5)) * tick;
            long sz = r.nextInt(5) == 0 ? 0 : Px.ofUnits(1 + r.nextInt(100));
            b.set(s, p, sz);
            ref.set(s, p, sz);
            if (i >= 10_000 && b.denseWindow(Side.BUY) && b.denseWindow(Side.SELL)) dense++;
        }
        assertThat(BookHash.of(b)).isEqualTo(ref.stateHash());
        assertThat(dense).isGreaterThan(9_500); // once the book has filled in (fewer than 32 ticks per level)
        assertThat(b.windowTick(Side.SELL)).isEqualTo(tick);
    }
}
