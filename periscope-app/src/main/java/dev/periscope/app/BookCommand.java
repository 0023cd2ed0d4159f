package dev.periscope.app;

import dev.periscope.app.cli.CliError;
import dev.periscope.app.cli.ErrorHandler;
import dev.periscope.app.cli.ExitCodes;
import dev.periscope.app.cli.LobsterPair;
import dev.periscope.app.cli.OutputFile;
import dev.periscope.io.lobster.LobsterBookCheck;
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
 * {@link LobsterBookCheck} and docs/books.md). Exit code 0 when nothing mismatches, 1 on mismatches, 2 on usage
 * and input errors (including files that do not belong together and no events), 3 when {@code --strict} stops at
 * a bad row ({@link ExitCodes}).
 */
@Command(name = "book", mixinStandardHelpOptions = true,
        description = {"Rebuild an order book from LOBSTER messages and check it against LOBSTER's orderbook file at every event.",
                "Files may be gzip-compressed (detected from their content)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_MISMATCH, ExitCodes.HELP_USAGE, ExitCodes.HELP_STRICT, ExitCodes.HELP_INTERNAL})
public final class BookCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lobster", arity = "2", required = true, paramLabel = "FILE",
            description = "LOBSTER message file and orderbook file (TICKER_YYYY-MM-DD_start_end_message_N.csv, ..._orderbook_N.csv).")
    List<Path> lobster;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rebuilt book after every event in LOBSTER orderbook format; - for standard output "
                    + "(the report then goes to standard error). Written to a temporary file and renamed when complete.")
    Path out;

    @Option(names = "--strict", description = "Stop at the first bad row instead of reporting and skipping it.")
    boolean strict;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Trading date, for message files without a LOBSTER name (default: from the file name).")
    LocalDate date;

    @Override
    public Integer call() throws java.io.IOException {
        LobsterPair.check(lobster, date);
        PrintWriter o = OutputFile.isStdout(out) ? spec.commandLine().getErr() : spec.commandLine().getOut();
        DataIssueLog issues = new DataIssueLog(strict ? IssuePolicy.STRICT : IssuePolicy.SKIP, 10, null);
        LobsterBookCheck.Result r;
        try (OutputFile book = out == null ? null : OutputFile.create(out)) {
            r = new LobsterBookCheck(10).runWriting(lobster.get(0), lobster.get(1), date, book == null ? null : book.stream(), issues);
            if (r.events() == 0) throw CliError.file(lobster.get(0), "no valid events (" + issues.total() + " rows reported as data issues)");
            if (book != null) book.commit();
        }
        o.println("message file: " + lobster.get(0));
        o.println("orderbook file: " + lobster.get(1));
        o.println(r.summary());
        o.println(issues.summary());
        for (DataIssue i : issues.firstIssues()) o.println("  " + ErrorHandler.cut(i.toString()));
        if (out != null) o.println("rebuilt book written to " + (OutputFile.isStdout(out) ? "standard output" : out));
        o.println(r.mismatched() == 0 ? "result: OK (no mismatch)" : "result: MISMATCH");
        o.flush();
        return r.mismatched() == 0 ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
}
