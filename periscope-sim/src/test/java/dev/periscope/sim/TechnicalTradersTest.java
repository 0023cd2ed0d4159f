package dev.periscope.sim;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.truth.GroundTruthLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents of {@link SimConfig.Strategies} in one default session (seed 42), checked from the emitted stream:
 * momentum and mean-reversion traders trade in the direction of their signal (re-computed here from the venue
 * quotes with an EMA of our own), and the three execution styles leave their documented footprints (VWAP children
 * follow the U-shaped volume, TWAP children are evenly spaced in time, POV tracks its participation rate).
 */
class TechnicalTradersTest {
    static final SimConfig CFG = SimConfig.defaults();
    static MarketSimulator sim;
    static final List<long[]> prints = new ArrayList<>(); // tradeId, ts, size shares, counts-in-volume (0/1)
    // NBBO midpoint (ticks) minus its EMA, trend and mean horizons, sampled at every event before it applies
    static long[] evTs = new long[1 << 20];
    static double[] devTrend = new double[1 << 20], devMean = new double[1 << 20];
    static int nEv;

    @BeforeAll
    static void run() {
        sim = new MarketSimulator(CFG);
        long[] bid = new long[128], ask = new long[128];
        Arrays.fill(bid, Px.NONE);
        Arrays.fill(ask, Px.NONE);
        double emaT = Double.NaN, emaM = 0, tauT = CFG.strategies().trendSeconds(), tauM = CFG.strategies().meanSeconds();
        long last = 0;
        double mid = Double.NaN;
        MarketEvent e;
        while ((e = sim.next()) != null) {
            if (!Double.isNaN(mid)) {
                if (Double.isNaN(emaT)) { emaT = emaM = mid; last = e.tsEvent; }
                double dt = (e.tsEvent - last) / 1e9;
                last = e.tsEvent;
                emaT += (1 - Math.exp(-dt / tauT)) * (mid - emaT);
                emaM += (1 - Math.exp(-dt / tauM)) * (mid - emaM);
                if (nEv == evTs.length) {
                    evTs = Arrays.copyOf(evTs, nEv * 2);
                    devTrend = Arrays.copyOf(devTrend, nEv * 2);
                    devMean = Arrays.copyOf(devMean, nEv * 2);
                }
                evTs[nEv] = e.tsEvent; devTrend[nEv] = mid - emaT; devMean[nEv++] = mid - emaM;
            }
            if (e instanceof QuoteEvent q) {
                bid[q.venue] = q.bidPrice;
                ask[q.venue] = q.askPrice;
                long bb = Long.MIN_VALUE, ba = Long.MAX_VALUE;
                for (var v : CFG.venues()) {
                    if (bid[v.code()] != Px.NONE) bb = Math.max(bb, bid[v.code()]);
                    if (ask[v.code()] != Px.NONE) ba = Math.min(ba, ask[v.code()]);
                }
                if (bb != Long.MIN_VALUE && ba != Long.MAX_VALUE) mid = 0.5 * (bb + ba) / CFG.tick();
            } else if (e instanceof TradeEvent t) {
                boolean vol = SaleCondition.updatesVolume(t.conditions)
                        && (t.conditions & (SaleCondition.AVERAGE_PRICE.bit() | SaleCondition.DERIVATIVELY_PRICED.bit())) == 0;
                prints.add(new long[]{t.tradeId, t.tsEvent, t.size / Px.SCALE, vol ? 1 : 0});
            }
        }
    }

    /** The trend and mean deviations in force 1 ms before {@code ts} (before the order that printed at ts). */
    static int stateBefore(long ts) {
        int i = Arrays.binarySearch(evTs, 0, nEv, ts - 1_000_000);
        return i >= 0 ? i : -i - 2;
    }

    /** Share of parent orders of {@code a} whose side agrees with {@code sign * deviation} ({@code trend} or mean). */
    static double agreement(GroundTruth.Agent a, boolean trend, int sign) {
        GroundTruth g = sim.groundTruth();
        Map<Integer, Boolean> firstOfParent = new HashMap<>();
        for (long[] p : prints) {
            if (g.agent(p[0]) != a || g.parentOrder(p[0]) == 0 || firstOfParent.containsKey(g.parentOrder(p[0]))) continue;
            int i = stateBefore(p[1]);
            if (i < 0) continue;
            double d = trend ? devTrend[i] : devMean[i];
            if (d == 0) continue;
            firstOfParent.put(g.parentOrder(p[0]), Math.signum(d) * sign == g.aggressor(p[0]));
        }
        assertThat(firstOfParent).as("orders of %s", a).hasSizeGreaterThan(500);
        return firstOfParent.values().stream().filter(b -> b).count() / (double) firstOfParent.size();
    }

