package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.SaleCondition;

import java.util.Arrays;
import java.util.Locale;

/**
 * Iceberg (reserve) detection from trades and quotes only (TAQ level, no order ids): repeated executions at one
 * quoted price whose cumulative size exceeds the largest size ever displayed there by a factor, while the quote
 * stays at that price and keeps being refreshed. This is the trade-and-quote inference of hidden depth
 * ("executions at a level exceed the displayed size and the level is refilled", audit OF-11; Christensen &amp;
 * Woodmansey 2013, J. Trading 8(3); Frey &amp; Sandås, SSRN 1108485) without the order-level confirmation
 * {@link IcebergL3Detector} has, so it is weaker: several ordinary orders joining one level look the same.
 *
 * <p>Quotes come in through {@link #onQuote}; trades through {@link #onTrade}. Per <em>book</em> (a venue's own
 * quote in per-venue mode, or the NBBO, fed as quotes with venue {@code '*'}, in NBBO mode) and side, a
 * <em>run</em> at price {@code P} opens when an eligible trade prints exactly at the book's bid (passive bid, sell
 * aggressor) or ask (passive ask, buy aggressor) and closes when that side's quote leaves {@code P}, when no
 * trade at {@code P} arrives for {@code maxGap}, at a session change or on {@link #flush}. In per-venue mode a
 * trade is matched to its own venue's quote (off-exchange prints, venue {@code 'D'}, have no quote and are
 * ignored); in NBBO mode to the NBBO. A trade priced at both bid and ask (locked book) is ignored.
 *
 * <p>A quote update at {@code P} is a <em>refresh</em> when trades at {@code P} printed since the previous quote
 * and the new displayed size is larger than what those trades would have left
 * ({@code newSize > max(0, previousSize - tradedSince)}). {@code maxDisplayed} is the largest size quoted at
 * {@code P} during the run (including the quote in force when it opened). At close, the run raises an alert if
 * {@code prints >= minPrints}, {@code refreshes >= minRefreshes} and {@code cumulativeSize >= factor x maxDisplayed}.
 *
 * <p>Output: {@code kind} {@code "iceberg-bid"}/{@code "iceberg-ask"} (the passive side), {@code side} the aggressor
 * side, {@code level} = P, {@code totalSize} = cumulative traded size, {@code prints}; description tokens
 * {@code refreshes}, {@code maxDisplayed}, {@code ratio} (cumulative / maxDisplayed), {@code hidden} (estimated
 * hidden = cumulative - maxDisplayed), {@code mode}, {@code detectedAt}. Allocation-free per event except alerts.
 */
public final class IcebergTradeQuoteDetector implements TradeDetector, QuoteDetector {

    /**
     * Parameters (thresholds arbitrary starting points, audit X-6).
     *
     * @param nbbo               match trades to the NBBO (quotes with venue {@code '*'}) instead of each venue's
     *                           own quote; default false (per venue: a refresh at one venue is what an iceberg does)
     * @param factor             cumulative size must reach this multiple of the largest displayed size; default 3.0
     * @param minRefreshes       quote refreshes at the price during the run; default 2
     * @param minPrints          trades at the price during the run; default 3
     * @param maxGapNanos        a run with no trade for this long closes; default 60 s
     * @param excludedConditions ignored non-regular prints; default the non-signable set
     */
    public record Params(boolean nbbo, double factor, int minRefreshes, int minPrints, long maxGapNanos,
                         long excludedConditions) {
        public Params {
            if (!(factor > 0) || !Double.isFinite(factor)) throw new IllegalArgumentException("factor > 0");
            if (minRefreshes < 0 || minPrints < 1 || maxGapNanos <= 0) throw new IllegalArgumentException("bad counts/gap");
        }

        public static final Params DEFAULT = new Params(false, 3.0, 2, 3, 60_000_000_000L, DetectSupport.NON_REGULAR);

        public String describe() {
            return "mode=" + (nbbo ? "nbbo" : "venue") + ",factor=" + factor + ",minRefreshes=" + minRefreshes
                    + ",minPrints=" + minPrints + ",maxGap=" + DetectSupport.duration(maxGapNanos) + ",excluded="
                    + SaleCondition.codes(excludedConditions);
        }
    }

    /** The venue tag of NBBO quotes ({@link dev.periscope.model.event.QuoteEvent#NBBO}). */
    public static final char NBBO = '*';

    private static final int BOOKS = 128;                // venue codes 0..127 (others folded onto '?')
    private final Params p;
    private final String paramsText;
    // per book: quote
    private final long[] qBid = new long[BOOKS], qBidSz = new long[BOOKS], qAsk = new long[BOOKS], qAskSz = new long[BOOKS];
    // per (book, side) run; slot = book * 2 + (bid ? 0 : 1)
    private final boolean[] rOpen = new boolean[BOOKS * 2];
    private final long[] rPx = new long[BOOKS * 2], rStart = new long[BOOKS * 2], rLast = new long[BOOKS * 2];
    private final long[] rCum = new long[BOOKS * 2], rMaxDisp = new long[BOOKS * 2], rLastSz = new long[BOOKS * 2];
    private final long[] rSince = new long[BOOKS * 2], rDet = new long[BOOKS * 2], rVLo = new long[BOOKS * 2], rVHi = new long[BOOKS * 2];
    private final double[] rNotional = new double[BOOKS * 2];
    private final int[] rPrints = new int[BOOKS * 2], rRefresh = new int[BOOKS * 2];
    private long session;
    private boolean inSession;

