package dev.periscope.io.crypto;

import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.io.crypto.recording.Recording;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad crypto input (issue 9 §6): malformed lines are reported as {@code FILE:LINE [FIELD] kind: reason} and the
 * replay goes on; echoed input is cut; integers that do not fit are refused instead of wrapping; files that are not
 * replayable (missing, a directory, not a recording, Binance without its REST snapshots) are refused with a reason;
 * an unsynced book's top is not shown; a truncated compressed file ends with a read issue, not a crash.
 */
class CryptoBadInputTest {
    static final Path KRAKEN = SharedData.path("crypto-ws/KRAKEN.ws.50.0");

    static DataIssueLog run(String name, String text) {
        DataIssueLog issues = new DataIssueLog();
        Recording<?, ?> r = name.startsWith("cb") ? CryptoRecordings.coinbaseLegacy(name, null, issues)
                : name.startsWith("bn") ? CryptoRecordings.binance(false, name, null, issues)
                : CryptoRecordings.kraken(name, null, issues);
        r.replay(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        r.finish();
        return issues;
    }

    @Test
    void malformedLineIsReportedWithFileAndLineAndTheReplayGoesOn() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(KRAKEN).subList(0, 200));
        DataIssueLog clean = new DataIssueLog();
        var ref = CryptoRecordings.kraken("k", null, clean);
        ref.replay(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        lines.add(30, "1618678140.5: [1664,{\"a\":[[\"13.2608");
        lines.add(31, "no-epoch-prefix");
        lines.add(32, "1618678140x: [1]");
        DataIssueLog issues = new DataIssueLog();
        var r = CryptoRecordings.kraken("k", null, issues);
        r.replay(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(issues.firstIssues()).extracting(DataIssue::toString).containsExactly(
                "k:31 [message] parse: truncated JSON message",
                "k:33 [message] parse: bad epoch seconds at byte 10");
        // "no-epoch-prefix" does not start with a digit: a connect/sent line, not a message
        long ok = r.stats().stream().mapToLong(s -> s.checksumOk).sum();
        assertThat(ok).isEqualTo(ref.stats().stream().mapToLong(s -> s.checksumOk).sum()).isGreaterThan(100);
        assertThat(r.stats().stream().mapToLong(s -> s.checksumFail).sum()).isZero();
        assertThat(clean.total()).isZero();
    }

    @Test
    void lineWithADigitButNoEpochSeparatorIsAFormatIssue() {
        DataIssueLog issues = run("k", "12345 garbage\n");
        assertThat(issues.firstIssues()).extracting(DataIssue::toString).containsExactly("k:1 [line] format: no '<epoch>: ' prefix");
    }

    @Test
    void echoedInputInAReasonIsCutToAFewHundredCharacters() {
        char[] junk = new char[5000];
        Arrays.fill(junk, '7');
        String line = "1.0: {\"type\":\"match\",\"product_id\":\"X-USD\",\"price\":\"1x" + new String(junk) + "\",\"side\":\"buy\"}\n";
        DataIssueLog issues = run("cb", line);
        String reason = issues.firstIssues().get(0).reason();
        assertThat(reason).startsWith("not a decimal number: '1x777").endsWith("... (5026 chars)");
        assertThat(reason.length()).isLessThanOrEqualTo(250);
    }

    @Test
    void integersThatDoNotFitALongAreRefusedNotWrapped() {
        DataIssueLog issues = run("k", String.join("\n",
                "99999999999999999999: {\"event\":\"heartbeat\"}",
                "1618678140.5: [1664,{\"a\":[[\"13.2608\",\"1.0\",\"1618678140.1\"]],\"c\":\"99999999999999999999999\"},\"book-1000\",\"WAVES/EUR\"]",
                "1618678140.5: [1664,{\"a\":[[\"13.2608\",\"1.0\",\"99999999999999999999.5\"]]},\"book-1000\",\"WAVES/EUR\"]") + "\n");
        assertThat(issues.firstIssues()).extracting(DataIssue::reason).containsExactly(
                "epoch seconds out of range (20 bytes)",
                "long overflow",
                "epoch seconds out of range: 99999999999999999999.5");
        DataIssueLog binance = run("bn", "1.0: {\"stream\":\"x@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1,\"s\":\"XUSDT\","
                + "\"a\":5,\"p\":\"1.0\",\"q\":\"2.0\",\"T\":99999999999999999,\"m\":true}}\n");
        assertThat(binance.firstIssues()).extracting(DataIssue::toString)
                .containsExactly("bn:1 [message] parse: millisecond time out of range: 99999999999999999");
        DataIssueLog coinbase = run("cb", "1.0: {\"type\":\"match\",\"product_id\":\"X-USD\",\"trade_id\":1,\"side\":\"buy\","
                + "\"price\":\"1\",\"size\":\"1\",\"time\":\"9999-04-17T16:43:37.075687Z\"}\n");
        assertThat(coinbase.firstIssues().get(0).reason()).startsWith("ISO-8601 instant out of range");
    }

    @Test
    void filesThatAreNotReplayableAreRefusedWithAReason(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> CryptoReplay.replay(dir.resolve("nope.ws.1.0")))
                .isInstanceOf(CryptoReplay.RecordingRejected.class).hasMessage(dir.resolve("nope.ws.1.0") + ": not found");
        assertThatThrownBy(() -> CryptoReplay.replay(dir))
                .isInstanceOf(CryptoReplay.RecordingRejected.class).hasMessage(dir + ": is a directory, not a recording file");
        Path csv = Files.writeString(dir.resolve("trades.csv"), "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> CryptoReplay.replay(csv)).isInstanceOf(CryptoReplay.RecordingRejected.class)
                .hasMessage(csv + ": not a crypto recording (first line does not name a supported venue)");
    }

    @Test
    void binanceStreamWithoutItsRestSnapshotsIsRefused(@TempDir Path dir) throws IOException {
        Path ws = Files.copy(SharedData.path("crypto-ws/BINANCE.ws.1.0"), dir.resolve("BINANCE.ws.1.0"));
        assertThatThrownBy(() -> CryptoReplay.replay(ws)).isInstanceOf(CryptoReplay.RecordingRejected.class)
                .hasMessage(ws + ": Binance depth stream without its REST depth snapshots: no BINANCE.http.* file beside it"
                        + " (a local book cannot be synced without one)");
        Files.writeString(dir.resolve("BINANCE.http.0.0"), "https://api.binance.com/api/v3/depth?symbol=X -> 1.0: {not json\n");
        assertThatThrownBy(() -> CryptoReplay.replay(ws)).isInstanceOf(CryptoReplay.RecordingRejected.class)
                .hasMessageContaining("no REST depth snapshot could be read from [BINANCE.http.0.0]");
    }

    @Test
    void unsyncedBookIsShownAsUnsyncedNotWithItsTopOfBook(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(KRAKEN));
        for (int i = 0; i < lines.size(); i++) { // first XMR/USD update with a checksum: corrupt the checksum
            String l = lines.get(i);
            if (l.endsWith("\"XMR/USD\"]") && l.contains("\"c\":\"")) {
                lines.set(i, l.replace("\"c\":\"", "\"c\":\"1"));
                break;
            }
        }
        Path f = Files.write(dir.resolve("KRAKEN.ws.50.0"), lines);
        CryptoReplay.Result r = CryptoReplay.replay(f);
        String row = r.table().lines().filter(l -> l.startsWith("KRAKEN            XMR/USD")).findFirst().orElseThrow();
        assertThat(row).endsWith(" NO   unsynced (book not shown)");
        assertThat(r.symbol("XMR/USD").checksumFail).isEqualTo(1);
        assertThat(r.table().lines().filter(l -> l.endsWith("unsynced (book not shown)")).count()).isEqualTo(1);
    }

    @Test
    void truncatedCompressedRecordingEndsWithAReadIssue(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(SharedData.path("crypto-ws/COINBASE_advanced_trade_v3.jsonl.zst"));
        Path f = Files.write(dir.resolve("cut.jsonl.zst"), Arrays.copyOf(all, all.length / 2));
        DataIssueLog issues = new DataIssueLog();
        CryptoReplay.Result r = CryptoReplay.replay(f, null, issues);
        assertThat(issues.count("read")).isEqualTo(1);
        assertThat(issues.firstIssues().get(0).toString()).startsWith("cut.jsonl.zst:").contains(" [file] read: ");
        assertThat(r.table()).contains("read: 1");
    }
}
