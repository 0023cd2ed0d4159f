package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

/**
 * Finds sweeps: same-side prints clustered in a short event-time window that take liquidity across several venues
 * or walk several price levels (audit OF-12; ISO definition 17 CFR 242.600(b), Rule 611(b)(5)-(6)).
 *
 * <p>Clustering: one open cluster per aggressor side. A signed, eligible, on-exchange print joins its side's
 * cluster, or starts one at its timestamp. A cluster holds every such print with {@code ts <= tsStart + window}
 * and closes when any later print (of either side, any venue or condition) has {@code ts > tsStart + window},
 * when the session changes, or on {@link #flush}; it is evaluated then. Prints of the other side never join, so
 * mixed buys and sells are never one sweep. Unsigned prints (aggressor 0) and prints with an excluded condition
 * are ignored. Off-exchange prints (participant {@code D}) are ignored: a sweep routes to exchanges' protected
 * quotations, and TRF reports are not venues (DP-1).
 *
 * <p>A closed cluster with at least 2 prints and at least {@code minTotalSize} is a sweep if
 * <ul>
 *   <li>its prints hit at least {@code minVenues} distinct venues, or</li>
 *   <li>they printed at at least {@code minLevels} distinct prices, or</li>
 *   <li>its ISO prints (condition F, the preferred signal) hit {@code minVenues} venues or
 *       {@code isoMinLevels} distinct prices: an ISO walking levels on one venue is a sweep.</li>
 * </ul>
 * Kind {@code "iso-sweep"} when the ISO rule holds, else {@code "sweep"}. Level count saturates at 64.
 * Allocation-free per print except when an alert is raised.
 */
public final class SweepDetector implements TradeDetector {

