package dev.periscope.sim;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.random.SplitMix64;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Off-exchange prints on the TRF ({@code D}): retail internalization with sub-penny price improvement, dark pool
 * prints at the midpoint or the touch, and the scheduled average-price ({@code W}) and derivatively priced
 * ({@code 4}) prints. (Planted blocks are {@link OffExchangeBlock}.)
 */
final class OffExchange {
    private final Market market;
    private final SplitMix64 rng;

    OffExchange(Market market) {
        this.market = market;
        this.rng = market.rng;
    }

    /** One random retail or dark print against the NBBO (none without a two-sided NBBO). */
    void print() {
        Venues venues = market.venues;
        int nbb = venues.nbb(), nbo = venues.nbo();
        if (!venues.twoSided(nbb, nbo)) return;
        byte side = rng.nextBoolean() ? Aggressor.BUY : Aggressor.SELL;
        long bid = nbb * venues.tickPx, ask = nbo * venues.tickPx;
        double u = rng.nextDouble();
        long qty, price;
        Agent agent;
        if (u < 0.62) {
            agent = Agent.RETAIL;
            double s = rng.nextDouble();
            qty = s < 0.40 ? 1 + rng.nextInt(99) : s < 0.65 ? 100 : s < 0.92 ? 100 + rng.nextInt(400) : 500 + rng.nextInt(4500);
            // wholesaler price improvement: 0 to 0.4 cents, never beyond the far side of the NBBO
            long improve = rng.nextDouble() < 0.3 ? 0 : Px.SCALE / 10_000 * (1 + rng.nextInt(40));
            if (improve >= ask - bid) improve = 0;
            price = side == Aggressor.BUY ? ask - improve : bid + improve;
        } else if (u < 0.92) {
            agent = Agent.DARK;
            double s = rng.nextDouble();
            qty = s < 0.5 ? 100 : s < 0.85 ? 100L * (2 + rng.nextInt(9)) : 100L * (10 + rng.nextInt(40));
            price = (bid + ask) / 2;
        } else {
            agent = Agent.DARK;
            qty = 100L * (1 + rng.nextInt(10));
            price = side == Aggressor.BUY ? ask : bid;
        }
        market.emitTrade(price, qty, Market.OFF_EXCHANGE, market.printConditions(0, qty), side, agent, -1, -1);
    }

    /** A {@code W} print of {@code shares} at the session VWAP so far (rounded to $0.0001); none before any volume. */
    void averagePricePrint(long shares) {
        if (!market.tally.hasVolume()) return;
        long price = Px.ofDouble(Math.round(market.tally.vwap() * 10_000) / 10_000.0);
        market.emitTrade(price, shares, Market.OFF_EXCHANGE, Market.AVERAGE_PRICE, Aggressor.UNKNOWN, Agent.AVERAGE_PRICE, -1, -1);
    }

    /** A {@code 4} print of {@code shares} at the latent price times a basis of +-0.2 % (rounded to $0.0001). */
    void derivativelyPricedPrint(long shares) {
        double basis = 1 + (rng.nextDouble() - 0.5) * 0.004;
        long price = Px.ofDouble(Math.round(market.latent.fair() * basis * 10_000) / 10_000.0);
        market.emitTrade(price, shares, Market.OFF_EXCHANGE, Market.DERIVATIVELY_PRICED, Aggressor.UNKNOWN,
                Agent.DERIVATIVELY_PRICED, -1, -1);
    }
}
