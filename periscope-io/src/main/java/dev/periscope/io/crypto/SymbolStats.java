package dev.periscope.io.crypto;

import dev.periscope.model.Px;
import dev.periscope.model.Side;

/**
 * Counters for one symbol of one venue during a replay, plus the final top of book. Mutable, filled by the
 * venue replays; read after the replay. Definitions:
 * <ul>
 * <li>{@code messages}: venue messages about this symbol (book, trade, ticker, kline...).</li>
 * <li>{@code snapshots}: book snapshots applied; {@code bookUpdates}: incremental book messages applied to a synced
 * book; {@code levelChanges}: price levels set or deleted by those updates.</li>
 * <li>{@code staleDropped}: diffs dropped because the snapshot already contained them (Binance {@code u <= lastUpdateId});
 * {@code buffered}: diffs held while waiting for a snapshot.</li>
 * <li>{@code gaps}: detected continuity breaks that made the book unsynced; {@code resyncs}: times the book became
 * synced again from a later snapshot; {@code ignoredUnsynced}: updates skipped while unsynced.</li>
 * <li>{@code checksumOk}/{@code checksumFail}: venue book checksums verified / failed (Kraken).</li>
 * <li>{@code trades}: trades emitted; {@code tradeIdGaps}: jumps in venue trade ids (missing prints);
 * {@code seqJumps}/{@code seqRegressions}: sequence numbers that skipped ahead / went backwards.</li>
 * <li>{@code crossedAfterUpdate}: book messages after which best bid &gt;= best ask.</li>
 * <li>{@code topChecks}/{@code topMismatches}: venue best bid/ask messages with the same update id as a book state
 * (Binance bookTicker {@code u} = diff {@code u}) compared with the local top of book.</li>
 * </ul>
 */
public final class SymbolStats {
    public final CryptoVenue venue;
    public final String symbol;
    public long messages;
    public long snapshots;
    public long bookUpdates;
    public long levelChanges;
    public long staleDropped;
    public long buffered;
    public long gaps;
    public long resyncs;
    public long ignoredUnsynced;
    public long checksumOk;
    public long checksumFail;
    public long trades;
    public long tradeIdGaps;
    public long seqJumps;
    public long seqRegressions;
    public long crossedAfterUpdate;
    /** Venue top-of-book messages (Binance bookTicker) matched by update id and compared with the local book. */
    public long topChecks;
    public long topMismatches;
    public boolean synced;
    public long bestBid = Px.NONE;
    public long bestBidSize;
    public long bestAsk = Px.NONE;
    public long bestAskSize;
    public int bidDepth;
    public int askDepth;

    public SymbolStats(CryptoVenue venue, String symbol) {
        this.venue = venue;
        this.symbol = symbol;
    }

    /** Copies the top of book and depths from {@code book}. */
    public void captureTop(dev.periscope.book.OrderBookView book) {
        bestBid = book.price(Side.BUY, 0);
        bestBidSize = book.size(Side.BUY, 0);
        bestAsk = book.price(Side.SELL, 0);
        bestAskSize = book.size(Side.SELL, 0);
        bidDepth = book.depth(Side.BUY);
        askDepth = book.depth(Side.SELL);
    }

    /** True when the feed sent book data for this symbol (snapshots or updates, applied, buffered or ignored). */
    public boolean hasBook() {
        return snapshots > 0 || bookUpdates > 0 || ignoredUnsynced > 0 || buffered > 0;
    }

    /**
     * The top of book for display: {@link #topOfBook()} when the book is synced or there is none, otherwise
     * "unsynced (book not shown)" — a book after a gap or a failed checksum is not the venue's book.
     */
    public String shownTop() {
        return hasBook() && !synced ? "unsynced (book not shown)" : topOfBook();
    }

    /** "bid x size / ask x size" or "-" when a side is empty. */
    public String topOfBook() {
        return (bestBid == Px.NONE ? "-" : Px.format(bestBid) + " x " + Px.format(bestBidSize)) + " / "
                + (bestAsk == Px.NONE ? "-" : Px.format(bestAsk) + " x " + Px.format(bestAskSize));
    }

    @Override
    public String toString() {
        return venue + ":" + symbol + " msgs=" + messages + " snaps=" + snapshots + " upd=" + bookUpdates
                + " stale=" + staleDropped + " gaps=" + gaps + " resyncs=" + resyncs + " ckOk=" + checksumOk
                + " ckFail=" + checksumFail + " trades=" + trades + " top=" + topOfBook();
    }
}