    /**
     * Parameters.
     *
     * @param windowNanos        cluster window from its first print, event time; default 50 ms (audit OF-12:
     *                           sweeps execute within micro- to milliseconds; the exact value is arbitrary, X-6)
     * @param minVenues          distinct lit venues for a sweep; default 3 (OF-12 says ">= 2 venues", but a 2-venue
     *                           split is how any marketable order is routed: 2 gave ~2,200 alarms/h on the simulator;
     *                           calibrated in docs/detect-eval.md "Sweep calibration")
     * @param minLevels          distinct prices for a non-ISO sweep on any number of venues; default 3 (arbitrary)
     * @param isoMinLevels       distinct prices among ISO prints for an ISO sweep; default 3 (2 fires on every
     *                           ISO that takes two levels on one venue; 3 measured as good and keeps the rule
     *                           symmetric with minLevels)
     * @param isoOnly            only prints with condition F take part; default false
     * @param minTotalSize       minimum cluster size (fixed point); default 5,000 shares (no standard exists, OF-12
     *                           suggests normalising by ADV; calibrated on the simulator's news sweeps of 4,000-16,000
     *                           shares against its 5,000-share arbitrage ISOs, docs/detect-eval.md; set per instrument)
     * @param excludedConditions condition mask of ignored non-regular prints; default the non-signable set
     */
    public record Params(long windowNanos, int minVenues, int minLevels, int isoMinLevels, boolean isoOnly,
                         long minTotalSize, long excludedConditions) {
        public Params {
            if (windowNanos <= 0) throw new IllegalArgumentException("windowNanos > 0");
            if (minVenues < 2 || minLevels < 2 || isoMinLevels < 2)
                throw new IllegalArgumentException("minVenues, minLevels, isoMinLevels must be >= 2");
            if (minLevels > MAX_LEVELS || isoMinLevels > MAX_LEVELS)
                throw new IllegalArgumentException("level thresholds <= " + MAX_LEVELS);
            if (minTotalSize < 0) throw new IllegalArgumentException("minTotalSize >= 0");
            if ((excludedConditions & SaleCondition.INTERMARKET_SWEEP.bit()) != 0)
                throw new IllegalArgumentException("F (ISO) cannot be excluded");
        }

        public static final Params DEFAULT = new Params(50_000_000L, 3, 3, 3, false, Px.ofUnits(5_000),
                DetectSupport.NON_REGULAR);

        /** The pre-calibration rule (2 venues, no size floor): every routine split of a marketable order. */
        public static final Params LOOSE = new Params(50_000_000L, 2, 3, 2, false, 0, DetectSupport.NON_REGULAR);

        public Params withWindow(long nanos) {
            return new Params(nanos, minVenues, minLevels, isoMinLevels, isoOnly, minTotalSize, excludedConditions);
        }

        public Params withMinVenues(int venues) {
            return new Params(windowNanos, venues, minLevels, isoMinLevels, isoOnly, minTotalSize, excludedConditions);
        }

        public Params withMinLevels(int levels) {
            return new Params(windowNanos, minVenues, levels, isoMinLevels, isoOnly, minTotalSize, excludedConditions);
        }

        public Params withIsoMinLevels(int levels) {
            return new Params(windowNanos, minVenues, minLevels, levels, isoOnly, minTotalSize, excludedConditions);
        }

        public Params withMinTotalSize(long size) {
            return new Params(windowNanos, minVenues, minLevels, isoMinLevels, isoOnly, size, excludedConditions);
        }

        public Params withIsoOnly(boolean iso) {
            return new Params(windowNanos, minVenues, minLevels, isoMinLevels, iso, minTotalSize, excludedConditions);
        }

        public String describe() {
            return "window=" + DetectSupport.duration(windowNanos) + ",minVenues=" + minVenues + ",minLevels="
                    + minLevels + ",isoMinLevels=" + isoMinLevels + ",isoOnly=" + isoOnly + ",minTotalSize="
                    + Px.format(minTotalSize) + ",excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    static final int MAX_LEVELS = 64;

    /** Open cluster of one side. */
    private static final class Cluster {
        boolean open;
        long tsStart, tsEnd, size, minP, maxP, firstP, lastP, venLo, venHi, isoVenLo, isoVenHi, bid0, ask0;
        double notional;
        int prints, isoPrints, levels, isoLevels;
        final long[] levelPx = new long[MAX_LEVELS];
        final boolean[] levelIso = new boolean[MAX_LEVELS];

        void start(long ts, long bid, long ask) {
            open = true;
            tsStart = ts; tsEnd = ts;
            size = 0; notional = 0; prints = 0; isoPrints = 0; levels = 0; isoLevels = 0;
            minP = Long.MAX_VALUE; maxP = Long.MIN_VALUE;
            venLo = venHi = isoVenLo = isoVenHi = 0;
            bid0 = bid; ask0 = ask;
        }

        void add(long ts, long price, long sz, char venue, boolean iso) {
            if (prints == 0) firstP = price;
            lastP = price;
            tsEnd = Math.max(tsEnd, ts);
            size += sz;
            notional += DetectSupport.notional(price, sz);
            prints++;
            minP = Math.min(minP, price);
            maxP = Math.max(maxP, price);
            long lo = DetectSupport.venueLo(venue), hi = DetectSupport.venueHi(venue);
            venLo |= lo; venHi |= hi;
            if (iso) { isoPrints++; isoVenLo |= lo; isoVenHi |= hi; }
            int i = 0;
            while (i < levels && levelPx[i] != price) i++;
            if (i == levels) {
                if (levels == MAX_LEVELS) return;   // saturated
                levelPx[levels] = price; levelIso[levels] = false; levels++;
            }
            if (iso && !levelIso[i]) { levelIso[i] = true; isoLevels++; }
        }
    }

    private final Params p;
    private final String paramsText;
    private final Cluster buy = new Cluster(), sell = new Cluster();
    private long session = Long.MIN_VALUE;
    private boolean inSession;

    public SweepDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
    }

    public SweepDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "sweep"; }

