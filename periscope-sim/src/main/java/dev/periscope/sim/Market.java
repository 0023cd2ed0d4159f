package dev.periscope.sim;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.random.SplitMix64;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * The state of one simulated session that its parts share: config, random streams, clock, venues, the output
 * buffer and tape, the ground truth, and the parts themselves (created here in a fixed order, so every random draw
 * happens in the same order as ever). The parts with one job each: {@link LatentPrice}, {@link MarketMakers},
 * {@link NoiseTraders}, {@link TechnicalTraders}, {@link HiddenPegs}, {@link Router} (and arbitrage),
 * {@link OffExchange}, the {@link Schedule} of meta-orders and planted patterns, {@link QuoteReporter} and
 * {@link TapeReporter}; {@link EventLoop} runs them.
 */
final class Market {
    static final char OFF_EXCHANGE = 'D';
    /** Owners of resting orders in the books (handed back with fills). */
    static final byte OWNER_MM = 1, OWNER_NOISE = 2, OWNER_PLANT = 3;
    static final long ISO = SaleCondition.INTERMARKET_SWEEP.bit(), ODD_LOT = SaleCondition.ODD_LOT.bit(),
            FORM_T = SaleCondition.FORM_T.bit(), AVERAGE_PRICE = SaleCondition.AVERAGE_PRICE.bit(),
            DERIVATIVELY_PRICED = SaleCondition.DERIVATIVELY_PRICED.bit();
    /** Collar of marketable orders beyond the far touch, ticks. */
    static final int MARKET_COLLAR_TICKS = 10;

    final SimConfig cfg;
    /** The market's stream (schedule drawn from a split of it up front). */
    final SplitMix64 rng;
    /** Stream of the planted L3 patterns. */
    final SplitMix64 patternRng;
    /** Stream of the technical traders (sizes, venues, POV timers). */
    final SplitMix64 traderRng;
    final GroundTruth truth;
    final SessionClock clock;
    final Venues venues;
    final LatentPrice latent;
    final EventBuffer out = new EventBuffer();
    final TapeReporter tape;
    final QuoteReporter quotes;
    final VolumeTally tally;
    final HiddenPegs hidden;
    final MarketMakers makers;
    final NoiseTraders noise;
    final TechnicalTraders technical;
    final Router router;
    final OffExchange offExchange;
    final MetaOrders metaOrders;
    final Schedule schedule;
    private final boolean l3AllVenues;

    /** Simulation steps run and book messages (adds, cancels, deletes, executions, all venues) so far. */
    long steps, bookEvents;
    /** Label tag of the aggressive pattern being executed (meta-order, sweep, block, burst), or -1. */
    int aggressiveTag = -1;
    /** Id of the aggressive parent order being routed or swept (1, 2, 3, ...), 0 outside one. */
    int parentOrder;
    /** Last parent order id handed out. */
    int lastParent;

    Market(SimConfig cfg, GroundTruth truth) {
        this.cfg = cfg;
        this.truth = truth;
        rng = new SplitMix64(cfg.seed());
        patternRng = new SplitMix64(cfg.seed() ^ 0x5DEECE66DL);
        SplitMix64 volRng = new SplitMix64(cfg.seed() ^ 0x9E3779B97F4A7C15L);
        clock = new SessionClock(cfg);
        venues = new Venues(cfg);
        latent = new LatentPrice(cfg, clock, venues, rng, volRng);
        traderRng = new SplitMix64(cfg.seed() ^ 0x2545F4914F6CDD1DL);
        l3AllVenues = cfg.l3AllVenues();
        tape = new TapeReporter(this);
        quotes = new QuoteReporter(this);
        tally = new VolumeTally(cfg.metaOrders());
        hidden = new HiddenPegs(this);
        makers = new MarketMakers(this);
        noise = new NoiseTraders(this);
        technical = new TechnicalTraders(this);
        router = new Router(this);
        offExchange = new OffExchange(this);
        metaOrders = new MetaOrders(this);
        schedule = new Schedule(this, rng.split());
    }

    /** Next parent order id. */
    int newParent() { return ++lastParent; }

    /** The regular-mask condition for an empty set of flags. */
    static long conditions(long flags) { return flags == 0 ? SaleCondition.REGULAR_MASK : flags; }

    /** {@code T} outside regular hours, odd lot {@code I} under 100 shares, plus {@code flags}. */
    long printConditions(long flags, long shares) {
        return conditions(flags | (clock.isExtended() ? FORM_T : 0) | (shares < 100 ? ODD_LOT : 0));
    }

    /** An L3 message at a tick. */
    void emitOrder(int venue, OrderEvent.Type type, long orderId, byte side, int tick, long shares) {
        emitOrderAt(venue, type, orderId, side, tick * venues.tickPx, shares);
    }

    /** An L3 message at a {@code Px} price (counted on every venue, emitted for the L3 venues). */
    void emitOrderAt(int venue, OrderEvent.Type type, long orderId, byte side, long pricePx, long shares) {
        bookEvents++;
        if (venue != venues.l3 && !l3AllVenues) return;
        out.addOrder(clock.now, venues.code[venue], type, orderId, side, pricePx, Px.ofUnits(shares));
    }

    /** A print: counted in the session tallies, then reported to the tape (after its venue's delay). */
    void emitTrade(long price, long shares, char venue, long cond, byte trueSide, Agent agent, int metaId, int passiveTag) {
        tally.add(price, shares, cond, agent, metaId);
        tape.report(price, shares, venue, cond, trueSide, agent, metaId, passiveTag);
    }
}
