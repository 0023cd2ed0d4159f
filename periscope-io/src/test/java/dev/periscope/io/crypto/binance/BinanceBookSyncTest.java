package dev.periscope.io.crypto.binance;

import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.io.crypto.recording.Recording;
import dev.periscope.io.crypto.SymbolStats;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceBookSyncTest {
    static final Path WS = SharedData.path("crypto-ws/BINANCE.ws.1.0");
    static final Path HTTP = SharedData.path("crypto-ws/BINANCE.http.0.0");
    static final Path FWS = SharedData.path("crypto-ws/BINANCE_FUTURES.ws.1.0");
    static final Path FHTTP = SharedData.path("crypto-ws/BINANCE_FUTURES.http.0.0");

    static final class Recorder implements MarketDataHandler {
        final List<FeedStatusEvent> status = new ArrayList<>();
        final List<TradeEvent> trades = new ArrayList<>();
        long deltas, lastFlags;
        @Override public void onBookDelta(BookDeltaEvent d) { deltas++; if (d.isLast()) lastFlags++; }
        @Override public void onFeedStatus(FeedStatusEvent s) { status.add(s.copy()); }
        @Override public void onTrade(TradeEvent t) { trades.add(t.copy()); }
    }

    static SymbolStats stat(Recording<?, ?> r, String sym) {
        return r.stats().stream().filter(s -> s.symbol.equals(sym)).findFirst().orElseThrow();
    }

    @Test
    void spotRecordingSyncsEverySymbolWithoutGaps() throws IOException {
        Recorder rec = new Recorder();
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.runBinance(WS, HTTP, false, rec, issues);
        assertThat(issues.total()).isZero();
        // depthUpdate diffs per symbol (177 in all), stale diffs dropped (u <= lastUpdateId), applied = the rest
        String[] syms = {"NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR"};
        long[] diffs = {150, 10, 15, 2};
        long[] stale = {1, 1, 2, 1};
        for (int i = 0; i < syms.length; i++) {
            SymbolStats s = stat(r, syms[i]);
            assertThat(s.snapshots).as(syms[i]).isEqualTo(1);
            assertThat(s.staleDropped).as(syms[i]).isEqualTo(stale[i]);
            assertThat(s.bookUpdates).as(syms[i]).isEqualTo(diffs[i] - stale[i]);
            assertThat(s.gaps).isZero();
            assertThat(s.synced).isTrue();
            assertThat(s.crossedAfterUpdate).isZero();
        }
        assertThat(r.stats().stream().mapToLong(s -> s.messages).sum()).isEqualTo(177 + 84 + 2 + 2);
        assertThat(rec.status).hasSize(4).allMatch(f -> f.synced && f.reason.equals("snapshot"));
        assertThat(rec.trades).hasSize(2);
        // bookTickers sharing an update id with an applied diff (independent Python count: 26) all equal our top
        assertThat(r.stats().stream().mapToLong(x -> x.topChecks).sum()).isEqualTo(26);
        assertThat(r.stats().stream().mapToLong(x -> x.topMismatches).sum()).isZero();
    }

    @Test
    void nknusdtFirstDiffIsDroppedAndTheNextBridgesTheSnapshot() throws IOException {
        // README: snapshot lastUpdateId=499869752; first diff U=499869750,u=499869752 must be dropped
        var r = CryptoRecordings.runBinance(WS, HTTP, false, null, new DataIssueLog());
        BinanceBookSync.Sym s = r.sync().symbols().stream().filter(x -> x.symbol.equals("NKNUSDT")).findFirst().orElseThrow();
        assertThat(s.snapshotId).isEqualTo(499869752L);
        assertThat(s.stats.staleDropped).isEqualTo(1);
        assertThat(s.stats.buffered).isEqualTo(1); // that first diff arrived before the snapshot
        assertThat(s.lastU).isEqualTo(499870179L); // last diff of the recording
        // the dropped diff set bid 0.3513 to 6195, which the snapshot already had
        assertThat(s.book.sizeAt(Side.BUY, Px.parse("0.3513"))).isNotZero();
    }

    @Test
    void finalBooksEqualNaiveApplicationOfDiffsToTheSnapshot() throws IOException {
        for (boolean fut : new boolean[] {false, true}) {
            var r = CryptoRecordings.runBinance(fut ? FWS : WS, fut ? FHTTP : HTTP, fut, null, new DataIssueLog());
            Map<String, NaiveBook> naive = naive(fut ? FWS : WS, fut ? FHTTP : HTTP, fut);
            assertThat(naive).hasSize(4);
            for (BinanceBookSync.Sym s : r.sync().symbols()) {
                NaiveBook n = naive.get(s.symbol);
                assertThat(levels(s, Side.BUY)).as(s.symbol).isEqualTo(n.bids);
                assertThat(levels(s, Side.SELL)).as(s.symbol).isEqualTo(n.asks);
                assertThat(n.bids.size()).isGreaterThan(100);
            }
        }
    }

    @Test
    void futuresRecordingUsesPuContinuity() throws IOException {
        Recorder rec = new Recorder();
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.runBinance(FWS, FHTTP, true, rec, issues);
        assertThat(issues.total()).isZero();
        // per symbol: diffs, dropped with u < lastUpdateId (AKROUSDT's first applied diff has u == lastUpdateId)
        String[] syms = {"SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT"};
        long[] diffs = {255, 189, 135, 185};
        long[] stale = {3, 1, 3, 5};
        for (int i = 0; i < syms.length; i++) {
            SymbolStats s = stat(r, syms[i]);
            assertThat(s.staleDropped).as(syms[i]).isEqualTo(stale[i]);
            assertThat(s.bookUpdates).as(syms[i]).isEqualTo(diffs[i] - stale[i]);
            assertThat(s.gaps).isZero();
            assertThat(s.synced).isTrue();
        }
        assertThat(rec.trades).hasSize(91);
        // bookTickers sharing an update id with an applied diff (independent Python count: 50) all equal our top
        assertThat(r.stats().stream().mapToLong(x -> x.topChecks).sum()).isEqualTo(50);
        assertThat(r.stats().stream().mapToLong(x -> x.topMismatches).sum()).isZero();
        assertThat(r.stats().stream().mapToLong(s -> s.trades).sum()).isEqualTo(91);
    }

    @Test
    void aggressorComesFromBuyerIsMaker() throws IOException {
        Recorder rec = new Recorder();
        CryptoRecordings.runBinance(WS, HTTP, false, rec, new DataIssueLog());
        // 1633998512.9..: LRCBTC? check against the raw lines: count m=true lines vs SELL aggressors
        List<String> lines = Files.readAllLines(WS);
        long mTrue = lines.stream().filter(l -> l.contains("\"e\":\"aggTrade\"") && l.contains("\"m\":true")).count();
        assertThat(rec.trades.stream().filter(t -> t.aggressor == Aggressor.SELL).count()).isEqualTo(mTrue);
        assertThat(rec.trades.stream().filter(t -> t.aggressor == Aggressor.BUY).count()).isEqualTo(2 - mTrue);
        assertThat(rec.trades).allMatch(t -> t.price > 0 && t.size > 0 && t.tradeId > 0 && t.tsEvent > 1_633_998_000_000_000_000L);
    }

    @Test
    void droppedMessageMakesTheBookUnsyncedAndASecondSnapshotResyncsIt() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(WS));
        // drop the 30th NKNUSDT diff from an in-memory copy
        int seen = 0, dropIdx = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"s\":\"NKNUSDT\"") && lines.get(i).contains("depthUpdate") && ++seen == 30) { dropIdx = i; break; }
        }
        String dropped = lines.remove(dropIdx);
        long remainingAfter = lines.subList(dropIdx, lines.size()).stream()
                .filter(l -> l.contains("\"s\":\"NKNUSDT\"") && l.contains("depthUpdate")).count();

        // 1) one snapshot only: unsynced for the rest of the recording
        Recorder rec = new Recorder();
        DataIssueLog issues = new DataIssueLog();
        var r = replay(lines, Files.readAllLines(HTTP), rec, issues);
        SymbolStats s = stat(r, "NKNUSDT");
        assertThat(s.gaps).isEqualTo(1);
        assertThat(s.resyncs).isZero();
        assertThat(s.synced).isFalse();
        assertThat(s.ignoredUnsynced).isEqualTo(remainingAfter);
        assertThat(s.bookUpdates).isEqualTo(150 - 1 - 1 - remainingAfter);
        assertThat(issues.count("sequence-gap")).isEqualTo(1);
        assertThat(rec.status).filteredOn(f -> !f.synced).singleElement()
                .satisfies(f -> assertThat(f.reason).isEqualTo("gap"))
                .satisfies(f -> assertThat(f.instrument.symbol()).isEqualTo("NKNUSDT"));
        assertThat(stat(r, "BLZETH").gaps).isZero();

        // 2) a later snapshot (built independently from the full recording at a diff received after the gap) resyncs
        String gapLine = lines.get(dropIdx); // first diff after the dropped one
        int resyncAt = dropIdx + 40;
        while (!(lines.get(resyncAt).contains("\"s\":\"NKNUSDT\"") && lines.get(resyncAt).contains("depthUpdate"))) resyncAt++;
        long lastU = Long.parseLong(field(lines.get(resyncAt), "u"));
        String recvTs = lines.get(resyncAt).substring(0, lines.get(resyncAt).indexOf(':'));
        List<String> allLines = Files.readAllLines(WS);
        NaiveBook at = naive(allLines, Files.readAllLines(HTTP), false, "NKNUSDT", lastU);
        List<String> http = new ArrayList<>(Files.readAllLines(HTTP));
        // received just after the diff with u=lastU, before the next one
        BigDecimal t = new BigDecimal(recvTs).add(new BigDecimal("0.0000001"));
        http.add("https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000 -> " + t.toPlainString() + ": " + at.toJson(lastU));
        rec = new Recorder();
        r = replay(lines, http, rec, new DataIssueLog());
        s = stat(r, "NKNUSDT");
        assertThat(s.gaps).isEqualTo(1);
        assertThat(s.resyncs).isEqualTo(1);
        assertThat(s.snapshots).isEqualTo(2);
        assertThat(s.synced).isTrue();
        assertThat(rec.status).filteredOn(f -> f.instrument.symbol().equals("NKNUSDT")).extracting(f -> f.reason)
                .containsExactly("snapshot", "gap", "resync");
        // after resync the book equals the naive application of the full (undropped) recording
        BinanceBookSync.Sym sym = r.sync().symbols().stream().filter(x -> x.symbol.equals("NKNUSDT")).findFirst().orElseThrow();
        NaiveBook full = naive(WS, HTTP, false).get("NKNUSDT");
        assertThat(levels(sym, Side.BUY)).isEqualTo(full.bids);
        assertThat(levels(sym, Side.SELL)).isEqualTo(full.asks);
        assertThat(dropped).isNotEqualTo(gapLine);

        // 3) STRICT policy: the gap stops the replay with the issue (file, line, kind)
        DataIssueLog strict = new DataIssueLog(dev.periscope.model.quality.IssuePolicy.STRICT, 10, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replay(lines, Files.readAllLines(HTTP), null, strict))
                .isInstanceOf(dev.periscope.model.quality.DataException.class)
                .hasMessageContaining("sequence-gap");
        assertThat(strict.total()).isEqualTo(1);
    }

    @Test
    void futuresGapIsDetectedWithPu() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(FWS));
        int seen = 0, idx = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"s\":\"CTKUSDT\"") && lines.get(i).contains("depthUpdate") && ++seen == 50) { idx = i; break; }
        }
        lines.remove(idx);
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.binance(true, "mem", null, issues);
        CryptoRecordings.loadSnapshots(r, stream(Files.readAllLines(FHTTP)), "http");
        r.replay(stream(lines));
        r.finish();
        SymbolStats ctk = stat(r, "CTKUSDT");
        assertThat(ctk.gaps).isEqualTo(1);
        assertThat(ctk.synced).isFalse();
        assertThat(ctk.bookUpdates).isEqualTo(50 - 1 - 5); // applied before the gap: 49 diffs minus 5 stale
        assertThat(ctk.ignoredUnsynced).isEqualTo(185 - 50);
        assertThat(issues.firstIssues().get(0).reason()).contains("CTKUSDT").contains("pu=");
        assertThat(stat(r, "SUSHIUSDT").gaps).isZero();
    }

    private static Recording<BinanceBookSync, BinanceDecoder> replay(List<String> ws, List<String> http, MarketDataHandler h, DataIssueLog issues) throws IOException {
        var r = CryptoRecordings.binance(false, "mem", h, issues);
        CryptoRecordings.loadSnapshots(r, stream(http), "http");
        r.replay(stream(ws));
        r.finish();
        return r;
    }

    private static InputStream stream(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Long, Long> levels(BinanceBookSync.Sym s, Side side) {
        Map<Long, Long> m = new TreeMap<>();
        for (int i = 0; i < s.book.depth(side); i++) m.put(s.book.price(side, i), s.book.size(side, i));
        return m;
    }

    // ---- independent oracle: regex parsing, BigDecimal, apply every diff with u > lastUpdateId in file order ----

    static final class NaiveBook {
        final Map<Long, Long> bids = new TreeMap<>();
        final Map<Long, Long> asks = new TreeMap<>();

        String toJson(long lastUpdateId) {
            StringBuilder sb = new StringBuilder("{\"lastUpdateId\":").append(lastUpdateId).append(",\"bids\":[");
            List<Long> bp = new ArrayList<>(bids.keySet());
            Collections.reverse(bp);
            append(sb, bp, bids);
            sb.append("],\"asks\":[");
            append(sb, new ArrayList<>(asks.keySet()), asks);
            return sb.append("]}").toString();
        }

        private static void append(StringBuilder sb, List<Long> prices, Map<Long, Long> m) {
            for (int i = 0; i < prices.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append("[\"").append(BigDecimal.valueOf(prices.get(i), 8).toPlainString()).append("\",\"")
                        .append(BigDecimal.valueOf(m.get(prices.get(i)), 8).toPlainString()).append("\"]");
            }
        }
    }

    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"\\]");

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!m.find()) throw new IllegalStateException(name);
        return m.group(1);
    }

    static Map<String, NaiveBook> naive(Path ws, Path http, boolean fut) throws IOException {
        Map<String, NaiveBook> out = new TreeMap<>();
        for (String sym : new String[] {"NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR", "SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT"}) {
            NaiveBook b = naive(Files.readAllLines(ws), Files.readAllLines(http), fut, sym, Long.MAX_VALUE);
            if (b != null) out.put(sym, b);
        }
        return out;
    }

    static NaiveBook naive(List<String> ws, List<String> http, boolean fut, String sym, long upToU) {
        String snap = http.stream().filter(l -> l.contains("symbol=" + sym + "&")).findFirst().orElse(null);
        if (snap == null) return null;
        String js = snap.substring(snap.indexOf(": {") + 2);
        long lid = Long.parseLong(field(js, "lastUpdateId"));
        NaiveBook b = new NaiveBook();
        int asksAt = js.indexOf("\"asks\"");
        put(b.bids, js.substring(js.indexOf("\"bids\""), asksAt));
        put(b.asks, js.substring(asksAt));
        for (String l : ws) {
            if (!l.contains("depthUpdate") || !l.contains("\"s\":\"" + sym + "\"")) continue;
            long u = Long.parseLong(field(l, "u"));
            if (fut ? u < lid : u <= lid) continue;
            if (u > upToU) break;
            int a = l.indexOf("\"a\":[");
            put(b.bids, l.substring(l.indexOf("\"b\":["), a));
            put(b.asks, l.substring(a));
        }
        return b;
    }

    private static void put(Map<Long, Long> side, String text) {
        Matcher m = LEVEL.matcher(text);
        while (m.find()) {
            long p = new BigDecimal(m.group(1)).movePointRight(8).longValueExact();
            long q = new BigDecimal(m.group(2)).movePointRight(8).longValueExact();
            if (q == 0) side.remove(p);
            else side.put(p, q);
        }
    }
}
