package dev.periscope.analytics.detect;

import dev.periscope.book.L3Book;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;

import java.util.Arrays;
import java.util.Locale;

/**
 * Iceberg (reserve) order detection from L3 order events: a price level that is refilled with about the same
 * display size right after executions deplete it, repeatedly, or whose hidden executions exceed what was displayed
 * there. Method after the refill-tracking idea of Christensen &amp; Woodmansey (2013, "Prediction of hidden
 * liquidity in the limit order book of GLOBEX futures", J. Trading 8(3)) and Frey &amp; Sandås ("The impact of
 * iceberg orders in limit order books", SSRN 1108485; Quarterly J. Finance 2017), with hidden executions at a
 * displayed level as direct evidence of non-displayed depth as in Hautsch &amp; Huang (2012, "On the dark side of
 * the market: identifying and analyzing hidden order placements", CFS WP 2012/04, Nasdaq TotalView-ITCH); audit
 * OF-11.
 *
 * <p>Definition. An <em>episode</em> at (side, price) opens on the first of: (a) a visible order there being fully
 * executed (its size is the first display {@code D0}), or (b) a hidden execution (EXECUTE_HIDDEN) at a price where
 * the same side shows displayed size &gt; 0 (hidden executions at a level with an open episode count even when its
 * displayed size is momentarily 0: the aggressor that just depleted a piece runs on into the reserve, and on Nasdaq
 * the visible and the hidden fill share a timestamp). After a depletion (a chain order's remaining size reaching 0 by
 * execution), an ADD on the same side and price within {@code refillDelay} whose size is within
 * {@code sizeTolerance x D} of the depleted display {@code D} is a <em>refill</em>; it becomes the chain's live order
 * and the next depletion of it may be refilled again. The episode closes when a depletion is not refilled within
 * {@code refillDelay}, when the chain's live order is cancelled or deleted, when no evidence arrives for
 * {@code maxGap}, at a session change or on {@link #flush}. At close it raises an alert if
 * {@code refills >= minRefills} (evidence "refill") or if hidden executions at the displayed level total
 * {@code >= max(minHiddenQty, hiddenFactor x maxDisplayed)} where {@code maxDisplayed} is the larger of the largest
 * displayed size seen at the level at those executions and the largest chain piece (evidence "hidden"; both may hold).
 *
 * <p>Output: {@code kind} {@code "iceberg-bid"} or {@code "iceberg-ask"} (the resting side); {@code side} the
 * aggressor side that hit it ({@link Aggressor} convention of {@link Alert}); {@code level} = price;
 * {@code totalSize} = executed against the iceberg (chain orders' visible fills + hidden fills at the level);
 * {@code prints} = number of those executions; the description carries {@code refills}, {@code display} (typical =
 * mean display size of chain pieces, rounded down to the {@link Px} unit), {@code hidden} = estimated hidden
 * quantity = executed beyond the first display ({@code max(0, visibleExec - D0) + hiddenExec}), {@code confidence},
 * {@code evidence} and {@code detectedAt} (the event at which the alert condition first held) as {@code key=value}.
 *
 * <p>{@code confidence} is a heuristic score in [0,1], <b>not a calibrated probability</b>: for refill evidence
 * {@code (1 - 0.5^refills) x minDisplay/maxDisplay} (more refills and more uniform pieces score higher); hidden
 * evidence scores 1.0 (the exchange itself reported non-displayed fills at a displayed price). Calibrate against
 * the simulator's labels before reading it as a probability.
 *
 * <p>Known limits: exchange-native reserve refreshes on Nasdaq arrive as new order ids (tracked here); a refill at
 * a level where an ordinary trader happens to re-add the same size is a false refill (the price of not having
 * participant ids). Allocation-free per event except when an alert is raised and for amortized table growth.
 */
public final class IcebergL3Detector implements OrderEventDetector {

