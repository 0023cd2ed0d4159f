package dev.periscope.bench;

import dev.periscope.book.ReferenceL2Book;
import dev.periscope.model.Px;
import dev.periscope.model.Side;

import dev.periscope.model.random.SplitMix64;

/**
 * A seeded, synthetic stream of absolute L2 level updates ({@code set(side, price, size)}, size 0 = delete) with
 * the shape of a busy futures or crypto depth feed: it starts with a snapshot of {@link #SNAPSHOT_LEVELS} levels
 * per side around 100.00 (tick 0.01) and then mixes, per update (side 50/50):
 * <ul>
 * <li>when the spread is wider than one tick, with probability 0.15 a new best level one tick inside it (never
 *     crossing); otherwise ~85% at 0-4 ticks behind the touch (geometric-like: the touch itself most often) and
 *     the rest 5-300 ticks behind (far levels);</li>
 * <li>at an existing level: delete with probability 0.2 (never below 10 levels per side), otherwise a new size;
 *     at a missing level: a new level (size 1-5000 units).</li>
 * </ul>
 * Deletes of the touch and new levels inside the spread make the mid wander while the spread stays near one
 * tick. The generator keeps the state in a
 * {@link ReferenceL2Book}, so deletes hit existing levels and the book never crosses. The realised mix is counted
 * in {@link #stats}.
 */
final class L2UpdateTape {
    static final int SNAPSHOT_LEVELS = 200;
    static final long TICK = Px.parse("0.01");

    final int n;
    final Side[] side;
    final long[] price, size;
    final String stats;

    L2UpdateTape(int n, long seed) {
        this.n = n;
        side = new Side[n];
        price = new long[n];
        size = new long[n];
        SplitMix64 r = new SplitMix64(seed);
        ReferenceL2Book book = new ReferenceL2Book();
        long mid = Px.ofUnits(100);
        int i = 0;
        for (int k = 0; k < SNAPSHOT_LEVELS && i < n; k++) {
            i = put(book, i, Side.BUY, mid - (k + 1) * TICK, lots(r));
            if (i < n) i = put(book, i, Side.SELL, mid + (k + 1) * TICK, lots(r));
        }
        long deletes = 0, inserts = 0, updates = 0, near = 0, inside = 0, far = 0, spreadSum = 0;
        while (i < n) {
            Side s = r.nextBoolean() ? Side.BUY : Side.SELL;
            long best = book.price(s, 0);
            double u = r.nextDouble();
            long p;
            if (book.price(Side.SELL, 0) - book.price(Side.BUY, 0) > TICK && u < 0.15) { // the spread is wider than one tick: a new best level inside it
                p = best + s.sign() * TICK;
                inside++;
            } else if (u < 0.87) {                // near the touch: 0..4 ticks, touch most often
                int d = Math.min(4, (int) (-Math.log(1 - r.nextDouble()) * 1.2));
                p = best - s.sign() * d * TICK;
                near++;
            } else {                              // far levels
                p = best - s.sign() * (5 + r.nextInt(296)) * TICK;
                far++;
            }
            if (p <= 0) p = TICK;
            long sz;
            if (book.sizeAt(s, p) > 0) {
                if (r.nextDouble() < 0.2 && book.depth(s) > 10) { sz = 0; deletes++; }
                else { sz = lots(r); updates++; }
            } else {
                sz = lots(r);
                inserts++;
            }
            i = put(book, i, s, p, sz);
            spreadSum += (book.price(Side.SELL, 0) - book.price(Side.BUY, 0)) / TICK;
        }
        long m = n - 2L * SNAPSHOT_LEVELS;
        stats = String.format("%d updates after a %d+%d snapshot: %.1f%% size changes, %.1f%% deletes, %.1f%% new levels;"
                        + " %.1f%% within 0-4 ticks of the touch, %.1f%% inside the spread, %.1f%% 5-300 ticks away;"
                        + " mean spread %.2f ticks; final depth %d bids / %d asks, best %s / %s",
                m, SNAPSHOT_LEVELS, SNAPSHOT_LEVELS, 100.0 * updates / m, 100.0 * deletes / m, 100.0 * inserts / m,
                100.0 * near / m, 100.0 * inside / m, 100.0 * far / m, (double) spreadSum / m, book.depth(Side.BUY), book.depth(Side.SELL),
                Px.format(book.price(Side.BUY, 0)), Px.format(book.price(Side.SELL, 0)));
    }

    private static long lots(SplitMix64 r) {
        return Px.ofUnits(1 + r.nextInt(5000));
    }

    private int put(ReferenceL2Book book, int i, Side s, long p, long sz) {
        book.set(s, p, sz);
        side[i] = s;
        price[i] = p;
        size[i] = sz;
        return i + 1;
    }
}
