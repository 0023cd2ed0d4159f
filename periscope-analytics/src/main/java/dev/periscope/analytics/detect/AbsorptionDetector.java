package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

import java.util.Arrays;
import java.util.Locale;

/**
 * Absorption: large net aggressive volume on one side over a rolling event-time window while the price does not
 * move more than {@code maxTicks} ticks in the aggressor's direction, i.e. the passive side soaked it up.
 *
 * <p>Definition. On each eligible print at time {@code t}, the window holds the eligible prints with timestamps in
 * {@code (t - window, t]}. Let {@code delta} = buy volume - sell volume over signed prints in the window
 * (unsigned prints count for price, not for delta; audit OF-3/OF-4), {@code dir = sign(delta)}, {@code p0} the
 * price of the oldest print in the window, and {@code excursion = max(price) - p0} if {@code dir > 0} or
 * {@code p0 - min(price)} if {@code dir < 0}. The condition holds when
 * {@code |delta| >= max(minAbsDelta, relFactor x baseline)} and {@code excursion <= maxTicks x tickSize} and the window holds at least {@code minPrints} prints, where
 * {@code baseline} is the session's average total volume per window so far
 * ({@code sessionVolume x window / (t - first print of session)}); the relative part needs
 * {@code warmupWindows} windows of session time first. An alert is emitted on the print where the condition holds,
 * at most one per window length (the next one needs {@code t >= last alert + window}).
 *
 * <p>The alert's side is the aggressor side; the absorbing (passive) side is the opposite one, named in the kind:
 * {@code "absorption-by-ask"} (passive sellers absorbed net buying) or {@code "absorption-by-bid"}. Its
 * {@code level} is the extreme the passive side held: the window's max price for buying, min for selling.
 *
 * <p><b>This reports a fact, not a forecast.</b> Whether absorption precedes a reversal, and in which direction,
 * is contested among practitioners and has no academic support (audit OF-2); treat any directional reading as a
 * hypothesis to backtest. Allocation-free per print except when an alert is raised or the window's capacity
 * doubles (amortized, rare).
 */
public final class AbsorptionDetector implements TradeDetector {

