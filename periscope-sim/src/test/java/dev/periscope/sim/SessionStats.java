package dev.periscope.sim;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.Side;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumes a whole simulated session and collects what the tests assert: a hash of every event field, ordering,
 * an independent NBBO built from the per-venue quotes, tape statistics, and a replay of every venue's L3 order
 * messages into a naive book per venue (maps) to check each execution against the book at that moment, each venue
 * quote against that venue's book, and each print against its execution message.
 */
final class SessionStats {
    long events, trades, quotes, orders, hash = 0xcbf29ce484222325L, tapeHash = 0xcbf29ce484222325L;
    long outOfOrder, crossedNbbo, lockedNbbo, nbboUpdates;
    long volume, offExVolume, oddLots, iso, blocks, avgPrice, derivPriced, formT, midpointPrints, subPenny;
    long regularOpen, regularClose;
    final long[] bucketVolume = new long[13];
    final double[] minuteMid = new double[24 * 60];
    long l3Executions, l3ExecNotAtBest, l3TradeMismatch, l3Adds, l3Cancels, l3Deletes, l3CrossedAfterAdd;
    long nanos;
    long litTrades, litAtQuote, litThroughQuote, litInsideQuote, litOffTick, tapeSideKnown, truthUnknownLit;
    long formTMissing, formTWrong, maxSweepVenues;
    final Map<Long, Long> metaExecuted = new TreeMap<>();
    private final MarketSimulator sim;
    private long sweepTs = Long.MIN_VALUE;
    private int sweepVenueMask;

    private long lastTs = Long.MIN_VALUE;
    private final long[][] venueQuote = new long[128][];
    // naive L3 book per venue: order id (unique across venues) -> {side, price, qty}; price -> aggregate per side
    private final Map<Long, long[]> l3Orders = new HashMap<>();
    @SuppressWarnings("unchecked")
    private final TreeMap<Long, Long>[] l3Bids = new TreeMap[128], l3Asks = new TreeMap[128];
    // executions per venue waiting for their (possibly delayed) print: {ts, price, size}
    @SuppressWarnings("unchecked")
    private final java.util.ArrayDeque<long[]>[] pendingExec = new java.util.ArrayDeque[128];
    long l3PrintDelayMax, l3HiddenExecutions, litAtMidpoint, hiddenNotAtMid, litHalfTickNotAtMid;
    /** Per venue code: prints matched to their execution message, and the sum of their tape delays (ns). */
    final long[] venuePrints = new long[128], venuePrintDelaySum = new long[128];
    /** Venue codes whose L3 messages were seen. */
    final java.util.TreeSet<Character> l3Venues = new java.util.TreeSet<>();
    /** Venue quotes compared with the top of that venue's L3 book, and those that differed in a price or size. */
    long l3QuotesChecked, l3QuoteMismatch;
    private long nbbBid = Px.NONE, nbbAsk = Px.NONE;

    SessionStats(MarketSimulator sim) {
        this.sim = sim;
        regularOpen = sim.config().epochNanos(sim.config().regularOpen());
        regularClose = sim.config().epochNanos(sim.config().regularClose());
        long t0 = System.nanoTime();
        MarketEvent e;
        while ((e = sim.next()) != null) {
            events++;
            if (e.tsEvent < lastTs) outOfOrder++;
            lastTs = e.tsEvent;
            mix(e.tsEvent);
            if (e instanceof TradeEvent t) onTrade(t);
            else if (e instanceof QuoteEvent q) onQuote(q);
            else onOrder((OrderEvent) e);
        }
        nanos = System.nanoTime() - t0;
    }

    private void mix(long v) {
        hash ^= v;
        hash *= 0x100000001b3L;
        hash ^= hash >>> 29;
    }

    /** Trades and quotes only: equal whatever set of venues emits L3 messages. */
    private void mixTape(long v) {
        tapeHash ^= v;
        tapeHash *= 0x100000001b3L;
        tapeHash ^= tapeHash >>> 29;
    }

    private TreeMap<Long, Long> side(char venue, Side s) {
        TreeMap<Long, Long>[] a = s == Side.BUY ? l3Bids : l3Asks;
        if (a[venue] == null) a[venue] = new TreeMap<>();
        return a[venue];
    }

    private java.util.ArrayDeque<long[]> pending(char venue) {
        if (pendingExec[venue] == null) pendingExec[venue] = new java.util.ArrayDeque<>();
        return pendingExec[venue];
    }

