package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.random.SplitMix64;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Momentum and mean-reversion traders ({@link SimConfig.Strategies}): EMAs of the NBBO mid (ticks) over
 * {@code trendSeconds} and {@code meanSeconds}, EWMA variances of the mid's deviation from each, and z-scores that
 * set the traders' order rates. Sizes and venues come from the traders' own random stream.
 */
final class TechnicalTraders {
    private final Market market;
    private final SplitMix64 rng;
    private final SimConfig.Strategies strat;
    private final boolean enabled;
    private double emaTrend, emaMean, varTrend, varMean, zTrend, zMean;
    private long sigT0 = Long.MIN_VALUE, sigLast;

    TechnicalTraders(Market market) {
        this.market = market;
        this.rng = market.traderRng;
        this.strat = market.cfg.strategies();
        this.enabled = strat.momentumRate() > 0 || strat.meanReversionRate() > 0;
    }

    /** True if either trader type trades at all. */
    boolean enabled() { return enabled; }

    /** Momentum order rate per second at activity {@code act} (after {@link #updateSignals()}). */
    double momentumRate(double act) { return strat.momentumRate() * act * zTrend * zTrend / (1 + zTrend * zTrend); }

    /** Mean-reversion order rate per second at activity {@code act} (after {@link #updateSignals()}). */
    double meanReversionRate(double act) { return strat.meanReversionRate() * act * zMean * zMean / (1 + zMean * zMean); }

    /**
     * Updates the EMAs of the NBBO midpoint (continuous-time: weight {@code 1 - exp(-dt/tau)}) and the z-scores of
     * the mid's deviation from them; false until both moving averages have seen one time constant of data.
     */
    boolean updateSignals() {
        Venues venues = market.venues;
        int nbb = venues.nbb(), nbo = venues.nbo();
        if (!venues.twoSided(nbb, nbo)) return false;
        double mid = 0.5 * (nbb + nbo);
        long now = market.clock.now;
        if (sigT0 == Long.MIN_VALUE) {
            sigT0 = sigLast = now;
            emaTrend = emaMean = mid;
            varTrend = varMean = 1.0; // one tick squared, until data replaces it
            return false;
        }
        double dt = (now - sigLast) / (double) SessionClock.NANOS;
        sigLast = now;
        if (dt > 0) {
            double aT = 1 - StrictMath.exp(-dt / strat.trendSeconds()), aM = 1 - StrictMath.exp(-dt / strat.meanSeconds());
            emaTrend += aT * (mid - emaTrend);
            emaMean += aM * (mid - emaMean);
            double dT = mid - emaTrend, dM = mid - emaMean;
            varTrend += aT * (dT * dT - varTrend);
            varMean += aM * (dM * dM - varMean);
        }
        zTrend = (mid - emaTrend) / Math.sqrt(Math.max(varTrend, 0.25));
        zMean = (mid - emaMean) / Math.sqrt(Math.max(varMean, 0.25));
        return now - sigT0 >= (long) (Math.max(strat.trendSeconds(), strat.meanSeconds()) * SessionClock.NANOS);
    }

    /** Trader's order size: the marketable-order size distribution, from the traders' own stream. */
    private long size() {
        double u = rng.nextDouble();
        if (u < 0.15) return 1 + rng.nextInt(99);
        if (u < 0.50) return 100;
        if (u < 0.85) return 100L * (2 + rng.nextInt(4));
        return 100L * (5 + rng.nextInt(16));
    }

    /** Momentum trader: a marketable order in the direction of the mid's deviation from its trend EMA. */
    void momentumOrder() {
        Venues venues = market.venues;
        byte side = zTrend > 0 ? MatchingBook.BUY : MatchingBook.SELL;
        int far = side == MatchingBook.BUY ? venues.nbo() : venues.nbb();
        if (!venues.onLadder(far)) return;
        market.router.route(side, size(), far + side * Market.MARKET_COLLAR_TICKS, Agent.MOMENTUM, -1, true);
    }

    /**
     * Mean-reversion trader: against the mid's deviation from its slow EMA; half the orders are marketable, half
     * rest at the trader's own side of the NBBO on a venue drawn by routing weight (cancelled like noise orders).
     */
    void meanReversionOrder() {
        Venues venues = market.venues;
        byte side = zMean > 0 ? MatchingBook.SELL : MatchingBook.BUY;
        long qty = size();
        int nbb = venues.nbb(), nbo = venues.nbo();
        if (!venues.twoSided(nbb, nbo)) return;
        if (rng.nextBoolean()) {
            int far = side == MatchingBook.BUY ? nbo : nbb;
            market.router.route(side, qty, far + side * Market.MARKET_COLLAR_TICKS, Agent.MEAN_REVERSION, -1, true);
            return;
        }
        double ft = market.latent.fairTicks();
        int tick = side == MatchingBook.BUY ? Math.min(Math.min(nbb, (int) Math.floor(ft)), nbo - 1)
                : Math.max(Math.max(nbo, (int) Math.ceil(ft)), nbb + 1);
        if (tick < 1 || tick >= venues.levels - 1) return;
        market.noise.rest(venues.pick(rng.nextDouble()), side, tick, qty);
    }
}
