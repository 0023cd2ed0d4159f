package dev.periscope.sim;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realism checks over several seeds of a regular session with the planted patterns on (heavy tails and
 * the U shape of one default session are also in {@link MarketSimulatorTest}): volatility clustering, spread and
 * top-of-book depth distributions, and the Lee-Ready misclassification rate against the simulator's true sides.
 * Bands are stated in docs/simulator.md.
 */
class StylizedFactsTest {
    static final int SEEDS = 3;
    static final Facts[] facts = new Facts[SEEDS];

    /** Statistics of one session, computed from the emitted stream only (plus the truth side channel for signing). */
    static final class Facts {
        final double[] minuteMid = new double[390];
        double excessKurtosis, absAutocorr1;
        final long[] minuteVolume = new long[390];
        /** Time (ns) the NBBO spread spent at 1, 2, 3, 4, >= 5 ticks. */
        final long[] spreadTime = new long[5];
        double meanSpreadTicks;
        /** Time-weighted median and mean of the L3 venue's displayed best-bid size, shares. */
        long medianDepth;
        double meanDepth;
        long signed, misclassified;

        Facts(SimConfig cfg) {
            MarketSimulator sim = new MarketSimulator(cfg);
            long open = cfg.epochNanos(cfg.regularOpen());
            char l3 = cfg.l3Venue();
            long[] bid = new long[128], ask = new long[128];
            Arrays.fill(bid, Px.NONE); Arrays.fill(ask, Px.NONE);
            long tick = cfg.tick();
            long nbb = Px.NONE, nbo = Px.NONE, lastTs = open, spreadSum = 0, spreadT = 0;
            long depth = 0;
            java.util.TreeMap<Long, Long> depthTime = new java.util.TreeMap<>();
            long lastPx = Px.NONE, lastDiffSign = 0;
            MarketEvent e;
            while ((e = sim.next()) != null) {
                long dt = e.tsEvent - lastTs;
                if (dt > 0 && nbb != Px.NONE && nbo != Px.NONE) {
                    long ticks = (nbo - nbb) / tick;
                    spreadTime[(int) Math.min(4, Math.max(0, ticks - 1))] += dt;
                    spreadSum += ticks * dt; spreadT += dt;
                    depthTime.merge(depth, dt, Long::sum);
                }
                lastTs = Math.max(lastTs, e.tsEvent);
                int minute = (int) ((e.tsEvent - open) / 60_000_000_000L);
                if (e instanceof QuoteEvent q) {
                    bid[q.venue] = q.bidPrice; ask[q.venue] = q.askPrice;
                    if (q.venue == l3) depth = q.bidSize / Px.SCALE;
                    nbb = Px.NONE; nbo = Px.NONE;
                    for (var v : cfg.venues()) {
                        char c = v.code();
                        if (bid[c] != Px.NONE && (nbb == Px.NONE || bid[c] > nbb)) nbb = bid[c];
                        if (ask[c] != Px.NONE && (nbo == Px.NONE || ask[c] < nbo)) nbo = ask[c];
                    }
                    if (nbb != Px.NONE && nbo != Px.NONE && minute >= 0 && minute < 390) minuteMid[minute] = (nbb + nbo) / 2.0 / Px.SCALE;
                } else if (e instanceof TradeEvent t) {
                    if (minute >= 0 && minute < 390) minuteVolume[minute] += t.size / Px.SCALE;
                    byte truth = sim.groundTruth().aggressor(t.tradeId);
                    // Lee-Ready (1991): quote rule against the NBBO prevailing when the print arrives, tick test at
                    // the midpoint; prints without a true side (W, 4) are skipped
                    int tickSign = lastPx == Px.NONE ? 0 : Long.signum(t.price - lastPx);
                    if (tickSign != 0) lastDiffSign = tickSign;
                    lastPx = t.price;
                    if (truth == Aggressor.UNKNOWN || nbb == Px.NONE || nbo == Px.NONE) continue;
                    long mid2 = nbb + nbo, p2 = 2 * t.price;
                    long guess = p2 > mid2 ? 1 : p2 < mid2 ? -1 : lastDiffSign;
                    signed++;
                    if (guess != truth) misclassified++;
                }
            }
            meanSpreadTicks = spreadSum / (double) spreadT;
            long half = 0, tot = 0;
            double dsum = 0;
            for (var en : depthTime.entrySet()) { tot += en.getValue(); dsum += (double) en.getKey() * en.getValue(); }
            meanDepth = dsum / tot;
            for (var en : depthTime.entrySet()) { half += en.getValue(); if (half * 2 >= tot) { medianDepth = en.getKey(); break; } }
            // 1-minute log returns of the NBBO midpoint (a minute without quotes keeps the previous mid)
            for (int i = 1; i < 390; i++) if (minuteMid[i] == 0) minuteMid[i] = minuteMid[i - 1];
            double[] r = new double[389];
            for (int i = 1; i < 390; i++) r[i - 1] = Math.log(minuteMid[i] / minuteMid[i - 1]);
            double m = Arrays.stream(r).average().orElseThrow(), m2 = 0, m4 = 0;
            for (double x : r) { m2 += (x - m) * (x - m); m4 += Math.pow(x - m, 4); }
            m2 /= r.length; m4 /= r.length;
            excessKurtosis = m4 / (m2 * m2) - 3;
            double[] a = new double[r.length];
            for (int i = 0; i < r.length; i++) a[i] = Math.abs(r[i]);
            absAutocorr1 = autocorr(a, 1);
        }
    }

