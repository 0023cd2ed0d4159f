package dev.periscope.io.taq;

import dev.periscope.model.Px;
import dev.periscope.model.event.QuoteEvent;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes per-venue {@link QuoteEvent}s as a TAQ-style quotes CSV that {@link TaqQuoteReader} reads back to the
 * same events: header {@code DT_EST,EX,BID,BIDSIZ,OFR,OFRSIZ,SYMBOL}, sizes in round lots of
 * {@link TaqOptions#lotSize()} shares (written as a decimal when not a whole number of lots, which real TAQ never
 * has), a missing side as price 0 and size 0. NBBO events ({@code venue == QuoteEvent.NBBO}) are rejected: the
 * TAQ quotes file holds venue quotes. Also a {@link dev.periscope.model.event.MarketDataHandler}. No allocation
 * per row. Under {@link TaqLayout#TAQ_EXTRACT} a side with no shares is written {@code 0,0} and other sizes as
 * whole lots, at least 1. Not thread-safe.
 */
public final class TaqQuoteWriter extends TaqWriterBase {
    public TaqQuoteWriter(OutputStream out, TaqOptions options, TaqLayout layout) {
        super(out, options, layout);
        header(",EX,BID,BIDSIZ,OFR,OFRSIZ,SYMBOL");
    }

    public TaqQuoteWriter(OutputStream out, TaqOptions options) {
        this(out, options, TaqLayout.EXACT);
    }

    public TaqQuoteWriter(Path file, TaqOptions options, TaqLayout layout) {
        this(open(file), options, layout);
    }

    public TaqQuoteWriter(Path file, TaqOptions options) {
        this(open(file), options, TaqLayout.EXACT);
    }

    public TaqQuoteWriter(Path file) {
        this(file, TaqOptions.DEFAULT);
    }

    /** Writes one venue quote; throws {@link IllegalArgumentException} for an NBBO, crossed or non-positive quote. */
    public void write(QuoteEvent q) {
        if (q.venue == QuoteEvent.NBBO) throw new IllegalArgumentException("TAQ quote files hold venue quotes, not the NBBO");
        if (q.isCrossed()) throw new IllegalArgumentException("crossed venue quote: " + q);
        byte[] sym = symbol(q.instrument);
        row(q.tsEvent).append(',').append(q.venue).append(',');
        side(q.bidPrice, q.bidSize);
        line.append(',');
        side(q.askPrice, q.askSize);
        line.append(',').append(sym);
        line.writeLine(out);
        written++;
    }

    private void side(long px, long size) {
        if (px == Px.NONE || layout.quoteLotsFloor() && size <= 0) {
            line.append("0,0");
            return;
        }
        if (px <= 0 || size <= 0) throw new IllegalArgumentException("quote price and size must be > 0: " + Px.format(px) + " x " + Px.format(size));
        long lot = options.lotSize();
        if (layout.quoteLotsFloor()) {
            line.appendPx(px).append(',').append(Math.max(1, size / Px.SCALE / lot));
            return;
        }
        if (size % lot != 0) throw new IllegalArgumentException("size " + Px.format(size) + " not representable in lots of " + lot);
        line.appendPx(px).append(',').appendPx(size / lot);
    }

    @Override
    public void onQuote(QuoteEvent quote) { write(quote); }
}
