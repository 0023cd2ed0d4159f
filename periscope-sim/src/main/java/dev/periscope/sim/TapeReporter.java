package dev.periscope.sim;

import dev.periscope.model.Px;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Reporting of prints to the consolidated tape: a lit print is delayed by an exponential time with mean
 * {@link SimConfig#tapeLatencyMicros()} times its venue's latency factor, an off-exchange one by
 * {@link SimConfig#trfLatencyMillis()}; reports stay in execution order per venue ({@link TapeQueue}) and never cross
 * into the next session phase. With a zero mean the print goes straight into the step's {@link EventBuffer}.
 */
final class TapeReporter {
    private final Market market;
    /** One queue per lit venue (config order), then {@code D}. */
    private final TapeQueue[] queues;
    private final double[] meanNanos;

    TapeReporter(Market market) {
        this.market = market;
        Venues venues = market.venues;
        queues = new TapeQueue[venues.count + 1];
        meanNanos = new double[venues.count + 1];
        for (int i = 0; i < venues.count; i++) {
            queues[i] = new TapeQueue(venues.code[i]);
            meanNanos[i] = market.cfg.tapeLatencyMicros() * 1e3 * venues.latencyFactor[i];
        }
        queues[venues.count] = new TapeQueue(Market.OFF_EXCHANGE);
        meanNanos[venues.count] = market.cfg.trfLatencyMillis() * 1e6;
    }

    void report(long price, long shares, char venue, long cond, byte trueSide, Agent agent, int metaId, int passiveTag) {
        int vi = venue == Market.OFF_EXCHANGE ? queues.length - 1 : market.venues.index(venue);
        double mean = meanNanos[vi];
        long now = market.clock.now;
        byte agentOrdinal = (byte) agent.ordinal();
        if (mean == 0) {
            market.out.addTrade(now, price, Px.ofUnits(shares), cond, venue, trueSide, agentOrdinal, metaId,
                    market.aggressiveTag, passiveTag, market.parentOrder);
            return;
        }
        TapeQueue q = queues[vi];
        long ts = Math.min(now + (long) (-mean * StrictMath.log(1 - market.rng.nextDouble())), market.clock.phaseEnd() - 1);
        q.push(Math.max(Math.max(ts, now), q.lastTs), price, Px.ofUnits(shares), cond, trueSide, agentOrdinal, metaId,
                market.aggressiveTag, passiveTag, market.parentOrder);
    }

    /** The queue whose next report is earliest (ties: venue order, {@code D} last), or null if all are empty. */
    TapeQueue earliest() {
        TapeQueue best = null;
        long bt = Long.MAX_VALUE;
        for (TapeQueue q : queues) {
            if (q.isEmpty()) continue;
            long t = q.headTs();
            if (t < bt) { bt = t; best = q; }
        }
        return best;
    }
}
