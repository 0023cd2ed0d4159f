package dev.periscope.analytics.detect;

import dev.periscope.book.L3Book;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;

import java.util.Arrays;
import java.util.Locale;

/**
 * Large-order flicker and layering (the order-level pattern of spoofing) from L3 events: a large visible order
 * placed away from the touch, never (or hardly) filled, and cancelled shortly after trades on the <em>opposite</em>
 * side, i.e. after the market its presence pushed traded the other way (the manipulator sells into the bid support
 * it faked, or buys under a fake offer); the layering variant is several such orders on consecutive price levels of
 * one side cancelled together. Formulated after audit MS-2 ("order-level events, a minimum size relative to the
 * queue, lifetime &lt; tau, fill ratio ~ 0, and subsequent opposite-side execution"), Lee, Eom &amp; Park (2013,
 * "Microstructure-based manipulation: strategic behavior and performance of spoofing traders", J. Financial
 * Markets 16(2)) and Cartea, Jaimungal &amp; Wang (2020, "Spoofing and price manipulation in order-driven markets",
 * Applied Mathematical Finance 27(1-2)).
 *
 * <p><b>Not an allegation.</b> An alert says an order-level pattern occurred; without participant identities it
 * cannot say the orders and the opposite-side trades had the same owner, nor anything about intent, which is what
 * the law (CEA 4c(a)(5)(C); Exchange Act 9(a)(2)/10(b)) turns on. Kinds are therefore neutral:
 * {@code "large-order-flicker"} and {@code "layered-flicker"}.
 *
 * <p>Definition. An ADD of size {@code s} on side S at price {@code p} is a <em>candidate</em> when the same side's
 * best price {@code b} exists before it and is at least {@code minDistanceTicks} ticks better
 * ({@code b - p} for bids, {@code p - b} for asks, in ticks of {@code tickSize}), and
 * {@code s >= sizeMultiple x median} (median of the displayed sizes of the top {@code depthLevels} levels of both
 * sides just before the add; skipped when fewer than {@code minMedianLevels} levels exist) or {@code minAbsSize > 0 && s >= minAbsSize}. When a
 * candidate leaves the book by CANCEL/DELETE, it <em>qualifies</em> if its lifetime is {@code <= maxLifetime}, its
 * executed fraction is {@code <= maxFillRatio}, at least one execution of a resting order on the opposite side
 * happened during its life, and the last one was at most {@code cancelAfterTrade} before the cancel. Qualified
 * cancels of one side are grouped from the first one for {@code layerWindow}; when the group closes (a later event
 * beyond the window, session change, flush), each maximal run of at least {@code minLayers} distinct prices with
 * neighbours at most {@code maxLayerGapTicks} apart becomes one {@code "layered-flicker"} alert, every other order
 * one {@code "large-order-flicker"} alert (ascending price).
 *
 * <p>Output: {@code side} is the side of the flickered orders as a sign (+1 bids, -1 asks): <em>this differs from
 * the aggressor convention of other alerts</em>; {@code level} the order price nearest the touch;
 * {@code priceLow/High} the orders' price range; {@code totalSize} their summed size; {@code prints} the number of
 * orders; {@code levels} distinct prices; {@code tsStart} the first add, {@code tsEnd} the last cancel. The
 * description carries {@code orders}, {@code maxLifetime} (observed), {@code minDistance} (ticks),
 * {@code sizeVsMedian}, {@code oppositeExecuted} and, as context only, {@code cancelToFill}: the session's cancelled
 * volume / executed volume so far. That ratio is <b>not</b> used to detect (a cancel-ratio rule flags almost every
 * ordinary order; see {@link NaiveCancelRatioDetector}). Allocation-free per event except alerts and table growth.
 */
public final class SpoofingDetector implements OrderEventDetector {

