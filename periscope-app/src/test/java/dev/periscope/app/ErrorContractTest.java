package dev.periscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The error contract of every command: one line {@code periscope CMD: what: why} on standard error, exit code 2
 * for usage and input errors and 3 when {@code --strict} stops, no stack trace unless {@code --debug}, and no
 * output file left behind by a failed run.
 */
class ErrorContractTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingInputFileIsNotFoundNotAFormatProblem() {
        Path f = tmp.resolve("missing.csv");
        Cli.fails(2, "periscope tape: " + f + ": not found", "tape", "--trades", f.toString(), "--out", tmp.resolve("o").toString());
        Cli.fails(2, "periscope classify: " + f + ": not found", "classify", "--lobster", f.toString(), Samples.BOOK.toString());
    }

    @Test
    void aDirectoryGivenAsInputIsNamed() {
        Cli.fails(2, "periscope tape: " + tmp + ": is a directory, not a file", "tape", "--trades", tmp.toString(),
                "--out", tmp.resolve("o").toString());
    }

    @Test
    void anUnreadableInputIsPermissionDenied() throws Exception {
        Path f = Files.writeString(tmp.resolve("secret.csv"), "DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: every file is readable");
        Cli.fails(2, "periscope tape: " + f + ": permission denied", "tape", "--trades", f.toString(), "--out", tmp.resolve("o").toString());
    }

    @Test
    void aBinaryInputIsRejectedAsBinary() throws Exception {
        byte[] junk = new byte[3000];
        new Random(7).nextBytes(junk);
        junk[0] = 0x7f;   // not gzip's magic
        Path f = Files.write(tmp.resolve("AAPL_2012-06-21_x_message_10.csv"), junk);
        Cli.fails(2, "periscope book: " + f + ": is a binary file, not text (CSV)", "book", "--lobster", f.toString(), Samples.BOOK.toString());
    }

    @Test
    void aCorruptGzipInputIsNamedAsSuch() throws Exception {
        Path f = Files.write(tmp.resolve("trades.csv"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5});
        Cli.Result r = Cli.run("tape", "--trades", f.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("periscope tape: " + f + ": gzip-compressed but corrupt (").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void anEmptyInputIsRejected() throws Exception {
        Path f = Files.writeString(tmp.resolve("trades.csv"), "");
        Cli.fails(2, "periscope tape: " + f + ": is empty", "tape", "--trades", f.toString(), "--out", tmp.resolve("o").toString());
    }

    @Test
    void anOutputDirectoryThatIsAFileAlreadyExists() throws Exception {
        Path f = Files.writeString(tmp.resolve("taken"), "x");
        Cli.fails(2, "periscope tape: " + f + ": already exists and is not a directory",
                "tape", "--trades", Samples.TRADES.toString(), "--out", f.toString());
        assertThat(Files.readString(f)).isEqualTo("x");
    }

    @Test
    void anOutputFileThatIsADirectoryIsRefused() {
        Cli.fails(2, "periscope book: " + tmp + ": is a directory; give a file name",
                "book", "--lobster", Samples.MSG.toString(), Samples.BOOK.toString(), "--out", tmp.toString());
    }

    @Test
    void anOutputInAReadOnlyPlaceIsNotWritable() {
        Cli.Result r = Cli.run("book", "--lobster", Samples.MSG.toString(), Samples.BOOK.toString(), "--out", "/proc/periscope-out.csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("periscope book: /proc/periscope-out.csv: not writable").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void badOptionValuesNameTheOptionAndWhatIsAllowed() {
        String[] base = {"tape", "--trades", Samples.TRADES.toString(), "--out", tmp.resolve("o").toString()};
        Cli.fails(2, "periscope tape: --format xml: must be one of csv, json", with(base, "--format", "xml"));
        Cli.fails(2, "periscope tape: --value-area 150: must be in 0.01..100 (percent)", with(base, "--value-area", "150"));
        Cli.fails(2, "periscope tape: --calendar mars: must be one of nyse, 24x7", with(base, "--calendar", "mars"));
        Cli.fails(2, "periscope tape: --classify foo: must be one of tick, quote, lee-ready, emo, clnv", with(base, "--classify", "foo"));
        Cli.fails(2, "periscope tape: --bar 7q: must be a positive time (250ms, 30s, 5m, 1h), volume (10000v) or tick count (500t)",
                with(base, "--bar", "7q"));
        Cli.fails(2, "periscope tape: --row -1: must be a positive decimal, e.g. 0.01", with(base, "--row", "-1"));
        Cli.fails(2, "periscope detect-eval: --seeds 0: must be >= 1", "detect-eval", "--seeds", "0");
        Cli.fails(2, "periscope detect-eval: --hours 25:00-26:00: must be HH:MM-HH:MM within 00:00..23:59, e.g. 10:00-11:00",
                "detect-eval", "--hours", "25:00-26:00");
        assertThat(Files.exists(tmp.resolve("o"))).isFalse();
    }

    @Test
    void anUnknownOptionIsOneLineWithAPointerToHelp() {
        Cli.fails(2, "periscope book: Unknown option: '--bogus' (see periscope book --help)",
                "book", "--lobster", Samples.MSG.toString(), Samples.BOOK.toString(), "--bogus");
    }

    @Test
    void strictTapeExitsWith3AndLeavesNoOutputFile() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad_trades.csv"), "DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR\n"
                + "2018-01-02 10:00:00.000,N,XXX,,100,157.80,0\n"
                + "2018-01-02 10:00:01.000,N,XXX,,100,NaN,0\n");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.fails(3, "periscope tape: bad_trades.csv:3 [PRICE] bad-number: not a decimal number: 'NaN' (stopped by --strict)",
                "tape", "--strict", "--trades", bad.toString(), "--out", out.toString());
        assertThat(r.out()).isEmpty();
        assertThat(files(out)).isEmpty();
    }

    @Test
    void strictBookExitsWith3AndLeavesNoOutputFile() throws Exception {
        java.util.List<String> lines = Files.readAllLines(Samples.MSG);
        lines.set(9, "34200.1,9,1,1,1,1");
        Path msg = Files.write(tmp.resolve(Samples.MSG.getFileName().toString()), lines);
        Path out = tmp.resolve("rebuilt.csv");
        Cli.fails(3, "periscope book: AAPL_2012-06-21_head999_message_10.csv:10 [type] bad-type: event type must be 1..7: '9' (stopped by --strict)",
                "book", "--strict", "--lobster", msg.toString(), Samples.BOOK.toString(), "--out", out.toString());
        assertThat(files(tmp)).containsExactly(msg.getFileName().toString());
    }

    @Test
    void debugAddsTheStackTraceAndOtherwiseThereIsNone() {
        Path f = tmp.resolve("missing.csv");
        Cli.Result plain = Cli.run("tape", "--trades", f.toString(), "--out", tmp.resolve("o").toString());
        Cli.Result debug = Cli.run("tape", "--debug", "--trades", f.toString(), "--out", tmp.resolve("o").toString());
        Cli.Result global = Cli.run("--debug", "tape", "--trades", f.toString(), "--out", tmp.resolve("o").toString());
        assertThat(plain.err()).doesNotContain("\tat ");
        assertThat(debug.exitCode()).isEqualTo(plain.exitCode()).isEqualTo(2);
        assertThat(debug.err()).startsWith(plain.err()).contains("dev.periscope.app.cli.CliError: " + f + ": not found", "\tat ");
        assertThat(global.exitCode()).isEqualTo(2);
        assertThat(global.err()).startsWith(plain.err()).contains("\tat dev.periscope.app.cli.InputFile.check");
    }

    @Test
    void everyCommandsHelpListsItsExitCodes() {
        for (String cmd : new String[] {"tape", "book", "classify", "demo", "detect-eval"}) {
            String help = Cli.ok(cmd, "--help");
            assertThat(help).as(cmd).contains("Exit codes:", "  0    success", "  2    usage or input error", "--debug");
        }
        assertThat(Cli.ok("tape", "--help")).contains("  3    --strict stopped at the first bad record");
        assertThat(Cli.ok("book", "--help")).contains("  1    the rebuilt book differs from the orderbook file",
                "  3    --strict stopped at the first bad record");
    }

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** Every file under {@code dir} (relative names, hidden ones included), or none if it does not exist. */
    static java.util.List<String> files(Path dir) throws Exception {
        if (!Files.exists(dir)) return java.util.List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
