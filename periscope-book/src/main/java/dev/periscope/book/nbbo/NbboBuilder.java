package dev.periscope.book.nbbo;

import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.event.QuoteEvent;

/**
 * National best bid and offer of one instrument from per-venue top-of-book quotes.
 *
 * <p>Definition (Reg NMS Rule 600(b), "national best bid and national best offer"; the SIPs' NBBO): the best bid
 * is the highest bid across all venues' current quotes and the best offer the lowest offer; the size at each is
 * the sum of the displayed sizes of every venue quoting that best price (as in Holden and Jacobsen (2014),
 * "Liquidity measurement problems in fast, competitive markets", J. Finance 69(4), NBBO construction from TAQ).
 * Each venue quote replaces that venue's previous quote on both sides; a side with {@link Px#NONE} clears the
 * venue on that side. The NBBO may be locked (bid == offer) or crossed (bid &gt; offer) across venues; it is
 * reported as it is ({@link #isLocked()}, {@link #isCrossed()}), never "fixed".
 *
 * <p>By default every venue counts, including {@code D} (FINRA ADF quotes take part in the SIP NBBO). Venues can
 * be excluded by code; quotes from an excluded venue are ignored. Venues are indexed by their participant code
 * char (ASCII), so updates are allocation-free. A quote updates the NBBO incrementally in O(1) (a new best price,
 * a size change at the best, a venue joining the best); only a venue leaving the best price costs a scan of the
 * quoting venues (about 15 for US equities).
 * One builder per instrument; mutable and not thread-safe.
 */
public final class NbboBuilder {
    private static final int CODES = 128;

    private final long[] bidPx = new long[CODES], bidSz = new long[CODES], askPx = new long[CODES], askSz = new long[CODES];
    private final boolean[] excluded = new boolean[CODES];
    private final boolean[] known = new boolean[CODES];
    private final char[] venues = new char[CODES];
    private int venueCount;

    private long nbBid = Px.NONE, nbBidSize, nbAsk = Px.NONE, nbAskSize;
    /** Number of venues quoting the best bid / offer: a venue leaving the best scans the venues only if it was alone. */
    private int nbBidVenues, nbAskVenues;
    private long tsEvent, tsRecv, sourceSeq;
    private Instrument instrument;
    private boolean hasInstrument;

    /** All venues count. */
    public NbboBuilder() {
        this("");
    }

    /** @param excludedVenues participant codes whose quotes are ignored, e.g. {@code "D"}; may be empty */
    public NbboBuilder(CharSequence excludedVenues) {
        for (int i = 0; i < excludedVenues.length(); i++) excluded[checkCode(excludedVenues.charAt(i))] = true;
        java.util.Arrays.fill(bidPx, Px.NONE);
        java.util.Arrays.fill(askPx, Px.NONE);
    }

    private static char checkCode(char c) {
        if (c >= CODES || c == QuoteEvent.NBBO) throw new IllegalArgumentException("not a venue code: '" + c + "'");
        return c;
    }

    /**
     * Applies one venue quote. Returns true if the NBBO (a price or a size on either side) changed. Throws
     * {@link IllegalArgumentException} for an NBBO event, a non-ASCII venue code or a quote of another instrument.
     */
    public boolean onQuote(QuoteEvent q) {
        char v = checkCode(q.venue);
        if (hasInstrument && q.instrument != instrument) {
            throw new IllegalArgumentException("NbboBuilder is per instrument: got " + q.instrument + " after " + instrument);
        }
        if (!hasInstrument) { instrument = q.instrument; hasInstrument = true; }
        tsEvent = q.tsEvent;
        tsRecv = q.tsRecv;
        sourceSeq = q.sourceSeq;
        if (excluded[v]) return false;
        if (!known[v]) { known[v] = true; venues[venueCount++] = v; }
        long ob = bidPx[v], obs = bidSz[v], oa = askPx[v], oas = askSz[v];
        long nb = q.bidPrice, nbs = nb == Px.NONE ? 0 : q.bidSize;
        long na = q.askPrice, nas = na == Px.NONE ? 0 : q.askSize;
        bidPx[v] = nb; bidSz[v] = nbs;
        askPx[v] = na; askSz[v] = nas;
        long b0 = nbBid, bs0 = nbBidSize, a0 = nbAsk, as0 = nbAskSize;
        // Incremental update; a full scan of the venues only when the last venue at the best price leaves it.
        if (nb != Px.NONE && (nbBid == Px.NONE || nb > nbBid)) { nbBid = nb; nbBidSize = nbs; nbBidVenues = 1; }
        else if (ob != Px.NONE && ob == nbBid) {
            if (nb == ob) nbBidSize += nbs - obs;
            else if (nbBidVenues > 1) { nbBidVenues--; nbBidSize -= obs; }
            else recomputeBid();
        } else if (nb != Px.NONE && nb == nbBid) { nbBidSize += nbs; nbBidVenues++; }
        if (na != Px.NONE && (nbAsk == Px.NONE || na < nbAsk)) { nbAsk = na; nbAskSize = nas; nbAskVenues = 1; }
        else if (oa != Px.NONE && oa == nbAsk) {
            if (na == oa) nbAskSize += nas - oas;
            else if (nbAskVenues > 1) { nbAskVenues--; nbAskSize -= oas; }
            else recomputeAsk();
        } else if (na != Px.NONE && na == nbAsk) { nbAskSize += nas; nbAskVenues++; }
        return nbBid != b0 || nbBidSize != bs0 || nbAsk != a0 || nbAskSize != as0;
    }

