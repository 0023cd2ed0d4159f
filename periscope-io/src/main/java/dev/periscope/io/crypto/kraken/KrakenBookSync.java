package dev.periscope.io.crypto.kraken;

import dev.periscope.book.MutableL2Book;
import dev.periscope.io.crypto.CryptoVenue;
import dev.periscope.io.crypto.SymbolState;
import dev.periscope.io.crypto.SymbolTable;
import dev.periscope.io.crypto.VenueBookSync;
import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;

import java.util.Arrays;
import java.util.List;

/**
 * Keeps one local book per Kraken pair from decoded v1 messages, following Kraken's "Spot Websockets (v1) Book
 * Checksum" guide (https://docs.kraken.com/api/docs/guides/spot-ws-book-v1): apply every level of a message in
 * order (volume 0 deletes, republish {@code "r"} applied and counted), then truncate each side to the subscribed
 * depth (truncated levels emitted as deletes), then verify the CRC32 of the top 10 levels ({@link KrakenChecksum}).
 * The pair's price and volume decimals are learnt from the snapshot strings so the checksum text can be rebuilt
 * from fixed point; an update with different decimals is reported ({@code precision}).
 *
 * <p>Per pair:
 * <pre>
 * state            input                    next             action
 * AWAIT_SNAPSHOT   update                   AWAIT_SNAPSHOT   count ignored
 * any              snapshot                 SYNCED           replace book, "snapshot" (first) / "resync"
 * SYNCED           update, checksum ok      SYNCED           apply
 * SYNCED           update, checksum fails   UNSYNCED         apply, "checksum" status + data issue
 * UNSYNCED         update                   UNSYNCED         count ignored
 * </pre>
 * Trades: {@code side} is the taker's ("b" buy, "s" sell), so it is the aggressor.
 */
public final class KrakenBookSync extends VenueBookSync implements KrakenDecoder.Listener {
    /** Per-pair state. */
    public static final class Pair extends SymbolState {
        int priceDecimals = -1;
        int volumeDecimals = -1;
        int depth = 10;
        boolean hasSnapshot;
        boolean synced;
        /** Position (line) of the first checksum failure, 0 if none. */
        public long firstChecksumFailLine;
        public long republished;
        public long truncated;

        Pair(String symbol, MutableL2Book book) {
            super(CryptoVenue.KRAKEN, symbol, AssetClass.CRYPTO_SPOT, book);
        }

        public int priceDecimals() { return priceDecimals; }

        public int volumeDecimals() { return volumeDecimals; }

        /** Has a snapshot and no failed checksum since. */
        public boolean synced() { return synced; }
    }

    private final SymbolTable<Pair> table = new SymbolTable<>(s -> new Pair(s, newBook()));
    private final KrakenChecksum checksum = new KrakenChecksum();
    // removed by truncation (emitted as deletes)
    private int nr;
    private boolean[] rBid = new boolean[16];
    private long[] rPrice = new long[16];

    public KrakenBookSync(String source, MarketDataHandler handler, DataIssueLog issues) {
        super(CryptoVenue.KRAKEN, source, handler, issues);
    }

    @Override
    public List<Pair> symbols() { return table.all(); }

    public Pair pair(String symbol) { return table.find(symbol); }

    @Override
    public void onSubscribed(String pair, int depth) {
        table.get(pair).depth = depth;
    }

    @Override
    public void onMessage(String pair, KrakenMessage m) {
        Pair s = table.get(pair);
        s.stats.messages++;
        if (m.kind == KrakenMessage.BOOK) onBook(s, m);
        else if (m.kind == KrakenMessage.TRADE) onTrades(s, m);
    }

    @Override
    public void finish() {
        for (Pair p : table.all()) p.stats.synced = p.synced;
        handler.onEnd();
    }

