package dev.periscope.io.crypto.kraken;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Replays cryptofeed recordings of the Kraken WebSocket v1 public feed ({@code <recv epoch s>: <message>} lines):
 * the {@code book} channel (snapshot {@code as}/{@code bs}, updates {@code a}/{@code b} in one or two objects,
 * republish flag {@code "r"}, volume 0 deletes, checksum {@code c}) and the {@code trade} channel.
 * Book maintenance follows Kraken's "Spot Websockets (v1) Book Checksum" guide
 * (https://docs.kraken.com/api/docs/guides/spot-ws-book-v1): apply every level of a message in order, then
 * truncate each side to the subscribed depth, then verify the CRC32 of the top 10 levels ({@link KrakenChecksum}).
 * The pair's price and volume decimals are learnt from the snapshot strings so the checksum text can be rebuilt
 * from fixed point; an update with different decimals is reported.
 *
 * <p>A checksum mismatch emits {@code FeedStatusEvent(synced=false, "checksum")} and the pair's updates are then
 * ignored (counted) until a new snapshot. Trades: each {@code [price, volume, time, side, orderType, misc]} becomes
 * a {@code TradeEvent}; {@code side} is the taker's ("b" buy, "s" sell), so it is the aggressor.
 */
public final class KrakenReplay extends VenueReplay {
    /** Per-pair state. */
    public static final class Pair extends SymbolState {
        int priceDecimals = -1;
        int volumeDecimals = -1;
        int depth = 10;
        boolean hasSnapshot;
        boolean synced;
        /** Line of the first checksum failure, 0 if none. */
        public long firstChecksumFailLine;
        public long republished;
        public long truncated;

        Pair(String symbol, dev.periscope.book.MutableL2Book book) {
            super(CryptoVenue.KRAKEN, symbol, AssetClass.CRYPTO_SPOT, book);
        }

        public int priceDecimals() { return priceDecimals; }

        public int volumeDecimals() { return volumeDecimals; }
    }

    private static final int BOOK = 1, TRADE = 2;

    private final SymbolTable<Pair> table = new SymbolTable<>(s -> new Pair(s, newBook()));
    private final KrakenChecksum checksum = new KrakenChecksum();
    // the levels of the current message, in order
    private int n;
    private boolean[] bid = new boolean[64];
    private long[] price = new long[64];
    private long[] size = new long[64];
    private long[] time = new long[64];
    private int[] pdec = new int[64];
    private int[] vdec = new int[64];
    private char[] tside = new char[64];
    private boolean snapshot;
    private long checksumValue;
    private int depthFromName;
    // removed by truncation (emitted as deletes)
    private int nr;
    private boolean[] rBid = new boolean[16];
    private long[] rPrice = new long[16];

    public KrakenReplay(String source, MarketDataHandler handler, DataIssueLog issues) {
        super(CryptoVenue.KRAKEN, source, handler, issues);
    }

    @Override
    public List<Pair> symbols() { return table.all(); }

    public Pair pair(String symbol) { return table.find(symbol); }

    @Override
    protected void onLine(LineReader r) {
        onRecordedJsonLine(r);
    }

    @Override
    public void finish() {
        for (Pair p : table.all()) p.stats.synced = p.synced;
        handler.onEnd();
    }

    @Override
    protected void onRecordedMessage(long recv) throws IOException {
        JsonParser p = json.parser();
        JsonToken t = json.next();
        if (t == JsonToken.START_OBJECT) { onEvent(); return; }
        if (t != JsonToken.START_ARRAY) throw new IOException("message is neither object nor array");
        json.next(); // channelID
        n = 0;
        snapshot = false;
        checksumValue = -1;
        int kind = 0;
        while ((t = json.next()) == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (t == JsonToken.START_OBJECT) { kind = BOOK; bookObject(); }
            else { kind = TRADE; trades(); }
        }
        // channel name then pair
        if (t != JsonToken.VALUE_STRING) throw new IOException("no channel name");
        depthFromName = 0;
        if (kind == BOOK) {
            char[] c = p.getTextCharacters();
            int off = p.getTextOffset(), len = p.getTextLength();
            for (int i = off + 5; i < off + len; i++) depthFromName = depthFromName * 10 + (c[i] - '0'); // "book-1000"
        }
        if (json.next() != JsonToken.VALUE_STRING) throw new IOException("no pair");
        Pair pair = table.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (json.next() != JsonToken.END_ARRAY) throw new IOException("unexpected content after pair");
        json.finish();
        pair.stats.messages++;
        if (kind == BOOK) onBook(pair, recv);
        else if (kind == TRADE) onTrades(pair, recv);
    }

    private void onEvent() throws IOException {
        JsonParser p = json.parser();
        int depth = 0;
        String pairName = null;
        boolean subscribed = false;
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = json.next();
            switch (f) {
                case "pair" -> pairName = p.getText(); // subscription acks only, not on the hot path
                case "status" -> subscribed = json.eq("subscribed");
                case "subscription" -> {
                    while (json.next() == JsonToken.FIELD_NAME) {
                        String g = p.currentName();
                        json.next();
                        if (g.equals("depth")) depth = p.getIntValue();
                        else json.skipValue();
                    }
                }
                default -> json.skipValue();
            }
        }
        json.finish();
        if (subscribed && pairName != null && depth > 0) table.get(pairName).depth = depth;
    }

    private void bookObject() throws IOException {
        JsonParser p = json.parser();
        while (json.next() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            json.next();
            switch (f) {
                case "as" -> { snapshot = true; levels(false); }
                case "bs" -> { snapshot = true; levels(true); }
                case "a" -> levels(false);
                case "b" -> levels(true);
                case "c" -> {
                    long v = 0;
                    char[] c = p.getTextCharacters();
                    for (int i = p.getTextOffset(), e = i + p.getTextLength(); i < e; i++) {
                        if (c[i] < '0' || c[i] > '9') throw new IOException("bad checksum text");
                        v = v * 10 + (c[i] - '0');
                    }
                    checksumValue = v;
                }
                default -> json.skipValue();
            }
        }
    }

    private void levels(boolean isBid) throws IOException {
        JsonParser p = json.parser();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("levels are not an array");
        while (json.next() == JsonToken.START_ARRAY) {
            grow();
            bid[n] = isBid;
            json.next();
            price[n] = px(p);
            pdec[n] = Text.decimals(chars, 0, chars.length());
            json.next();
            size[n] = px(p);
            vdec[n] = Text.decimals(chars, 0, chars.length());
            json.next();
            time[n] = Text.epochSecondsToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
            tside[n] = 0;
            while (json.next() != JsonToken.END_ARRAY) if (json.eq("r")) tside[n] = 'r';
            n++;
        }
    }

    private void trades() throws IOException {
        JsonParser p = json.parser();
        while (json.next() == JsonToken.START_ARRAY) {
            grow();
            json.next();
            price[n] = px(p);
            json.next();
            size[n] = px(p);
            json.next();
            time[n] = Text.epochSecondsToNanos(chars.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()), 0, p.getTextLength());
            json.next();
            tside[n] = p.getTextLength() == 1 ? p.getTextCharacters()[p.getTextOffset()] : '?';
            while (json.next() != JsonToken.END_ARRAY) json.skipValue();
            n++;
        }
    }

    private void grow() {
        if (n < price.length) return;
        int m = n * 2;
        bid = Arrays.copyOf(bid, m); price = Arrays.copyOf(price, m); size = Arrays.copyOf(size, m);
        time = Arrays.copyOf(time, m); pdec = Arrays.copyOf(pdec, m); vdec = Arrays.copyOf(vdec, m);
        tside = Arrays.copyOf(tside, m);
    }

    private void onBook(Pair s, long recv) {
        if (depthFromName > 0) s.depth = depthFromName;
        // an update is stamped with its newest level's time; a snapshot (levels of any age) with its receive time
        long ts = 0;
        if (!snapshot) for (int i = 0; i < n; i++) ts = Math.max(ts, time[i]);
        if (ts == 0) ts = recv;
        if (snapshot) {
            s.book.clear();
            s.hasSnapshot = true;
            s.synced = true;
            s.priceDecimals = n > 0 ? pdec[0] : -1;
            s.volumeDecimals = n > 0 ? vdec[0] : -1;
            s.stats.snapshots++;
        } else if (!s.hasSnapshot || !s.synced) {
            s.stats.ignoredUnsynced++;
            return;
        } else {
            s.stats.bookUpdates++;
        }
        for (int i = 0; i < n; i++) {
            if (pdec[i] != s.priceDecimals || vdec[i] != s.volumeDecimals) {
                issue("level", "precision", s.symbol + ": level with " + pdec[i] + "/" + vdec[i]
                        + " decimals, snapshot had " + s.priceDecimals + "/" + s.volumeDecimals);
            }
            s.book.set(bid[i] ? Side.BUY : Side.SELL, price[i], size[i]);
            if (tside[i] == 'r') s.republished++;
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
            emitDelta(s, ts, recv, bid[i] ? Side.BUY : Side.SELL, price[i], size[i],
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
        if (checksumValue >= 0) {
            long mine = checksum.compute(s.book, s.priceDecimals, s.volumeDecimals);
            if (mine == checksumValue) {
                s.stats.checksumOk++;
            } else {
                s.stats.checksumFail++;
                if (s.firstChecksumFailLine == 0) s.firstChecksumFailLine = line;
                s.synced = false;
                issue("c", "checksum", s.symbol + ": venue " + checksumValue + " != computed " + mine);
                emitStatus(s, ts, recv, false, "checksum");
            }
        }
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

    private void onTrades(Pair s, long recv) {
        for (int i = 0; i < n; i++) {
            byte aggr = tside[i] == 'b' ? Aggressor.BUY : tside[i] == 's' ? Aggressor.SELL : Aggressor.UNKNOWN;
            if (aggr == Aggressor.UNKNOWN) issue("side", "value", s.symbol + ": trade side is neither b nor s");
            emitTrade(s, time[i], recv, price[i], size[i], aggr, 0);
        }
    }

    public static KrakenReplay run(List<Path> files, MarketDataHandler handler, DataIssueLog issues) throws IOException {
        KrakenReplay r = new KrakenReplay(files.get(0).getFileName().toString(), handler, issues);
        for (Path f : files) {
            r.source = f.getFileName().toString();
            try (InputStream in = Files.newInputStream(f)) { r.replay(in); }
        }
        r.finish();
        return r;
    }
}