    /**
     * Parameters (arbitrary starting points, to be tuned on the simulator; audit X-6).
     *
     * @param tickSize          price increment (fixed point); default $0.01 (Reg NMS Rule 612, quotes >= $1)
     * @param minDistanceTicks  ticks behind the same side's best; default 2 (away from the touch, so unlikely to fill)
     * @param sizeMultiple      size >= this x median displayed level size; default 8.0 (calibrated 2026-12-04 on the
     *                          simulator, validated on held-out seeds: docs/detect-eval.md; 5.0 before)
     * @param minAbsSize        or >= this absolute size (fixed point), 0 = off; default 0
     * @param depthLevels       levels per side for the median; default 10
     * @param minMedianLevels   the relative size test needs at least this many levels (both sides) in the median,
     *                          so a thin book (session start, a partial level-1 book) is no queue reference;
     *                          default 10
     * @param maxLifetimeNanos  add-to-cancel; default 5 s
     * @param cancelAfterTradeNanos cancel at most this long after the last opposite-side execution; default 1 s
     * @param maxFillRatio      executed / size at most this; default 0 (never filled)
     * @param minLayers         distinct consecutive levels for layering; default 3
     * @param maxLayerGapTicks  neighbouring layer prices at most this many ticks apart; default 1
     * @param layerWindowNanos  qualified cancels of one side within this span form one group; default 1 s
     */
    public record Params(long tickSize, int minDistanceTicks, double sizeMultiple, long minAbsSize, int depthLevels,
                         int minMedianLevels, long maxLifetimeNanos, long cancelAfterTradeNanos, double maxFillRatio, int minLayers,
                         int maxLayerGapTicks, long layerWindowNanos) {
        public Params {
            if (tickSize <= 0 || minDistanceTicks < 0 || depthLevels < 1) throw new IllegalArgumentException("tick/distance/depth");
            if (minMedianLevels < 1 || minMedianLevels > 2 * depthLevels) throw new IllegalArgumentException("minMedianLevels in [1, 2 x depthLevels]");
            if (!(sizeMultiple > 0) || !Double.isFinite(sizeMultiple)) throw new IllegalArgumentException("sizeMultiple > 0");
            if (minAbsSize < 0 || maxLifetimeNanos <= 0 || cancelAfterTradeNanos < 0 || layerWindowNanos < 0)
                throw new IllegalArgumentException("negative size/time");
            if (!(maxFillRatio >= 0 && maxFillRatio < 1)) throw new IllegalArgumentException("maxFillRatio in [0,1)");
            if (minLayers < 2 || maxLayerGapTicks < 1) throw new IllegalArgumentException("minLayers >= 2, maxLayerGapTicks >= 1");
        }

        public static final Params DEFAULT = new Params(Px.parse("0.01"), 2, 8.0, 0, 10, 10, 5_000_000_000L,
                1_000_000_000L, 0.0, 3, 1, 1_000_000_000L);

        /** The defaults before the 2026-12-04 calibration: {@code sizeMultiple} 5.0. */
        public static final Params PRE_CALIBRATION = new Params(Px.parse("0.01"), 2, 5.0, 0, 10, 10, 5_000_000_000L,
                1_000_000_000L, 0.0, 3, 1, 1_000_000_000L);

        public String describe() {
            return "tick=" + Px.format(tickSize) + ",minDistanceTicks=" + minDistanceTicks + ",sizeMultiple="
                    + sizeMultiple + ",minAbsSize=" + Px.format(minAbsSize) + ",depthLevels=" + depthLevels + ",minMedianLevels=" + minMedianLevels
                    + ",maxLifetime=" + DetectSupport.duration(maxLifetimeNanos) + ",cancelAfterTrade="
                    + DetectSupport.duration(cancelAfterTradeNanos) + ",maxFillRatio=" + maxFillRatio + ",minLayers="
                    + minLayers + ",maxLayerGapTicks=" + maxLayerGapTicks + ",layerWindow="
                    + DetectSupport.duration(layerWindowNanos);
        }
    }

    private final Params p;
    private final String paramsText;
    private final L3Book book = new L3Book(4096);
    private final long[] scratch;

    // candidates: id -> index
    private final LongIndexMap cands = new LongIndexMap(256);
    private long[] cAddTs = new long[256], cPrice = new long[256], cSize = new long[256], cExec = new long[256];
    private long[] cOppAtAdd = new long[256], cDist = new long[256], cMedian = new long[256];

    // per side (0 bid, 1 ask): execution counters
    private final long[] execVol = new long[2], lastExecTs = new long[2];
    private long cancelledVol, executedVol;

    // pending qualified cancels per side
    private static final int GROUP_CAP = 64;
    private final int[] gCount = new int[2];
    private final long[] gFirst = new long[2];
    private final long[][] gPrice = new long[2][GROUP_CAP], gSize = new long[2][GROUP_CAP], gAdd = new long[2][GROUP_CAP],
            gCancel = new long[2][GROUP_CAP], gDist = new long[2][GROUP_CAP], gMedian = new long[2][GROUP_CAP],
            gOpp = new long[2][GROUP_CAP];

    private long session;
    private boolean inSession;