    /**
     * Parameters.
     *
     * @param windowNanos        rolling window, event time; default 60 s (arbitrary, X-6)
     * @param tickSize           price increment (fixed point); default $0.01, the Reg NMS Rule 612 minimum
     *                           increment for quotes >= $1 ($0.005 for tick-constrained stocks since the 2024
     *                           amendments; set per instrument)
     * @param maxTicks           allowed move in the aggressor's direction, in ticks; default 1 (arbitrary)
     * @param minAbsDelta        absolute |delta| threshold (fixed point); default 0 = off
     * @param relFactor          |delta| threshold as a multiple of the session's average volume per window;
     *                           default 1.0 (arbitrary: net imbalance as large as a typical window's whole volume)
     * @param warmupWindows      session time, in windows, before the relative threshold is used; default 10
     * @param minPrints          prints in the window; default 2 (one print alone is a block, not absorption)
     * @param excludedConditions ignored non-regular prints; default the non-signable set
     */
    public record Params(long windowNanos, long tickSize, int maxTicks, long minAbsDelta, double relFactor,
                         int warmupWindows, int minPrints, long excludedConditions) {
        public Params {
            if (windowNanos <= 0 || tickSize <= 0) throw new IllegalArgumentException("windowNanos, tickSize > 0");
            if (maxTicks < 0 || minAbsDelta < 0 || warmupWindows < 0) throw new IllegalArgumentException("negative parameter");
            if (!(relFactor >= 0) || !Double.isFinite(relFactor)) throw new IllegalArgumentException("relFactor >= 0");
            if (minAbsDelta == 0 && relFactor == 0) throw new IllegalArgumentException("no threshold enabled");
            if (minPrints < 1) throw new IllegalArgumentException("minPrints >= 1");
        }

        public static final Params DEFAULT = new Params(60_000_000_000L, Px.parse("0.01"), 1, 0, 1.0, 10, 2,
                DetectSupport.NON_REGULAR);

        /** Absolute threshold only. */
        public static Params absolute(long windowNanos, long tickSize, int maxTicks, long minAbsDelta) {
            return new Params(windowNanos, tickSize, maxTicks, minAbsDelta, 0, 0, 2, DetectSupport.NON_REGULAR);
        }

        public String describe() {
            return "window=" + DetectSupport.duration(windowNanos) + ",tick=" + Px.format(tickSize) + ",maxTicks="
                    + maxTicks + ",minAbsDelta=" + Px.format(minAbsDelta) + ",relFactor=" + relFactor
                    + ",warmupWindows=" + warmupWindows + ",minPrints=" + minPrints + ",excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    private final Params p;
    private final String paramsText;
    // window ring, indexed by sequence number & mask
    private long[] ts, px, sz;
    private byte[] sd;
    private char[] ven;
    private int mask;
    private long head, tail;                     // sequence numbers: window = [head, tail)
    // monotonic deques of sequence numbers (max: decreasing prices, min: increasing)
    private long[] maxQ, minQ;
    /** Price of each deque entry beside its sequence number: the deques compare prices without an indirect load. */
    private long[] maxP, minP;
    /** Prices of the window at an alert, sorted to count levels (reused). */
    private long[] levelScratch = new long[64];
    private long maxH, maxT, minH, minT;
    private long buyVol, sellVol;
    // session
    private long session = Long.MIN_VALUE;
    private boolean inSession;
    private long sessionFirstTs, sessionVolume;
    private long lastAlertTs;
    private boolean alerted;

    public AbsorptionDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
        allocate(1024);
    }

    public AbsorptionDetector() { this(Params.DEFAULT); }

    private void allocate(int cap) {
        ts = new long[cap]; px = new long[cap]; sz = new long[cap]; sd = new byte[cap]; ven = new char[cap];
        maxQ = new long[cap]; minQ = new long[cap]; maxP = new long[cap]; minP = new long[cap];
        mask = cap - 1;
    }

    @Override public String name() { return "absorption"; }

    @Override public String params() { return paramsText; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            resetSession();
            session = print.session();
            inSession = true;
            sessionFirstTs = print.ts();
        }
        if ((print.conditions() & p.excludedConditions()) != 0) return;
        evict(print.ts());
        push(print.ts(), print.price(), print.size(), print.venue(), print.aggressor());
        sessionVolume += print.size();
        if (alerted && print.ts() - lastAlertTs < p.windowNanos()) return;
        long delta = buyVol - sellVol;
        if (delta == 0 || tail - head < p.minPrints()) return;
        if (Math.abs(delta) < p.minAbsDelta()) return;   // below the floor of every threshold: skip its division
        long threshold = threshold(print.ts());
        if (threshold <= 0 || Math.abs(delta) < threshold) return;
        long p0 = px[(int) head & mask];
        long excursion = delta > 0 ? maxP[(int) maxH & mask] - p0 : p0 - minP[(int) minH & mask];
        if (excursion > p.maxTicks() * p.tickSize()) return;
        alerted = true;
        lastAlertTs = print.ts();
        sink.accept(alert(delta, threshold));
    }

    /** |delta| threshold at time t (fixed point), or 0 when the relative part is not warmed up. */
    private long threshold(long t) {
        long thr = p.minAbsDelta();
        if (p.relFactor() > 0) {
            long elapsed = t - sessionFirstTs;
            if (elapsed <= 0 || elapsed < (long) p.warmupWindows() * p.windowNanos()) return 0;
            double baseline = (double) sessionVolume * p.windowNanos() / elapsed;
            thr = Math.max(thr, (long) Math.ceil(p.relFactor() * baseline));
        }
        return thr;
    }

    private void evict(long t) {
        long cutoff = t - p.windowNanos();
        while (head < tail && ts[(int) head & mask] <= cutoff) {
            int i = (int) head & mask;
            if (sd[i] > 0) buyVol -= sz[i]; else if (sd[i] < 0) sellVol -= sz[i];
            if (maxH < maxT && maxQ[(int) maxH & mask] == head) maxH++;
            if (minH < minT && minQ[(int) minH & mask] == head) minH++;
            head++;
        }
    }

