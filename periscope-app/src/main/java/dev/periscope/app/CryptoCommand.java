package dev.periscope.app;

import dev.periscope.io.crypto.CryptoReplay;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code periscope crypto FILE...}: replays recorded crypto WebSocket sessions (Binance spot/futures with their REST
 * snapshots, Kraken book with CRC32 checksums, Coinbase legacy and Advanced Trade) and reports per venue and
 * symbol: messages, book updates, trades, gaps/resyncs, checksum failures and the final top of book (not shown for
 * an unsynced book). Data issues go to stderr as {@code data issue: FILE:LINE [FIELD] kind: reason}, the first
 * {@value #PRINTED_ISSUES} per file, then a count; every one is counted in the file's summary. A file that cannot be
 * replayed is reported as {@code periscope crypto: FILE: reason} and the next file is replayed; the exit code is
 * then 2.
 */
@Command(name = "crypto", mixinStandardHelpOptions = true,
        description = {"Replay crypto WebSocket recordings through local books (documented sync procedures).",
                "Binance needs its REST snapshot recording (*.http.*) in the same folder."})
public final class CryptoCommand implements Callable<Integer> {
    /** Data issues printed per file before only counting. */
    static final int PRINTED_ISSUES = 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "recording files (venue detected from content)")
    List<Path> files;

    @Override
    public Integer call() {
        int rc = 0;
        for (Path f : files) {
            long[] printed = {0};
            DataIssueLog issues = new DataIssueLog(IssuePolicy.SKIP, 1000, i -> {
                if (printed[0]++ < PRINTED_ISSUES) System.err.println("data issue: " + i);
            });
            CryptoReplay.Result r;
            try {
                r = CryptoReplay.replay(f, null, issues);
            } catch (CryptoReplay.RecordingRejected e) {
                System.err.println("periscope crypto: " + e.getMessage());
                rc = 2;
                continue;
            } catch (IOException | UncheckedIOException e) {
                System.err.println("periscope crypto: " + f + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                rc = 2;
                continue;
            }
            if (issues.total() > PRINTED_ISSUES) {
                System.err.println("data issue: " + f.getFileName() + ": " + (issues.total() - PRINTED_ISSUES)
                        + " more not printed (counts per kind in the summary)");
            }
            System.out.println(r.table());
            System.out.println();
        }
        return rc;
    }
}
