package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.Px;
import dev.periscope.model.event.QuoteEvent;

/**
 * Emits each lit venue's top of book (best price, aggregate shares) when it changed since its last quote, and the
 * NBBO (venue {@code '*'}, sizes summed over the venues at the best price) when {@link SimConfig#emitNbbo()}.
 */
final class QuoteReporter {
    private final Market market;
    /** Last emitted quote per venue: bid price, bid shares, ask price, ask shares. */
    private final long[] last;
    private final long[] lastNbbo = {Long.MIN_VALUE, 0, Long.MIN_VALUE, 0};

    QuoteReporter(Market market) {
        this.market = market;
        int nv = market.venues.count;
        last = new long[nv * 4];
        for (int i = 0; i < nv; i++) { last[4 * i] = Long.MIN_VALUE; last[4 * i + 2] = Long.MIN_VALUE; }
    }

    void emit() {
        Venues venues = market.venues;
        long tickPx = venues.tickPx;
        for (int v = 0; v < venues.count; v++) {
            MatchingBook b = venues.books[v];
            long bp = b.hasBid() ? b.bestBid() * tickPx : Px.NONE, bs = b.hasBid() ? b.qtyAt(MatchingBook.BUY, b.bestBid()) : 0;
            long ap = b.hasAsk() ? b.bestAsk() * tickPx : Px.NONE, as = b.hasAsk() ? b.qtyAt(MatchingBook.SELL, b.bestAsk()) : 0;
            if (changed(last, 4 * v, bp, bs, ap, as)) push(venues.code[v], bp, bs, ap, as);
        }
        if (!market.cfg.emitNbbo()) return;
        int nbb = venues.nbb(), nbo = venues.nbo();
        long bp = nbb >= 0 ? nbb * tickPx : Px.NONE, ap = nbo < venues.levels ? nbo * tickPx : Px.NONE;
        long bs = 0, as = 0;
        for (MatchingBook b : venues.books) {
            if (nbb >= 0 && b.bestBid() == nbb) bs += b.qtyAt(MatchingBook.BUY, nbb);
            if (nbo < venues.levels && b.bestAsk() == nbo) as += b.qtyAt(MatchingBook.SELL, nbo);
        }
        if (changed(lastNbbo, 0, bp, bs, ap, as)) push(QuoteEvent.NBBO, bp, bs, ap, as);
    }

    /** True (and remembered) if the quote differs from {@code last[at .. at+3]}. */
    private static boolean changed(long[] last, int at, long bp, long bs, long ap, long as) {
        if (bp == last[at] && bs == last[at + 1] && ap == last[at + 2] && as == last[at + 3]) return false;
        last[at] = bp; last[at + 1] = bs; last[at + 2] = ap; last[at + 3] = as;
        return true;
    }

    private void push(char venue, long bp, long bidShares, long ap, long askShares) {
        market.out.addQuote(market.clock.now, venue, bp, Px.ofUnits(bidShares), ap, Px.ofUnits(askShares));
    }
}