    private void onBook(Pair s, KrakenMessage m) {
        if (m.depthFromName > 0) s.depth = m.depthFromName;
        long recv = m.recvNs;
        int n = m.n;
        boolean snapshot = m.snapshot;
        // an update is stamped with its newest level's time; a snapshot (levels of any age) with its receive time
        long ts = 0;
        if (!snapshot) for (int i = 0; i < n; i++) ts = Math.max(ts, m.time[i]);
        if (ts == 0) ts = recv;
        if (snapshot) {
            s.book.clear();
            s.hasSnapshot = true;
            s.synced = true;
            s.priceDecimals = n > 0 ? m.pdec[0] : -1;
            s.volumeDecimals = n > 0 ? m.vdec[0] : -1;
            s.stats.snapshots++;
        } else if (!s.hasSnapshot || !s.synced) {
            s.stats.ignoredUnsynced++;
            return;
        } else {
            s.stats.bookUpdates++;
        }
        for (int i = 0; i < n; i++) {
            if (m.pdec[i] != s.priceDecimals || m.vdec[i] != s.volumeDecimals) {
                issue("level", "precision", s.symbol + ": level with " + m.pdec[i] + "/" + m.vdec[i]
                        + " decimals, snapshot had " + s.priceDecimals + "/" + s.volumeDecimals);
            }
            s.book.set(m.bid[i] ? Side.BUY : Side.SELL, m.price[i], m.size[i]);
            if (m.flag[i] == 'r') s.republished++;
        }
        if (!snapshot) s.stats.levelChanges += n;
        nr = 0;
        truncate(s, Side.BUY);
        truncate(s, Side.SELL);
        s.truncated += nr;
        // events: snapshot = CLEAR + levels; update = levels; then truncation deletes; FLAG_LAST on the last one
        int total = n + nr + (snapshot ? 1 : 0), k = 0;
        if (snapshot) emitClear(s, ts, recv, 0, ++k == total);
        int snapFlag = snapshot ? BookDeltaEvent.FLAG_SNAPSHOT : 0;
        for (int i = 0; i < n; i++) {
            emitDelta(s, ts, recv, m.bid[i] ? Side.BUY : Side.SELL, m.price[i], m.size[i],
                    snapFlag | (++k == total ? BookDeltaEvent.FLAG_LAST : 0), 0);
        }
        for (int i = 0; i < nr; i++) {
            emitDelta(s, ts, recv, rBid[i] ? Side.BUY : Side.SELL, rPrice[i], 0,
                    snapFlag | (++k == total ? BookDeltaEvent.FLAG_LAST : 0), 0);
        }
        checkCrossed(s);
        if (snapshot) {
            emitStatus(s, ts, recv, true, s.stats.snapshots > 1 ? "resync" : "snapshot");
            if (s.stats.snapshots > 1) s.stats.resyncs++;
        }
        if (m.checksum >= 0) verify(s, m.checksum, ts, recv);
    }

    private void verify(Pair s, long venueChecksum, long ts, long recv) {
        long mine = checksum.compute(s.book, s.priceDecimals, s.volumeDecimals);
        if (mine == venueChecksum) {
            s.stats.checksumOk++;
            return;
        }
        s.stats.checksumFail++;
        if (s.firstChecksumFailLine == 0) s.firstChecksumFailLine = position;
        s.synced = false;
        issue("c", "checksum", s.symbol + ": venue " + venueChecksum + " != computed " + mine);
        emitStatus(s, ts, recv, false, "checksum");
    }

    private void truncate(Pair s, Side side) {
        while (s.book.depth(side) > s.depth) {
            long worst = s.book.price(side, s.book.depth(side) - 1);
            if (nr == rPrice.length) { rPrice = Arrays.copyOf(rPrice, nr * 2); rBid = Arrays.copyOf(rBid, nr * 2); }
            rBid[nr] = side == Side.BUY;
            rPrice[nr++] = worst;
            s.book.set(side, worst, 0);
        }
    }

    private void onTrades(Pair s, KrakenMessage m) {
        for (int i = 0; i < m.n; i++) {
            byte aggr = m.flag[i] == 'b' ? Aggressor.BUY : m.flag[i] == 's' ? Aggressor.SELL : Aggressor.UNKNOWN;
            if (aggr == Aggressor.UNKNOWN) issue("side", "value", s.symbol + ": trade side is neither b nor s");
            emitTrade(s, m.time[i], m.recvNs, m.price[i], m.size[i], aggr, 0);
        }
    }
}
