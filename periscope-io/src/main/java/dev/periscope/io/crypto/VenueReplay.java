package dev.periscope.io.crypto;

import com.fasterxml.jackson.core.JsonParser;
import dev.periscope.book.MutableL2Book;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared plumbing of the venue replays: the event flyweights pushed to a {@link MarketDataHandler}, the data-issue
 * log, and exact {@link Px} parsing of the current JSON string token without creating a String.
 * Single-threaded; one instance per replayed file.
 */
public abstract class VenueReplay {
    protected final CryptoVenue venue;
    protected final MarketDataHandler handler;
    protected final DataIssueLog issues;
    protected String source;
    protected final JsonFeed json = new JsonFeed();
    protected final CharSeq chars = new CharSeq();
    private final TradeEvent trade = new TradeEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final FeedStatusEvent status = new FeedStatusEvent();
    private java.util.function.Supplier<MutableL2Book> books = dev.periscope.book.L2Book::new;
    /** Current line number (for issues and sourceSeq). */
    protected long line;

    protected VenueReplay(CryptoVenue venue, String source, MarketDataHandler handler, DataIssueLog issues) {
        this.venue = venue;
        this.source = source;
        this.handler = handler == null ? new MarketDataHandler() {} : handler;
        this.issues = issues;
        trade.venue = venue.tag;
        delta.venue = venue.tag;
        status.venue = venue.tag;
    }

    /** Sets the factory of the per-symbol books (default the fast {@link dev.periscope.book.L2Book}); call before replaying. */
    public void bookFactory(java.util.function.Supplier<MutableL2Book> factory) { this.books = factory; }

    /** A new book from the configured factory. */
    protected MutableL2Book newBook() { return books.get(); }

    /** Sets the source name used in data-issue reports (e.g. while reading a companion snapshot file). */
    public void source(String name) { this.source = name; }

    private LineReader reader;

    /** Starts reading a recording; then call {@link #step()} until false, then {@link #finish()}. */
    public void open(java.io.InputStream in) {
        reader = new LineReader(in);
    }

    /** Processes the next line (zero or more events); false at the end of input (the stream is closed). */
    public boolean step() {
        if (reader == null) return false;
        if (!reader.next()) {
            reader.close();
            reader = null;
            return false;
        }
        line = reader.lineNo();
        onLine(reader);
        return true;
    }

    /** Replays a whole recording (open + step to the end); call {@link #finish()} once after the last input. */
    public void replay(java.io.InputStream in) {
        open(in);
        while (step()) { /* loop */ }
    }

    /** Closes the recording if it is still open. */
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Handles one line; reports bad input to the issue log and returns. */
    protected abstract void onLine(LineReader r);

    private static final byte[] COLON_SPACE = ": ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The cryptofeed recording line format {@code <recv epoch s>: <raw JSON>} shared by several venues: skips lines
     * that do not start with a digit (connect/sent lines, blanks), reports a missing prefix, feeds the JSON to
     * {@link #json} and calls {@link #onRecordedMessage(long)}; a parse failure is reported and the line skipped (STRICT
     * rethrows).
     */
    protected final void onRecordedJsonLine(LineReader r) {
        byte[] b = r.buf();
        if (r.end() == r.start() || b[r.start()] < '0' || b[r.start()] > '9') return;
        int colon = r.indexOf(COLON_SPACE, r.start());
        if (colon < 0) { issue("line", "format", "no '<epoch>: ' prefix"); return; }
        try {
            long recv = Text.epochSecondsToNanos(b, r.start(), colon);
            json.feed(b, colon + 2, r.end());
            onRecordedMessage(recv);
        } catch (dev.periscope.model.quality.DataException e) {
            throw e; // STRICT policy: stop at the first issue
        } catch (IOException | RuntimeException e) {
            json.reset();
            issue("message", "parse", String.valueOf(e.getMessage()));
        }
    }

    /** One JSON message of a recorded line, already fed to {@link #json}; used by {@link #onRecordedJsonLine}. */
    protected void onRecordedMessage(long recvNanos) throws IOException {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not use onRecordedJsonLine");
    }

    /** End of input: flushes pending state (Binance snapshots), sets final sync flags, calls {@code handler.onEnd()}. */
    public abstract void finish();

    /** The per-symbol states, in first-seen order. */
    public abstract List<? extends SymbolState> symbols();

    /** Snapshot of the per-symbol statistics with the final top of book captured. */
    public List<SymbolStats> stats() {
        List<SymbolStats> out = new ArrayList<>();
        for (SymbolState s : symbols()) {
            s.stats.captureTop(s.book);
            out.add(s.stats);
        }
        return out;
    }

    /** Parses the current VALUE_STRING (or number) token as an exact fixed-point value. */
    protected long px(JsonParser p) throws IOException {
        return Px.parse(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
    }

    protected void emitDelta(SymbolState s, long tsEvent, long tsRecv, Side side, long price, long size, int flags, long updateId) {
        BookDeltaEvent d = delta;
        d.set(tsEvent, side, price, size, flags);
        d.tsRecv = tsRecv;
        d.instrument = s.instrument;
        d.sourceSeq = line;
        d.updateId = updateId;
        handler.onBookDelta(d);
    }

    protected void emitClear(SymbolState s, long tsEvent, long tsRecv, long updateId, boolean last) {
        emitDelta(s, tsEvent, tsRecv, Side.BUY, 0, 0,
                BookDeltaEvent.FLAG_CLEAR | BookDeltaEvent.FLAG_SNAPSHOT | (last ? BookDeltaEvent.FLAG_LAST : 0), updateId);
    }

    protected void emitTrade(SymbolState s, long tsEvent, long tsRecv, long price, long size, byte aggressor, long tradeId) {
        TradeEvent t = trade;
        t.set(tsEvent, price, size, venue.tag, dev.periscope.model.SaleCondition.REGULAR_MASK, aggressor);
        t.tsRecv = tsRecv;
        t.instrument = s.instrument;
        t.sourceSeq = line;
        t.tradeId = tradeId;
        s.stats.trades++;
        handler.onTrade(t);
    }

    protected void emitStatus(SymbolState s, long tsEvent, long tsRecv, boolean synced, String reason) {
        FeedStatusEvent f = status;
        f.set(tsEvent, synced, reason);
        f.tsRecv = tsRecv;
        f.instrument = s.instrument;
        f.sourceSeq = line;
        s.stats.synced = synced;
        handler.onFeedStatus(f);
    }

    /** Counts a crossed book after a book message. */
    protected static void checkCrossed(SymbolState s) {
        long b = s.book.bestBid(), a = s.book.bestAsk();
        if (b != Px.NONE && a != Px.NONE && b >= a) s.stats.crossedAfterUpdate++;
    }

    protected void issue(String field, String kind, String reason) {
        issues.report(source, line, field, kind, reason);
    }
}
