package dev.periscope.io.taq;

import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.quality.DataIssueLog;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams a TAQ-style quotes CSV ({@code DT_EST,EX,BID,BIDSIZ,OFR,OFRSIZ,SYMBOL}; see
 * {@code docs/formats-equity.md}) as per-venue {@link QuoteEvent}s ({@code venue} = {@code EX}). Sizes are printed
 * in round lots and converted to shares by {@link TaqOptions#lotSize()}; prices and sizes are fixed point.
 * A bid or offer of 0 means "no quote on that side" and becomes {@link Px#NONE} with size 0 (the size printed
 * beside it is ignored).
 *
 * <p>Bad rows are reported to the {@link DataIssueLog} (file, line, field, reason) and skipped: bad time or
 * number, unknown participant, negative price, negative size, a positive price with size 0, and a crossed venue
 * quote (bid &gt; offer, both present). A venue quote with bid == offer (locked) is passed on. Constant memory, no
 * allocation per row, one {@link QuoteEvent} flyweight. Not thread-safe.
 */
public final class TaqQuoteReader extends TaqReaderBase {
    private final QuoteEvent event = new QuoteEvent();

    public TaqQuoteReader(Path file, TaqOptions options, DataIssueLog issues) {
        super(file, options, issues, TaqFormat.Kind.QUOTES);
    }

    public TaqQuoteReader(Path file, DataIssueLog issues) {
        this(file, TaqOptions.DEFAULT, issues);
    }

    /**
     * Reads TAQ quotes CSV text from {@code in} (plain text, not gunzipped; e.g. a {@link java.io.ByteArrayInputStream}
     * of a file held in memory); {@code sourceName} stands for the file name in issue reports. The stream is
     * closed by {@link #close()}.
     */
    public TaqQuoteReader(InputStream in, String sourceName, TaqOptions options, DataIssueLog issues) {
        super(in, sourceName, options, issues, TaqFormat.Kind.QUOTES);
    }

    @Override
    MarketEvent event() { return event; }

    private long bidPx, bidSz, askPx, askSz;

    @Override
    boolean parse() {
        long ts = timestamp();
        if (bad) return false;
        char venue = participant();
        if (bad) return false;
        Instrument ins = instrument();
        if (bad) return false;
        if (!side(format.bid, format.bidSize, true)) return false;
        if (!side(format.ofr, format.ofrSize, false)) return false;
        if (bidPx != Px.NONE && askPx != Px.NONE && bidPx > askPx) {
            report(format.bid, "crossed-quote", "venue quote crossed: bid " + Px.format(bidPx) + " > offer "
                    + Px.format(askPx));
            return false;
        }
        event.set(ts, venue, bidPx, bidSz, askPx, askSz);
        event.instrument = ins;
        event.sourceSeq = csv.lineNumber();
        return true;
    }

    private boolean side(int pxCol, int szCol, boolean isBid) {
        long px = number(pxCol);
        if (bad) return false;
        long lots = number(szCol);
        if (bad) return false;
        if (px < 0) { report(pxCol, "bad-price", "negative price: " + Px.format(px)); return false; }
        if (lots < 0) { report(szCol, "bad-size", "negative size: " + Px.format(lots)); return false; }
        long shares;
        if (px == 0) {
            px = Px.NONE;
            shares = 0;
        } else {
            if (lots == 0) { report(szCol, "bad-size", "size 0 beside price " + Px.format(px)); return false; }
            try {
                shares = Math.multiplyExact(lots, options.lotSize());
            } catch (ArithmeticException e) {
                report(szCol, "bad-number", "size out of range: " + Px.format(lots) + " lots");
                return false;
            }
        }
        if (isBid) { bidPx = px; bidSz = shares; } else { askPx = px; askSz = shares; }
        return true;
    }
}
