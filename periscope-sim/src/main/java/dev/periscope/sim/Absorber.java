package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Planted pattern {@code absorption}: a large passive buyer or seller rests 1,000-2,000 shares at the touch of the
 * L3 venue (one tick better when the spread is wider than a tick) and refills them (new order id, same price) at
 * once after each full execution (retried after 1-5 ms if that would lock), while a burst of aggressive orders from
 * the other side (300-2,000 shares every 100-500 ms, 20,000-50,000 in all, limit = the absorber's price, with the
 * usual permanent impact on the latent price) trades into it; the price does not move through the absorber. Until
 * its first execution it re-pegs to the touch when the touch has moved 2 ticks away (the label restarts). Ends when
 * the burst is done, when its reserve (1.0-1.5 x the burst) is used up, when the touch has moved 2 ticks away from
 * it after executions, or after 3 minutes.
 */
final class Absorber extends Planter {
    private byte side;
    private int tick, slot = -1;
    private long id, chunk, burstLeft, burstShares, deadline, refillAt = Long.MAX_VALUE, burstAt = Long.MAX_VALUE;
    private long reserve;
    private boolean filled, refillNow;

    Absorber(Market market, int idx) { super(market, idx); }

    @Override void afterFills() {
        if (!refillNow) return;
        refillNow = false;
        if (slot < 0 && canRest(side, tick)) { slot = post(side, tick, Math.min(chunk, reserve)); id = book().orderId(slot); }
        else { refillAt = now() + ms(1, 5); rewake(); }
    }

    @Override void start() {
        if (!twoSided()) return;
        var rng = market.patternRng;
        side = rng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
        tick = pegTick();
        chunk = 100L * (10 + rng.nextInt(11));
        burstShares = burstLeft = 100L * (200 + rng.nextInt(301));
        reserve = burstShares * (10 + rng.nextInt(6)) / 10;
        deadline = now() + 180 * SessionClock.NANOS;
        open("absorption", side);
        label.price(px(tick));
        label.note = "passive " + (side > 0 ? "buyer" : "seller") + " refilling " + chunk + " against a burst of " + burstShares;
        if (!canRest(side, tick)) { finish(); return; }
        slot = post(side, tick, chunk);
        id = book().orderId(slot);
        burstAt = now() + ms(50, 200);
        rewake();
    }

    /** The touch, one tick better when the spread allows (the absorber steps ahead of the queue). */
    private int pegTick() {
        int nb = nbb(), no = nbo();
        int t = side == MatchingBook.BUY ? nb : no;
        return no - nb > 1 ? t + side : t;
    }

    private void rewake() { wake = Math.min(Math.min(refillAt, burstAt), deadline); }

    @Override void onFill(long orderId, long qty, long remaining) {
        label.until(now());
        filled = true;
        reserve -= qty;
        if (reserve <= 0) { slot = -1; finish(); return; }
        if (remaining == 0) {
            slot = -1;
            // a reserve order: the next chunk is there at once (after this fill batch), before anyone else
            // can step in
            refillNow = true;
            market.router.pendingRefill = true;
        }
    }

    @Override void onWake() {
        if (now() >= deadline || burstLeft <= 0) { cancel(slot, id); slot = -1; finish(); return; }
        if (now() >= refillAt) {
            refillAt = Long.MAX_VALUE;
            if (slot < 0 && canRest(side, tick)) { slot = post(side, tick, Math.min(chunk, reserve)); id = book().orderId(slot); }
        }
        int t = side == MatchingBook.BUY ? nbb() : nbo();
        int away = !market.venues.onLadder(t) ? 0 : side == MatchingBook.BUY ? t - tick : tick - t;
        if (filled && away >= 2) { cancel(slot, id); slot = -1; finish(); return; }
        if (now() >= burstAt && !filled && slot >= 0 && away >= 2) {
            // nothing traded yet and the touch ran away: re-peg at the touch (the label restarts)
            cancel(slot, id);
            tick = pegTick();
            label.restart(now());
            label.price(px(tick));
            slot = post(side, tick, chunk);
            id = book().orderId(slot);
        }
        if (now() >= burstAt) {
            long q = Math.min(burstLeft, 100L * (3 + market.patternRng.nextInt(18)));
            burstLeft -= q;
            market.router.route((byte) -side, q, tick, Agent.BURST, -1, true);
            burstAt = burstLeft > 0 ? now() + ms(100, 500) : now() + ms(50, 200);
        }
        rewake();
    }
}