    private void onTrade(TradeEvent t) {
        trades++;
        mix(1); mix(t.price); mix(t.size); mix(t.venue); mix(t.conditions); mix(t.aggressor); mix(t.tradeId);
        mixTape(1); mixTape(t.tsEvent); mixTape(t.price); mixTape(t.size); mixTape(t.venue); mixTape(t.conditions); mixTape(t.tradeId);
        long sh = t.size / Px.SCALE;
        volume += sh;
        if (t.venue == 'D') {
            offExVolume += sh;
            if (sh >= 10_000 && t.conditions == SaleCondition.REGULAR_MASK) blocks++;
            if (t.price % (Px.SCALE / 100) != 0) {
                if (t.price % (Px.SCALE / 200) == 0) midpointPrints++; else subPenny++;
            }
        }
        if (SaleCondition.has(t.conditions, SaleCondition.ODD_LOT)) oddLots++;
        if (SaleCondition.has(t.conditions, SaleCondition.INTERMARKET_SWEEP)) iso++;
        if (SaleCondition.has(t.conditions, SaleCondition.AVERAGE_PRICE)) avgPrice++;
        if (SaleCondition.has(t.conditions, SaleCondition.DERIVATIVELY_PRICED)) derivPriced++;
        if (SaleCondition.has(t.conditions, SaleCondition.FORM_T)) formT++;
        if (t.tsEvent >= regularOpen && t.tsEvent < regularClose) {
            int b = (int) ((t.tsEvent - regularOpen) / (30 * 60 * 1_000_000_000L));
            if (b < bucketVolume.length) bucketVolume[b] += sh;
        }
        if (t.aggressor != dev.periscope.model.Aggressor.UNKNOWN) tapeSideKnown++;
        boolean regular = t.tsEvent >= regularOpen && t.tsEvent < regularClose;
        boolean hasT = SaleCondition.has(t.conditions, SaleCondition.FORM_T);
        if (!regular && !hasT) formTMissing++;
        if (regular && hasT) formTWrong++;
        GroundTruth g = sim.groundTruth();
        byte side = g.aggressor(t.tradeId);
        if (g.metaOrder(t.tradeId) >= 0) metaExecuted.merge((long) g.metaOrder(t.tradeId), sh, Long::sum);
        if (g.agent(t.tradeId) == GroundTruth.Agent.SWEEP) {
            // one sweep's prints reach the tape within a few ms of each other (per-venue reporting delays)
            if (t.tsEvent - sweepTs > 5_000_000L) { sweepTs = t.tsEvent; sweepVenueMask = 0; }
            sweepVenueMask |= 1 << (t.venue - 'A');
            maxSweepVenues = Math.max(maxSweepVenues, Integer.bitCount(sweepVenueMask));
        }
        if (t.venue != 'D') {
            litTrades++;
            boolean atMid = nbbBid != Px.NONE && nbbAsk != Px.NONE && 2 * t.price == nbbBid + nbbAsk;
            if (t.price % (Px.SCALE / 200) != 0) litOffTick++;          // not even on the half-cent grid
            if (t.price % (Px.SCALE / 100) != 0 && !atMid) litHalfTickNotAtMid++;
            if (side == 0) truthUnknownLit++;
            long[] q = venueQuote[t.venue];
            // a lit print executes against the venue's own book: at its pre-trade quote or, walking, beyond it
            long quoted = side > 0 ? q[1] : q[0];
            if (t.price == quoted) litAtQuote++;
            else if (atMid) litAtMidpoint++;
            else if (side > 0 ? t.price > quoted : t.price < quoted) litThroughQuote++;
            else litInsideQuote++;
        }
        if (t.venue != 'D' && l3Venues.contains(t.venue)) {
            // the execution message precedes its print and must match it (a venue's prints keep their order)
            long[] ex = pending(t.venue).poll();
            if (ex == null || ex[1] != t.price || ex[2] != t.size || t.tsEvent < ex[0]) l3TradeMismatch++;
            else {
                venuePrints[t.venue]++;
                venuePrintDelaySum[t.venue] += t.tsEvent - ex[0];
                l3PrintDelayMax = Math.max(l3PrintDelayMax, t.tsEvent - ex[0]);
            }
        }
    }