    /**
     * Parameters (all thresholds arbitrary starting points to be tuned on the simulator, audit X-6).
     *
     * @param refillDelayNanos max delay from a depletion to its refill; default 100 ms (audit OF-11: refilled
     *                         "within milliseconds"; synthetic, trader-managed icebergs are slower than native ones)
     * @param sizeTolerance    refill size within this fraction of the depleted display; default 0.2
     * @param minRefills       refills needed for refill evidence; default 2
     * @param hiddenFactor     hidden executions at a displayed level must reach this multiple of the displayed size
     *                         there; default 1.0 ("executions exceed what was displayed")
     * @param minHiddenQty     and at least this absolute hidden quantity (fixed point); default 0
     * @param maxGapNanos      an episode with no evidence for this long closes; default 60 s
     */
    public record Params(long refillDelayNanos, double sizeTolerance, int minRefills, double hiddenFactor,
                         long minHiddenQty, long maxGapNanos) {
        public Params {
            if (refillDelayNanos < 0 || maxGapNanos <= 0) throw new IllegalArgumentException("refillDelay >= 0, maxGap > 0");
            if (!(sizeTolerance >= 0) || !Double.isFinite(sizeTolerance)) throw new IllegalArgumentException("sizeTolerance >= 0");
            if (minRefills < 1) throw new IllegalArgumentException("minRefills >= 1");
            if (!(hiddenFactor >= 0) || !Double.isFinite(hiddenFactor)) throw new IllegalArgumentException("hiddenFactor >= 0");
            if (minHiddenQty < 0) throw new IllegalArgumentException("minHiddenQty >= 0");
        }

        public static final Params DEFAULT = new Params(100_000_000L, 0.2, 2, 1.0, 0, 60_000_000_000L);

        public String describe() {
            return "refillDelay=" + DetectSupport.duration(refillDelayNanos) + ",sizeTol=" + sizeTolerance
                    + ",minRefills=" + minRefills + ",hiddenFactor=" + hiddenFactor + ",minHidden="
                    + Px.format(minHiddenQty) + ",maxGap=" + DetectSupport.duration(maxGapNanos);
        }
    }

    private static final long NO_ORDER = Long.MIN_VALUE;

    private final Params p;
    private final String paramsText;
    private final L3Book book = new L3Book(4096);

    // orders we have seen added: id -> index
    private final LongIndexMap orders = new LongIndexMap(4096);
    private long[] oOrig = new long[4096], oExec = new long[4096];

    // open episodes: key(side, price) -> index
    private final LongIndexMap levels = new LongIndexMap(256);
    private byte[] eSide = new byte[256];               // +1 bid, -1 ask
    private long[] ePrice = new long[256], eFirstTs = new long[256], eLastTs = new long[256], eDetTs = new long[256];
    private long[] eD0 = new long[256], eLastDisplay = new long[256], ePendingTs = new long[256], eLive = new long[256];
    private long[] eDispSum = new long[256], eDispMin = new long[256], eDispMax = new long[256];
    private long[] eVisExec = new long[256], eHidExec = new long[256], eMaxDisplayed = new long[256];
    private int[] eRefills = new int[256], ePieces = new int[256], ePrints = new int[256];
    private char[] eVenue = new char[256];
    private int[] open = new int[64];                   // open episode indices, in opening order
    private int openCount;

    private long session;
    private boolean inSession;

