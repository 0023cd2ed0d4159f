package dev.periscope.sim;

import dev.periscope.model.random.SplitMix64;

import java.util.Arrays;

/**
 * The session's scheduled events, drawn up front and sorted by time (stable on construction order): meta-order
 * children, news sweeps, off-exchange blocks, {@code W} and {@code 4} prints, and the starts of the planted agents
 * ({@link Iceberg}, {@link Spoof}, {@link Absorber}, {@link PovExecutor}), which then act at their own wake times.
 */
final class Schedule {
    private static final int META = 0, SWEEP = 1, BLOCK = 2, AVERAGE_PRICE = 3, DERIVATIVELY_PRICED = 4, PLANT = 5;

    private final Market market;
    private long[] time;
    private int[] kind;
    /** Per event: meta-order index, side (+1/-1) of a sweep or block, or planted agent index. */
    private int[] arg;
    /** Per event: shares (0 for planted agents). */
    private long[] size;
    private int next;
    private final Planter[] planters;

    /** Draws the schedule from {@code r} (a split of the market stream) and the planted starts from the patterns' stream. */
    Schedule(Market market, SplitMix64 r) {
        this.market = market;
        SimConfig cfg = market.cfg;
        SessionClock clock = market.clock;
        MetaOrders metas = market.metaOrders;
        metas.plan(r);
        int nMetaChildren = 0;
        for (int m = 0; m < metas.count(); m++) nMetaChildren += metas.childTimes(m).length;
        int nPov = metas.povCount();
        SimConfig.Patterns pat = cfg.patterns();
        int nPlant = pat.icebergs() + pat.spoofs() + pat.absorptions();
        int total = nMetaChildren + cfg.sweeps() + cfg.blocks() + cfg.averagePricePrints() + cfg.derivativelyPricedPrints() + nPlant + nPov;
        time = new long[total];
        kind = new int[total];
        arg = new int[total];
        size = new long[total];
        int k = 0;
        for (int m = 0; m < metas.count(); m++) {
            long[] times = metas.childTimes(m), sizes = metas.childSizes(m);
            for (int j = 0; j < times.length; j++) k = put(k, times[j], META, m, sizes[j]);
        }
        long regLen = clock.close - clock.open;
        long margin = regLen / 78; // 5 minutes of a 6.5-hour session
        long[] sweepT = new long[cfg.sweeps()];
        for (int j = 0; j < cfg.sweeps(); j++) {
            sweepT[j] = clock.open + margin + (long) (r.nextDouble() * (regLen - 2 * margin));
            int side = r.nextBoolean() ? 1 : -1;
            k = put(k, sweepT[j], SWEEP, side, 100L * (40 + r.nextInt(120)));
        }
        Arrays.sort(sweepT);
        market.truth.setSweepTimes(sweepT);
        for (int j = 0; j < cfg.blocks(); j++) {
            long t = clock.open + margin + (long) (r.nextDouble() * (regLen - 2 * margin));
            int side = r.nextBoolean() ? 1 : -1;
            k = put(k, t, BLOCK, side, Math.min(250_000, 100L * (long) (100 / StrictMath.pow(1 - r.nextDouble(), 1 / 1.5))));
        }
        for (int j = 0; j < cfg.averagePricePrints(); j++) {
            long t = clock.open + regLen / 2 + (long) (r.nextDouble() * (regLen / 2 - margin));
            k = put(k, t, AVERAGE_PRICE, 0, 100L * (50 + r.nextInt(300)));
        }
        for (int j = 0; j < cfg.derivativelyPricedPrints(); j++) {
            long t = clock.open + margin + (long) (r.nextDouble() * (regLen - 2 * margin));
            k = put(k, t, DERIVATIVELY_PRICED, 0, 100L * (10 + r.nextInt(190)));
        }
        // planted L3 patterns: start times from their own random stream, so that a session without them is
        // exactly the market of earlier versions; they start 5 min after the open and 30 min before the close
        planters = new Planter[nPlant + nPov];
        long plantSpan = regLen - margin - regLen / 13;
        for (int j = 0; j < nPlant; j++) {
            planters[j] = j < pat.icebergs() ? new Iceberg(market, j)
                    : j < pat.icebergs() + pat.spoofs() ? new Spoof(market, j) : new Absorber(market, j);
            k = put(k, clock.open + margin + (long) (market.patternRng.nextDouble() * plantSpan), PLANT, j, 0);
        }
        // POV meta-orders act like planted agents: started by the schedule, then woken by their own timer
        for (int j = 0; j < nPov; j++) {
            int idx = nPlant + j;
            planters[idx] = metas.povExecutor(idx, j);
            k = put(k, metas.povStart(j), PLANT, idx, 0);
        }
        sortByTime(total);
    }

    private int put(int k, long t, int kd, int a, long shares) {
        time[k] = t; kind[k] = kd; arg[k] = a; size[k] = shares;
        return k + 1;
    }

    private void sortByTime(int total) {
        Integer[] idx = new Integer[total];
        for (int j = 0; j < total; j++) idx[j] = j;
        Arrays.sort(idx, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Integer.compare(a, b));
        long[] t2 = new long[total], s2 = new long[total];
        int[] k2 = new int[total], a2 = new int[total];
        for (int j = 0; j < total; j++) { t2[j] = time[idx[j]]; k2[j] = kind[idx[j]]; a2[j] = arg[idx[j]]; s2[j] = size[idx[j]]; }
        time = t2; kind = k2; arg = a2; size = s2;
    }

    /** The planted agents, indexed by their owner reference. */
    Planter[] planters() { return planters; }

    /** Time of the next scheduled event, {@code Long.MAX_VALUE} when none is left. */
    long nextTime() { return next < time.length ? time[next] : Long.MAX_VALUE; }

    /** Runs the next scheduled event at the current time. */
    void runNext() {
        int k = next++;
        Venues venues = market.venues;
        int nbb = venues.nbb(), nbo = venues.nbo();
        switch (kind[k]) {
            case META -> market.metaOrders.child(arg[k], size[k], nbb, nbo);
            case SWEEP -> NewsSweep.run(market, (byte) arg[k], size[k], nbb, nbo);
            case BLOCK -> OffExchangeBlock.print(market, (byte) arg[k], size[k], nbb, nbo);
            case AVERAGE_PRICE -> market.offExchange.averagePricePrint(size[k]);
            case PLANT -> planters[arg[k]].start();
            default -> market.offExchange.derivativelyPricedPrint(size[k]);
        }
    }
}