    private void onQuote(QuoteEvent q) {
        quotes++;
        mix(2); mix(q.venue); mix(q.bidPrice); mix(q.bidSize); mix(q.askPrice); mix(q.askSize);
        mixTape(2); mixTape(q.tsEvent); mixTape(q.venue); mixTape(q.bidPrice); mixTape(q.bidSize); mixTape(q.askPrice); mixTape(q.askSize);
        if (q.venue == QuoteEvent.NBBO) return;
        if (l3Venues.contains(q.venue)) {
            // quotes follow the L3 messages of the same instant: the venue's top of book as its L3 stream builds it
            l3QuotesChecked++;
            TreeMap<Long, Long> b = side(q.venue, Side.BUY), a = side(q.venue, Side.SELL);
            long bp = b.isEmpty() ? Px.NONE : b.lastKey(), bs = b.isEmpty() ? 0 : b.lastEntry().getValue();
            long ap = a.isEmpty() ? Px.NONE : a.firstKey(), as = a.isEmpty() ? 0 : a.firstEntry().getValue();
            if (bp != q.bidPrice || bs != q.bidSize || ap != q.askPrice || as != q.askSize) l3QuoteMismatch++;
        }
        if (venueQuote[q.venue] == null) venueQuote[q.venue] = new long[2];
        venueQuote[q.venue][0] = q.bidPrice;
        venueQuote[q.venue][1] = q.askPrice;
        long bb = Long.MIN_VALUE, ba = Long.MAX_VALUE;
        for (long[] v : venueQuote) {
            if (v == null) continue;
            if (v[0] != Px.NONE) bb = Math.max(bb, v[0]);
            if (v[1] != Px.NONE) ba = Math.min(ba, v[1]);
        }
        nbboUpdates++;
        nbbBid = bb == Long.MIN_VALUE ? Px.NONE : bb;
        nbbAsk = ba == Long.MAX_VALUE ? Px.NONE : ba;
        if (bb != Long.MIN_VALUE && ba != Long.MAX_VALUE) {
            if (bb > ba) crossedNbbo++;
            else if (bb == ba) lockedNbbo++;
            if (q.tsEvent >= regularOpen && q.tsEvent < regularClose) {
                int m = (int) ((q.tsEvent - regularOpen) / 60_000_000_000L);
                minuteMid[m] = (Px.toDouble(bb) + Px.toDouble(ba)) / 2;
            }
        }
    }

    private void onOrder(OrderEvent o) {
        orders++;
        mix(3); mix(o.type.ordinal()); mix(o.orderId); mix(o.side.ordinal()); mix(o.price); mix(o.size); mix(o.venue);
        l3Venues.add(o.venue);
        TreeMap<Long, Long> lv = side(o.venue, o.side), bids = side(o.venue, Side.BUY), asks = side(o.venue, Side.SELL);
        switch (o.type) {
            case ADD -> {
                l3Adds++;
                l3Orders.put(o.orderId, new long[]{o.side.ordinal(), o.price, o.size});
                lv.merge(o.price, o.size, Long::sum);
                if (!bids.isEmpty() && !asks.isEmpty() && bids.lastKey() >= asks.firstKey()) l3CrossedAfterAdd++;
            }
            case CANCEL, DELETE, EXECUTE -> {
                long[] ord = l3Orders.get(o.orderId);
                if (ord == null || ord[1] != o.price || ord[2] < o.size) throw new AssertionError("L3 message for unknown/inconsistent order " + o);
                if (o.type == OrderEvent.Type.EXECUTE) {
                    l3Executions++;
                    long best = o.side == Side.BUY ? bids.lastKey() : asks.firstKey();
                    if (o.price != best) l3ExecNotAtBest++;
                    pending(o.venue).add(new long[]{o.tsEvent, o.price, o.size});
                } else if (o.type == OrderEvent.Type.CANCEL) l3Cancels++;
                else l3Deletes++;
                if (o.type == OrderEvent.Type.DELETE && o.size != ord[2]) throw new AssertionError("delete size != remaining " + o);
                ord[2] -= o.size;
                if (ord[2] == 0) l3Orders.remove(o.orderId);
                long left = lv.get(o.price) - o.size;
                if (left == 0) lv.remove(o.price); else lv.put(o.price, left);
            }
            case EXECUTE_HIDDEN -> {
                // a hidden midpoint peg: no visible order changes; the price is the NBBO midpoint of the moment
                l3HiddenExecutions++;
                if (o.orderId != 0 || nbbBid == Px.NONE || nbbAsk == Px.NONE || 2 * o.price != nbbBid + nbbAsk) hiddenNotAtMid++;
                pending(o.venue).add(new long[]{o.tsEvent, o.price, o.size});
            }
            default -> throw new AssertionError("unexpected " + o.type);
        }
    }

    /** Sample excess kurtosis of 1-minute log returns of the NBBO midpoint over the regular session. */
    double minuteReturnExcessKurtosis() {
        int n = (int) ((regularClose - regularOpen) / 60_000_000_000L);
        double[] r = new double[n];
        int k = 0;
        double prev = 0;
        for (int m = 0; m < n; m++) {
            double mid = minuteMid[m] != 0 ? minuteMid[m] : prev;
            if (prev != 0 && mid != 0) r[k++] = Math.log(mid / prev);
            if (mid != 0) prev = mid;
        }
        double mean = 0;
        for (int i = 0; i < k; i++) mean += r[i];
        mean /= k;
        double m2 = 0, m4 = 0;
        for (int i = 0; i < k; i++) { double d = r[i] - mean; m2 += d * d; m4 += d * d * d * d; }
        m2 /= k; m4 /= k;
        return m4 / (m2 * m2) - 3;
    }
}
