package dev.periscope.io.lobster;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LobsterBookCheckTest {
    private static final String AAPL = "AAPL_2012-06-21_head999_%s_10.csv";
    private static final String GOOG = "GOOG_2012-06-21_34200000_57600000_%s_1.csv";
    private static final String AMZN = "AMZN_2012-06-21_34200000_57600000_%s_1.csv";

    @TempDir
    Path tmp;

    private static Path sample(String pattern, String kind) {
        return SharedData.path("lobster/" + pattern.formatted(kind));
    }

    private static LobsterBookCheck.Result check(Path msg, Path book, Path out) {
        DataIssueLog log = new DataIssueLog();
        LobsterBookCheck.Result r = new LobsterBookCheck(5).run(msg, book, out, log);
        assertThat(log.total()).as(log.summary()).isZero();
        return r;
    }

    private static void assertSlotsAddUp(LobsterBookCheck.Result r) {
        assertThat(r.matched() + r.seededFromDepth() + r.mismatched())
                .isEqualTo((r.events() - r.unchecked()) * 2L * r.levels());
    }

    @Test
    void everyRealSampleRebuildsWithoutMismatch() {
        LobsterBookCheck.Result aapl = check(sample(AAPL, "message"), sample(AAPL, "orderbook"), null);
        assertThat(aapl.events()).isEqualTo(999);
        assertThat(aapl.levels()).isEqualTo(10);
        assertThat(aapl.mismatched()).isZero();
        // the first row is all seeded (20 slots); later seeding = levels entering the 10-level window from deeper
        assertThat(aapl.seededFromDepth()).isEqualTo(338);
        assertThat(aapl.matched()).isEqualTo(19_642);
        assertSlotsAddUp(aapl);

        LobsterBookCheck.Result goog = check(sample(GOOG, "message"), sample(GOOG, "orderbook"), null);
        assertThat(goog.events()).isEqualTo(49_482);
        assertThat(goog.mismatched()).isZero();
        assertThat(goog.seededFromDepth()).isEqualTo(11_209);
        assertThat(goog.matched()).isEqualTo(87_755);
        assertSlotsAddUp(goog);

        LobsterBookCheck.Result amzn = check(sample(AMZN, "message"), sample(AMZN, "orderbook"), null);
        assertThat(amzn.events()).isEqualTo(57_515);
        assertThat(amzn.mismatched()).isZero();
        assertThat(amzn.seededFromDepth()).isEqualTo(13_955);
        assertSlotsAddUp(amzn);
    }

    private Path corruptedCopy(Path original, int line, String from, String to) throws IOException {
        List<String> lines = Files.readAllLines(original, StandardCharsets.US_ASCII);
        String l = lines.get(line - 1);
        assertThat(l).contains(from);
        lines.set(line - 1, l.replace(from, to));
        Path copy = tmp.resolve(original.getFileName().toString());
        Files.writeString(copy, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        return copy;
    }

    @Test
    void aCorruptedSizeInTheTenLevelFileMismatchesFromExactlyThatEvent() throws IOException {
        // line 501: 34215.204460371,4,17144557,69,5854200,-1 (execution of 69 of the best ask 320 -> 251)
        Path msg = corruptedCopy(sample(AAPL, "message"), 501, ",69,", ",70,");
        LobsterBookCheck.Result r = check(msg, sample(AAPL, "orderbook"), null);
        assertThat(r.mismatched()).isPositive();
        LobsterBookCheck.Mismatch first = r.firstMismatches().getFirst();
        assertThat(first.line()).isEqualTo(501);
        assertThat(first.side()).isEqualTo(Side.SELL);
        assertThat(first.level()).isEqualTo(1);
        assertThat(first.expectedPrice()).isEqualTo(Px.parse("585.42"));
        assertThat(first.expectedSize()).isEqualTo(Px.ofUnits(251));
        assertThat(first.gotSize()).isEqualTo(Px.ofUnits(250));
        assertSlotsAddUp(r);
    }

    @Test
    void aCorruptedExecutionThatLeavesAPhantomLevelInTheLevelOneFileIsCaught() throws IOException {
        // line 25001: 45758.519596902,4,162364212,100,5695800,-1 empties the best ask (100 @ 569.58)
        Path msg = corruptedCopy(sample(GOOG, "message"), 25001, ",100,5695800,", ",60,5695800,");
        LobsterBookCheck.Result r = check(msg, sample(GOOG, "orderbook"), null);
        LobsterBookCheck.Mismatch first = r.firstMismatches().getFirst();
        assertThat(first.line()).isEqualTo(25001);
        assertThat(first.side()).isEqualTo(Side.SELL);
        assertThat(first.expectedPrice()).isEqualTo(Px.parse("569.86"));
        assertThat(first.gotPrice()).isEqualTo(Px.parse("569.58"));
        assertThat(first.gotSize()).isEqualTo(Px.ofUnits(40));
    }

    @Test
    void theWrittenBookReproducesTheOrderbookFiles() throws IOException {
        for (String s : new String[]{GOOG, AMZN, AAPL}) {
            Path out = tmp.resolve("rebuilt.csv");
            LobsterBookCheck.Result r = check(sample(s, "message"), sample(s, "orderbook"), out);
            assertThat(r.mismatched()).isZero();
            byte[] orig = Files.readAllBytes(sample(s, "orderbook"));
            byte[] mine = Files.readAllBytes(out);
            if (s == AAPL) {
                // the head999 copy was cut with `head` and has no final newline; the writer ends every row with \n
                assertThat(orig[orig.length - 1]).isNotEqualTo((byte) '\n');
                assertThat(mine).hasSize(orig.length + 1);
                mine = Arrays.copyOf(mine, orig.length);
            }
            assertThat(mine).as(s).isEqualTo(orig);
        }
    }

    @Test
    void aSkippedBadMessageRowMakesTheNextRowSeededNotMismatched() throws IOException {
        // line 10 is a real message: make it unreadable
        List<String> lines = Files.readAllLines(sample(AAPL, "message"), StandardCharsets.US_ASCII);
        lines.set(9, "34200.1,9,1,1,1,1");
        Path msg = tmp.resolve("AAPL_2012-06-21_head999_message_10.csv");
        Files.writeString(msg, String.join("\n", lines), StandardCharsets.US_ASCII);
        DataIssueLog log = new DataIssueLog();
        LobsterBookCheck.Result r = new LobsterBookCheck().run(msg, sample(AAPL, "orderbook"), null, log);
        assertThat(log.count("bad-type")).isEqualTo(1);
        assertThat(r.events()).isEqualTo(998);
        assertThat(r.mismatched()).isZero();
        assertThat(r.seededFromDepth()).isGreaterThan(338); // line 11 is seeded whole
        assertSlotsAddUp(r);
    }

    @Test
    void handBuiltTwoLevelFileWithEmptyLevelsAndAnUnknownOrder() {
        String msgs = String.join("\n",
                "34200.1,1,1,100,1000000,1",    // 1 add bid 100.00 x100
                "34200.2,1,2,50,990000,1",      // 2 add bid 99.00 x50
                "34200.3,1,3,30,1010000,-1",    // 3 add ask 101.00 x30
                "34200.4,1,4,10,980000,1",      // 4 add bid 98.00 x10, outside the 2-level window
                "34200.5,3,1,100,1000000,1",    // 5 delete bid 100: 98 enters from depth
                "34200.6,3,2,50,990000,1",      // 6 delete bid 99: nothing below 98
                "34200.7,2,99,5,1010000,-1");   // 7 cancel 5 of an order never seen at ask 101
        String E = "9999999999,0", B = "-9999999999,0";
        String rows = String.join("\n",
                E + ",1000000,100," + E + "," + B,
                E + ",1000000,100," + E + ",990000,50",
                "1010000,30,1000000,100," + E + ",990000,50",
                "1010000,30,1000000,100," + E + ",990000,50",
                "1010000,30,990000,50," + E + ",980000,10",
                "1010000,30,980000,10," + E + "," + B,
                "1010000,30,980000,10," + E + "," + B);   // the file says the cancel did not happen
        DataIssueLog log = new DataIssueLog();
        var mr = new LobsterReader(new java.io.ByteArrayInputStream(msgs.getBytes(StandardCharsets.US_ASCII)), "m.csv",
                java.time.LocalDate.of(2012, 6, 21), LobsterReader.NEW_YORK, dev.periscope.model.Instrument.usEquity("T"), log);
        var br = new LobsterBookReader(new java.io.ByteArrayInputStream(rows.getBytes(StandardCharsets.US_ASCII)), "b.csv", 2, log);
        LobsterBookCheck.Result r = new LobsterBookCheck().run(mr, br, null, log);
        assertThat(log.total()).isZero();
        assertThat(r.events()).isEqualTo(7);
        // row 1: all 4 slots seeded; row 5: bid 98 entered from depth; row 6: empty bid level 2 (nothing deeper)
        assertThat(r.seededFromDepth()).isEqualTo(6);
        assertThat(r.matched()).isEqualTo(21);
        assertThat(r.mismatched()).isEqualTo(1);
        assertThat(r.firstMismatches()).singleElement().hasToString("line 7 ask level 1: expected 30 @ 101, got 25 @ 101");
        assertThat(r.l3Statuses()).containsEntry(dev.periscope.book.L3Status.UNKNOWN_ORDER, 1L)
                .containsEntry(dev.periscope.book.L3Status.OK, 6L);
        assertSlotsAddUp(r);
    }

    @Test
    void aMissingOrderbookTailIsReportedAndNotCompared() throws IOException {
        List<String> rows = Files.readAllLines(sample(AAPL, "orderbook"), StandardCharsets.US_ASCII);
        Path book = tmp.resolve("AAPL_2012-06-21_head999_orderbook_10.csv");
        Files.writeString(book, String.join("\n", rows.subList(0, 990)) + "\n", StandardCharsets.US_ASCII);
        DataIssueLog log = new DataIssueLog();
        LobsterBookCheck.Result r = new LobsterBookCheck().run(sample(AAPL, "message"), book, null, log);
        assertThat(r.unchecked()).isEqualTo(9);
        assertThat(r.mismatched()).isZero();
        assertThat(log.count("missing-row")).isEqualTo(1);
        assertThat(log.firstIssues().getFirst().line()).isEqualTo(991);
    }
}
