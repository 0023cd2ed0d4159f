package dev.periscope.app;

import dev.periscope.eval.signing.SigningStudy;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.app.cli.CliError;
import dev.periscope.app.cli.OptionCheck;
import dev.periscope.app.cli.ExitCodes;
import dev.periscope.app.cli.IssuePrinter;
import dev.periscope.app.cli.LobsterPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code periscope classify}: trade signing rules scored against the true aggressor of LOBSTER executions
 * ({@link SigningStudy}); this class parses and checks the options and prints the report.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Trade signing (tick, quote, Lee-Ready, EMO, CLNV, reverse tick) scored against the true "
                + "aggressor of LOBSTER executions.",
                "The quote for an execution is the orderbook row before its message.",
                "Files may be gzip-compressed (detected from their content)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_STRICT, ExitCodes.HELP_INTERNAL})
public final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lobster", arity = "2", required = true, paramLabel = "FILE",
            description = "LOBSTER MESSAGE_FILE and ORDERBOOK_FILE (any level count).")
    List<Path> lobster;

    @Option(names = "--quote-lag-ms", defaultValue = "0", paramLabel = "MS",
            description = "Use the quote prevailing this many ms before the execution (default ${DEFAULT-VALUE}; "
                    + "Lee & Ready 1991 used 5000 for 1988 NYSE data).")
    double quoteLagMs;

    @Option(names = "--quote-history", defaultValue = "65536", paramLabel = "N",
            description = "Top-of-book changes kept for lagged look-ups (default ${DEFAULT-VALUE}).")
    int quoteHistory;

    @Option(names = "--bvc-bar-seconds", defaultValue = "60", paramLabel = "S",
            description = "Bulk volume classification: time-bar length in seconds (default ${DEFAULT-VALUE}).")
    long bvcBarSeconds;

    @Option(names = "--bvc-window", defaultValue = "20", paramLabel = "N",
            description = "Bulk volume classification: bars in the rolling sigma window (default ${DEFAULT-VALUE}).")
    int bvcWindow;

    @Option(names = "--bvc-nu", defaultValue = "0.25", paramLabel = "NU",
            description = "Degrees of freedom of the Student-t BVC variant (default ${DEFAULT-VALUE}).")
    double bvcNu;

    @Option(names = "--strict", description = "Stop at the first bad input row instead of reporting and skipping it.")
    boolean strict;

    @Override
    public Integer call() {
        OptionCheck.atLeast("--quote-history", quoteHistory, 1);
        OptionCheck.range("--quote-lag-ms", quoteLagMs, 0, 86_400_000, "milliseconds");
        OptionCheck.atLeast("--bvc-bar-seconds", bvcBarSeconds, 1);
        OptionCheck.atLeast("--bvc-window", bvcWindow, 2);
        OptionCheck.range("--bvc-nu", bvcNu, Double.MIN_VALUE, Double.MAX_VALUE, "degrees of freedom, > 0");
        LobsterPair.check(lobster);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataIssueLog issues = IssuePrinter.log(strict, err::println);
        long lagNs = Math.round(quoteLagMs * 1_000_000.0);
        SigningStudy.BvcParams bvc = new SigningStudy.BvcParams(Math.multiplyExact(bvcBarSeconds, 1_000_000_000L), bvcWindow, bvcNu);
        SigningStudy.Result r = SigningStudy.evaluate(lobster.get(0), lobster.get(1), lagNs, quoteHistory, bvc, issues);
        if (r.all().scored() == 0) {
            throw CliError.file(lobster.get(0), "no executions (type 4 or 5) to score (" + issues.total() + " data issues)");
        }
        out.print(SigningStudy.report(r, lobster.get(0).getFileName().toString()));
        out.println(issues.summary());
        out.flush();
        return 0;
    }

}
