package dev.periscope.model.event;

import dev.periscope.model.Px;

/**
 * A top-of-book quote from one venue ({@link #venue}), or the NBBO when {@code venue == NBBO}. A side with no
 * quote has price {@link Px#NONE} and size 0. Sizes are in shares/units (fixed point), not round lots.
 */
public final class QuoteEvent extends MarketEvent {
    /** Venue code used for the consolidated best bid and offer. */
    public static final char NBBO = '*';

    public char venue;
    public long bidPrice = Px.NONE;
    public long bidSize;
    public long askPrice = Px.NONE;
    public long askSize;

    public QuoteEvent set(long tsEvent, char venue, long bidPrice, long bidSize, long askPrice, long askSize) {
        this.tsEvent = tsEvent;
        this.tsRecv = tsEvent;
        this.venue = venue;
        this.bidPrice = bidPrice;
        this.bidSize = bidSize;
        this.askPrice = askPrice;
        this.askSize = askSize;
        return this;
    }

    public boolean hasBid() { return bidPrice != Px.NONE; }

    public boolean hasAsk() { return askPrice != Px.NONE; }

    /** True when both sides are present and bid &gt; ask. A locked quote (bid == ask) is not crossed. */
    public boolean isCrossed() { return hasBid() && hasAsk() && bidPrice > askPrice; }

    /** A new event equal to this one in every field (allocates). */
    public QuoteEvent copy() {
        return new QuoteEvent().copyFrom(this);
    }

    /** Overwrites every field of this event with {@code o}'s (header included); returns this. No allocation. */
    public QuoteEvent copyFrom(QuoteEvent o) {
        copyHeaderFrom(o);
        venue = o.venue; bidPrice = o.bidPrice; bidSize = o.bidSize; askPrice = o.askPrice; askSize = o.askSize;
        return this;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onQuote(this); }

    @Override
    public String toString() {
        return "Quote[" + tsEvent + " @" + venue + " " + Px.format(bidSize) + " x " + Px.format(bidPrice) + " / "
                + Px.format(askPrice) + " x " + Px.format(askSize) + "]";
    }
}
