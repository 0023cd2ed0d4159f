package dev.periscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gzip input (recognised by its magic bytes, whatever the name) gives the same result as the plain file, and
 * {@code --out -} writes to standard output exactly what {@code --out FILE} writes to the file.
 */
class GzipAndStdoutTest {

    @TempDir
    Path tmp;

    static Path gzip(Path from, Path to) throws Exception {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, o);
        }
        return to;
    }

    @Test
    void gzippedTapeInputGivesByteIdenticalOutputFiles() throws Exception {
        Path t = gzip(Samples.TRADES, tmp.resolve("trades.csv")), q = gzip(Samples.QUOTES, tmp.resolve("quotes.csv.gz"));
        assertThat(Files.size(t)).isLessThan(Files.size(Samples.TRADES) / 3);
        String plain = Cli.ok("tape", "--trades", Samples.TRADES.toString(), "--quotes", Samples.QUOTES.toString(), "--out", tmp.resolve("plain").toString());
        String zipped = Cli.ok("tape", "--trades", t.toString(), "--quotes", q.toString(), "--out", tmp.resolve("gz").toString());
        assertThat(zipped.replace(tmp.resolve("gz").toString(), "DIR")).isEqualTo(plain.replace(tmp.resolve("plain").toString(), "DIR"));
        for (String f : new String[] {"trades.csv", "bars.csv", "footprint.csv", "alerts.csv"}) {
            assertThat(Files.mismatch(tmp.resolve("gz").resolve(f), tmp.resolve("plain").resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(ErrorContractTest.files(tmp.resolve("gz"))).containsExactly("alerts.csv", "bars.csv", "footprint.csv", "trades.csv");
    }

    @Test
    void gzippedLobsterFilesGiveTheSameBookAndClassification() throws Exception {
        Path m = gzip(Samples.MSG, tmp.resolve(Samples.MSG.getFileName() + ".gz")), b = gzip(Samples.BOOK, tmp.resolve(Samples.BOOK.getFileName().toString()));
        String plainBook = Cli.ok("book", "--lobster", Samples.MSG.toString(), Samples.BOOK.toString());
        String gzBook = Cli.ok("book", "--lobster", m.toString(), b.toString());
        assertThat(gzBook.substring(gzBook.indexOf("events:"))).isEqualTo(plainBook.substring(plainBook.indexOf("events:")))
                .contains("level slots matched: 19642");
        String plain = Cli.ok("classify", "--lobster", Samples.MSG.toString(), Samples.BOOK.toString());
        String gz = Cli.ok("classify", "--lobster", m.toString(), b.toString());
        assertThat(gz.replace(m.getFileName().toString(), "MSG")).isEqualTo(plain.replace(Samples.MSG.getFileName().toString(), "MSG"))
                .contains("lee-ready");
    }

    @Test
    void bookOutDashWritesTheRebuiltBookToStdoutAsTheFileWould() throws Exception {
        Path out = tmp.resolve("rebuilt.csv");
        Cli.Result file = Cli.run("book", "--lobster", Samples.MSG.toString(), Samples.BOOK.toString(), "--out", out.toString());
        Cli.Result stdout = Cli.run("book", "--lobster", Samples.MSG.toString(), Samples.BOOK.toString(), "--out", "-");
        assertThat(stdout.exitCode()).isZero();
        assertThat(stdout.out()).isEqualTo(Files.readString(out)).hasLineCount(999);
        assertThat(stdout.err()).contains("result: OK (no mismatch)", "rebuilt book written to standard output");
        assertThat(file.out()).contains("result: OK (no mismatch)");
        assertThat(ErrorContractTest.files(tmp)).containsExactly("rebuilt.csv");
    }

    @Test
    void detectEvalOutDashWritesTheScorecardToStdoutAsTheFileWould() throws Exception {
        Path out = tmp.resolve("card.csv");
        String[] args = {"detect-eval", "--detector", "block", "--seeds", "1", "--hours", "10:00-10:30"};
        Cli.Result file = Cli.run(ErrorContractTest.with(args, "--out", out.toString()));
        Cli.Result stdout = Cli.run(ErrorContractTest.with(args, "--out", "-"));
        assertThat(file.exitCode()).isZero();
        assertThat(stdout.exitCode()).isZero();
        assertThat(stdout.out()).isEqualTo(Files.readString(out)).startsWith("detector,");
        assertThat(stdout.err()).contains("block");
    }
}