    @Override public String params() { return paramsText; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            if (inSession) flush(sink);
            session = print.session();
            inSession = true;
        }
        closeExpired(print.ts(), sink);
        if (print.aggressor() == Aggressor.UNKNOWN || print.venue() == DetectSupport.OFF_EXCHANGE) return;
        if ((print.conditions() & p.excludedConditions()) != 0) return;
        boolean iso = SaleCondition.has(print.conditions(), SaleCondition.INTERMARKET_SWEEP);
        if (p.isoOnly() && !iso) return;
        Cluster c = print.aggressor() > 0 ? buy : sell;
        if (!c.open) c.start(print.ts(), print.bid(), print.ask());
        c.add(print.ts(), print.price(), print.size(), print.venue(), iso);
    }

    private void closeExpired(long ts, AlertSink sink) {
        boolean b = buy.open && ts - buy.tsStart > p.windowNanos();
        boolean s = sell.open && ts - sell.tsStart > p.windowNanos();
        if (b && s && sell.tsStart < buy.tsStart) {
            close(sell, Aggressor.SELL, sink);
            close(buy, Aggressor.BUY, sink);
        } else {
            if (b) close(buy, Aggressor.BUY, sink);
            if (s) close(sell, Aggressor.SELL, sink);
        }
    }

    /** Closes both open clusters (earlier start first, buy first on a tie) and emits those that are sweeps. */
    @Override
    public void flush(AlertSink sink) {
        if (buy.open && sell.open && sell.tsStart < buy.tsStart) {
            close(sell, Aggressor.SELL, sink);
            close(buy, Aggressor.BUY, sink);
        } else {
            if (buy.open) close(buy, Aggressor.BUY, sink);
            if (sell.open) close(sell, Aggressor.SELL, sink);
        }
    }

    private void close(Cluster c, byte side, AlertSink sink) {
        c.open = false;
        if (c.prints < 2 || c.size < p.minTotalSize()) return;
        int venues = DetectSupport.venueCount(c.venLo, c.venHi);
        int isoVenues = DetectSupport.venueCount(c.isoVenLo, c.isoVenHi);
        boolean isoSweep = c.isoPrints >= 2 && (isoVenues >= p.minVenues() || c.isoLevels >= p.isoMinLevels());
        boolean sweep = isoSweep || venues >= p.minVenues() || c.levels >= p.minLevels();
        if (!sweep) return;
        sink.accept(alert(c, side, venues, isoSweep));
    }

    private Alert alert(Cluster c, byte side, int venues, boolean isoSweep) {
        return new Alert(name(), paramsText, isoSweep ? "iso-sweep" : "sweep", c.tsStart, c.tsEnd, side,
                SideRole.AGGRESSOR, c.minP, c.maxP, c.lastP, c.size, c.notional, c.venLo, c.venHi, c.prints, c.levels,
                new Text(isoSweep, c.isoPrints, venues, c.firstP, c.bid0, c.ask0));
    }

    /** The sweep's description, written when read. */
    private record Text(boolean isoSweep, int isoPrints, int venueCount, long firstPrice, long bid0, long ask0)
            implements AlertText {
        @Override
        public String describe(Alert a) {
            return (isoSweep ? "ISO sweep: " : "Sweep: ") + Aggressor.label(a.side()) + " "
                    + DetectSupport.qty(a.totalSize()) + " in " + a.prints() + " prints (" + isoPrints + " ISO) on "
                    + venueCount + " venue(s) " + a.venues() + ", " + a.levels() + (a.levels() == MAX_LEVELS ? "+" : "")
                    + " level(s) " + Px.format(firstPrice) + " -> " + Px.format(a.level()) + " within "
                    + DetectSupport.duration(a.tsEnd() - a.tsStart()) + ", " + DetectSupport.money(a.notional())
                    + (bid0 != Px.NONE && ask0 != Px.NONE ? ", NBBO at start " + Px.format(bid0) + "/" + Px.format(ask0) : "");
        }
    }
}
