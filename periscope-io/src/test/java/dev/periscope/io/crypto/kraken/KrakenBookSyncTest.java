package dev.periscope.io.crypto.kraken;

import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.io.crypto.recording.Recording;
import dev.periscope.io.crypto.SymbolStats;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class KrakenBookSyncTest {
    static final Path BOOK = SharedData.path("crypto-ws/KRAKEN.ws.50.0");
    static final Path TRADES = SharedData.path("crypto-ws/KRAKEN.ws.48.0");

    static Recording<KrakenBookSync, KrakenDecoder> replay(List<String> lines, MarketDataHandler h, DataIssueLog issues) throws IOException {
        var r = CryptoRecordings.kraken("mem", h, issues);
        r.replay(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        r.finish();
        return r;
    }

    @Test
    void everyChecksumInTheRecordingVerifies() throws IOException {
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.run(CryptoRecordings.kraken(BOOK.getFileName().toString(), null, issues), List.of(BOOK));
        assertThat(issues.total()).isZero();
        List<SymbolStats> st = r.stats();
        assertThat(st).hasSize(10);
        assertThat(st.stream().mapToLong(s -> s.checksumOk).sum()).isEqualTo(4269);
        assertThat(st.stream().mapToLong(s -> s.checksumFail).sum()).isZero();
        assertThat(st.stream().mapToLong(s -> s.messages).sum()).isEqualTo(4279);
        assertThat(st).allMatch(s -> s.snapshots == 1 && s.synced && s.crossedAfterUpdate == 0);
        // XMR/USD: 847 messages = 1 snapshot + 846 updates, each with a checksum
        SymbolStats xmr = st.stream().filter(s -> s.symbol.equals("XMR/USD")).findFirst().orElseThrow();
        assertThat(xmr.bookUpdates).isEqualTo(846);
        assertThat(xmr.checksumOk).isEqualTo(846);
    }

    @Test
    void finalTopOfBookMatchesIndependentReplay() throws IOException {
        // values from an independent Python replay of the same file (string-keyed dicts, Decimal sort)
        var r = CryptoRecordings.run(CryptoRecordings.kraken(BOOK.getFileName().toString(), null, new DataIssueLog()), List.of(BOOK));
        assertTop(r, "ADA/XBT", "0.00002288", "11947.13445094", "0.0000229", "7200.50427342", 707, 840);
        assertTop(r, "XBT/CHF", "56060.3", "0.05804973", "56194.2", "0.017", 500, 315);
        assertTop(r, "GRT/ETH", "0.0008335", "506.69981876", "0.0008362", "3304.00414043", 60, 73);
        assertTop(r, "XMR/USD", "353.64", "30.3", "354.48", "6.86050247", 657, 426);
        assertThat(r.sync().pair("GRT/ETH").priceDecimals()).isEqualTo(9); // "0.000835600": 9 decimals, 8 significant
        assertThat(r.sync().pair("XMR/USD").priceDecimals()).isEqualTo(8);
        assertThat(r.sync().pair("XMR/USD").volumeDecimals()).isEqualTo(8);
    }

    private static void assertTop(Recording<?, ?> r, String pair, String bid, String bidSz, String ask, String askSz, int bidDepth, int askDepth) {
        SymbolStats s = r.stats().stream().filter(x -> x.symbol.equals(pair)).findFirst().orElseThrow();
        assertThat(s.bestBid).as(pair).isEqualTo(Px.parse(bid));
        assertThat(s.bestBidSize).as(pair).isEqualTo(Px.parse(bidSz));
        assertThat(s.bestAsk).as(pair).isEqualTo(Px.parse(ask));
        assertThat(s.bestAskSize).as(pair).isEqualTo(Px.parse(askSz));
        assertThat(s.bidDepth).as(pair).isEqualTo(bidDepth);
        assertThat(s.askDepth).as(pair).isEqualTo(askDepth);
    }

    @Test
    void aCorruptedUpdateFailsExactlyItsChecksum() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(BOOK));
        // the 100th XMR/USD update carrying a checksum
        int seen = 0, idx = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.endsWith("\"XMR/USD\"]") && l.contains("\"c\":") && ++seen == 100) { idx = i; break; }
        }
        String orig = lines.get(idx);
        // change the volume of its first level: "x.xxxxxxxx" -> add 1e-8
        int q = orig.indexOf("[[\"") + 3;
        int vStart = orig.indexOf("\",\"", q) + 3;
        int vEnd = orig.indexOf('"', vStart);
        String vol = orig.substring(vStart, vEnd);
        String bumped = new java.math.BigDecimal(vol).add(new java.math.BigDecimal("0.00000001")).setScale(8).toPlainString();
        lines.set(idx, orig.substring(0, vStart) + bumped + orig.substring(vEnd));
        long laterXmrChecksums = lines.subList(idx + 1, lines.size()).stream()
                .filter(l -> l.endsWith("\"XMR/USD\"]") && l.contains("\"c\":")).count();

        List<FeedStatusEvent> st = new ArrayList<>();
        DataIssueLog issues = new DataIssueLog();
        var r = replay(lines, new MarketDataHandler() {
            @Override public void onFeedStatus(FeedStatusEvent s) { st.add(s.copy()); }
        }, issues);
        KrakenBookSync.Pair xmr = r.sync().pair("XMR/USD");
        assertThat(xmr.stats.checksumFail).isEqualTo(1);
        assertThat(xmr.firstChecksumFailLine).isEqualTo(idx + 1);
        assertThat(issues.count("checksum")).isEqualTo(1);
        assertThat(issues.firstIssues().get(0).line()).isEqualTo(idx + 1);
        assertThat(xmr.stats.checksumOk).isEqualTo(99);
        assertThat(xmr.stats.ignoredUnsynced).isEqualTo(laterXmrChecksums);
        assertThat(xmr.stats.synced).isFalse();
        assertThat(st).filteredOn(f -> !f.synced).singleElement().satisfies(f -> assertThat(f.reason).isEqualTo("checksum"));
        // other pairs unaffected
        assertThat(r.stats().stream().filter(s -> !s.symbol.equals("XMR/USD")).mapToLong(s -> s.checksumOk).sum())
                .isEqualTo(4269 - 846);
    }

    @Test
    void malformedMessagesAreReportedAndSkippedWithoutDerailingTheParser() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(BOOK));
        lines.add(20, "1618678140.5: [1664,{\"a\":[[\"13.2608");             // truncated JSON
        lines.add(40, "1618678141.5: {\"event\":\"heartbeat\"} {\"x\":1}");   // two values on one line
        lines.add(60, "1618678142.5: [1664,{\"a\":[[\"1e5\",\"1.0\",\"1.0\"]]},\"book-1000\",\"WAVES/EUR\"]"); // exponent
        DataIssueLog issues = new DataIssueLog();
        var r = replay(lines, null, issues);
        assertThat(issues.count("parse")).isEqualTo(3);
        assertThat(issues.firstIssues()).extracting(i -> i.line()).containsExactly(21L, 41L, 61L);
        // every real message after them still parses and verifies
        assertThat(r.stats().stream().mapToLong(s -> s.checksumOk).sum()).isEqualTo(4269);
        assertThat(r.stats().stream().mapToLong(s -> s.checksumFail).sum()).isZero();
    }

    @Test
    void checksumTextFollowsTheKrakenRule() {
        // independent: build the documented string by hand for a 2-level book and CRC32 it
        dev.periscope.book.ReferenceL2Book b = new dev.periscope.book.ReferenceL2Book();
        b.set(Side.SELL, Px.parse("0.05120"), Px.parse("0.00000500"));
        b.set(Side.SELL, Px.parse("0.05275"), Px.parse("0.00000500"));
        b.set(Side.BUY, Px.parse("0.04765"), Px.parse("0.00000500"));
        b.set(Side.BUY, Px.parse("0.04940"), Px.parse("0.00000500"));
        // asks low->high then bids high->low; '.' removed, leading zeros stripped
        String text = "5120" + "500" + "5275" + "500" + "4940" + "500" + "4765" + "500";
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(new KrakenChecksum().compute(b, 5, 8)).isEqualTo(crc.getValue());
        assertThat(KrakenChecksum.mantissa(Px.parse("0.0008356"), 9)).isEqualTo(835600);
    }

    @Test
    void twoObjectUpdateRepublishTruncationAndDeletion() throws IOException {
        List<String> lines = List.of(
                "1.0: {\"channelID\":7,\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\",\"pair\":\"T/USD\",\"status\":\"subscribed\",\"subscription\":{\"depth\":10,\"name\":\"book\"}}",
                snapshot(),
                // a and b in two objects; a republish; one delete; one new best bid pushes the 11th bid out
                "3.0: [7,{\"a\":[[\"101.00\",\"0.000\",\"2.5\"],[\"110.00\",\"7.000\",\"2.6\",\"r\"]]},{\"b\":[[\"99.50\",\"4.000\",\"2.7\"]]},\"book-10\",\"T/USD\"]");
        DataIssueLog issues = new DataIssueLog();
        var r = replay(lines, null, issues);
        assertThat(issues.total()).isZero();
        KrakenBookSync.Pair p = r.sync().pair("T/USD");
        assertThat(p.book.depth(Side.BUY)).isEqualTo(10);
        assertThat(p.book.price(Side.BUY, 0)).isEqualTo(Px.parse("99.5"));
        assertThat(p.book.price(Side.BUY, 9)).isEqualTo(Px.parse("91")); // 90.00 truncated away
        assertThat(p.book.sizeAt(Side.SELL, Px.parse("101"))).isZero();
        assertThat(p.book.price(Side.SELL, 0)).isEqualTo(Px.parse("102"));
        assertThat(p.book.sizeAt(Side.SELL, Px.parse("110"))).isEqualTo(Px.parse("7"));
        assertThat(p.republished).isEqualTo(1);
        assertThat(p.truncated).isEqualTo(1);
        assertThat(p.stats.bookUpdates).isEqualTo(1);
        assertThat(p.stats.levelChanges).isEqualTo(3);
    }

    private static String snapshot() {
        StringBuilder as = new StringBuilder(), bs = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i > 0) { as.append(','); bs.append(','); }
            as.append("[\"").append(101 + i).append(".00\",\"1.000\",\"1.5\"]");
            bs.append("[\"").append(99 - i).append(".00\",\"2.000\",\"1.5\"]");
        }
        return "2.0: [7,{\"as\":[" + as + "],\"bs\":[" + bs + "]},\"book-10\",\"T/USD\"]";
    }

    @Test
    void tradesCarryTheTakerSideAsAggressor() throws IOException {
        List<TradeEvent> trades = new ArrayList<>();
        CryptoRecordings.run(CryptoRecordings.kraken("trades", new MarketDataHandler() {
            @Override public void onTrade(TradeEvent t) { trades.add(t.copy()); }
        }, new DataIssueLog()), List.of(TRADES));
        assertThat(trades).hasSize(10);
        assertThat(trades).filteredOn(t -> t.aggressor == Aggressor.BUY).hasSize(5);
        assertThat(trades).filteredOn(t -> t.aggressor == Aggressor.SELL).hasSize(5);
        TradeEvent first = trades.get(0);
        assertThat(first.instrument.symbol()).isEqualTo("XMR/USD");
        assertThat(first.price).isEqualTo(Px.parse("354.11"));
        assertThat(first.size).isEqualTo(Px.parse("0.89594024"));
        assertThat(first.aggressor).isEqualTo(Aggressor.SELL);
        assertThat(first.venue).isEqualTo('k');
    }
}