    @Test
    void momentumTradersFollowTheTrendAndMeanReversionTradersFadeIt() {
        double mom = agreement(GroundTruth.Agent.MOMENTUM, true, 1), mr = agreement(GroundTruth.Agent.MEAN_REVERSION, false, -1),
                noise = agreement(GroundTruth.Agent.NOISE, true, 1);
        System.out.printf("signal agreement: momentum %.3f, mean reversion %.3f, noise %.3f%n", mom, mr, noise);
        assertThat(mom).as("momentum buys above its EMA").isGreaterThan(0.85);
        assertThat(mr).as("mean reversion sells above its EMA").isGreaterThan(0.85);
        // the same measurement on noise traders, who ignore the signal, is a coin flip
        assertThat(noise).isBetween(0.45, 0.55);
    }

    @Test
    void technicalTradersAreAVisibleButMinorShareOfVolume() {
        GroundTruth g = sim.groundTruth();
        long all = 0, mom = 0, mr = 0;
        for (long[] p : prints) {
            all += p[2];
            if (g.agent(p[0]) == GroundTruth.Agent.MOMENTUM) mom += p[2];
            if (g.agent(p[0]) == GroundTruth.Agent.MEAN_REVERSION) mr += p[2];
        }
        System.out.printf("share of volume: momentum %.3f, mean reversion %.3f of %d shares%n", mom / (double) all, mr / (double) all, all);
        assertThat(mom / (double) all).isBetween(0.03, 0.20);
        assertThat(mr / (double) all).isBetween(0.03, 0.20);
    }

    /** Start times of the child orders of meta-order {@code m}: first print of each routed parent, or the dark print. */
    static long[] childTimes(int m) {
        GroundTruth g = sim.groundTruth();
        Map<Integer, Long> seen = new HashMap<>();
        List<Long> t = new ArrayList<>();
        for (long[] p : prints) {
            if (g.metaOrder(p[0]) != m) continue;
            int parent = g.parentOrder(p[0]);
            if (parent == 0) t.add(p[1]);
            else if (seen.putIfAbsent(parent, p[1]) == null) t.add(p[1]);
        }
        return t.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static double gapCv(long[] t) {
        double s = 0, s2 = 0;
        int n = t.length - 1;
        for (int i = 1; i < t.length; i++) { double d = t[i] - t[i - 1]; s += d; s2 += d * d; }
        double mean = s / n;
        return Math.sqrt(s2 / n - mean * mean) / mean;
    }

    @Test
    void twapChildrenAreEvenlySpacedAndVwapChildrenAreNot() {
        List<GroundTruth.MetaOrder> ms = sim.groundTruth().metaOrders();
        assertThat(ms.get(0).style()).isEqualTo(SimConfig.ExecutionStyle.VWAP);
        assertThat(ms.get(1).style()).isEqualTo(SimConfig.ExecutionStyle.TWAP);
        long[] twap = childTimes(1), vwap = childTimes(0);
        assertThat(twap.length).isGreaterThan(ms.get(1).children() * 9 / 10);
        // TWAP gaps: duration/n * (1 + 0.2 (u' - u)), CV = 0.2 sqrt(1/6) = 0.082; VWAP gaps follow the U shape and a
        // uniform draw inside each quantile slot (CV about 0.4)
        System.out.printf("child gap CV: TWAP %.3f (%d children), VWAP %.3f (%d)%n", gapCv(twap), twap.length, gapCv(vwap), vwap.length);
        assertThat(gapCv(twap)).isBetween(0.05, 0.15);
        assertThat(gapCv(vwap)).isGreaterThan(0.3);
    }

    @Test
    void povOrderParticipatesAtItsRateAndCompletes() {
        GroundTruth g = sim.groundTruth();
        GroundTruth.MetaOrder pov = g.metaOrders().get(2);
        assertThat(pov.style()).isEqualTo(SimConfig.ExecutionStyle.POV);
        GroundTruthLabel l = g.labels().stream().filter(x -> x.kind().equals("meta-order") && x.tsStart() == pov.startNanos())
                .findFirst().orElseThrow();
        assertThat(l.size()).isEqualTo(Px.ofUnits(CFG.metaOrderShares()));
        assertThat(l.tsEnd()).isLessThan(pov.endNanos());
        long own = 0, all = 0;
        for (long[] p : prints) {
            if (p[1] < l.tsStart() || p[1] > l.tsEnd() || p[3] == 0) continue;
            all += p[2];
            if (g.metaOrder(p[0]) == pov.id()) own += p[2];
        }
        System.out.printf("POV: %d shares of %d = %.4f in %.0f s%n", own, all, own / (double) all, (l.tsEnd() - l.tsStart()) / 1e9);
        assertThat(own).isEqualTo(CFG.metaOrderShares());
        assertThat(own / (double) all).isCloseTo(CFG.strategies().povRate(), org.assertj.core.data.Offset.offset(0.01));
    }
}
