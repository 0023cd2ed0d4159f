package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.Aggressor;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.random.SplitMix64;
import dev.periscope.sim.GroundTruth.Agent;

import java.util.Arrays;

/**
 * Planted pattern {@code meta-order}: {@link SimConfig#metaOrders()} institutional orders of
 * {@link SimConfig#metaOrderShares()} each, random side and window (25-45 % of the regular session), executed as
 * VWAP or TWAP schedules of children (planned up front by {@link #plan}) or by a {@link PovExecutor}. Every child:
 * a quarter print at the dark midpoint, the rest are routed lit one tick through the far side.
 */
final class MetaOrders {
    private final Market market;
    private final int count;
    private final byte[] side;
    private final int[] tag;
    /** Per VWAP/TWAP meta-order: child times (epoch ns) and sizes (shares); empty for POV. */
    private final long[][] childTimes, childSizes;
    /** POV meta-orders in order: their index, window start and end. */
    private final int[] pov;
    private final long[] povStart, povEnd;
    private int povCount;

    MetaOrders(Market market) {
        this.market = market;
        count = market.cfg.metaOrders();
        side = new byte[count];
        tag = new int[count];
        childTimes = new long[count][];
        childSizes = new long[count][];
        pov = new int[count];
        povStart = new long[count];
        povEnd = new long[count];
    }

    int count() { return count; }

    long[] childTimes(int m) { return childTimes[m]; }

    long[] childSizes(int m) { return childSizes[m]; }

    int povCount() { return povCount; }

    /** A POV executor for the {@code j}-th POV meta-order, planted agent number {@code idx}. */
    PovExecutor povExecutor(int idx, int j) { return new PovExecutor(market, idx, pov[j], povEnd[j]); }

    long povStart(int j) { return povStart[j]; }

    int tag(int m) { return tag[m]; }

    /** Draws every meta-order's side, window and (VWAP/TWAP) children, and records them in the ground truth. */
    void plan(SplitMix64 r) {
        SessionClock clock = market.clock;
        SimConfig cfg = market.cfg;
        long regLen = clock.close - clock.open;
        for (int m = 0; m < count; m++) {
            byte s = r.nextBoolean() ? Aggressor.BUY : Aggressor.SELL;
            long duration = (long) ((0.25 + 0.2 * r.nextDouble()) * regLen);
            long earliest = clock.open + regLen / 20, latest = clock.close - regLen / 20 - duration;
            long start = earliest + (long) (r.nextDouble() * Math.max(0, latest - earliest));
            long end = start + duration;
            SimConfig.ExecutionStyle style = cfg.strategies().style(m);
            side[m] = s;
            if (style == SimConfig.ExecutionStyle.POV) {
                // children decided while trading (PovExecutor); the label ends at its last print
                market.truth.addMetaOrder(new GroundTruth.MetaOrder(m, s, start, end, cfg.metaOrderShares(), 0, style));
                GroundTruth.Planted p = new GroundTruth.Planted("meta-order", s, start, start);
                p.note = "POV meta-order of " + cfg.metaOrderShares() + " shares at "
                        + Math.round(cfg.strategies().povRate() * 1000) / 10.0 + "% of volume";
                tag[m] = market.truth.plant(p);
                childTimes[m] = new long[0];
                childSizes[m] = new long[0];
                pov[povCount] = m; povStart[povCount] = start; povEnd[povCount++] = end;
                continue;
            }
            long[] sizes = new long[16];
            int n = 0;
            long left = cfg.metaOrderShares();
            while (left > 0) {
                long sz = Math.min(left, 100L * (1 + r.nextInt(9)));
                if (n == sizes.length) sizes = Arrays.copyOf(sizes, n * 2);
                sizes[n++] = sz;
                left -= sz;
            }
            sizes = Arrays.copyOf(sizes, n);
            // VWAP: child k at the (k+u)/n quantile of cumulative activity over [start, end];
            // TWAP: child k at (k + 1/2 + jitter)/n of the window in clock time, jitter uniform in +-0.1
            IntradayProfile profile = clock.profile;
            double c0 = profile.cumulative(start), c1 = profile.cumulative(end);
            long[] times = new long[n];
            for (int k = 0; k < n; k++)
                times[k] = style == SimConfig.ExecutionStyle.TWAP
                        ? start + (long) (duration * (k + 0.5 + 0.2 * (r.nextDouble() - 0.5)) / n)
                        : profile.inverseCumulative(c0 + (c1 - c0) * (k + r.nextDouble()) / n);
            childTimes[m] = times;
            childSizes[m] = sizes;
            market.truth.addMetaOrder(new GroundTruth.MetaOrder(m, s, times[0], end, cfg.metaOrderShares(), n, style));
            GroundTruth.Planted p = new GroundTruth.Planted("meta-order", s, times[0], end);
            p.note = style + "-scheduled meta-order of " + cfg.metaOrderShares() + " shares in " + n + " children";
            tag[m] = market.truth.plant(p);
        }
    }

    /** One child of meta-order {@code m}: a quarter go to a dark pool at the midpoint, the rest are routed lit. */
    void child(int m, long size, int nbb, int nbo) {
        byte s = side[m];
        market.aggressiveTag = tag[m];
        Venues venues = market.venues;
        if (market.rng.nextDouble() < 0.25 && venues.twoSided(nbb, nbo)) {
            market.emitTrade((nbb + nbo) * venues.tickPx / 2, size, Market.OFF_EXCHANGE, SaleCondition.REGULAR_MASK, s, Agent.META, m, -1);
        } else {
            int far = s == MatchingBook.BUY ? nbo : nbb;
            if (venues.onLadder(far)) market.router.route(s, size, far + s, Agent.META, m, true);
        }
        market.aggressiveTag = -1;
    }
}
