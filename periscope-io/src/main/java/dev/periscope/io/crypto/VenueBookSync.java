package dev.periscope.io.crypto;

import dev.periscope.book.L2Book;
import dev.periscope.book.MutableL2Book;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Base of the venue book synchronisers: fed decoded messages (by a recording reader or a live connector), they run
 * the venue's documented sync procedure on one local book per symbol and push {@link BookDeltaEvent},
 * {@link TradeEvent} and {@link FeedStatusEvent} flyweights to a {@link MarketDataHandler}. Holds the per-symbol
 * statistics and the data-issue log; issues and events carry the position set by {@link #at} (recording: file
 * and line; live: connection and frame number). Single-threaded.
 */
public abstract class VenueBookSync {
    protected final CryptoVenue venue;
    protected final MarketDataHandler handler;
    protected final DataIssueLog issues;
    private final TradeEvent trade = new TradeEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final FeedStatusEvent status = new FeedStatusEvent();
    private Supplier<MutableL2Book> books = L2Book::new;
    /** Where the current message came from: source name (file) and position (line or frame number). */
    protected String source;
    protected long position;

    protected VenueBookSync(CryptoVenue venue, String source, MarketDataHandler handler, DataIssueLog issues) {
        this.venue = venue;
        this.source = source;
        this.handler = handler == null ? new MarketDataHandler() {} : handler;
        this.issues = issues;
        trade.venue = venue.tag;
        delta.venue = venue.tag;
        status.venue = venue.tag;
    }

    /** Sets the origin of the messages that follow (used in data issues and as the events' {@code sourceSeq}). */
    public final void at(String source, long position) {
        this.source = source;
        this.position = position;
    }

    public final String source() { return source; }

    /**
     * Sets the factory of the per-symbol books (default the fast {@link L2Book}); throws once a symbol exists (its
     * book would silently keep the old kind).
     */
    public final void bookFactory(Supplier<MutableL2Book> factory) {
        if (!symbols().isEmpty()) throw new IllegalStateException("set the book factory before the first symbol is seen");
        this.books = factory;
    }

    /** A new book from the configured factory. */
    protected final MutableL2Book newBook() { return books.get(); }

    /** End of input: flushes pending state, sets the final sync flags, calls {@code handler.onEnd()}. */
    public abstract void finish();

    /** The per-symbol states, in first-seen order. */
    public abstract List<? extends SymbolState> symbols();

    /** Snapshot of the per-symbol statistics with the final top of book captured. */
    public final List<SymbolStats> stats() {
        List<SymbolStats> out = new ArrayList<>();
        for (SymbolState s : symbols()) {
            s.stats.captureTop(s.book);
            out.add(s.stats);
        }
        return out;
    }

    protected final void emitDelta(SymbolState s, long tsEvent, long tsRecv, Side side, long price, long size, int flags, long updateId) {
        BookDeltaEvent d = delta;
        d.set(tsEvent, side, price, size, flags);
        d.tsRecv = tsRecv;
        d.instrument = s.instrument;
        d.sourceSeq = position;
        d.updateId = updateId;
        handler.onBookDelta(d);
    }

    /**
     * Sets levels {@code [0, n)} of the arrays in the book in order and emits one delta each with {@code flags},
     * {@link BookDeltaEvent#FLAG_LAST} on the last one.
     */
    protected final void applyLevels(SymbolState s, int n, Side[] side, long[] price, long[] size, long tsEvent, long tsRecv,
                                     int flags, long updateId) {
        for (int i = 0; i < n; i++) {
            s.book.set(side[i], price[i], size[i]);
            emitDelta(s, tsEvent, tsRecv, side[i], price[i], size[i], flags | (i + 1 == n ? BookDeltaEvent.FLAG_LAST : 0), updateId);
        }
    }

    protected final void emitClear(SymbolState s, long tsEvent, long tsRecv, long updateId, boolean last) {
        emitDelta(s, tsEvent, tsRecv, Side.BUY, 0, 0,
                BookDeltaEvent.FLAG_CLEAR | BookDeltaEvent.FLAG_SNAPSHOT | (last ? BookDeltaEvent.FLAG_LAST : 0), updateId);
    }

    protected final void emitTrade(SymbolState s, long tsEvent, long tsRecv, long price, long size, byte aggressor, long tradeId) {
        TradeEvent t = trade;
        t.set(tsEvent, price, size, venue.tag, SaleCondition.REGULAR_MASK, aggressor);
        t.tsRecv = tsRecv;
        t.instrument = s.instrument;
        t.sourceSeq = position;
        t.tradeId = tradeId;
        s.stats.trades++;
        handler.onTrade(t);
    }

    protected final void emitStatus(SymbolState s, long tsEvent, long tsRecv, boolean synced, String reason) {
        FeedStatusEvent f = status;
        f.set(tsEvent, synced, reason);
        f.tsRecv = tsRecv;
        f.instrument = s.instrument;
        f.sourceSeq = position;
        s.stats.synced = synced;
        handler.onFeedStatus(f);
    }

    /** Counts a crossed book after a book message. */
    protected static void checkCrossed(SymbolState s) {
        long b = s.book.bestBid(), a = s.book.bestAsk();
        if (b != Px.NONE && a != Px.NONE && b >= a) s.stats.crossedAfterUpdate++;
    }

    protected final void issue(String field, String kind, String reason) {
        issues.report(source, position, field, kind, reason);
    }
}
