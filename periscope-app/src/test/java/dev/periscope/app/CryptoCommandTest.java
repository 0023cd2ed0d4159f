package dev.periscope.app;

import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code periscope crypto}: real recordings, files it cannot replay, and the cap on printed data issues. */
class CryptoCommandTest {
    @Test
    void krakenBookRecordingReportsAllChecksumsPassing() {
        Cli.Result r = Cli.run("crypto", SharedData.path("crypto-ws/KRAKEN.ws.50.0").toString());
        int rc = r.exitCode();
        String out = r.out();
        assertThat(rc).isZero();
        assertThat(out).contains("(KRAKEN)");
        // total line: 4,279 messages, 10 snapshots, 4,269 updates, 4,269 checksums verified, 0 failed
        assertThat(out.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow().trim().split("\\s+"))
                .startsWith("total", "4279", "10", "4269", "0", "0", "0", "0", "4269", "0");
        assertThat(out.lines().filter(l -> l.startsWith("KRAKEN ")).count()).isEqualTo(10);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void filesThatCannotBeReplayedPrintOneLineEachAndTheNextFileIsStillReplayed(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("KRAKEN.ws.9.9");
        Path csv = Files.writeString(dir.resolve("trades.csv"), "a,b\n1,2\n");
        Cli.Result r = Cli.run("crypto", missing.toString(), dir.toString(), csv.toString(),
                SharedData.path("crypto-ws/KRAKEN.ws.48.0").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "periscope crypto: " + missing + ": not found",
                "periscope crypto: " + dir + ": is a directory, not a recording file",
                "periscope crypto: " + csv + ": not a crypto recording (first line does not name a supported venue)");
        assertThat(r.out()).contains("KRAKEN.ws.48.0 (KRAKEN)").contains("data issues: none");
    }

    @Test
    void binanceWithoutItsSnapshotFileIsRefusedWithAClearMessage(@TempDir Path dir) throws IOException {
        Path ws = Files.copy(SharedData.path("crypto-ws/BINANCE.ws.1.0"), dir.resolve("BINANCE.ws.1.0"));
        Cli.Result r = Cli.run("crypto", ws.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("periscope crypto: " + ws + ": Binance depth stream without its REST depth snapshots:"
                + " no BINANCE.http.* file beside it (a local book cannot be synced without one)" + System.lineSeparator());
    }

    @Test
    void dataIssuesArePrintedUpToTheCapThenCounted(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.path("crypto-ws/KRAKEN.ws.48.0")));
        for (int i = 0; i < 25; i++) lines.add("1618678140." + i + ": [1664,{\"a\":[[\"13.2608");
        Path f = Files.write(dir.resolve("KRAKEN.ws.48.0"), lines);
        Cli.Result r = Cli.run("crypto", f.toString());
        assertThat(r.exitCode()).isZero();
        List<String> err = r.err().lines().toList();
        int first = lines.size() - 25 + 1;
        assertThat(err).hasSize(CryptoCommand.PRINTED_ISSUES + 1);
        assertThat(err.get(0)).isEqualTo("data issue: KRAKEN.ws.48.0:" + first + " [message] parse: truncated JSON message");
        assertThat(err.get(err.size() - 1)).isEqualTo("data issue: KRAKEN.ws.48.0: 5 more not printed (counts per kind in the summary)");
        assertThat(r.out()).contains("data issues: 25 (skipped)").contains("parse: 25");
    }
}