    static double autocorr(double[] x, int lag) {
        double m = Arrays.stream(x).average().orElseThrow(), num = 0, den = 0;
        for (int i = 0; i < x.length; i++) den += (x[i] - m) * (x[i] - m);
        for (int i = lag; i < x.length; i++) num += (x[i] - m) * (x[i - lag] - m);
        return num / den;
    }

    @BeforeAll
    static void simulate() {
        for (int s = 0; s < SEEDS; s++) {
            SimConfig c = SimConfig.defaults().withSeed(2000 + s).withHours(LocalTime.of(9, 30), LocalTime.of(16, 0), false);
            Facts f = facts[s] = new Facts(c);
            long tot = Arrays.stream(f.spreadTime).sum();
            System.out.printf("sim facts seed %d: 1-min excess kurtosis %.2f, |r| lag-1 autocorr %.3f, spread 1/2/3/4/5+ ticks %s %%, mean %.2f ticks, "
                            + "L3 best-bid depth median %d mean %.0f, Lee-Ready error %.1f %% of %,d%n",
                    2000 + s, f.excessKurtosis, f.absAutocorr1,
                    Arrays.toString(Arrays.stream(f.spreadTime).map(t -> Math.round(100.0 * t / tot)).toArray()), f.meanSpreadTicks,
                    f.medianDepth, f.meanDepth, 100.0 * f.misclassified / f.signed, f.signed);
        }
    }

    @Test
    void returnsAreHeavyTailedAndVolatilityClusters() {
        for (Facts f : facts) assertThat(f.excessKurtosis).isGreaterThan(0);
        double meanAc = Arrays.stream(facts).mapToDouble(f -> f.absAutocorr1).average().orElseThrow();
        assertThat(meanAc).isGreaterThan(0.05);
        for (Facts f : facts) assertThat(f.absAutocorr1).isGreaterThan(-0.05);
    }

    @Test
    void intradayVolumeIsUShaped() {
        for (Facts f : facts) {
            long first = 0, mid = 0, last = 0;
            for (int i = 0; i < 30; i++) { first += f.minuteVolume[i]; last += f.minuteVolume[360 + i]; }
            for (int i = 180; i < 210; i++) mid += f.minuteVolume[i];
            assertThat(first).isGreaterThan(mid * 3 / 2);
            assertThat(last).isGreaterThan(mid * 3 / 2);
        }
    }

    @Test
    void spreadAndDepthAreWithinTheirBands() {
        for (Facts f : facts) {
            long tot = Arrays.stream(f.spreadTime).sum();
            // a liquid $100 stock: the NBBO is one tick wide most of the time, rarely wider than two
            assertThat(f.meanSpreadTicks).isBetween(1.0, 1.5);
            assertThat(f.spreadTime[0] / (double) tot).as("share of time at one tick").isBetween(0.6, 0.99);
            assertThat(f.spreadTime[1] / (double) tot).as("share of time at two ticks").isGreaterThan(0.01);
            assertThat(f.spreadTime[4] / (double) tot).as("share of time at 5+ ticks").isLessThan(0.02);
            assertThat(f.medianDepth).isBetween(100L, 3_000L);
            assertThat(f.meanDepth).isBetween(200.0, 5_000.0);
        }
    }

    @Test
    void leeReadyErrorIsNonTrivial() {
        for (Facts f : facts) assertThat(f.misclassified / (double) f.signed).isBetween(0.05, 0.25);
    }
}
