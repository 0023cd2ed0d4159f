package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.random.SplitMix64;
import dev.periscope.sim.GroundTruth.Agent;

import java.util.Arrays;

/**
 * Noise traders: limit orders (some marketable, some inside the spread, most at or behind the touch; a share sent as
 * hidden midpoint pegs), marketable orders with a collar, and cancellations of their resting orders. Their live
 * resting orders (venue, slot, id) are a swap-remove list; a book order's owner reference is its index in it.
 * Mean-reversion traders rest their passive orders here too.
 */
final class NoiseTraders {
    private final Market market;
    private final SplitMix64 rng;
    private int[] venue = new int[4096], slot = new int[4096];
    private long[] id = new long[4096];
    private int count;

    NoiseTraders(Market market) {
        this.market = market;
        this.rng = market.rng;
    }

    /** Live resting noise orders (their cancellation hazard scales with this). */
    int liveOrders() { return count; }

    /**
     * Order size in shares from cumulative probabilities: an odd lot (1-99) below {@code oddLot}, 100 below
     * {@code round}, 200-500 below {@code small}, 500-2,000 below {@code medium}, else a Pareto tail from 1,000 shares
     * with exponent {@code tailExponent}, capped at {@code cap}.
     */
    private long size(double oddLot, double round, double small, double medium, double tailExponent, long cap) {
        double u = rng.nextDouble();
        if (u < oddLot) return 1 + rng.nextInt(99);
        if (u < round) return 100;
        if (u < small) return 100L * (2 + rng.nextInt(4));
        if (u < medium) return 100L * (5 + rng.nextInt(16));
        return Math.min(cap, 100L * (long) (10 / StrictMath.pow(1 - rng.nextDouble(), 1 / tailExponent)));
    }

    private long limitSize() { return size(0.22, 0.55, 0.85, 0.97, 1.3, 50_000); }

    private long marketSize() { return size(0.25, 0.65, 0.90, 0.985, 1.4, 30_000); }

    void limitOrder() {
        Venues venues = market.venues;
        byte side = rng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
        int v = venues.pick(rng.nextDouble());
        long qty = limitSize();
        double hiddenShare = market.cfg.hiddenMidpointShare();
        if (hiddenShare > 0 && rng.nextDouble() < hiddenShare) {
            market.hidden.add(HiddenPegs.ring(v, side), qty);
            return;
        }
        int nbb = venues.nbb(), nbo = venues.nbo(), levels = venues.levels;
        double ft = market.latent.fairTicks();
        int ref = side == MatchingBook.BUY ? (nbb >= 0 ? nbb : (int) Math.floor(ft) - 1) : (nbo < levels ? nbo : (int) Math.ceil(ft) + 1);
        double u = rng.nextDouble();
        int tick;
        if (u < 0.06) {
            // marketable limit order: route first, rest the remainder at the limit
            int far = side == MatchingBook.BUY ? (nbo < levels ? nbo : (int) Math.ceil(ft) + 1) : (nbb >= 0 ? nbb : (int) Math.floor(ft) - 1);
            int limit = far + side * rng.nextInt(3);
            long left = qty - market.router.route(side, qty, limit, Agent.NOISE, -1, true);
            if (left <= 0) return;
            market.quotes.emit();
            tick = limit;
            qty = left;
        } else if (u < 0.18 && venues.twoSided(nbb, nbo) && nbo - nbb > 1) {
            tick = side == MatchingBook.BUY ? nbb + 1 + rng.nextInt(nbo - nbb - 1) : nbo - 1 - rng.nextInt(nbo - nbb - 1);
        } else if (u < 0.45) {
            tick = ref;
        } else {
            int depth = 1 + (int) Math.min(60, Math.floor(StrictMath.log(1 - rng.nextDouble()) / StrictMath.log(0.8)));
            tick = ref - side * depth;
        }
        // passive noise orders do not rest through the latent price, and (Reg NMS price slide) never lock or
        // cross any venue
        if (side == MatchingBook.BUY) tick = Math.min(Math.min(tick, (int) Math.floor(ft)), venues.nbo() - 1);
        else tick = Math.max(Math.max(tick, (int) Math.ceil(ft)), venues.nbb() + 1);
        if (tick < 1 || tick >= levels - 1) return;
        rest(v, side, tick, qty);
    }

    /** Rests an order on venue {@code v} and tracks it for cancellation. */
    void rest(int v, byte side, int tick, long qty) {
        MatchingBook b = market.venues.books[v];
        int s = b.add(side, tick, qty, Market.OWNER_NOISE, count);
        if (count == slot.length) {
            int c = count * 2;
            venue = Arrays.copyOf(venue, c); slot = Arrays.copyOf(slot, c); id = Arrays.copyOf(id, c);
        }
        venue[count] = v; slot[count] = s; id[count] = b.orderId(s);
        count++;
        market.emitOrder(v, OrderEvent.Type.ADD, b.orderId(s), side, tick, qty);
    }

    /** Forgets tracked order {@code idx} (it left the book); the last one takes its index. */
    void remove(int idx) {
        int last = --count;
        if (idx != last) {
            venue[idx] = venue[last]; slot[idx] = slot[last]; id[idx] = id[last];
            market.venues.books[venue[idx]].setOwnerRef(slot[idx], idx);
        }
    }

    void marketOrder() {
        Venues venues = market.venues;
        byte side = rng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
        long qty = marketSize();
        int far = side == MatchingBook.BUY ? venues.nbo() : venues.nbb();
        if (!venues.onLadder(far)) return;
        market.router.route(side, qty, far + side * Market.MARKET_COLLAR_TICKS, Agent.NOISE, -1, true);
    }

    /** Cancels a random resting order: 15 % of those of 200+ shares partially, else entirely. */
    void cancel() {
        if (count == 0) return;
        int idx = rng.nextInt(count);
        int v = venue[idx], s = slot[idx];
        MatchingBook b = market.venues.books[v];
        if (!b.isLive(s, id[idx])) throw new IllegalStateException("stale noise order " + id[idx]);
        long q = b.qty(s);
        if (q >= 200 && rng.nextDouble() < 0.15) {
            long cut = 100L * (1 + rng.nextInt((int) (q / 100) - 1));
            if (cut < q) {
                market.emitOrder(v, OrderEvent.Type.CANCEL, id[idx], b.side(s), b.tick(s), cut);
                b.reduce(s, cut);
                return;
            }
        }
        market.emitOrder(v, OrderEvent.Type.DELETE, id[idx], b.side(s), b.tick(s), q);
        b.delete(s);
        remove(idx);
    }
}
