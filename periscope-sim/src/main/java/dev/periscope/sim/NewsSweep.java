package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Planted pattern {@code sweep}: news moves the latent price 0.3-0.6 % and a sweeper sends ISOs to every lit venue
 * at once, up to {@link #DEPTH_TICKS} ticks through the far side of the NBBO as it was before the news.
 */
final class NewsSweep {
    static final int DEPTH_TICKS = 5;

    private NewsSweep() {}

    static void run(Market market, byte side, long shares, int nbb, int nbo) {
        market.latent.jump(side * (0.003 + 0.003 * market.rng.nextDouble()));
        int far = side == MatchingBook.BUY ? nbo : nbb;
        GroundTruth.Planted p = new GroundTruth.Planted("sweep", side, market.clock.now, market.clock.now);
        p.note = "news-driven ISO sweep, limit " + DEPTH_TICKS + " ticks through the far side";
        market.aggressiveTag = market.truth.plant(p);
        if (market.venues.onLadder(far))
            market.router.sweep(market.newParent(), side, shares, far + side * DEPTH_TICKS, Agent.SWEEP, true);
        market.aggressiveTag = -1;
    }
}
