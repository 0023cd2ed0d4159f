package dev.periscope.app;

import dev.periscope.analytics.signing.SigningEvaluation;
import dev.periscope.analytics.signing.TradeSigner;
import dev.periscope.io.lobster.LobsterBookReader;
import dev.periscope.io.lobster.LobsterReader;
import dev.periscope.model.Aggressor;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code periscope classify}: signs every LOBSTER execution with each trade-signing rule and scores it against the
 * true aggressor, which LOBSTER gives (the opposite of the executed resting order's side). The prevailing quote
 * of an execution is the best bid/ask of the orderbook row <em>before</em> its message (the row after the
 * previous message), looked up with {@code --quote-lag-ms}. Visible (type 4) and hidden (type 5) executions are
 * reported separately and combined; all executions share one tick history. Cross trades (type 6) are neither
 * classified nor part of the tick history. See docs/signing.md.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Trade signing (tick, quote, Lee-Ready, EMO, CLNV, reverse tick) scored against the true "
                + "aggressor of LOBSTER executions.",
                "The quote for an execution is the orderbook row before its message."})
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

    @Option(names = "--strict", description = "Stop at the first bad input row instead of reporting and skipping it.")
    boolean strict;

    /** The three evaluations of one run plus its parameters. */
    public record Result(SigningEvaluation visible, SigningEvaluation hidden, SigningEvaluation all,
                         long quoteLagNanos, long quoteMisses) {}

    @Override
    public Integer call() {
        if (lobster.size() != 2) {
            throw new ParameterException(spec.commandLine(), "--lobster takes exactly MESSAGE_FILE ORDERBOOK_FILE once");
        }
        if (quoteHistory < 1) throw new ParameterException(spec.commandLine(), "--quote-history must be >= 1");
        if (!Double.isFinite(quoteLagMs) || quoteLagMs < 0) {
            throw new ParameterException(spec.commandLine(), "--quote-lag-ms must be a finite number >= 0: " + quoteLagMs);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataIssueLog issues = new DataIssueLog(strict ? IssuePolicy.STRICT : IssuePolicy.SKIP, 20,
                i -> err.println("data issue: " + i));
        long lagNs = Math.round(quoteLagMs * 1_000_000.0);
        Result r = evaluate(lobster.get(0), lobster.get(1), lagNs, quoteHistory, issues);
        out.print(report(r, lobster.get(0).getFileName().toString()));
        out.println(issues.summary());
        out.flush();
        return 0;
    }

    /** The text report: parameters and the three tables (visible, hidden, all executions). */
    public static String report(Result r, String source) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "trade signing vs LOBSTER true aggressor: %s%n", source));
        sb.append(String.format(Locale.ROOT, "quote: orderbook row before each message, lag %s ms%s%n%n",
                formatMs(r.quoteLagNanos()), r.quoteMisses() > 0
                        ? " (" + r.quoteMisses() + " executions whose lagged quote left the history)" : ""));
        sb.append(r.visible().table("visible executions (type 4)")).append('\n');
        sb.append(r.hidden().table("hidden executions (type 5)")).append('\n');
        sb.append(r.all().table("all executions")).append('\n');
        return sb.toString();
    }

    private static String formatMs(long ns) {
        return ns % 1_000_000L == 0 ? Long.toString(ns / 1_000_000L)
                : String.format(Locale.ROOT, "%.6f", ns / 1e6);
    }

    /**
     * Replays a LOBSTER message file and its orderbook file and scores every execution. Book rows are matched to
     * messages by file line; a book row whose message was skipped as bad still updates the quote (it is the book
     * state before the next good message).
     */
    public static Result evaluate(Path messages, Path orderbook, long quoteLagNanos, int quoteHistory,
                                  DataIssueLog issues) {
        TradeSigner signer = new TradeSigner(quoteHistory, quoteLagNanos);
        SigningEvaluation visible = new SigningEvaluation(), hidden = new SigningEvaluation(),
                all = new SigningEvaluation();
        String bookName = orderbook.getFileName().toString();
        try (LobsterReader reader = new LobsterReader(messages, issues);
             LobsterBookReader book = new LobsterBookReader(orderbook, issues)) {
            boolean haveRow = book.next();
            boolean reportedShortBook = false;
            MarketEvent ev;
            while ((ev = reader.next()) != null) {
                long line = reader.line();
                long ts = ev.tsEvent;
                // rows of messages skipped as bad: book state before this message
                while (haveRow && book.line() < line) {
                    signer.onQuote(ts, book.bestBid(), book.bestAsk());
                    haveRow = book.next();
                }
                if (ev instanceof OrderEvent o
                        && (o.type == OrderEvent.Type.EXECUTE || o.type == OrderEvent.Type.EXECUTE_HIDDEN)) {
                    signer.classify(ts, o.price);
                    byte truth = o.side == null ? Aggressor.UNKNOWN : (byte) o.side.opposite().sign();
                    SigningEvaluation part = o.type == OrderEvent.Type.EXECUTE ? visible : hidden;
                    part.record(signer, truth, o.size);
                    all.record(signer, truth, o.size);
                }
                if (haveRow && book.line() == line) {
                    // the book after this message: prevailing from this message's time on, for later messages
                    if (!signer.onQuote(ts, book.bestBid(), book.bestAsk())) {
                        issues.report(bookName, line, "", "time-regression", "quote older than the previous one");
                    }
                    haveRow = book.next();
                } else if (!reportedShortBook && !haveRow) {
                    issues.report(bookName, line, "", "missing-row",
                            "orderbook file has no row for message line " + line + " (reported once)");
                    reportedShortBook = true;
                }
            }
        }
        return new Result(visible, hidden, all, quoteLagNanos, signer.quoteMisses());
    }
}