    public SpoofingDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
        this.scratch = new long[2 * p.depthLevels()];
    }

    public SpoofingDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "spoofing"; }

    @Override public String params() { return paramsText; }

    private static int sx(Side s) { return s == Side.BUY ? 0 : 1; }

    @Override
    public void onOrder(long sessionKey, long ts, OrderEvent.Type type, long orderId, Side side, long price,
                        long size, char venue, AlertSink sink) {
        if (!inSession || sessionKey != session) {
            flush(sink);
            book.clear();
            cands.clear();
            Arrays.fill(execVol, 0);
            Arrays.fill(lastExecTs, Long.MIN_VALUE);
            cancelledVol = executedVol = 0;
            session = sessionKey;
            inSession = true;
        }
        for (int s = 0; s < 2; s++) if (gCount[s] > 0 && ts - gFirst[s] > p.layerWindowNanos()) closeGroup(s, sink);
        if (type == null || side == null) return;
        switch (type) {
            case ADD -> onAdd(ts, orderId, side, price, size);
            case CANCEL -> {
                cancelledVol += size;
                book.reduce(orderId, side, price, size);
                if (!book.contains(orderId)) removed(ts, orderId, side, sink);
            }
            case DELETE -> {
                long rem = book.contains(orderId) ? book.orderSize(orderId) : size;
                cancelledVol += rem;
                book.delete(orderId, side, price);
                removed(ts, orderId, side, sink);
            }
            case EXECUTE, EXECUTE_HIDDEN -> {
                int s = sx(side);
                execVol[s] += size;
                lastExecTs[s] = ts;
                executedVol += size;
                if (type == OrderEvent.Type.EXECUTE) {
                    book.reduce(orderId, side, price, size);
                    int c = cands.get(orderId);
                    if (c >= 0) {
                        cExec[c] += size;
                        if (!book.contains(orderId)) cands.remove(orderId);   // filled away: not a flicker
                    }
                }
            }
            default -> { }
        }
    }

    private void onAdd(long ts, long orderId, Side side, long price, long size) {
        int depth = book.depth(side);
        if (depth > 0 && !book.contains(orderId)) {
            long best = book.price(side, 0);
            long dist = side == Side.BUY ? best - price : price - best;
            if (dist >= (long) p.minDistanceTicks() * p.tickSize()) {
                long median = medianLevelSize();
                boolean large = (median > 0 && size >= p.sizeMultiple() * median)
                        || (p.minAbsSize() > 0 && size >= p.minAbsSize());
                if (large && cands.get(orderId) < 0) {
                    int c = cands.put(orderId);
                    ensure(c);
                    cAddTs[c] = ts; cPrice[c] = price; cSize[c] = size; cExec[c] = 0;
                    cOppAtAdd[c] = execVol[1 - sx(side)];
                    cDist[c] = dist / p.tickSize();
                    cMedian[c] = median;
                }
            }
        }
        book.add(orderId, side, price, size);
    }

    /** Median displayed size over the top depthLevels levels of both sides (0 if fewer than minMedianLevels). */
    private long medianLevelSize() {
        int n = 0;
        for (Side s : SIDES) {
            int d = Math.min(book.depth(s), p.depthLevels());
            for (int l = 0; l < d; l++) scratch[n++] = book.size(s, l);
        }
        if (n < p.minMedianLevels()) return 0;
        for (int i = 1; i < n; i++) {                         // insertion sort, n <= 2 x depthLevels
            long v = scratch[i];
            int j = i - 1;
            while (j >= 0 && scratch[j] > v) { scratch[j + 1] = scratch[j]; j--; }
            scratch[j + 1] = v;
        }
        return (n & 1) == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
    }

    private static final Side[] SIDES = Side.values();

    private void removed(long ts, long orderId, Side side, AlertSink sink) {
        if (book.contains(orderId)) return;
        int c = cands.get(orderId);
        if (c < 0) return;
        cands.remove(orderId);
        int s = sx(side), o = 1 - s;
        long opp = execVol[o] - cOppAtAdd[c];
        boolean ok = ts - cAddTs[c] <= p.maxLifetimeNanos()
                && cExec[c] <= p.maxFillRatio() * cSize[c]
                && opp > 0
                && ts - lastExecTs[o] <= p.cancelAfterTradeNanos();
        if (!ok) return;
        if (gCount[s] == GROUP_CAP) closeGroup(s, sink);
        int g = gCount[s]++;
        if (g == 0) gFirst[s] = ts;
        gPrice[s][g] = cPrice[c]; gSize[s][g] = cSize[c]; gAdd[s][g] = cAddTs[c]; gCancel[s][g] = ts;
        gDist[s][g] = cDist[c]; gMedian[s][g] = cMedian[c]; gOpp[s][g] = opp;
    }

    private void closeGroup(int s, AlertSink sink) {
        int n = gCount[s];
        gCount[s] = 0;
        long[] px = gPrice[s];
        // sort the group by price (insertion sort on parallel arrays; n <= 64)
        for (int i = 1; i < n; i++) {
            for (int j = i; j > 0 && px[j - 1] > px[j]; j--) {
                swap(gPrice[s], j); swap(gSize[s], j); swap(gAdd[s], j); swap(gCancel[s], j);
                swap(gDist[s], j); swap(gMedian[s], j); swap(gOpp[s], j);
            }
        }
        long gap = (long) p.maxLayerGapTicks() * p.tickSize();
        int i = 0;
        while (i < n) {
            int j = i + 1, distinct = 1;
            while (j < n && px[j] - px[j - 1] <= gap) {
                if (px[j] != px[j - 1]) distinct++;
                j++;
            }
            if (distinct >= p.minLayers()) sink.accept(alert(s, i, j, "layered-flicker"));
            else for (int k = i; k < j; k++) sink.accept(alert(s, k, k + 1, "large-order-flicker"));
            i = j;
        }
    }

    private static void swap(long[] a, int j) { long t = a[j]; a[j] = a[j - 1]; a[j - 1] = t; }

    @Override
    public void flush(AlertSink sink) {
        for (int s = 0; s < 2; s++) if (gCount[s] > 0) closeGroup(s, sink);
    }

    private void ensure(int c) {
        if (c < cAddTs.length) return;
        int n = Math.max(c + 1, cAddTs.length * 2);
        cAddTs = Arrays.copyOf(cAddTs, n); cPrice = Arrays.copyOf(cPrice, n); cSize = Arrays.copyOf(cSize, n);
        cExec = Arrays.copyOf(cExec, n); cOppAtAdd = Arrays.copyOf(cOppAtAdd, n); cDist = Arrays.copyOf(cDist, n);
        cMedian = Arrays.copyOf(cMedian, n);
    }

    private Alert alert(int s, int from, int to, String kind) {
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE, size = 0, t0 = Long.MAX_VALUE, t1 = Long.MIN_VALUE;
        long maxLife = 0, minDist = Long.MAX_VALUE, opp = 0;
        double notional = 0, maxRel = 0;
        int levels = 0;
        for (int k = from; k < to; k++) {
            long px = gPrice[s][k];
            if (k == from || px != gPrice[s][k - 1]) levels++;
            lo = Math.min(lo, px); hi = Math.max(hi, px);
            size += gSize[s][k];
            notional += DetectSupport.notional(px, gSize[s][k]);
            t0 = Math.min(t0, gAdd[s][k]); t1 = Math.max(t1, gCancel[s][k]);
            maxLife = Math.max(maxLife, gCancel[s][k] - gAdd[s][k]);
            minDist = Math.min(minDist, gDist[s][k]);
            opp = Math.max(opp, gOpp[s][k]);
            if (gMedian[s][k] > 0) maxRel = Math.max(maxRel, (double) gSize[s][k] / gMedian[s][k]);
        }
        boolean bid = s == 0;
        long level = bid ? hi : lo;
        String ctf = executedVol == 0 ? "inf" : String.format(Locale.ROOT, "%.2f", (double) cancelledVol / executedVol);
        String desc = (to - from > 1 ? "Layered large " : "Large ") + (bid ? "bid" : "ask") + " order(s) "
                + Px.format(lo) + (hi != lo ? ".." + Px.format(hi) : "") + " cancelled unfilled after opposite-side "
                + "trades: orders=" + (to - from) + " maxLifetime=" + DetectSupport.duration(maxLife)
                + " minDistance=" + minDist + " sizeVsMedian=" + String.format(Locale.ROOT, "%.1f", maxRel)
                + " oppositeExecuted=" + Px.format(opp) + " cancelToFill=" + ctf
                + " (pattern only, not an allegation: MS-2)";
        return new Alert(name(), paramsText, kind, t0, t1, (byte) (bid ? 1 : -1), SideRole.RESTING, lo, hi, level, size,
                notional, 0, 0, to - from, levels, Alert.constant(desc));
    }
}
