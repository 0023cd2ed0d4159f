package dev.periscope.app;

import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = PeriscopeCli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static final String MSG = "lobster/AAPL_2012-06-21_head999_message_10.csv";
    private static final String BOOK = "lobster/AAPL_2012-06-21_head999_orderbook_10.csv";

    @Test
    void checksTheRealAaplSampleAndPrintsTheCounts() throws Exception {
        Path out = tmp.resolve("rebuilt.csv");
        Run r = run("book", "--lobster", SharedData.path(MSG).toString(), SharedData.path(BOOK).toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("events: 999\n", "level slots matched: 19642\n",
                "level slots seeded-from-depth: 338\n", "level slots mismatched: 0\n", "data issues: none",
                "result: OK");
        assertThat(Files.readAllLines(out)).hasSize(999)
                .isEqualTo(Files.readAllLines(SharedData.path(BOOK)));
    }

    @Test
    void mismatchesGiveANonZeroExitCodeAndBadRowsAreSummarised() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.path(MSG));
        lines.set(500, lines.get(500).replace(",69,", ",70,"));   // line 501
        lines.set(9, "34200.1,9,1,1,1,1");                         // line 10: bad type
        Path msg = tmp.resolve("AAPL_2012-06-21_head999_message_10.csv");
        Files.write(msg, lines);
        Run r = run("book", "--lobster", msg.toString(), SharedData.path(BOOK).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("mismatch line 501 ask level 1: expected 251 @ 585.42, got 250 @ 585.42",
                "data issues: 1 (skipped)", "bad-type: 1", "AAPL_2012-06-21_head999_message_10.csv:10 [type]", "result: MISMATCH");
        Run strict = run("book", "--strict", "--lobster", msg.toString(), SharedData.path(BOOK).toString());
        assertThat(strict.code()).isEqualTo(3);
        assertThat(strict.err()).contains(":10 [type] bad-type").contains("(stopped by --strict)");
    }

    @Test
    void aFileWithoutALobsterNameNeedsADate() throws Exception {
        Path msg = tmp.resolve("messages.csv");
        Files.copy(SharedData.path(MSG), msg);
        Run noDate = run("book", "--lobster", msg.toString(), SharedData.path(BOOK).toString());
        assertThat(noDate.code()).isEqualTo(2);
        assertThat(noDate.err()).isEqualTo("periscope book: " + msg + ": not a LOBSTER file name "
                + "(TICKER_YYYY-MM-DD_start_end_message_N.csv) that holds the trading date; rename it or give --date YYYY-MM-DD\n");
        Run withDate = run("book", "--date", "2012-06-21", "--lobster", msg.toString(), SharedData.path(BOOK).toString());
        assertThat(withDate.code()).isZero();
        assertThat(withDate.out()).contains("level slots mismatched: 0\n");
        Path nope = tmp.resolve("NOPE_2012-06-21_x_message_1.csv");
        Run missing = run("book", "--lobster", nope.toString(), SharedData.path(BOOK).toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("periscope book: " + nope + ": not found\n");
    }
}
