package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;

/**
 * Planted pattern {@code iceberg}: a small displayed order (100-300 shares) at one price backed by a hidden reserve
 * (3,000-12,000 shares in all), refilled with a new order id at the same price, side and display size 1-5 ms after
 * each full execution. Until its first execution it re-pegs to the touch whenever the touch has moved 3 ticks away
 * (the label starts at the last peg). It stops when the reserve is used up, when the touch has moved more than
 * {@link #GIVE_UP_TICKS} ticks away after executions, or after 5-15 minutes; a refill that would lock or cross
 * another venue waits (retried every 50-200 ms).
 */
final class Iceberg extends Planter {
    private static final int GIVE_UP_TICKS = 20;

    private byte side;
    private int tick, slot = -1;
    private long id, display, left, deadline;
    private boolean executed;

    Iceberg(Market market, int idx) { super(market, idx); }

    @Override void start() {
        if (!twoSided()) return;
        var rng = market.patternRng;
        side = rng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
        display = 100L * (1 + rng.nextInt(3));
        left = 100L * (30 + rng.nextInt(91));
        deadline = now() + (long) ((5 + 10 * rng.nextDouble()) * 60 * SessionClock.NANOS);
        open("iceberg", side);
        peg();
    }

    private int touch() { return side == MatchingBook.BUY ? nbb() : nbo(); }

    /** Ticks the touch has moved away from the iceberg's price (0 if at or through it). */
    private int away() {
        int t = touch();
        if (!market.venues.onLadder(t)) return 0;
        return Math.max(0, side == MatchingBook.BUY ? t - tick : tick - t);
    }

    private void peg() {
        tick = touch();
        label.restart(now());
        label.price(px(tick));
        label.note = "display " + display + ", reserve " + left + " shares in all";
        refill();
    }

    private void refill() {
        if (left <= 0 || now() >= deadline) { finish(); return; }
        if (!canRest(side, tick)) { wake = now() + ms(50, 200); return; }
        slot = post(side, tick, Math.min(display, left));
        id = book().orderId(slot);
        wake = Math.min(deadline, now() + SessionClock.NANOS);
    }

    @Override void onFill(long orderId, long qty, long remaining) {
        left -= qty;
        executed = true;
        label.until(now());
        if (remaining == 0) { slot = -1; if (left > 0) wake = now() + ms(1, 5); else finish(); }
    }

    @Override void onWake() {
        if (slot < 0) { refill(); return; }
        int away = away();
        if (now() >= deadline || (executed && away > GIVE_UP_TICKS)) { cancel(slot, id); slot = -1; finish(); return; }
        if (!executed && away >= 3) { cancel(slot, id); slot = -1; peg(); return; }
        wake = Math.min(deadline, now() + SessionClock.NANOS);
    }
}
