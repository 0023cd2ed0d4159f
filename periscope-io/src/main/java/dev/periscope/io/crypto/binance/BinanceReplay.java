package dev.periscope.io.crypto.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.io.crypto.CryptoVenue;
import dev.periscope.io.crypto.LineReader;
import dev.periscope.io.crypto.SymbolState;
import dev.periscope.io.crypto.SymbolTable;
import dev.periscope.io.crypto.Text;
import dev.periscope.io.crypto.VenueReplay;
import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a cryptofeed recording of the Binance spot or USD-M futures combined stream
 * ({@code <recv epoch s>: {"stream":..,"data":{..}}} lines) against REST depth snapshots
 * ({@code <url> -> <recv epoch s>: {"lastUpdateId":..,"bids":..,"asks":..}} lines), keeping one local book per symbol
 * with Binance's documented procedure. Source: binance-spot-api-docs {@code web-socket-streams.md}, "How to manage a
 * local order book correctly" (spot: drop {@code u <= lastUpdateId}; first applied diff has
 * {@code U <= lastUpdateId+1 <= u}; then {@code U == previous u + 1}); Binance USD-M futures docs, same title
 * (drop {@code u < lastUpdateId}; first diff {@code U <= lastUpdateId <= u}; then {@code pu == previous u}).
 *
 * <p>Diffs are buffered until a snapshot of their symbol is available (a snapshot becomes available at its
 * receive time). A continuity break emits {@code FeedStatusEvent(synced=false, "gap")}; the book then waits for
 * the next snapshot received after the gap (buffering), or, when the recording has no later snapshot, stays
 * unsynced and counts the ignored diffs. {@code aggTrade} becomes a {@code TradeEvent} with aggressor SELL when
 * {@code m} (buyer is maker) is true, BUY otherwise; aggregate-trade ids are checked for continuity.
 * A {@code bookTicker} whose {@code u} equals an applied diff's {@code u} must equal the local top of book at that
 * point (checked, {@code topChecks}/{@code topMismatches}); kline messages are counted only. Emits book deltas (snapshot: CLEAR|SNAPSHOT then one delta per
 * level; diff: one delta per level, the last with FLAG_LAST), trades and feed-status events to the handler.
 *
 * <p>depthUpdate messages are first tried with {@link DepthScanner}, a strict schema-specific byte scanner (no
 * tokenizer, no chars); whatever it does not fully verify goes through the general Jackson path below, which
 * keeps the error reporting; {@link #depthFallbacks()} counts the depthUpdates that took that detour.
 */
public final class BinanceReplay extends VenueReplay {
    enum State { AWAIT_SNAPSHOT, AWAIT_FIRST, SYNCED, UNSYNCED }

    /** Per-symbol sync state. */
    static final class Sym extends SymbolState {
        State state = State.AWAIT_SNAPSHOT;
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

        Sym(CryptoVenue v, String symbol, dev.periscope.book.MutableL2Book book) {
            super(v, symbol, v == CryptoVenue.BINANCE_FUTURES ? AssetClass.CRYPTO_PERP : AssetClass.CRYPTO_SPOT, book);
        }
    }

    private static final int TICKER_RING = 64;
    private static final byte[] ARROW = " -> ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON = ": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SYMBOL_EQ = "symbol=".getBytes(StandardCharsets.US_ASCII);

    private final boolean futures;
    private final SymbolTable<Sym> table;
    private final BinanceDiff cur = new BinanceDiff();
    private final DepthScanner scanner = new DepthScanner();
    private boolean fastDepth = true;
    private long fastDepthMessages, depthFallbacks;
    /** Event type of the message being parsed by Jackson (DEPTH once its "e" was read). */
    private int msgType;

    public BinanceReplay(boolean futures, String source, MarketDataHandler handler, DataIssueLog issues) {
        super(futures ? CryptoVenue.BINANCE_FUTURES : CryptoVenue.BINANCE, source, handler, issues);
        this.futures = futures;
        CryptoVenue v = venue;
        this.table = new SymbolTable<>(s -> new Sym(v, s, newBook()));
    }

    @Override
    public List<Sym> symbols() { return table.all(); }

    /** Loads every REST depth snapshot of an http recording (allocates; done once before the replay). */
    public void loadSnapshots(InputStream http) throws IOException {
        try (LineReader r = new LineReader(http)) {
            while (r.next()) {
                line = r.lineNo();
                byte[] b = r.buf();
                int arrow = r.indexOf(ARROW, r.start());
                if (arrow < 0) continue;
                int colon = r.indexOf(COLON, arrow + ARROW.length);
                int sym = r.indexOf(SYMBOL_EQ, r.start());
                if (colon < 0 || sym < 0 || sym > arrow) {
                    issue("url", "format", "http line without symbol= or timestamp");
                    continue;
                }
                int symEnd = sym + SYMBOL_EQ.length;
                while (symEnd < arrow && b[symEnd] != '&') symEnd++;
                String symbol = new String(b, sym + SYMBOL_EQ.length, symEnd - sym - SYMBOL_EQ.length, StandardCharsets.US_ASCII);
                BinanceDiff snap = new BinanceDiff();
                snap.reset();
                snap.line = line;
                try {
                    snap.recvNs = Text.epochSecondsToNanos(b, arrow + ARROW.length, colon);
                    json.feed(b, colon + 2, r.end());
                    parseSnapshot(snap);
                } catch (dev.periscope.model.quality.DataException e) {
                    throw e; // STRICT policy: stop at the first issue
                } catch (IOException | RuntimeException e) {
                    json.reset();
                    issue("snapshot", "parse", String.valueOf(e.getMessage()));
                    continue;
                }
                table.get(symbol).snapshots.add(snap);
            }
        }
    }

    private void parseSnapshot(BinanceDiff snap) throws IOException {
        JsonParser p = json.parser();
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("snapshot is not an object");
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            switch (f) {
                case "lastUpdateId" -> snap.lastId = p.getLongValue();
                case "E" -> snap.eventMs = p.getLongValue();
                case "bids" -> levels(snap, true);
                case "asks" -> levels(snap, false);
                default -> json.skipValue();
            }
        }
        json.finish();
    }

    private void levels(BinanceDiff d, boolean bids) throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("levels are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            json.next();
            long price = px(p);
            json.next();
            long size = px(p);
            while (json.next() != JsonToken.END_ARRAY) json.skipValue();
            if (bids) d.addBid(price, size);
            else d.addAsk(price, size);
        }
    }

    @Override
    protected void onLine(LineReader r) {
        byte[] b = r.buf();
        if (r.end() == r.start() || b[r.start()] < '0' || b[r.start()] > '9') return; // connect line, blank
        int colon = colonSpace(b, r.start(), r.end());
        if (colon < 0) {
            issue("line", "format", "no '<epoch>: ' prefix");
            return;
        }
        boolean rejected = false;
        msgType = OTHER;
        try {
            long recv = Text.epochSecondsToNanos(b, r.start(), colon);
            if (fastDepth) {
                cur.reset();
                cur.recvNs = recv;
                cur.line = line;
                int res = scanner.scan(b, colon + 2, r.end(), cur, futures);
                if (res == DepthScanner.OK) {
                    fastDepthMessages++;
                    onDepth(recv, table.get(b, scanner.symFrom, scanner.symTo - scanner.symFrom));
                    return;
                }
                rejected = res == DepthScanner.REJECT;
            }
            json.feed(b, colon + 2, r.end());
            onMessage(recv);
        } catch (dev.periscope.model.quality.DataException e) {
            throw e; // STRICT policy: stop at the first issue
        } catch (IOException | RuntimeException e) {
            json.reset();
            issue("message", "parse", String.valueOf(e.getMessage()));
        } finally {
            if (rejected && msgType == DEPTH) depthFallbacks++;
        }
    }

    /** Index of the first ": " in {@code b[from, to)}, or -1 (same as {@code LineReader.indexOf(": ")}). */
    private static int colonSpace(byte[] b, int from, int to) {
        for (int i = from; i < to - 1; i++) if (b[i] == ':' && b[i + 1] == ' ') return i;
        return -1;
    }

    /** Fast path: {@link #cur} holds a verified depthUpdate of {@code sym}; same steps as {@link #onMessage}. */
    private void onDepth(long recv, Sym sym) {
        for (int i = 0, n = table.all().size(); i < n; i++) advanceSnapshots(table.all().get(i), recv);
        sym.stats.messages++;
        handleDiff(sym, cur);
    }

    /**
     * Turns the byte scanner for depthUpdate messages on (default) or off (everything through Jackson, for
     * comparisons). Call before replaying.
     */
    public void fastDepth(boolean on) { this.fastDepth = on; }

    /** depthUpdate messages parsed by the byte scanner. */
    public long fastDepthMessages() { return fastDepthMessages; }

    /** depthUpdate messages the byte scanner refused and the Jackson path parsed (or reported) instead. */
    public long depthFallbacks() { return depthFallbacks; }

    private static final int DEPTH = 1, AGG = 2, OTHER = 3;

    private void onMessage(long recv) throws IOException {
        JsonParser p = json.parser();
        if (json.next() != JsonToken.START_OBJECT) throw new IOException("message is not an object");
        Sym sym = null;
        int type = OTHER;
        long aggId = Long.MIN_VALUE, tradeMs = 0, price = 0, size = 0;
        boolean buyerMaker = false, hasM = false;
        long tBid = -1, tBidSz = -1, tAsk = -1, tAskSz = -1;
        cur.reset();
        cur.recvNs = recv;
        cur.line = line;
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            if (!"data".equals(f)) {
                json.skipValue();
                continue;
            }
            if (t != JsonToken.START_OBJECT) throw new IOException("data is not an object");
            while (json.next() == JsonToken.FIELD_NAME) {
                String g = p.currentName();
                t = json.next();
                switch (g) {
                    case "e" -> msgType = type = json.eq("depthUpdate") ? DEPTH : json.eq("aggTrade") ? AGG : OTHER;
                    case "E" -> cur.eventMs = p.getLongValue();
                    case "T" -> tradeMs = p.getLongValue();
                    case "s" -> sym = table.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    case "U" -> cur.firstId = p.getLongValue();
                    case "u" -> cur.lastId = p.getLongValue();
                    case "pu" -> cur.prevLastId = p.getLongValue();
                    case "b" -> {
                        if (t == JsonToken.START_ARRAY) levels(cur, true);
                        else if (t == JsonToken.VALUE_STRING) tBid = px(p);
                    }
                    case "a" -> {
                        if (t == JsonToken.START_ARRAY) levels(cur, false);
                        else if (t == JsonToken.VALUE_NUMBER_INT) aggId = p.getLongValue();
                        else if (t == JsonToken.VALUE_STRING) tAsk = px(p);
                    }
                    case "B" -> tBidSz = px(p);
                    case "A" -> tAskSz = px(p);
                    case "p" -> price = px(p);
                    case "q" -> size = px(p);
                    case "m" -> { buyerMaker = t == JsonToken.VALUE_TRUE; hasM = true; }
                    default -> json.skipValue();
                }
            }
        }
        json.finish();
        // snapshots become available at their receive time, for every symbol waiting for one
        for (int i = 0, n = table.all().size(); i < n; i++) advanceSnapshots(table.all().get(i), recv);
        if (sym == null) return; // subscription acks and the like
        sym.stats.messages++;
        if (type == DEPTH) {
            if (futures && cur.prevLastId == Long.MIN_VALUE) {
                issue("pu", "missing", "futures depthUpdate without pu");
                return;
            }
            handleDiff(sym, cur);
        } else if (type == AGG) {
            if (!hasM || aggId == Long.MIN_VALUE) {
                issue("aggTrade", "missing", "aggTrade without m or a");
                return;
            }
            if (sym.lastAggId != Long.MIN_VALUE && aggId != sym.lastAggId + 1) sym.stats.tradeIdGaps++;
            sym.lastAggId = aggId;
            emitTrade(sym, tradeMs * 1_000_000L, recv, price, size, buyerMaker ? Aggressor.SELL : Aggressor.BUY, aggId);
        } else if (tBid >= 0 && tBidSz >= 0 && tAsk >= 0 && tAskSz >= 0) {
            onBookTicker(sym, cur.lastId, tBid, tBidSz, tAsk, tAskSz);
        }
    }

    /** bookTicker: compare now if the book is at the same update id, else remember it for the diff with that u. */
    private void onBookTicker(Sym s, long u, long bid, long bidSz, long ask, long askSz) {
        if (s.state == State.SYNCED && u == s.lastU) {
            compareTop(s, u, bid, bidSz, ask, askSz);
            return;
        }
        long[] t = s.tickers[s.tickerNext];
        s.tickerNext = (s.tickerNext + 1) % TICKER_RING;
        t[0] = u; t[1] = bid; t[2] = bidSz; t[3] = ask; t[4] = askSz;
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
        while (s.state == State.AWAIT_SNAPSHOT && s.nextSnapshot < s.snapshots.size()) {
            BinanceDiff snap = s.snapshots.get(s.nextSnapshot);
            if (snap.recvNs < s.waitSinceNs) { s.nextSnapshot++; continue; } // taken before the gap: useless
            if (snap.recvNs > nowNs) return;
            s.nextSnapshot++;
            applySnapshot(s, snap);
            List<BinanceDiff> pending = s.buffer;
            s.buffer = new ArrayList<>();
            for (BinanceDiff d : pending) handleDiff(s, d);
        }
    }

    private void handleDiff(Sym s, BinanceDiff d) {
        switch (s.state) {
            case AWAIT_SNAPSHOT -> { s.buffer.add(d == cur ? d.copy() : d); s.stats.buffered++; }
            case UNSYNCED -> s.stats.ignoredUnsynced++;
            case AWAIT_FIRST -> {
                long lid = s.snapshotId;
                if (futures ? d.lastId < lid : d.lastId <= lid) { s.stats.staleDropped++; return; }
                if (futures ? d.firstId <= lid : d.firstId <= lid + 1) {
                    applyDiff(s, d);
                    s.state = State.SYNCED;
                    if (s.resyncing) { s.stats.resyncs++; s.resyncing = false; }
                    emitStatus(s, tsOf(d), d.recvNs, true, s.stats.resyncs > 0 ? "resync" : "snapshot");
                } else {
                    gap(s, d, "first diff U=" + d.firstId + " is after snapshot lastUpdateId=" + lid);
                }
            }
            case SYNCED -> {
                boolean continuous = futures ? d.prevLastId == s.lastU : d.firstId == s.lastU + 1;
                if (continuous) applyDiff(s, d);
                else gap(s, d, (futures ? "pu=" + d.prevLastId : "U=" + d.firstId) + " after u=" + s.lastU);
            }
        }
    }

    private void gap(Sym s, BinanceDiff d, String why) {
        s.stats.gaps++;
        long saved = line;
        line = d.line;
        issue(futures ? "pu" : "U", "sequence-gap", s.symbol + ": " + why);
        emitStatus(s, tsOf(d), d.recvNs, false, "gap");
        line = saved;
        if (hasSnapshotAfter(s, d.recvNs)) {
            s.state = State.AWAIT_SNAPSHOT;
            s.waitSinceNs = d.recvNs;
            s.resyncing = true;
            s.buffer.add(d == cur ? d.copy() : d);
            s.stats.buffered++;
        } else {
            s.state = State.UNSYNCED;
            s.stats.ignoredUnsynced++;
        }
    }

    private static boolean hasSnapshotAfter(Sym s, long recvNs) {
        for (int i = s.nextSnapshot; i < s.snapshots.size(); i++) if (s.snapshots.get(i).recvNs >= recvNs) return true;
        return false;
    }

    private long tsOf(BinanceDiff d) {
        return d.eventMs > 0 ? d.eventMs * 1_000_000L : d.recvNs;
    }

    private void applySnapshot(Sym s, BinanceDiff snap) {
        s.book.clear();
        s.snapshotId = snap.lastId;
        s.state = State.AWAIT_FIRST;
        s.stats.snapshots++;
        long ts = tsOf(snap);
        long saved = line;
        line = snap.line;
        int n = snap.nb + snap.na;
        emitClear(s, ts, snap.recvNs, snap.lastId, n == 0);
        int k = 0;
        for (int i = 0; i < snap.nb; i++) {
            s.book.set(Side.BUY, snap.bidPx[i], snap.bidSz[i]);
            emitDelta(s, ts, snap.recvNs, Side.BUY, snap.bidPx[i], snap.bidSz[i],
                    BookDeltaEvent.FLAG_SNAPSHOT | (++k == n ? BookDeltaEvent.FLAG_LAST : 0), snap.lastId);
        }
        for (int i = 0; i < snap.na; i++) {
            s.book.set(Side.SELL, snap.askPx[i], snap.askSz[i]);
            emitDelta(s, ts, snap.recvNs, Side.SELL, snap.askPx[i], snap.askSz[i],
                    BookDeltaEvent.FLAG_SNAPSHOT | (++k == n ? BookDeltaEvent.FLAG_LAST : 0), snap.lastId);
        }
        line = saved;
    }

    private void applyDiff(Sym s, BinanceDiff d) {
        long ts = tsOf(d);
        int n = d.nb + d.na, k = 0;
        long saved = line;
        line = d.line;
        for (int i = 0; i < d.nb; i++) {
            s.book.set(Side.BUY, d.bidPx[i], d.bidSz[i]);
            emitDelta(s, ts, d.recvNs, Side.BUY, d.bidPx[i], d.bidSz[i], ++k == n ? BookDeltaEvent.FLAG_LAST : 0, d.lastId);
        }
        for (int i = 0; i < d.na; i++) {
            s.book.set(Side.SELL, d.askPx[i], d.askSz[i]);
            emitDelta(s, ts, d.recvNs, Side.SELL, d.askPx[i], d.askSz[i], ++k == n ? BookDeltaEvent.FLAG_LAST : 0, d.lastId);
        }
        line = saved;
        s.lastU = d.lastId;
        s.stats.bookUpdates++;
        s.stats.levelChanges += n;
        checkCrossed(s);
        checkTickers(s);
    }

    /** End of the recording: applies snapshots still awaited (and their buffered diffs). */
    @Override
    public void finish() {
        for (Sym s : table.all()) {
            advanceSnapshots(s, Long.MAX_VALUE);
            s.stats.synced = s.state == State.SYNCED;
        }
        handler.onEnd();
    }

    /** Replays {@code ws} with the snapshots in {@code http} (may be null). */
    public static BinanceReplay run(Path ws, Path http, boolean futures, MarketDataHandler handler, DataIssueLog issues)
            throws IOException {
        BinanceReplay r = new BinanceReplay(futures, ws.getFileName().toString(), handler, issues);
        if (http != null) {
            try (InputStream in = Files.newInputStream(http)) { r.loadSnapshots(in); }
        }
        try (InputStream in = Files.newInputStream(ws)) { r.replay(in); }
        r.finish();
        return r;
    }
}
