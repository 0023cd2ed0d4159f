package dev.periscope.io.crypto.binance;

import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.io.crypto.recording.Recording;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The depthUpdate byte scanner against an independent parse (Jackson tokens, BigDecimal prices) of every
 * depthUpdate of both real recordings, and whole replays with the scanner on and off (every event field, issues,
 * statistics) on the real recordings and on crafted odd messages.
 */
class DepthScannerTest {
    static final Path WS = SharedData.path("crypto-ws/BINANCE.ws.1.0");
    static final Path HTTP = SharedData.path("crypto-ws/BINANCE.http.0.0");
    static final Path FWS = SharedData.path("crypto-ws/BINANCE_FUTURES.ws.1.0");
    static final Path FHTTP = SharedData.path("crypto-ws/BINANCE_FUTURES.http.0.0");

    /** Every field of every event, as text. */
    static final class Tape implements MarketDataHandler {
        final List<String> events = new ArrayList<>();
        @Override public void onBookDelta(BookDeltaEvent d) {
            events.add("D " + d.tsEvent + " " + d.tsRecv + " " + d.instrument + " " + d.sourceSeq + " " + d.venue + " "
                    + d.side + " " + d.price + " " + d.size + " " + d.flags + " " + d.updateId);
        }
        @Override public void onTrade(TradeEvent t) {
            events.add("T " + t.tsEvent + " " + t.tsRecv + " " + t.instrument + " " + t.sourceSeq + " " + t.venue + " "
                    + t.price + " " + t.size + " " + t.conditions + " " + t.aggressor + " " + t.tradeId);
        }
        @Override public void onFeedStatus(FeedStatusEvent s) {
            events.add("S " + s.tsEvent + " " + s.tsRecv + " " + s.instrument + " " + s.sourceSeq + " " + s.venue + " "
                    + s.synced + " " + s.reason);
        }
    }

    record Run(Recording<BinanceBookSync, BinanceDecoder> replay, List<String> events, List<String> issues, long issueTotal, List<String> stats) {}

    static Run run(byte[] ws, Path http, boolean futures, boolean fast) throws IOException {
        Tape tape = new Tape();
        DataIssueLog log = new DataIssueLog();
        var r = CryptoRecordings.binance(futures, "ws", tape, log);
        r.decoder().fastDepth(fast);
        try (InputStream in = Files.newInputStream(http)) { CryptoRecordings.loadSnapshots(r, in, "http"); }
        r.replay(new ByteArrayInputStream(ws));
        r.finish();
        List<String> issues = log.firstIssues().stream().map(Object::toString).toList();
        List<String> stats = r.stats().stream().map(Object::toString).toList();
        return new Run(r, tape.events, issues, log.total(), stats);
    }

    static void assertSame(Run fast, Run slow) {
        assertThat(fast.events).hasSize(slow.events.size()).isEqualTo(slow.events);
        assertThat(fast.issues).isEqualTo(slow.issues);
        assertThat(fast.issueTotal).isEqualTo(slow.issueTotal);
        assertThat(fast.stats).isEqualTo(slow.stats);
    }

    @Test
    void realRecordingsReplayIdenticallyWithZeroFallbacks() throws IOException {
        for (boolean futures : new boolean[] {false, true}) {
            byte[] ws = Files.readAllBytes(futures ? FWS : WS);
            Run fast = run(ws, futures ? FHTTP : HTTP, futures, true);
            Run slow = run(ws, futures ? FHTTP : HTTP, futures, false);
            assertSame(fast, slow);
            assertThat(fast.events).hasSizeGreaterThan(1000);
            assertThat(fast.issueTotal).isZero();
            assertThat(fast.replay.decoder().fastDepthMessages()).isEqualTo(futures ? 764 : 177);
            assertThat(fast.replay.decoder().depthFallbacks()).isZero();
            assertThat(slow.replay.decoder().fastDepthMessages()).isZero();
        }
    }

