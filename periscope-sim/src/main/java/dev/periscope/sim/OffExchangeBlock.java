package dev.periscope.sim;

import dev.periscope.sim.GroundTruth.Agent;

/** Planted pattern {@code off-exchange-block}: a negotiated block printed on the TRF at the NBBO midpoint. */
final class OffExchangeBlock {
    private OffExchangeBlock() {}

    /** Prints a block of {@code shares} for an initiator on {@code side} (nothing without a two-sided NBBO). */
    static void print(Market market, byte side, long shares, int nbb, int nbo) {
        if (!market.venues.twoSided(nbb, nbo)) return;
        long cond = Market.conditions(market.clock.isExtended() ? Market.FORM_T : 0);
        GroundTruth.Planted p = new GroundTruth.Planted("off-exchange-block", side, market.clock.now, market.clock.now);
        p.note = "negotiated block at the NBBO midpoint";
        market.aggressiveTag = market.truth.plant(p);
        market.emitTrade((nbb + nbo) * market.venues.tickPx / 2, shares, Market.OFF_EXCHANGE, cond, side, Agent.BLOCK, -1, -1);
        market.aggressiveTag = -1;
    }
}