    private void push(long t, long price, long size, char venue, byte aggressor) {
        if (tail - head == mask + 1) grow();
        long seq = tail++;
        int i = (int) seq & mask;
        ts[i] = t; px[i] = price; sz[i] = size; sd[i] = aggressor; ven[i] = venue;
        if (aggressor > 0) buyVol += size; else if (aggressor < 0) sellVol += size;
        while (maxH < maxT && maxP[(int) (maxT - 1) & mask] <= price) maxT--;
        maxQ[(int) maxT & mask] = seq;
        maxP[(int) maxT++ & mask] = price;
        while (minH < minT && minP[(int) (minT - 1) & mask] >= price) minT--;
        minQ[(int) minT & mask] = seq;
        minP[(int) minT++ & mask] = price;
    }

    /** Doubles the ring (rare; allocates). Sequence numbers are kept, only their slots move. */
    private void grow() {
        long[] ots = ts, opx = px, osz = sz, omax = maxQ, omin = minQ, omaxP = maxP, ominP = minP;
        byte[] osd = sd;
        char[] oven = ven;
        int omask = mask;
        allocate((omask + 1) * 2);
        for (long s = head; s < tail; s++) {
            int o = (int) s & omask, n = (int) s & mask;
            ts[n] = ots[o]; px[n] = opx[o]; sz[n] = osz[o]; sd[n] = osd[o]; ven[n] = oven[o];
        }
        for (long s = maxH; s < maxT; s++) {
            maxQ[(int) s & mask] = omax[(int) s & omask];
            maxP[(int) s & mask] = omaxP[(int) s & omask];
        }
        for (long s = minH; s < minT; s++) {
            minQ[(int) s & mask] = omin[(int) s & omask];
            minP[(int) s & mask] = ominP[(int) s & omask];
        }
    }

    private void resetSession() {
        head = tail = 0;
        maxH = maxT = minH = minT = 0;
        buyVol = sellVol = 0;
        sessionVolume = 0;
        alerted = false;
    }

    /** Alerts are raised on the print itself; nothing is pending. */
    @Override public void flush(AlertSink sink) {}

    private Alert alert(long delta, long threshold) {
        byte side = delta > 0 ? Aggressor.BUY : Aggressor.SELL;
        int n = (int) (tail - head);
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE, vLo = 0, vHi = 0;
        double notional = 0;
        if (levelScratch.length < n) levelScratch = new long[Math.max(n, 2 * levelScratch.length)];
        long[] prices = levelScratch;
        for (int k = 0; k < n; k++) {
            int i = (int) (head + k) & mask;
            prices[k] = px[i];
            lo = Math.min(lo, px[i]);
            hi = Math.max(hi, px[i]);
            notional += DetectSupport.notional(px[i], sz[i]);
            vLo |= DetectSupport.venueLo(ven[i]);
            vHi |= DetectSupport.venueHi(ven[i]);
        }
        Arrays.sort(prices, 0, n);
        int levels = n == 0 ? 0 : 1;
        for (int k = 1; k < n; k++) if (prices[k] != prices[k - 1]) levels++;
        long p0 = px[(int) head & mask];
        long level = side > 0 ? hi : lo;
        long t0 = ts[(int) head & mask], t1 = ts[(int) (tail - 1) & mask];
        long aggressorVol = side > 0 ? buyVol : sellVol;
        return new Alert(name(), paramsText, side > 0 ? "absorption-by-ask" : "absorption-by-bid", t0, t1, side,
                SideRole.AGGRESSOR, lo, hi, level, aggressorVol, notional, vLo, vHi, n, levels,
                new Text(delta, buyVol, sellVol, threshold, p0, p.tickSize()));
    }

    /** The absorption's description, written when read. */
    private record Text(long delta, long buyVol, long sellVol, long threshold, long p0, long tick) implements AlertText {
        @Override
        public String describe(Alert a) {
            boolean buy = a.side() > 0;
            return (buy ? "Ask absorbed net buying" : "Bid absorbed net selling") + ": delta "
                    + (delta > 0 ? "+" : "") + Px.format(delta) + " (buy " + Px.format(buyVol) + " / sell "
                    + Px.format(sellVol) + ", threshold " + Px.format(threshold) + ") in "
                    + DetectSupport.duration(a.tsEnd() - a.tsStart()) + " while price moved "
                    + String.format(Locale.ROOT, "%+.1f", (double) (buy ? a.priceHigh() - p0 : p0 - a.priceLow()) / tick)
                    + " tick(s) in the aggressor's direction (from " + Px.format(p0) + ", held at " + Px.format(a.level())
                    + "); a fact, not a forecast (OF-2)";
        }
    }
}