    /** Independent oracle: Jackson tokens of one message, prices via BigDecimal. */
    static BinanceDiff oracle(String json, String[] symbol) throws IOException {
        BinanceDiff d = new BinanceDiff();
        d.reset();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (!f.equals("data")) { p.skipChildren(); continue; }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String g = p.currentName();
                    p.nextToken();
                    switch (g) {
                        case "E" -> d.eventMs = p.getLongValue();
                        case "U" -> d.firstId = p.getLongValue();
                        case "u" -> d.lastId = p.getLongValue();
                        case "pu" -> d.prevLastId = p.getLongValue();
                        case "s" -> symbol[0] = p.getText();
                        case "b", "a" -> {
                            while (p.nextToken() == JsonToken.START_ARRAY) {
                                p.nextToken();
                                long px = new BigDecimal(p.getText()).movePointRight(8).longValueExact();
                                p.nextToken();
                                long qty = new BigDecimal(p.getText()).movePointRight(8).longValueExact();
                                p.nextToken();
                                if (g.equals("b")) d.addBid(px, qty); else d.addAsk(px, qty);
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            }
        }
        return d;
    }

    @Test
    void everyRealDepthUpdateScansToTheOracleFieldByField() throws IOException {
        int checked = 0;
        long levels = 0;
        for (Path ws : new Path[] {WS, FWS}) {
            boolean futures = ws == FWS;
            for (String line : Files.readAllLines(ws, StandardCharsets.UTF_8)) {
                if (!line.contains("\"e\":\"depthUpdate\"")) continue;
                String json = line.substring(line.indexOf(": ") + 2);
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                BinanceDiff d = new BinanceDiff();
                d.reset();
                DepthScanner s = new DepthScanner();
                assertThat(s.scan(b, line.indexOf(": ") + 2, b.length, d, futures)).as(line).isEqualTo(DepthScanner.OK);
                String[] sym = new String[1];
                BinanceDiff o = oracle(json, sym);
                assertThat(new String(b, s.symFrom, s.symTo - s.symFrom, StandardCharsets.US_ASCII)).isEqualTo(sym[0]);
                assertThat(d.eventMs).isEqualTo(o.eventMs).isPositive();
                assertThat(d.firstId).isEqualTo(o.firstId).isPositive();
                assertThat(d.lastId).isEqualTo(o.lastId).isGreaterThanOrEqualTo(d.firstId);
                assertThat(d.prevLastId).isEqualTo(o.prevLastId);
                if (futures) assertThat(d.prevLastId).isPositive(); else assertThat(d.prevLastId).isEqualTo(Long.MIN_VALUE);
                assertThat(d.nb).isEqualTo(o.nb);
                assertThat(d.na).isEqualTo(o.na);
                for (int i = 0; i < d.nb; i++) {
                    assertThat(d.bidPx[i]).isEqualTo(o.bidPx[i]);
                    assertThat(d.bidSz[i]).isEqualTo(o.bidSz[i]);
                }
                for (int i = 0; i < d.na; i++) {
                    assertThat(d.askPx[i]).isEqualTo(o.askPx[i]);
                    assertThat(d.askSz[i]).isEqualTo(o.askSz[i]);
                }
                levels += d.nb + d.na;
                checked++;
            }
        }
        assertThat(checked).isEqualTo(177 + 764);
        assertThat(levels).isGreaterThan(2000);
    }

    /** The scanner's one-pass decimal conversion equals Px.parse (or declines exactly where Px.parse throws). */
    @Test
    void levelStringsConvertExactlyAsPxParse() {
        java.util.Random rnd = new java.util.Random(42);
        String alphabet = "0123456789.0123456789.-+e ";
        int accepted = 0;
        for (int trial = 0; trial < 200_000; trial++) {
            StringBuilder q = new StringBuilder();
            int len = rnd.nextInt(trial % 3 == 0 ? 24 : 14);
            for (int k = 0; k < len; k++) {
                q.append(rnd.nextInt(5) == 0 ? alphabet.charAt(rnd.nextInt(alphabet.length())) : (char) ('0' + rnd.nextInt(10)));
            }
            String m = "{\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"X\",\"U\":1,\"u\":2,\"b\":[[\"" + q
                    + "\",\"1\"]],\"a\":[]}}";
            byte[] b = m.getBytes(StandardCharsets.US_ASCII);
            BinanceDiff d = new BinanceDiff();
            d.reset();
            int res = new DepthScanner().scan(b, 0, b.length, d, false);
            Long expected;
            try {
                expected = dev.periscope.model.Px.parse(q, 0, q.length());
            } catch (NumberFormatException e) {
                expected = null;
            }
            if (expected == null) {
                assertThat(res).as(q.toString()).isEqualTo(DepthScanner.REJECT);
            } else {
                assertThat(res).as(q.toString()).isEqualTo(DepthScanner.OK);
                assertThat(d.bidPx[0]).as(q.toString()).isEqualTo(expected);
                assertThat(d.bidSz[0]).isEqualTo(dev.periscope.model.Px.SCALE);
                accepted++;
            }
        }
        assertThat(accepted).isGreaterThan(50_000);
    }

    /** Integer fields: value equals Long.parseLong for 1-18 digits without a leading zero, refused otherwise. */
    @Test
    void integerFieldsConvertExactlyOrAreRefused() {
        java.util.Random rnd = new java.util.Random(43);
        int accepted = 0;
        for (int trial = 0; trial < 100_000; trial++) {
            StringBuilder q = new StringBuilder();
            int len = rnd.nextInt(22);
            for (int k = 0; k < len; k++) q.append((char) ('0' + (rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(10))));
            if (rnd.nextInt(10) == 0) q.append(rnd.nextBoolean() ? ".5" : "e3");
            String m = "{\"data\":{\"e\":\"depthUpdate\",\"E\":" + q + ",\"s\":\"X\",\"U\":1,\"u\":2,\"b\":[],\"a\":[]}}";
            byte[] b = m.getBytes(StandardCharsets.US_ASCII);
            BinanceDiff d = new BinanceDiff();
            d.reset();
            int res = new DepthScanner().scan(b, 0, b.length, d, false);
            String t = q.toString();
            boolean valid = t.matches("0|[1-9][0-9]{0,17}");
            if (valid) {
                assertThat(res).as(t).isEqualTo(DepthScanner.OK);
                assertThat(d.eventMs).as(t).isEqualTo(Long.parseLong(t));
                accepted++;
            } else {
                assertThat(res).as(t).isEqualTo(DepthScanner.REJECT);
            }
        }
        assertThat(accepted).isGreaterThan(30_000);
    }

    @Test
    void otherMessageTypesAreNotDepth() {
        String[] msgs = {
            "{\"stream\":\"x@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,\"s\":\"X\",\"b\":\"1\",\"B\":\"2\"}}",
            "{\"stream\":\"x@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"X\",\"a\":5}}",
        };
        for (String m : msgs) {
            byte[] b = m.getBytes(StandardCharsets.US_ASCII);
            BinanceDiff d = new BinanceDiff();
            d.reset();
            assertThat(new DepthScanner().scan(b, 0, b.length, d, true)).isEqualTo(DepthScanner.NOT_DEPTH);
        }
        byte[] ack = "{\"result\":null,\"id\":1}".getBytes(StandardCharsets.US_ASCII);
        assertThat(new DepthScanner().scan(ack, 0, ack.length, new BinanceDiff(), true)).isEqualTo(DepthScanner.REJECT);
    }

    // --- crafted odd messages: one real futures depthUpdate line rewritten, whole replay compared ------------------

    static final String ORIGINAL_DATA = "\"e\":\"depthUpdate\",\"E\":1626992741037,\"T\":1626992741024,\"s\":\"SUSHIUSDT\","
            + "\"U\":600859599090,\"u\":600859600917,\"pu\":600859598061,\"b\":[[\"7.5040\",\"813\"],[\"7.6090\",\"0\"],"
            + "[\"7.6110\",\"2\"]],\"a\":[[\"7.6150\",\"1563\"],[\"7.6220\",\"3284\"]]";

    static byte[] futuresWith(String replacementLine) throws IOException {
        String ws = Files.readString(FWS, StandardCharsets.UTF_8);
        String original = "{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{" + ORIGINAL_DATA + "}}";
        assertThat(ws).contains(original);
        return ws.replace(original, replacementLine).getBytes(StandardCharsets.UTF_8);
    }

    static Run[] both(String replacement) throws IOException {
        byte[] ws = futuresWith(replacement);
        Run fast = run(ws, FHTTP, true, true);
        Run slow = run(ws, FHTTP, true, false);
        assertSame(fast, slow);
        return new Run[] {fast, slow};
    }

    @Test
    void reorderedKeysAndWhitespaceStayOnTheFastPathWithIdenticalEvents() throws IOException {
        Run orig = run(Files.readAllBytes(FWS), FHTTP, true, false);
        String reordered = " { \"data\" : { \"a\":[ [\"7.6150\" , \"1563\"],[\"7.6220\",\"3284\"] ] ,\t\"b\":[[\"7.5040\",\"813\"],"
                + "[\"7.6090\",\"0\"],[\"7.6110\",\"2\"]],\"pu\":600859598061,\"u\":600859600917,\"U\":600859599090,"
                + "\"s\":\"SUSHIUSDT\",\"T\":1626992741024,\"E\":1626992741037,\"e\":\"depthUpdate\"} ,"
                + "\"stream\":\"sushiusdt@depth@100ms\" } ";
        Run[] r = both(reordered);
        assertSame(r[0], orig);
        assertThat(r[0].replay.decoder().depthFallbacks()).isZero();
        assertThat(r[0].replay.decoder().fastDepthMessages()).isEqualTo(764);
    }

    /** The fast path declines; Jackson gives the same result as for the original line. */
    @Test
    void escapesUnknownFieldsAndNumericLevelsFallBackToTheSameEvents() throws IOException {
        Run orig = run(Files.readAllBytes(FWS), FHTTP, true, false);
        String[] variants = {
            "{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{" + ORIGINAL_DATA.replace("SUSHIUSDT", "SUSHI\\u0055SDT") + "}}",
            "{\"stream\":\"sushiusdt\\/depth@100ms\",\"data\":{" + ORIGINAL_DATA + "}}",
            "{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{" + ORIGINAL_DATA + ",\"X\":[1,{\"y\":2}]}}",
            "{\"stream\":\"sushiusdt@depth@100ms\",\"extra\":1,\"data\":{" + ORIGINAL_DATA + "}}",
            "{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{" + ORIGINAL_DATA.replace("[\"7.6110\",\"2\"]", "[7.6110,2]") + "}}",
            "{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{" + ORIGINAL_DATA.replace("\"e\":\"depthUpdate\"", "\"e\":\"depth\\u0055pdate\"") + "}}",
        };
        for (String v : variants) {
            Run[] r = both(v);
            assertThat(r[0].replay.decoder().depthFallbacks()).as(v).isEqualTo(1);
            assertThat(r[0].replay.decoder().fastDepthMessages()).as(v).isEqualTo(763);
            assertSame(r[0], orig);
        }
    }

    /** The fast path declines; Jackson's result (here an error report or a different value) is unchanged. */
    @Test
    void exponentsBadNumbersMissingAndDuplicateFieldsFallBackWithIdenticalResult() throws IOException {
        String[] variants = {
            ORIGINAL_DATA.replace("\"E\":1626992741037", "\"E\":1.626992741037E12"),
            ORIGINAL_DATA.replace("\"7.5040\"", "\"7.504e0\""),
            ORIGINAL_DATA.replace("\"813\"", "\"8.123456789\""),
            ORIGINAL_DATA.replace("\"813\"", "\"\""),
            ORIGINAL_DATA.replace(",\"pu\":600859598061", ""),
            ORIGINAL_DATA.replace(",\"u\":600859600917", ""),
            ORIGINAL_DATA.replace(",\"E\":1626992741037", ""),
            ORIGINAL_DATA.replace("\"T\":1626992741024", "\"T\":\"1626992741024\""),
            ORIGINAL_DATA.replace("\"u\":600859600917", "\"u\":600859600917,\"u\":600859600918"),
            ORIGINAL_DATA.replace("[\"7.6090\",\"0\"]", "[\"7.6090\",\"0\",\"x\"]"),
            ORIGINAL_DATA.replace("\"pu\":600859598061", "\"pu\":0600859598061"),
            ORIGINAL_DATA.replace("\"a\":[[", "\"a\":[ [").replace("]]", "]"), // truncated
        };
        int errors = 0;
        for (String v : variants) {
            Run[] r = both("{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{" + v + "}}");
            assertThat(r[0].replay.decoder().depthFallbacks()).as(v).isEqualTo(1);
            assertThat(r[0].replay.decoder().fastDepthMessages()).as(v).isEqualTo(763);
            if (r[0].issueTotal > 0) {
                errors++;
                assertThat(r[0].issues.get(0)).contains("ws:" + lineOfOriginal());
            }
        }
        assertThat(errors).isGreaterThanOrEqualTo(6);
    }

    private static long lineOfOriginal() throws IOException {
        List<String> lines = Files.readAllLines(FWS, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("\"E\":1626992741037,")) return i + 1;
        throw new AssertionError();
    }
}
