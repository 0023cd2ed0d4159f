package dev.periscope.app;

import dev.periscope.io.lobster.LobsterBookCheck;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code periscope book --lobster MESSAGE_FILE ORDERBOOK_FILE [--out FILE] [--strict]}: rebuilds the book from a
 * LOBSTER message file and checks it against LOBSTER's orderbook file at every event (see
 * {@link LobsterBookCheck} and docs/books.md). Exit code 0 when nothing mismatches, 1 on mismatches, 2 when
 * {@code --strict} stops at bad input or a file cannot be read.
 */
@Command(name = "book", mixinStandardHelpOptions = true,
        description = "Rebuild an order book from LOBSTER messages and check it against LOBSTER's orderbook file at every event.")
public final class BookCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lobster", arity = "2", required = true, paramLabel = "FILE",
            description = "LOBSTER message file and orderbook file (TICKER_YYYY-MM-DD_start_end_message_N.csv, ..._orderbook_N.csv).")
    List<Path> lobster;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rebuilt book after every event in LOBSTER orderbook format.")
    Path out;

    @Option(names = "--strict", description = "Stop at the first bad row instead of reporting and skipping it.")
    boolean strict;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Trading date, for message files without a LOBSTER name (default: from the file name).")
    LocalDate date;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataIssueLog issues = new DataIssueLog(strict ? IssuePolicy.STRICT : IssuePolicy.SKIP, 10, null);
        LobsterBookCheck.Result r;
        try {
            LobsterBookCheck check = new LobsterBookCheck(10);
            r = date == null ? check.run(lobster.get(0), lobster.get(1), out, issues)
                    : check.run(lobster.get(0), lobster.get(1), date, out, issues);
        } catch (DataException e) {
            err.println((e.issue() != null ? "stopped (--strict): " : "error: ") + e.getMessage());
            err.flush();
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        o.println("message file: " + lobster.get(0));
        o.println("orderbook file: " + lobster.get(1));
        o.println(r.summary());
        o.println(issues.summary());
        for (DataIssue i : issues.firstIssues()) o.println("  " + i);
        if (out != null) o.println("rebuilt book written to " + out);
        o.println(r.mismatched() == 0 ? "result: OK (no mismatch)" : "result: MISMATCH");
        o.flush();
        return r.mismatched() == 0 ? 0 : 1;
    }
}
