package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Aggressive order handling across the lit venues: smart order routing (best price first, never trading through
 * another venue), intermarket sweeps (ISO to every venue at once), the arbitrageur who takes stale quotes, and the
 * turning of the books' fills into L3 executions, prints and notices to the resting orders' owners.
 */
final class Router {
    /** Arbitrage: quotes stale by more than this many ticks beyond the latent price are taken, at most this many shares per step. */
    private static final double ARB_EDGE_TICKS = 3.0;
    private static final int ARB_MAX_SHARES = 5_000;

    private final Market market;
    private final MatchingBook.Fills fills = new MatchingBook.Fills();
    // the arbitrageur's current episode: parent order id, side and the step of its last ISO
    private int arbParent;
    private byte arbSide;
    private long arbStep = Long.MIN_VALUE;
    /** A planted absorber asked to refill once the current fills are settled. */
    boolean pendingRefill;

    Router(Market market) { this.market = market; }

    /**
     * Smart-order-routes an aggressive order: half the time first meets hidden midpoint liquidity on the lit venues
     * ({@link HiddenPegs#take}), then repeatedly takes the best price available on any lit venue (ties
     * broken by routing weight) up to {@code limitTick}, one venue level at a time, so it never trades through
     * another venue's better price. Returns shares filled. Applies permanent impact when {@code impact}.
     */
    long route(byte side, long qty, int limitTick, Agent agent, int metaId, boolean impact) {
        market.parentOrder = market.newParent();
        long done = routeParent(side, qty, limitTick, agent, metaId, impact);
        market.parentOrder = 0;
        return done;
    }

    private long routeParent(byte side, long qty, int limitTick, Agent agent, int metaId, boolean impact) {
        Venues venues = market.venues;
        // half of the routers are midpoint-seeking: they ping hidden midpoint liquidity before the displayed book
        long done = market.cfg.hiddenMidpointShare() > 0 && market.rng.nextBoolean()
                ? market.hidden.take(side, qty, limitTick, agent, metaId) : 0;
        while (done < qty) {
            int best = side == MatchingBook.BUY ? venues.nbo() : venues.nbb();
            if (!venues.onLadder(best) || (side == MatchingBook.BUY ? best > limitTick : best < limitTick)) break;
            int v = pickAmongBest(side, best);
            fills.clear();
            long got = venues.books[v].takeBestLevel(side, qty - done, limitTick, fills);
            if (got == 0) break;
            done += got;
            processFills(side, 0, agent, metaId);
        }
        if (impact && done > 0) market.latent.jump(side * market.cfg.impactPerShare() * done);
        return done;
    }

    private int pickAmongBest(byte side, int best) {
        Venues venues = market.venues;
        double tot = 0;
        for (int v = 0; v < venues.count; v++) if (venues.top(v, side) == best) tot += venues.weight(v);
        double u = market.rng.nextDouble() * tot;
        int last = -1;
        for (int v = 0; v < venues.count; v++) {
            if (venues.top(v, side) != best) continue;
            last = v;
            if ((u -= venues.weight(v)) < 0) return v;
        }
        return last;
    }

    /**
     * Intermarket sweep as part of parent order {@code parent} (ground truth: one parent id per economic order):
     * sends ISO orders to every lit venue at once, taking each venue's displayed liquidity level by level up to
     * {@code limitTick} (venues in fixed order at each price), until {@code qty} is filled. Returns shares filled.
     */
    long sweep(int parent, byte side, long qty, int limitTick, Agent agent, boolean impact) {
        market.parentOrder = parent;
        Venues venues = market.venues;
        long done = 0;
        while (done < qty) {
            int best = side == MatchingBook.BUY ? venues.nbo() : venues.nbb();
            if (!venues.onLadder(best) || (side == MatchingBook.BUY ? best > limitTick : best < limitTick)) break;
            for (int v = 0; v < venues.count && done < qty; v++) {
                if (venues.top(v, side) != best) continue;
                fills.clear();
                done += venues.books[v].takeBestLevel(side, qty - done, best, fills);
                processFills(side, Market.ISO, agent, -1);
            }
        }
        if (impact && done > 0) market.latent.jump(side * market.cfg.impactPerShare() * done);
        market.parentOrder = 0;
        return done;
    }

    private void processFills(byte aggSide, long flags, Agent agent, int metaId) {
        Venues venues = market.venues;
        Planter[] planters = market.schedule.planters();
        for (int i = 0; i < fills.size(); i++) {
            int v = venues.index(fills.venue(i));
            long q = fills.qty(i);
            byte owner = fills.owner(i);
            market.emitOrder(v, OrderEvent.Type.EXECUTE, fills.orderId(i), fills.restSide(i), fills.tick(i), q);
            int passiveTag = owner == Market.OWNER_PLANT ? planters[fills.ownerRef(i)].tag : -1;
            market.emitTrade(fills.tick(i) * venues.tickPx, q, venues.code[v], market.printConditions(flags, q), aggSide,
                    agent, metaId, passiveTag);
            if (owner == Market.OWNER_MM) market.makers.markDirty(v);
            else if (owner == Market.OWNER_PLANT) planters[fills.ownerRef(i)].onFill(fills.orderId(i), q, fills.remaining(i));
            // the book's owner ref is kept current by NoiseTraders.remove (the fill record's copy may be stale)
            else if (owner == Market.OWNER_NOISE && fills.remaining(i) == 0) market.noise.remove(venues.books[v].ownerRef(fills.slot(i)));
        }
        fills.clear();
        if (pendingRefill) {
            pendingRefill = false;
            for (Planter p : planters) p.afterFills();
        }
    }

    /**
     * Takes stale quotes left beyond the latent price by more than {@link #ARB_EDGE_TICKS} (ISO, at most
     * {@link #ARB_MAX_SHARES} per step). While stale quotes remain it sends the next ISO at the next step: ISOs on
     * the same side in consecutive steps are one episode, one parent order in the ground truth. True if it traded.
     */
    boolean arbitrage() {
        Venues venues = market.venues;
        double ft = market.latent.fairTicks();
        int nbo = venues.nbo(), nbb = venues.nbb();
        int buyLimit = (int) Math.floor(ft - ARB_EDGE_TICKS);
        if (nbo < venues.levels && nbo <= buyLimit) return arbitrageSweep(MatchingBook.BUY, buyLimit);
        int sellLimit = (int) Math.ceil(ft + ARB_EDGE_TICKS);
        if (nbb >= 0 && nbb >= sellLimit) return arbitrageSweep(MatchingBook.SELL, sellLimit);
        return false;
    }

    private boolean arbitrageSweep(byte side, int limitTick) {
        int parent = arbSide == side && arbStep >= market.steps - 1 ? arbParent : market.newParent();
        if (sweep(parent, side, ARB_MAX_SHARES, limitTick, Agent.ARBITRAGE, false) == 0) return false;
        arbParent = parent;
        arbSide = side;
        arbStep = market.steps;
        return true;
    }
}