    private void recomputeBid() {
        long b = Px.NONE, bs = 0;
        int c = 0;
        for (int k = 0; k < venueCount; k++) {
            char v = venues[k];
            long p = bidPx[v];
            if (p != Px.NONE) {
                if (b == Px.NONE || p > b) { b = p; bs = bidSz[v]; c = 1; }
                else if (p == b) { bs += bidSz[v]; c++; }
            }
        }
        nbBid = b; nbBidSize = bs; nbBidVenues = c;
    }

    private void recomputeAsk() {
        long a = Px.NONE, as = 0;
        int c = 0;
        for (int k = 0; k < venueCount; k++) {
            char v = venues[k];
            long p = askPx[v];
            if (p != Px.NONE) {
                if (a == Px.NONE || p < a) { a = p; as = askSz[v]; c = 1; }
                else if (p == a) { as += askSz[v]; c++; }
            }
        }
        nbAsk = a; nbAskSize = as; nbAskVenues = c;
    }

    /** {@link #onQuote(QuoteEvent)}, and when the NBBO changed writes it into {@code out} (see {@link #writeTo}). */
    public boolean onQuote(QuoteEvent q, QuoteEvent out) {
        boolean changed = onQuote(q);
        if (changed) writeTo(out);
        return changed;
    }

    private boolean recompute() {
        long b0 = nbBid, bs0 = nbBidSize, a0 = nbAsk, as0 = nbAskSize;
        recomputeBid();
        recomputeAsk();
        return nbBid != b0 || nbBidSize != bs0 || nbAsk != a0 || nbAskSize != as0;
    }

    /** Writes the current NBBO into {@code out}: venue {@link QuoteEvent#NBBO}, times and sequence of the last quote. */
    public void writeTo(QuoteEvent out) {
        out.set(tsEvent, QuoteEvent.NBBO, nbBid, nbBidSize, nbAsk, nbAskSize);
        out.tsRecv = tsRecv;
        out.sourceSeq = sourceSeq;
        out.instrument = instrument;
    }

    /** Forgets every venue quote (e.g. at a session boundary). */
    public void clear() {
        for (int k = 0; k < venueCount; k++) {
            char v = venues[k];
            bidPx[v] = Px.NONE; askPx[v] = Px.NONE; bidSz[v] = 0; askSz[v] = 0;
        }
        recompute();
    }

    public long bidPrice() { return nbBid; }

    /** Sum of the sizes of all venues at the best bid (0 when there is no bid). */
    public long bidSize() { return nbBidSize; }

    public long askPrice() { return nbAsk; }

    /** Sum of the sizes of all venues at the best offer (0 when there is no offer). */
    public long askSize() { return nbAskSize; }

    public boolean hasBid() { return nbBid != Px.NONE; }

    public boolean hasAsk() { return nbAsk != Px.NONE; }

    /** Both sides present and best bid == best offer. */
    public boolean isLocked() { return hasBid() && hasAsk() && nbBid == nbAsk; }

    /** Both sides present and best bid &gt; best offer. */
    public boolean isCrossed() { return hasBid() && hasAsk() && nbBid > nbAsk; }

    /** The current bid of one venue, or {@link Px#NONE}. */
    public long venueBidPrice(char venue) { return bidPx[checkCode(venue)]; }

    /** The current offer of one venue, or {@link Px#NONE}. */
    public long venueAskPrice(char venue) { return askPx[checkCode(venue)]; }

    public long venueBidSize(char venue) { return bidSz[checkCode(venue)]; }

    public long venueAskSize(char venue) { return askSz[checkCode(venue)]; }

    /** Number of venues at the best bid. */
    public int venuesAtBid() {
        int n = 0;
        if (nbBid == Px.NONE) return 0;
        for (int k = 0; k < venueCount; k++) if (bidPx[venues[k]] == nbBid) n++;
        return n;
    }

    /** Number of venues at the best offer. */
    public int venuesAtAsk() {
        int n = 0;
        if (nbAsk == Px.NONE) return 0;
        for (int k = 0; k < venueCount; k++) if (askPx[venues[k]] == nbAsk) n++;
        return n;
    }
}
