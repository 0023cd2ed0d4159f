package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.event.OrderEvent;

/**
 * A planted agent on the L3 venue: posts and cancels its own orders (owner {@link Market#OWNER_PLANT}, owner
 * reference {@link #idx}), is told of its fills by the {@link Router}, and acts again at {@link #wake}. Its ground
 * truth is {@link #label}. Timers and sizes come from the patterns' own random stream unless stated otherwise.
 */
abstract class Planter {
    final Market market;
    final int idx;
    /** Label tag of {@link #label}, -1 before it opened. */
    int tag = -1;
    /** Time of its next action, epoch ns ({@code Long.MAX_VALUE}: none). */
    long wake = Long.MAX_VALUE;
    GroundTruth.Planted label;

    Planter(Market market, int idx) {
        this.market = market;
        this.idx = idx;
    }

    /** Scheduled start. */
    abstract void start();

    /** Called at {@link #wake} (reset to never before the call). */
    abstract void onWake();

    /** Called after a batch of fills has been processed (the book's slots are settled). */
    void afterFills() {}

    /** One of this agent's orders traded {@code qty} shares and has {@code remaining} left. */
    abstract void onFill(long orderId, long qty, long remaining);

    long now() { return market.clock.now; }

    int nbb() { return market.venues.nbb(); }

    int nbo() { return market.venues.nbo(); }

    /** True if the NBBO has both sides. */
    boolean twoSided() { return market.venues.twoSided(nbb(), nbo()); }

    /** Price of a tick, {@code Px}. */
    long px(int tick) { return tick * market.venues.tickPx; }

    void open(String kind, byte side) {
        label = new GroundTruth.Planted(kind, side, now(), now());
        tag = market.truth.plant(label);
    }

    /** True if a resting order at {@code tick} would neither lock nor cross any venue (Reg NMS). */
    boolean canRest(byte side, int tick) {
        return tick >= 1 && tick < market.venues.levels - 1 && (side == MatchingBook.BUY ? tick < nbo() : tick > nbb());
    }

    /** The L3 venue's book. */
    MatchingBook book() { return market.venues.books[market.venues.l3]; }

    /** Posts a displayed order on the L3 venue; returns its slot. */
    int post(byte side, int tick, long qty) {
        MatchingBook b = book();
        int l3 = market.venues.l3;
        int s = b.add(side, tick, qty, Market.OWNER_PLANT, idx);
        market.emitOrder(l3, OrderEvent.Type.ADD, b.orderId(s), side, tick, qty);
        label.order(b.orderId(s), market.venues.code[l3], px(tick), now());
        return s;
    }

    /** Deletes an order if it is still live. */
    void cancel(int slot, long id) {
        MatchingBook b = book();
        if (slot < 0 || !b.isLive(slot, id)) return;
        market.emitOrder(market.venues.l3, OrderEvent.Type.DELETE, id, b.side(slot), b.tick(slot), b.qty(slot));
        b.delete(slot);
        label.until(now());
    }

    void finish() {
        wake = Long.MAX_VALUE;
        if (label != null) label.until(now());
    }

    /** A delay uniform in [lo, hi) milliseconds, from the patterns' stream, in ns. */
    long ms(double lo, double hi) { return (long) ((lo + (hi - lo) * market.patternRng.nextDouble()) * 1_000_000L); }
}
