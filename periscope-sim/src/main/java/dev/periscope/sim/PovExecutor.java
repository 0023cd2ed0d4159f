package dev.periscope.sim;

/**
 * POV (percentage-of-volume) execution of one meta-order: from its start it checks every 5-15 s (1-3 s after
 * sending a child) whether its own volume is behind {@link SimConfig.Strategies#povRate} of all volume printed since
 * the start (its own included), and if so sends a child of up to 900 shares (the same dark/lit mix as VWAP
 * children). It stops when the shares are done or its window ends. Timers and child sizes come from the traders'
 * random stream.
 */
final class PovExecutor extends Planter {
    private final int meta;
    private final long end;
    private long volume0, done0;

    PovExecutor(Market market, int idx, int meta, long end) {
        super(market, idx);
        this.meta = meta;
        this.end = end;
    }

    @Override void start() {
        tag = market.metaOrders.tag(meta);
        label = market.truth.planted(tag);
        volume0 = market.tally.volume();
        done0 = market.tally.metaDone(meta);
        wake = now() + secs(5, 15);
    }

    @Override void onWake() {
        long own = market.tally.metaDone(meta) - done0, left = market.cfg.metaOrderShares() - own;
        if (left <= 0 || now() >= end) return; // finished: never wakes again
        double target = market.cfg.strategies().povRate() * (market.tally.volume() - volume0);
        long behind = (long) (target - own);
        if (behind < 100) { wake = now() + secs(5, 15); return; }
        long child = Math.min(left, Math.min(behind / 100 * 100, 100L * (1 + market.traderRng.nextInt(9))));
        market.metaOrders.child(meta, child, nbb(), nbo());
        wake = now() + secs(1, 3);
    }

    @Override void onFill(long orderId, long qty, long remaining) { /* never rests an order */ }

    private long secs(double lo, double hi) {
        return (long) ((lo + (hi - lo) * market.traderRng.nextDouble()) * SessionClock.NANOS);
    }
}
