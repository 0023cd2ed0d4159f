package dev.periscope.io.crypto.coinbase;

import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.io.crypto.CryptoReplay;
import dev.periscope.io.crypto.SymbolStats;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import dev.periscope.model.event.FeedStatusEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class CoinbaseBookSyncTest {
    static final Path LEGACY = SharedData.path("crypto-ws/COINBASE.ws.28.0");
    static final Path V3 = SharedData.path("crypto-ws/COINBASE_advanced_trade_v3.jsonl.zst");

    /** Rebuilds books from the emitted deltas alone and classifies each trade against the book at that moment. */
    static final class BookFromEvents implements MarketDataHandler {
        final Map<String, TreeMap<Long, Long>[]> books = new HashMap<>();
        long consistent, contradicting, inside, trades, lastFlags;

        @SuppressWarnings({"unchecked", "rawtypes"})
        TreeMap<Long, Long>[] book(String s) {
            return books.computeIfAbsent(s, k -> new TreeMap[] {new TreeMap<Long, Long>(), new TreeMap<Long, Long>()});
        }

        @Override public void onBookDelta(BookDeltaEvent d) {
            TreeMap<Long, Long>[] b = book(d.instrument.symbol());
            if (d.isClear()) { b[0].clear(); b[1].clear(); }
            else if (d.size == 0) b[d.side == Side.BUY ? 0 : 1].remove(d.price);
            else b[d.side == Side.BUY ? 0 : 1].put(d.price, d.size);
            if (d.isLast()) lastFlags++;
        }

        @Override public void onTrade(TradeEvent t) {
            trades++;
            TreeMap<Long, Long>[] b = book(t.instrument.symbol());
            if (b[0].isEmpty() || b[1].isEmpty()) return;
            long bid = b[0].lastKey(), ask = b[1].firstKey();
            boolean atAsk = t.price >= ask, atBid = t.price <= bid;
            if (!atAsk && !atBid) inside++;
            else if (t.aggressor == Aggressor.BUY ? atAsk : atBid) consistent++;
            else contradicting++;
        }
    }

    @Test
    void legacyRecordingCountsAndFinalBooks() throws IOException {
        DataIssueLog issues = new DataIssueLog();
        BookFromEvents h = new BookFromEvents();
        var r = CryptoRecordings.run(CryptoRecordings.coinbaseLegacy(LEGACY.getFileName().toString(), h, issues), List.of(LEGACY));
        assertThat(issues.total()).isZero();
        assertThat(r.stats()).hasSize(10);
        assertThat(r.stats().stream().mapToLong(s -> s.snapshots).sum()).isEqualTo(10);
        assertThat(r.stats().stream().mapToLong(s -> s.bookUpdates).sum()).isEqualTo(9719);
        assertThat(r.stats().stream().mapToLong(s -> s.trades).sum()).isEqualTo(97); // matches; the 10 last_match are history
        assertThat(r.sync().symbols().stream().mapToLong(p -> p.lastMatches).sum()).isEqualTo(10);
        assertThat(r.stats().stream().mapToLong(s -> s.messages).sum()).isEqualTo(9943);
        assertThat(r.stats().stream().mapToLong(s -> s.tradeIdGaps).sum()).isZero();
        assertThat(r.stats().stream().mapToLong(s -> s.seqRegressions).sum()).isZero();
        assertThat(r.stats().stream().mapToLong(s -> s.seqJumps).sum()).isEqualTo(97);
        assertThat(r.stats()).allMatch(s -> s.crossedAfterUpdate == 0 && s.synced);
        // final books, from an independent Python replay (Decimal dicts) of the same file
        top(r.sync().product("SKL-USD").stats, "0.7902", "468", "0.7911", "450", 816, 1341);
        top(r.sync().product("DASH-BTC").stats, "0.00619316", "1.687", "0.00619947", "28.997", 436, 541);
        top(r.sync().product("NMR-EUR").stats, "66.9257", "1.322", "67.021", "11.95", 633, 310);
        // the book rebuilt from the emitted deltas alone equals the replay's book
        for (CoinbaseLegacyBookSync.Product p : r.sync().symbols()) {
            TreeMap<Long, Long>[] b = h.book(p.symbol);
            assertThat(b[0].size()).isEqualTo(p.book.depth(Side.BUY));
            assertThat(b[1].size()).isEqualTo(p.book.depth(Side.SELL));
            assertThat(b[0].lastKey()).isEqualTo(p.book.bestBid());
        }
    }

    @Test
    void legacyMatchSideIsTheMakerSoAggressorIsOpposite() throws IOException {
        BookFromEvents h = new BookFromEvents();
        CryptoRecordings.run(CryptoRecordings.coinbaseLegacy(LEGACY.getFileName().toString(), h, new DataIssueLog()), List.of(LEGACY));
        // 97 matches, all after their product's snapshot (independent Python count): 60 at/through the touch
        // all agree with aggressor = opposite of the maker side, 37 print inside the spread (undecidable)
        assertThat(h.contradicting).isZero();
        assertThat(h.consistent).isEqualTo(60);
        assertThat(h.inside).isEqualTo(37);
        // and the ticker of each trade (taker side, same trade_id; last_match included) agrees with every derived aggressor
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.run(CryptoRecordings.coinbaseLegacy(LEGACY.getFileName().toString(), null, issues), List.of(LEGACY));
        assertThat(r.sync().symbols().stream().mapToLong(p -> p.tickerSideChecked).sum()).isEqualTo(107);
        assertThat(r.sync().symbols().stream().mapToLong(p -> p.tickerSideDisagrees).sum()).isZero();
        assertThat(issues.count("consistency")).isZero();
    }

    @Test
    void advancedTradeV3FromZstd() throws IOException {
        DataIssueLog issues = new DataIssueLog();
        BookFromEvents h = new BookFromEvents();
        CryptoReplay.Result res = CryptoReplay.replay(V3, h, issues);
        assertThat(res.format()).isEqualTo(CryptoReplay.Format.COINBASE_ADVANCED_V3);
        assertThat(issues.total()).isZero();
        SymbolStats btc = res.symbol("BTC-USD"), eth = res.symbol("ETH-USD");
        assertThat(btc.snapshots + eth.snapshots).isEqualTo(2);
        assertThat(btc.bookUpdates + eth.bookUpdates).isEqualTo(773);
        assertThat(btc.trades + eth.trades).isEqualTo(79); // update trades; 200 snapshot trades are history
        assertThat(btc.gaps + eth.gaps + btc.tradeIdGaps + eth.tradeIdGaps).isZero();
        assertThat(btc.synced && eth.synced).isTrue();
        // independent Python replay (Decimal dicts) of the decompressed file
        top(btc, "65083.66", "0.23929087", "65083.67", "0.29040961", 18769, 27238);
        top(eth, "1919.28", "0.14476526", "1919.38", "0.01194407", 6925, 16403);
        // 'side' is the maker side: 71 trades at/through the touch all agree, none contradict
        assertThat(h.contradicting).isZero();
        assertThat(h.consistent).isEqualTo(71);
    }

    @Test
    void advancedTradeSequenceGapUnsyncsEveryBook() throws IOException {
        List<String> lines;
        try (var in = new io.airlift.compress.zstd.ZstdInputStream(java.nio.file.Files.newInputStream(V3))) {
            lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        // drop the 300th received message
        int seen = 0, idx = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("{\"t\":\"recv\"") && ++seen == 300) { idx = i; break; }
        lines.remove(idx);
        long laterL2 = lines.subList(idx, lines.size()).stream().filter(l -> l.contains("l2_data")).count();
        List<FeedStatusEvent> st = new ArrayList<>();
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.coinbaseAdvanced("mem", new MarketDataHandler() {
            @Override public void onFeedStatus(FeedStatusEvent f) { st.add(f.copy()); }
        }, issues);
        r.replay(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        r.finish();
        assertThat(r.sync().sequenceGaps).isEqualTo(1);
        assertThat(issues.count("sequence-gap")).isEqualTo(1);
        assertThat(st).filteredOn(f -> !f.synced).extracting(f -> f.instrument.symbol()).containsExactlyInAnyOrder("BTC-USD", "ETH-USD");
        assertThat(r.sync().symbols()).allMatch(p -> !p.stats.synced && p.stats.gaps == 1);
        assertThat(r.sync().symbols().stream().mapToLong(p -> p.stats.ignoredUnsynced).sum()).isEqualTo(laterL2);
    }

    @Test
    void legacyUpdateBeforeSnapshotIsReportedAndSkipped() throws IOException {
        String text = String.join("\n",
                "1.0: {\"type\":\"l2update\",\"product_id\":\"X-USD\",\"changes\":[[\"buy\",\"1.5\",\"2\"]],\"time\":\"2021-04-17T16:43:37.075687Z\"}",
                "2.0: {\"type\":\"snapshot\",\"product_id\":\"X-USD\",\"bids\":[[\"1.4\",\"3\"]],\"asks\":[[\"1.6\",\"4\"]]}",
                "3.0: {\"changes\":[[\"sell\",\"1.6\",\"0\"],[\"sell\",\"1.7\",\"5\"]],\"type\":\"l2update\",\"product_id\":\"X-USD\",\"time\":\"2021-04-17T16:43:38Z\"}") + "\n";
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.coinbaseLegacy("mem", null, issues);
        r.replay(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        r.finish();
        CoinbaseLegacyBookSync.Product p = r.sync().product("X-USD");
        assertThat(issues.count("order")).isEqualTo(1);
        assertThat(p.l2BeforeSnapshot).isEqualTo(1);
        assertThat(p.book.sizeAt(Side.BUY, Px.parse("1.5"))).isZero();
        // field order does not matter: changes before type/product_id still apply
        assertThat(p.book.bestAsk()).isEqualTo(Px.parse("1.7"));
        assertThat(p.book.bestBid()).isEqualTo(Px.parse("1.4"));
        assertThat(p.stats.bookUpdates).isEqualTo(1);
    }

    static void top(SymbolStats s, String bid, String bidSz, String ask, String askSz, int bidDepth, int askDepth) {
        assertThat(s.bestBid).as(s.symbol).isEqualTo(Px.parse(bid));
        assertThat(s.bestBidSize).as(s.symbol).isEqualTo(Px.parse(bidSz));
        assertThat(s.bestAsk).as(s.symbol).isEqualTo(Px.parse(ask));
        assertThat(s.bestAskSize).as(s.symbol).isEqualTo(Px.parse(askSz));
        assertThat(s.bidDepth).as(s.symbol).isEqualTo(bidDepth);
        assertThat(s.askDepth).as(s.symbol).isEqualTo(askDepth);
    }
}