    public IcebergTradeQuoteDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
        Arrays.fill(qBid, Px.NONE);
        Arrays.fill(qAsk, Px.NONE);
    }

    public IcebergTradeQuoteDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "iceberg-taq"; }

    @Override public String params() { return paramsText; }

    private void session(long key, AlertSink sink) {
        if (inSession && key == session) return;
        flush(sink);
        Arrays.fill(qBid, Px.NONE);
        Arrays.fill(qAsk, Px.NONE);
        Arrays.fill(qBidSz, 0);
        Arrays.fill(qAskSz, 0);
        session = key;
        inSession = true;
    }

    @Override
    public void onQuote(long session, QuoteEvent q, AlertSink sink) {
        onQuote(session, q.tsEvent, q.venue, q.bidPrice, q.bidSize, q.askPrice, q.askSize, sink);
    }

    /** A venue's quote (or the NBBO with venue {@code '*'}); {@link Px#NONE} for a missing side. */
    public void onQuote(long sessionKey, long ts, char venue, long bid, long bidSize, long ask, long askSize,
                        AlertSink sink) {
        session(sessionKey, sink);
        if (p.nbbo() != (venue == NBBO)) return;
        int b = DetectSupport.venueKey(venue);
        expire(ts, sink);
        quoteSide(b * 2, ts, bid, bidSize, sink);
        quoteSide(b * 2 + 1, ts, ask, askSize, sink);
        qBid[b] = bid; qBidSz[b] = bidSize; qAsk[b] = ask; qAskSz[b] = askSize;
    }

    private void quoteSide(int r, long ts, long px, long size, AlertSink sink) {
        if (!rOpen[r]) return;
        if (px != rPx[r]) { close(r, sink); return; }
        if (rSince[r] > 0 && size > Math.max(0, rLastSz[r] - rSince[r])) rRefresh[r]++;
        rMaxDisp[r] = Math.max(rMaxDisp[r], size);
        rLastSz[r] = size;
        rSince[r] = 0;
        detect(r, ts);
    }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        session(print.session(), sink);
        expire(print.ts(), sink);
        if ((print.conditions() & p.excludedConditions()) != 0 || print.size() <= 0) return;
        int b = p.nbbo() ? NBBO : DetectSupport.venueKey(print.venue());
        boolean atBid = qBid[b] != Px.NONE && print.price() == qBid[b];
        boolean atAsk = qAsk[b] != Px.NONE && print.price() == qAsk[b];
        if (atBid == atAsk) return;                          // neither, or locked
        int r = b * 2 + (atBid ? 0 : 1);
        if (rOpen[r] && rPx[r] != print.price()) close(r, sink);
        if (!rOpen[r]) {
            rOpen[r] = true;
            rPx[r] = print.price();
            rStart[r] = print.ts();
            rCum[r] = 0;
            rNotional[r] = 0;
            rPrints[r] = rRefresh[r] = 0;
            rMaxDisp[r] = rLastSz[r] = atBid ? qBidSz[b] : qAskSz[b];
            rSince[r] = 0;
            rDet[r] = Long.MIN_VALUE;
            rVLo[r] = rVHi[r] = 0;
        }
        rLast[r] = print.ts();
        rCum[r] += print.size();
        rSince[r] += print.size();
        rPrints[r]++;
        rNotional[r] += DetectSupport.notional(print.price(), print.size());
        rVLo[r] |= DetectSupport.venueLo(print.venue());
        rVHi[r] |= DetectSupport.venueHi(print.venue());
        detect(r, print.ts());
    }

    private boolean holds(int r) {
        return rPrints[r] >= p.minPrints() && rRefresh[r] >= p.minRefreshes()
                && rCum[r] >= p.factor() * rMaxDisp[r];
    }

    private void detect(int r, long ts) {
        if (rDet[r] == Long.MIN_VALUE && holds(r)) rDet[r] = ts;
    }

    private void expire(long ts, AlertSink sink) {
        for (int r = 0; r < rOpen.length; r++) if (rOpen[r] && ts - rLast[r] > p.maxGapNanos()) close(r, sink);
    }

    private void close(int r, AlertSink sink) {
        rOpen[r] = false;
        if (holds(r)) sink.accept(alert(r));
    }

    @Override
    public void flush(AlertSink sink) {
        for (int r = 0; r < rOpen.length; r++) if (rOpen[r]) close(r, sink);
    }

    private Alert alert(int r) {
        boolean bid = (r & 1) == 0;
        long px = rPx[r];
        double ratio = rMaxDisp[r] == 0 ? Double.POSITIVE_INFINITY : (double) rCum[r] / rMaxDisp[r];
        String desc = "Trades at the " + (bid ? "bid" : "ask") + " " + Px.format(px) + " exceeded the displayed size: "
                + "refreshes=" + rRefresh[r] + " maxDisplayed=" + Px.format(rMaxDisp[r]) + " ratio="
                + (Double.isInfinite(ratio) ? "inf" : String.format(Locale.ROOT, "%.2f", ratio)) + " hidden="
                + Px.format(Math.max(0, rCum[r] - rMaxDisp[r])) + " mode=" + (p.nbbo() ? "nbbo" : "venue")
                + " detectedAt=" + rDet[r];
        return new Alert(name(), paramsText, bid ? "iceberg-bid" : "iceberg-ask", rStart[r], rLast[r],
                bid ? Aggressor.SELL : Aggressor.BUY, px, px, px, rCum[r], rNotional[r],
                DetectSupport.venues(rVLo[r], rVHi[r]), rPrints[r], 1, desc);
    }
}
