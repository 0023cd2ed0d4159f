package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.event.OrderEvent;

/**
 * One market maker per lit venue quoting {@link SimConfig#mmLevels()} levels per side around the latent price
 * (half spread {@link SimConfig#mmHalfSpreadTicks()} plus one tick on smaller venues, 3x outside regular hours),
 * sizes scaled by the venue's share. It requotes when its band moved or one of its orders traded, never locking or
 * crossing another venue's quote. Per venue and side (index 2v, 2v+1) it tracks its orders as (tick, slot, id).
 */
final class MarketMakers {
    private final Market market;
    private final int levelsPerSide;
    private final int[][] tick, slot;
    private final long[][] id;
    private final int[] count;
    private final int[] lastBid0, lastAsk0;
    private final boolean[] dirty, bidComplete;

    MarketMakers(Market market) {
        this.market = market;
        int nv = market.venues.count;
        levelsPerSide = market.cfg.mmLevels();
        tick = new int[nv * 2][levelsPerSide * 2 + 2];
        slot = new int[nv * 2][levelsPerSide * 2 + 2];
        id = new long[nv * 2][levelsPerSide * 2 + 2];
        count = new int[nv * 2];
        lastBid0 = new int[nv];
        lastAsk0 = new int[nv];
        dirty = new boolean[nv];
        bidComplete = new boolean[nv];
        java.util.Arrays.fill(dirty, true);
    }

    /** One of venue {@code v}'s market-maker orders traded: requote it. */
    void markDirty(int v) { dirty[v] = true; }

    void requoteAll() {
        double mult = market.clock.isExtended() ? 3.0 : 1.0;
        double ft = market.latent.fairTicks();
        Venues venues = market.venues;
        boolean any = false;
        for (int v = 0; v < venues.count; v++) {
            double hs = (market.cfg.mmHalfSpreadTicks() + venues.extraHalfSpread[v]) * mult;
            int bid0 = (int) Math.floor(ft - hs), ask0 = (int) Math.ceil(ft + hs);
            if (bid0 != lastBid0[v] || ask0 != lastAsk0[v]) dirty[v] = true;
            lastBid0[v] = bid0; lastAsk0[v] = ask0;
            any |= dirty[v];
        }
        if (!any) return;
        // Three phases, each followed by the quotes it changed: every phase only retreats (cancels) or only
        // advances one side under the NBBO cap, so any prefix of a phase's quote updates is uncrossed and unlocked.
        for (int v = 0; v < venues.count; v++) if (dirty[v]) { cancel(v, 0, lastBid0[v]); cancel(v, 1, lastAsk0[v]); }
        market.quotes.emit();
        for (int v = 0; v < venues.count; v++) if (dirty[v]) bidComplete[v] = add(v, 0, lastBid0[v]);
        market.quotes.emit();
        for (int v = 0; v < venues.count; v++) if (dirty[v]) dirty[v] = !(add(v, 1, lastAsk0[v]) & bidComplete[v]);
        market.quotes.emit();
    }

    /** Drops filled orders from the list and deletes live ones outside the target band. side 0 = bid. */
    private void cancel(int v, int side, int best) {
        int k = 2 * v + side;
        MatchingBook b = market.venues.books[v];
        int n = count[k];
        for (int j = 0; j < n; ) {
            int s = slot[k][j];
            long oid = id[k][j];
            int t = tick[k][j];
            boolean live = b.isLive(s, oid);
            boolean inBand = side == 0 ? t <= best && t > best - levelsPerSide : t >= best && t < best + levelsPerSide;
            if (live && inBand) { j++; continue; }
            if (live) {
                market.emitOrder(v, OrderEvent.Type.DELETE, oid, b.side(s), t, b.qty(s));
                b.delete(s);
            }
            n--;
            tick[k][j] = tick[k][n]; slot[k][j] = slot[k][n]; id[k][j] = id[k][n];
        }
        count[k] = n;
    }

    /** Posts missing orders in the target band, capped by the NBBO; false if a level had to be skipped. */
    private boolean add(int v, int side, int best) {
        int k = 2 * v + side;
        Venues venues = market.venues;
        boolean complete = true;
        if (side == 0) {
            int cap = venues.nbo() - 1; // Reg NMS: never lock or cross any venue's offer
            for (int lv = 0; lv < levelsPerSide; lv++) {
                int t = best - lv;
                if (t < 1) break;
                if (t > cap) { complete = false; continue; }
                if (has(k, t)) continue;
                place(v, k, MatchingBook.BUY, t, lv);
            }
        } else {
            int cap = venues.nbb() + 1;
            for (int lv = 0; lv < levelsPerSide; lv++) {
                int t = best + lv;
                if (t >= venues.levels - 1) break;
                if (t < cap) { complete = false; continue; }
                if (has(k, t)) continue;
                place(v, k, MatchingBook.SELL, t, lv);
            }
        }
        return complete;
    }

    private boolean has(int k, int t) {
        for (int j = 0; j < count[k]; j++) if (tick[k][j] == t) return true;
        return false;
    }

    private void place(int v, int k, byte side, int t, int lv) {
        long lots = Math.max(1, Math.round(market.venues.mmScale[v] * (1 + lv * 0.6 + market.rng.nextInt(4))));
        long qty = 100 * lots;
        MatchingBook b = market.venues.books[v];
        int s = b.add(side, t, qty, Market.OWNER_MM, k);
        int n = count[k]++;
        tick[k][n] = t; slot[k][n] = s; id[k][n] = b.orderId(s);
        market.emitOrder(v, OrderEvent.Type.ADD, b.orderId(s), side, t, qty);
    }
}
