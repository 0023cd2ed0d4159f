package dev.periscope.io.crypto.binance;

import dev.periscope.book.MutableL2Book;
import dev.periscope.io.crypto.CryptoVenue;
import dev.periscope.io.crypto.SymbolState;
import dev.periscope.io.crypto.SymbolTable;
import dev.periscope.io.crypto.Text;
import dev.periscope.io.crypto.VenueBookSync;
import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one local book per symbol from decoded Binance messages with Binance's documented procedure: binance-spot-api-docs
 * {@code web-socket-streams.md}, "How to manage a local order book correctly" (spot: drop {@code u <= lastUpdateId};
 * the first applied diff has {@code U <= lastUpdateId+1 <= u}; then {@code U == previous u + 1}); Binance USD-M
 * futures docs, same title (drop {@code u < lastUpdateId}; first diff {@code U <= lastUpdateId <= u}; then
 * {@code pu == previous u}). REST snapshots are handed in with {@link #addSnapshot} and become usable at their
 * receive time (so diffs received before are buffered, exactly as live).
 *
 * <p>Per-symbol state machine ({@link BinanceSyncState}, every {@link BinanceSyncState.Transition} counted in
 * {@link #transitions()}):
 * <pre>
 * state            input                                         next             action
 * AWAIT_SNAPSHOT   diff                                          AWAIT_SNAPSHOT   buffer it          BUFFER
 * AWAIT_SNAPSHOT   snapshot received by now                      BRIDGING         replace book       SNAPSHOT
 * BRIDGING         diff older than the snapshot                  BRIDGING         drop (stale)       STALE
 * BRIDGING         diff spanning lastUpdateId(+1)                SYNCED           apply, "snapshot"/"resync" BRIDGE
 * BRIDGING         diff starting after it                        gap (below)                         GAP_*
 * SYNCED           continuous diff                               SYNCED           apply              APPLY
 * SYNCED           discontinuous diff                            gap (below)                         GAP_*
 * gap              a later snapshot exists                       AWAIT_SNAPSHOT   buffer, resync     GAP_RESYNC
 * gap              no later snapshot                             UNSYNCED         count ignored      GAP_UNSYNCED
 * UNSYNCED         diff                                          UNSYNCED         count ignored      IGNORE
 * </pre>
 * A gap emits {@code FeedStatusEvent(synced=false, "gap")} and a {@code sequence-gap} data issue.
 * {@code aggTrade} becomes a {@code TradeEvent} with aggressor SELL when {@code m} (buyer is maker) is true, BUY
 * otherwise; aggregate-trade ids are checked for continuity. A {@code bookTicker} whose {@code u} equals an
 * applied diff's {@code u} must equal the local top of book at that point ({@code topChecks}/{@code topMismatches}).
 */
public final class BinanceBookSync extends VenueBookSync implements BinanceDecoder.Listener {
    /** Per-symbol sync state. */
    public static final class Sym extends SymbolState {
        BinanceSyncState state = BinanceSyncState.AWAIT_SNAPSHOT;
        final List<BinanceDiff> snapshots = new ArrayList<>();
        int nextSnapshot;
        List<BinanceDiff> buffer = new ArrayList<>();
        long waitSinceNs = Long.MIN_VALUE;
        long snapshotId;
        long lastU;
        boolean resyncing;
        long lastAggId = Long.MIN_VALUE;
        // recent bookTickers (u, bid, bidSize, ask, askSize), checked when a diff with the same u is applied
        final long[][] tickers = new long[TICKER_RING][5];
        int tickerNext;

        Sym(CryptoVenue v, String symbol, MutableL2Book book) {
            super(v, symbol, v == CryptoVenue.BINANCE_FUTURES ? AssetClass.CRYPTO_PERP : AssetClass.CRYPTO_SPOT, book);
        }

        public BinanceSyncState state() { return state; }
    }

    private static final int TICKER_RING = 64;

    private final boolean futures;
    private final SymbolTable<Sym> table;
    private final long[] transitions = new long[BinanceSyncState.Transition.values().length];

    public BinanceBookSync(boolean futures, String source, MarketDataHandler handler, DataIssueLog issues) {
        super(futures ? CryptoVenue.BINANCE_FUTURES : CryptoVenue.BINANCE, source, handler, issues);
        this.futures = futures;
        CryptoVenue v = venue;
        this.table = new SymbolTable<>(s -> new Sym(v, s, newBook()));
    }

    @Override
    public List<Sym> symbols() { return table.all(); }

    /** How often each transition of the sync state machine was taken (all symbols). */
    public long transitions(BinanceSyncState.Transition t) { return transitions[t.ordinal()]; }

    /** Hands in a REST depth snapshot of {@code symbol} (kept; it becomes usable at its receive time). */
    public void addSnapshot(String symbol, BinanceDiff snap) {
        tsOf(snap); // a time out of range throws here, before the snapshot is kept
        snap.line = position;
        table.get(symbol).snapshots.add(snap);
    }

    /** True when at least one REST snapshot was handed in. */
    public boolean hasSnapshots() {
        for (Sym s : table.all()) if (!s.snapshots.isEmpty()) return true;
        return false;
    }

    /** Snapshots become available at their receive time, for every symbol waiting for one; then the symbol's state. */
    private Sym begin(String symbol, long recv) {
        for (int i = 0, n = table.all().size(); i < n; i++) advanceSnapshots(table.all().get(i), recv);
        if (symbol == null) return null; // subscription acks and the like
        Sym s = table.get(symbol);
        s.stats.messages++;
        return s;
    }

    @Override
    public void onDepth(String symbol, BinanceDiff d) {
        d.line = position;
        Sym s = begin(symbol, d.recvNs);
        if (s == null) return;
        if (futures && d.prevLastId == Long.MIN_VALUE) {
            issue("pu", "missing", "futures depthUpdate without pu");
            return;
        }
        tsOf(d); // a time out of range throws here, before any state changes
        handleDiff(s, d, true);
    }

    @Override
    public void onAggTrade(String symbol, BinanceDecoder.AggTrade a) {
        Sym s = begin(symbol, a.recvNs);
        if (s == null) return;
        if (!a.hasBuyerMaker || a.aggId == Long.MIN_VALUE) {
            issue("aggTrade", "missing", "aggTrade without m or a");
            return;
        }
        if (s.lastAggId != Long.MIN_VALUE && a.aggId != s.lastAggId + 1) s.stats.tradeIdGaps++;
        s.lastAggId = a.aggId;
        emitTrade(s, Text.millisToNanos(a.tradeMs), a.recvNs, a.price, a.size, a.buyerMaker ? Aggressor.SELL : Aggressor.BUY, a.aggId);
    }

    /** bookTicker: compare now if the book is at the same update id, else remember it for the diff with that u. */
    @Override
    public void onBookTicker(String symbol, BinanceDecoder.BookTicker k) {
        Sym s = begin(symbol, k.recvNs);
        if (s == null) return;
        if (s.state == BinanceSyncState.SYNCED && k.updateId == s.lastU) {
            compareTop(s, k.updateId, k.bid, k.bidSize, k.ask, k.askSize);
            return;
        }
        long[] t = s.tickers[s.tickerNext];
        s.tickerNext = (s.tickerNext + 1) % TICKER_RING;
        t[0] = k.updateId; t[1] = k.bid; t[2] = k.bidSize; t[3] = k.ask; t[4] = k.askSize;
    }

    @Override
    public void onOther(String symbol, long recvNanos) {
        begin(symbol, recvNanos);
    }

    private void checkTickers(Sym s) {
        for (long[] t : s.tickers) {
            if (t[0] == s.lastU && t[0] != 0) {
                compareTop(s, t[0], t[1], t[2], t[3], t[4]);
                t[0] = 0;
            }
        }
    }

    private void compareTop(Sym s, long u, long bid, long bidSz, long ask, long askSz) {
        s.stats.topChecks++;
        if (s.book.price(Side.BUY, 0) != bid || s.book.size(Side.BUY, 0) != bidSz
                || s.book.price(Side.SELL, 0) != ask || s.book.size(Side.SELL, 0) != askSz) {
            s.stats.topMismatches++;
            issue("bookTicker", "consistency", s.symbol + ": bookTicker u=" + u + " differs from the local top of book");
        }
    }

    /** Applies the next usable snapshot if the book waits for one and it was received by {@code nowNs}. */
    private void advanceSnapshots(Sym s, long nowNs) {
        while (s.state == BinanceSyncState.AWAIT_SNAPSHOT && s.nextSnapshot < s.snapshots.size()) {
            BinanceDiff snap = s.snapshots.get(s.nextSnapshot);
            if (snap.recvNs < s.waitSinceNs) { s.nextSnapshot++; continue; } // taken before the gap: useless
            if (snap.recvNs > nowNs) return;
            s.nextSnapshot++;
            applySnapshot(s, snap);
            List<BinanceDiff> pending = s.buffer;
            s.buffer = new ArrayList<>();
            for (BinanceDiff d : pending) handleDiff(s, d, false);
        }
    }

    private void take(Sym s, BinanceSyncState.Transition t) {
        transitions[t.ordinal()]++;
        s.state = t.to;
    }

    /** {@code reused}: {@code d} is the decoder's flyweight and must be copied to be kept. */
    private void handleDiff(Sym s, BinanceDiff d, boolean reused) {
        switch (s.state) {
            case AWAIT_SNAPSHOT -> {
                s.buffer.add(reused ? d.copy() : d);
                s.stats.buffered++;
                take(s, BinanceSyncState.Transition.BUFFER);
            }
            case UNSYNCED -> {
                s.stats.ignoredUnsynced++;
                take(s, BinanceSyncState.Transition.IGNORE);
            }
            case BRIDGING -> {
                long lid = s.snapshotId;
                if (futures ? d.lastId < lid : d.lastId <= lid) {
                    s.stats.staleDropped++;
                    take(s, BinanceSyncState.Transition.STALE);
                    return;
                }
                if (futures ? d.firstId <= lid : d.firstId <= lid + 1) {
                    applyDiff(s, d);
                    take(s, BinanceSyncState.Transition.BRIDGE);
                    if (s.resyncing) { s.stats.resyncs++; s.resyncing = false; }
                    emitStatus(s, tsOf(d), d.recvNs, true, s.stats.resyncs > 0 ? "resync" : "snapshot");
                } else {
                    gap(s, d, reused, "first diff U=" + d.firstId + " is after snapshot lastUpdateId=" + lid);
                }
            }
            case SYNCED -> {
                boolean continuous = futures ? d.prevLastId == s.lastU : d.firstId == s.lastU + 1;
                if (continuous) {
                    applyDiff(s, d);
                    take(s, BinanceSyncState.Transition.APPLY);
                } else {
                    gap(s, d, reused, (futures ? "pu=" + d.prevLastId : "U=" + d.firstId) + " after u=" + s.lastU);
                }
            }
        }
    }

    private void gap(Sym s, BinanceDiff d, boolean reused, String why) {
        s.stats.gaps++;
        long saved = position;
        position = d.line;
        issue(futures ? "pu" : "U", "sequence-gap", s.symbol + ": " + why);
        emitStatus(s, tsOf(d), d.recvNs, false, "gap");
        position = saved;
        if (hasSnapshotAfter(s, d.recvNs)) {
            take(s, BinanceSyncState.Transition.GAP_RESYNC);
            s.waitSinceNs = d.recvNs;
            s.resyncing = true;
            s.buffer.add(reused ? d.copy() : d);
            s.stats.buffered++;
        } else {
            take(s, BinanceSyncState.Transition.GAP_UNSYNCED);
            s.stats.ignoredUnsynced++;
        }
    }

    private static boolean hasSnapshotAfter(Sym s, long recvNs) {
        for (int i = s.nextSnapshot; i < s.snapshots.size(); i++) if (s.snapshots.get(i).recvNs >= recvNs) return true;
        return false;
    }

    private static long tsOf(BinanceDiff d) {
        return d.eventMs > 0 ? Text.millisToNanos(d.eventMs) : d.recvNs;
    }

    private void applySnapshot(Sym s, BinanceDiff snap) {
        s.book.clear();
        s.snapshotId = snap.lastId;
        take(s, BinanceSyncState.Transition.SNAPSHOT);
        s.stats.snapshots++;
        long ts = tsOf(snap);
        long saved = position;
        position = snap.line;
        int n = snap.nb + snap.na;
        emitClear(s, ts, snap.recvNs, snap.lastId, n == 0);
        applyDiffLevels(s, snap, ts, BookDeltaEvent.FLAG_SNAPSHOT);
        position = saved;
    }

    /** Sets the book levels of {@code d} and emits one delta each, bids then asks, FLAG_LAST on the last. */
    private void applyDiffLevels(Sym s, BinanceDiff d, long ts, int flags) {
        int n = d.nb + d.na, k = 0;
        for (int i = 0; i < d.nb; i++) {
            s.book.set(Side.BUY, d.bidPx[i], d.bidSz[i]);
            emitDelta(s, ts, d.recvNs, Side.BUY, d.bidPx[i], d.bidSz[i], flags | (++k == n ? BookDeltaEvent.FLAG_LAST : 0), d.lastId);
        }
        for (int i = 0; i < d.na; i++) {
            s.book.set(Side.SELL, d.askPx[i], d.askSz[i]);
            emitDelta(s, ts, d.recvNs, Side.SELL, d.askPx[i], d.askSz[i], flags | (++k == n ? BookDeltaEvent.FLAG_LAST : 0), d.lastId);
        }
    }

    private void applyDiff(Sym s, BinanceDiff d) {
        long saved = position;
        position = d.line;
        applyDiffLevels(s, d, tsOf(d), 0);
        position = saved;
        s.lastU = d.lastId;
        s.stats.bookUpdates++;
        s.stats.levelChanges += d.nb + d.na;
        checkCrossed(s);
        checkTickers(s);
    }

    /** End of input: applies snapshots still awaited (and their buffered diffs), sets the final sync flags. */
    @Override
    public void finish() {
        for (Sym s : table.all()) {
            advanceSnapshots(s, Long.MAX_VALUE);
            s.stats.synced = s.state == BinanceSyncState.SYNCED;
        }
        handler.onEnd();
    }
}
