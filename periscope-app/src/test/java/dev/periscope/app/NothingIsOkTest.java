package dev.periscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No command reports "OK" on nothing or on inputs that do not belong together: each such run fails with one line
 * and exit code 2 instead of a confident wrong answer.
 */
class NothingIsOkTest {

    @TempDir
    Path tmp;

    @Test
    void emptyLobsterFilesAreNotAnEmptySuccess() throws Exception {
        Path m = Files.writeString(tmp.resolve("E_2012-06-21_0_1_message_1.csv"), "");
        Path b = Files.writeString(tmp.resolve("E_2012-06-21_0_1_orderbook_1.csv"), "");
        Cli.fails(2, "periscope book: " + m + ": is empty", "book", "--lobster", m.toString(), b.toString());
        Cli.fails(2, "periscope classify: " + m + ": is empty", "classify", "--lobster", m.toString(), b.toString());
    }

    @Test
    void lobsterFilesWhoseRowsAreAllBadHaveNoValidEvents() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) rows.add("34200.1,9,1,1,1,1");
        Path m = Files.write(tmp.resolve("X_2012-06-21_0_1_message_1.csv"), rows);
        Path b = Files.write(tmp.resolve("X_2012-06-21_0_1_orderbook_1.csv"), List.of("1,1,1,1", "1,1,1,1", "1,1,1,1"));
        Cli.Result r = Cli.fails(2, "periscope book: " + m + ": no valid events (3 rows reported as data issues)",
                "book", "--lobster", m.toString(), b.toString());
        assertThat(r.out()).doesNotContain("OK");
    }

    @Test
    void classifyWithoutExecutionsHasNothingToScore() throws Exception {
        Path m = Files.write(tmp.resolve("X_2012-06-21_0_1_message_1.csv"), List.of("34200.1,1,1,100,1000000,1"));
        Path b = Files.write(tmp.resolve("X_2012-06-21_0_1_orderbook_1.csv"), List.of("1010000,5,1000000,100"));
        Cli.fails(2, "periscope classify: " + m + ": no executions (type 4 or 5) to score (0 data issues)",
                "classify", "--lobster", m.toString(), b.toString());
    }

    @Test
    void lobsterFilesOfDifferentTickersDoNotBelongTogether() {
        Cli.fails(2, "periscope book: " + Samples.MSG + ", " + Samples.GOOG_BOOK + ": do not belong together: ticker AAPL vs GOOG",
                "book", "--lobster", Samples.MSG.toString(), Samples.GOOG_BOOK.toString());
    }

    @Test
    void lobsterFilesWithDifferentRowCountsDoNotBelongTogether() throws Exception {
        Path b = Files.write(tmp.resolve(Samples.BOOK.getFileName().toString()), Files.readAllLines(Samples.BOOK).subList(0, 500));
        Cli.fails(2, "periscope classify: " + Samples.MSG + ", " + b + ": do not belong together: 999 message rows but 500 orderbook "
                + "rows (LOBSTER writes one orderbook row per message)", "classify", "--lobster", Samples.MSG.toString(), b.toString());
    }

    @Test
    void anOrderbookWhoseRowsDisagreeWithItsNamedLevelsIsRefused() throws Exception {
        Path b = Files.write(tmp.resolve("AAPL_2012-06-21_head999_orderbook_10.csv"),
                Files.readAllLines(Samples.GOOG_BOOK).subList(0, 999));
        Cli.fails(2, "periscope book: " + b + ": rows have 1 levels but the name says 10", "book", "--lobster", Samples.MSG.toString(), b.toString());
    }

    @Test
    void swappedLobsterFilesAreNamedAsSwapped() {
        Cli.fails(2, "periscope book: --lobster: give the message file first, then the orderbook file (swapped: " + Samples.BOOK + ", "
                + Samples.MSG + ")", "book", "--lobster", Samples.BOOK.toString(), Samples.MSG.toString());
    }

    @Test
    void aHeaderLineInALobsterFileIsRefused() throws Exception {
        List<String> rows = new ArrayList<>(Files.readAllLines(Samples.MSG));
        rows.add(0, "Time,Type,OrderID,Size,Price,Direction");
        Path m = Files.write(tmp.resolve(Samples.MSG.getFileName().toString()), rows);
        Cli.fails(2, "periscope book: " + m + ": line 1 is a header (Time,Type,OrderID,Size,Price,Direction); LOBSTER message "
                + "files have none: remove it", "book", "--lobster", m.toString(), Samples.BOOK.toString());
    }

    @Test
    void aSecondLobsterPairIsRefusedNotIgnored() {
        for (String cmd : new String[] {"book", "classify"}) {
            Cli.fails(2, "periscope " + cmd + ": --lobster: takes one MESSAGE_FILE ORDERBOOK_FILE pair, got 2 pairs; run the "
                    + "command once per pair", cmd, "--lobster", Samples.MSG.toString(), Samples.BOOK.toString(), "--lobster", Samples.MSG.toString(), Samples.BOOK.toString());
        }
    }

    @Test
    void aQuotesFileGivenAsTradesIsRefused() {
        Path out = tmp.resolve("o");
        Cli.fails(2, "periscope tape: " + Samples.QUOTES + ": is a quotes file (by its header), not trades; give it as --quotes",
                "tape", "--trades", Samples.QUOTES.toString(), "--out", out.toString());
        assertThat(Files.exists(out)).isFalse();
        Path trades = tmp.resolve("t.csv");
        Cli.fails(2, "periscope tape: " + trades + ": is a trades file (by its header), not quotes; give it as --trades", "tape",
                "--trades", Samples.TRADES.toString(), "--quotes", write(trades, "DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR\n"), "--out", out.toString());
    }

    private static String write(Path p, String text) {
        try {
            return Files.writeString(p, text).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSameFileAsTradesAndQuotesIsRefused() {
        Cli.fails(2, "periscope tape: --trades and --quotes: are the same file (" + Samples.TRADES + ")",
                "tape", "--trades", Samples.TRADES.toString(), "--quotes", Samples.TRADES.toString(), "--out", tmp.resolve("o").toString());
    }

    @Test
    void aTradesFileWithNoValidTradeIsNotAnEmptySuccess() throws Exception {
        Path t = Files.writeString(tmp.resolve("trades.csv"), "DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR\n"
                + "2018-01-02 10:00:01.000,N,XXX,,100,NaN,0\n");
        Path out = tmp.resolve("o");
        Cli.Result r = Cli.run("tape", "--trades", t.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith("periscope tape: " + t + ": no trades read (1 data issues)" + System.lineSeparator());
        assertThat(ErrorContractTest.files(out)).isEmpty();
    }

    @Test
    void demoOnAWeekendOrHolidayIsAnErrorNotAnEmptySession() {
        Cli.fails(2, "periscope demo: --date 2026-11-21: not an NYSE trading day (saturday)", "demo", "--date", "2026-11-21");
        Cli.fails(2, "periscope demo: --date 2026-12-25: not an NYSE trading day (friday, exchange holiday)", "demo", "--date", "2026-12-25");
        Cli.fails(2, "periscope demo: --date 2041-01-02: must be an NYSE trading day in 2000-01-01..2040-12-31", "demo", "--date", "2041-01-02");
    }
}