    public IcebergL3Detector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
    }

    public IcebergL3Detector() { this(Params.DEFAULT); }

    @Override public String name() { return "iceberg-l3"; }

    @Override public String params() { return paramsText; }

    private static long key(Side side, long price) { return side == Side.BUY ? price * 2 : price * 2 + 1; }

    @Override
    public void onOrder(long sessionKey, long ts, OrderEvent.Type type, long orderId, Side side, long price,
                        long size, char venue, AlertSink sink) {
        if (!inSession || sessionKey != session) {
            flush(sink);
            book.clear();
            orders.clear();
            session = sessionKey;
            inSession = true;
        }
        expire(ts, sink);
        if (type == null || side == null) return;
        switch (type) {
            case ADD -> onAdd(ts, orderId, side, price, size, venue);
            case CANCEL -> {
                book.reduce(orderId, side, price, size);
                if (!book.contains(orderId)) forget(orderId, ts, side, price, sink);
            }
            case DELETE -> {
                book.delete(orderId, side, price);
                forget(orderId, ts, side, price, sink);
            }
            case EXECUTE -> onExecute(ts, orderId, side, price, size, venue, sink);
            case EXECUTE_HIDDEN -> onHidden(ts, side, price, size, venue);
            default -> { }
        }
    }

    private void onAdd(long ts, long orderId, Side side, long price, long size, char venue) {
        book.add(orderId, side, price, size);
        if (orders.get(orderId) < 0) {
            int i = orders.put(orderId);
            ensureOrders(i);
            oOrig[i] = size;
            oExec[i] = 0;
        }
        int e = levels.get(key(side, price));
        if (e < 0 || ePendingTs[e] == Long.MIN_VALUE) return;
        long d = eLastDisplay[e];
        if (ts - ePendingTs[e] > p.refillDelayNanos()) return;
        if (Math.abs((double) size - d) > p.sizeTolerance() * d) return;
        // refill
        eRefills[e]++;
        piece(e, size);
        ePendingTs[e] = Long.MIN_VALUE;
        eLive[e] = orderId;
        eLastTs[e] = ts;
        if (eDetTs[e] == Long.MIN_VALUE && eRefills[e] >= p.minRefills()) eDetTs[e] = ts;
    }

    private void onExecute(long ts, long orderId, Side side, long price, long size, char venue, AlertSink sink) {
        book.reduce(orderId, side, price, size);
        int i = orders.get(orderId);
        if (i < 0) return;                                   // resting before the data started: nothing known
        oExec[i] += size;
        int e = levels.get(key(side, price));
        boolean live = e >= 0 && eLive[e] == orderId;
        if (live) {
            eVisExec[e] += size;
            ePrints[e]++;
            eLastTs[e] = ts;
        }
        if (book.contains(orderId)) return;                  // not depleted yet
        long display = oOrig[i];
        boolean byExecution = oExec[i] >= display;           // fully executed, not cancelled down
        orders.remove(orderId);
        if (live) {
            eLive[e] = NO_ORDER;
            if (!byExecution) { close(indexOfOpen(e), sink); return; }   // partly cancelled: the chain ends
            ePendingTs[e] = ts;
            eLastDisplay[e] = display;
            return;
        }
        if (!byExecution) return;
        if (e < 0) {
            e = openEpisode(side, price, ts, venue);
        } else if (eLive[e] != NO_ORDER || ePendingTs[e] != Long.MIN_VALUE || ePieces[e] > 0) {
            return;                                          // an ordinary order at an iceberg's price: not a piece
        }
        // first piece of a chain (possibly attached to a hidden-evidence episode)
        eD0[e] = display;
        piece(e, display);
        eVisExec[e] += oExec[i];
        ePrints[e]++;
        ePendingTs[e] = ts;
        eLastDisplay[e] = display;
        eLastTs[e] = ts;
    }

    private void onHidden(long ts, Side side, long price, long size, char venue) {
        long displayed = book.sizeAt(side, price);
        int e = levels.get(key(side, price));
        if (e < 0) {
            if (displayed <= 0) return;                      // inside the spread or an empty level: not a reserve
            e = openEpisode(side, price, ts, venue);
        }
        eHidExec[e] += size;
        ePrints[e]++;
        eMaxDisplayed[e] = Math.max(eMaxDisplayed[e], displayed);
        eLastTs[e] = ts;
        if (eDetTs[e] == Long.MIN_VALUE && hiddenHolds(e)) eDetTs[e] = ts;
    }

    private boolean hiddenHolds(int e) {
        long h = eHidExec[e];
        return h > 0 && h >= p.minHiddenQty() && h >= p.hiddenFactor() * Math.max(eMaxDisplayed[e], eDispMax[e]);
    }

    /** An order left the book without (full) execution: if it is a chain's live order, the chain ends. */
    private void forget(long orderId, long ts, Side side, long price, AlertSink sink) {
        if (book.contains(orderId)) return;
        orders.remove(orderId);
        int e = levels.get(key(side, price));
        if (e >= 0 && eLive[e] == orderId) {
            eLive[e] = NO_ORDER;
            close(indexOfOpen(e), sink);
        }
    }

    private void piece(int e, long display) {
        ePieces[e]++;
        eDispSum[e] += display;
        eDispMin[e] = Math.min(eDispMin[e], display);
        eDispMax[e] = Math.max(eDispMax[e], display);
    }

    private int openEpisode(Side side, long price, long ts, char venue) {
        int e = levels.put(key(side, price));
        ensureEpisodes(e);
        eSide[e] = (byte) side.sign();
        ePrice[e] = price;
        eFirstTs[e] = eLastTs[e] = ts;
        eDetTs[e] = Long.MIN_VALUE;
        eD0[e] = 0;
        eLastDisplay[e] = 0;
        ePendingTs[e] = Long.MIN_VALUE;
        eLive[e] = NO_ORDER;
        eDispSum[e] = 0;
        eDispMin[e] = Long.MAX_VALUE;
        eDispMax[e] = 0;
        eVisExec[e] = eHidExec[e] = eMaxDisplayed[e] = 0;
        eRefills[e] = ePieces[e] = ePrints[e] = 0;
        eVenue[e] = venue;
        if (openCount == open.length) open = Arrays.copyOf(open, open.length * 2);
        open[openCount++] = e;
        return e;
    }

    /** Closes episodes whose refill window or evidence gap has passed by time {@code ts}. */
    private void expire(long ts, AlertSink sink) {
        for (int k = 0; k < openCount; ) {
            int e = open[k];
            boolean refillMissed = ePendingTs[e] != Long.MIN_VALUE && ts - ePendingTs[e] > p.refillDelayNanos();
            boolean stale = ts - eLastTs[e] > p.maxGapNanos();
            if (refillMissed || stale) close(k, sink);       // removes open[k]; the next one slides into k
            else k++;
        }
    }

    private int indexOfOpen(int e) {
        for (int k = 0; k < openCount; k++) if (open[k] == e) return k;
        throw new IllegalStateException("episode not open: " + e);
    }

    private void close(int k, AlertSink sink) {
        int e = open[k];
        System.arraycopy(open, k + 1, open, k, openCount - k - 1);
        openCount--;
        levels.remove(key(eSide[e] > 0 ? Side.BUY : Side.SELL, ePrice[e]));
        boolean refill = eRefills[e] >= p.minRefills();
        boolean hidden = hiddenHolds(e);
        if (refill || hidden) sink.accept(alert(e, refill, hidden));
    }

    @Override
    public void flush(AlertSink sink) {
        while (openCount > 0) close(0, sink);
    }

    private void ensureOrders(int i) {
        if (i < oOrig.length) return;
        int n = Math.max(i + 1, oOrig.length * 2);
        oOrig = Arrays.copyOf(oOrig, n);
        oExec = Arrays.copyOf(oExec, n);
    }

    private void ensureEpisodes(int e) {
        if (e < eSide.length) return;
        int n = Math.max(e + 1, eSide.length * 2);
        eSide = Arrays.copyOf(eSide, n);
        ePrice = Arrays.copyOf(ePrice, n); eFirstTs = Arrays.copyOf(eFirstTs, n); eLastTs = Arrays.copyOf(eLastTs, n);
        eDetTs = Arrays.copyOf(eDetTs, n); eD0 = Arrays.copyOf(eD0, n); eLastDisplay = Arrays.copyOf(eLastDisplay, n);
        ePendingTs = Arrays.copyOf(ePendingTs, n); eLive = Arrays.copyOf(eLive, n);
        eDispSum = Arrays.copyOf(eDispSum, n); eDispMin = Arrays.copyOf(eDispMin, n); eDispMax = Arrays.copyOf(eDispMax, n);
        eVisExec = Arrays.copyOf(eVisExec, n); eHidExec = Arrays.copyOf(eHidExec, n);
        eMaxDisplayed = Arrays.copyOf(eMaxDisplayed, n);
        eRefills = Arrays.copyOf(eRefills, n); ePieces = Arrays.copyOf(ePieces, n); ePrints = Arrays.copyOf(ePrints, n);
        eVenue = Arrays.copyOf(eVenue, n);
    }

    private Alert alert(int e, boolean refill, boolean hidden) {
        long price = ePrice[e];
        boolean bid = eSide[e] > 0;
        long executed = eVisExec[e] + eHidExec[e];
        long hiddenEst = Math.max(0, eVisExec[e] - eD0[e]) + eHidExec[e];
        long typical = ePieces[e] == 0 ? 0 : eDispSum[e] / ePieces[e];
        double conf = 0;
        if (refill) conf = (1 - Math.pow(0.5, eRefills[e])) * ((double) eDispMin[e] / eDispMax[e]);
        if (hidden) conf = 1.0;
        String evidence = refill && hidden ? "refill+hidden" : refill ? "refill" : "hidden";
        String desc = "Iceberg on the " + (bid ? "bid" : "ask") + " @ " + Px.format(price) + ": refills="
                + eRefills[e] + " display=" + Px.format(typical) + " hidden=" + Px.format(hiddenEst) + " executed="
                + Px.format(executed) + " hiddenExec=" + Px.format(eHidExec[e]) + " maxDisplayed="
                + Px.format(Math.max(eMaxDisplayed[e], eDispMax[e])) + " confidence="
                + String.format(Locale.ROOT, "%.3f", conf) + " evidence=" + evidence + " detectedAt=" + eDetTs[e];
        String venues = eVenue[e] == 0 ? "" : String.valueOf(eVenue[e]);
        return new Alert(name(), paramsText, bid ? "iceberg-bid" : "iceberg-ask", eFirstTs[e], eLastTs[e],
                bid ? Aggressor.SELL : Aggressor.BUY, price, price, price, executed,
                DetectSupport.notional(price, executed), venues, ePrints[e], 1, desc);
    }
}
