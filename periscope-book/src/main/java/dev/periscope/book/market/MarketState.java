package dev.periscope.book.market;

import dev.periscope.book.L3Book;
import dev.periscope.book.nbbo.NbboBuilder;
import dev.periscope.model.Px;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;

/**
 * The market state of one instrument, updated once per event by the pipeline that owns it and read by everything
 * downstream (detectors, the tape, the demo): venue quotes and the NBBO built from them (Reg NMS Rule 600(b), via
 * {@link NbboBuilder}), or a consolidated NBBO when the feed publishes one; the L3 book of one venue where order
 * events are present; the last sale; the session key.
 *
 * <p>Pure: no I/O, no clock. Allocation-free per event (the L3 book grows its tables amortised). Mutable by its
 * owner only, by convention: readers use the accessors. Not thread-safe.
 */
public final class MarketState {
    private final NbboBuilder venues;
    private final char l3Venue;
    private final boolean keepL3;
    /** Built on the first order event (or first read), so trade-and-quote feeds pay nothing for it. */
    private L3Book l3;
    private long bid = Px.NONE, ask = Px.NONE, bidSize, askSize;
    private long lastPrice = Px.NONE, lastSize, lastTs = Long.MIN_VALUE;
    private int session = Integer.MIN_VALUE;
    private long events;
    private boolean quoteChangedNbbo;

    /** Every venue's quotes count toward the NBBO; order events of every venue go to the L3 book. */
    public MarketState() {
        this("", '\0', true);
    }

    /**
     * @param excludedNbboVenues participant codes whose quotes do not count toward the NBBO (may be empty)
     * @param l3Venue            the venue whose order events build the L3 book; {@code '\0'} = every order event
     * @param keepL3             whether to keep the L3 book (off: order events are only filtered by venue and counted)
     */
    public MarketState(CharSequence excludedNbboVenues, char l3Venue, boolean keepL3) {
        this.venues = new NbboBuilder(excludedNbboVenues);
        this.l3Venue = l3Venue;
        this.keepL3 = keepL3;
    }

    /**
     * Applies a venue quote (or a consolidated NBBO quote, venue {@link QuoteEvent#NBBO}). Returns true if the NBBO
     * changed; a consolidated quote always counts as a change.
     */
    public boolean onQuote(QuoteEvent q) {
        events++;
        if (q.venue == QuoteEvent.NBBO) {
            bid = q.bidPrice; bidSize = q.bidSize;
            ask = q.askPrice; askSize = q.askSize;
            return quoteChangedNbbo = true;
        }
        if (!venues.onQuote(q)) return quoteChangedNbbo = false;
        bid = venues.bidPrice(); bidSize = venues.bidSize();
        ask = venues.askPrice(); askSize = venues.askSize();
        return quoteChangedNbbo = true;
    }

    /** Whether the last quote applied changed the NBBO (what {@link #onQuote} returned). */
    public boolean quoteChangedNbbo() { return quoteChangedNbbo; }

    /**
     * Records a print: the last sale moves only when {@code updatesLast} (the print's sale conditions allow it,
     * e.g. an odd lot does not set the last price).
     */
    public void onTrade(long ts, long price, long size, boolean updatesLast) {
        events++;
        if (!updatesLast) return;
        lastTs = ts;
        lastPrice = price;
        lastSize = size;
    }

    /** True if the order event belongs to the L3 venue (or the state keeps every venue's events). */
    public boolean isL3Venue(char venue) {
        return l3Venue == 0 || venue == l3Venue || venue == 0;
    }

    /**
     * Applies an order event to the L3 book (when kept) if it belongs to the L3 venue; returns whether it belongs
     * to it.
     */
    public boolean onOrder(OrderEvent e) {
        events++;
        if (!isL3Venue(e.venue)) return false;
        if (keepL3) l3().apply(e);
        return true;
    }

    /** Sets the session key (e.g. yyyymmdd; negative outside every session). */
    public void session(int key) { session = key; }

    public int session() { return session; }

    /** Best bid in force, {@link Px#NONE} before the first quote. */
    public long bid() { return bid; }

    public long ask() { return ask; }

    public long bidSize() { return bidSize; }

    public long askSize() { return askSize; }

    /** Per-venue quotes and the NBBO built from them (read it; do not feed it). */
    public NbboBuilder venueQuotes() { return venues; }

    /** The L3 book of the L3 venue (empty where no order events arrive or the book is not kept; read it, do not feed it). */
    public L3Book l3() {
        if (l3 == null) l3 = new L3Book(4096);
        return l3;
    }

    public char l3Venue() { return l3Venue; }

    /** Price of the last sale that may set the last price, {@link Px#NONE} before one. */
    public long lastPrice() { return lastPrice; }

    public long lastSize() { return lastSize; }

    public long lastTs() { return lastTs; }

    /** Events applied so far (quotes, trades, order events): one update per event. */
    public long events() { return events; }
}
