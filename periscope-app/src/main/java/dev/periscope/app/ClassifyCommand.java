package dev.periscope.app;

import dev.periscope.analytics.signing.BulkVolumeAccuracy;
import dev.periscope.analytics.signing.BulkVolumeClassifier;
import dev.periscope.analytics.signing.SigningEvaluation;
import dev.periscope.analytics.signing.TradeSigner;
import dev.periscope.io.lobster.LobsterBookReader;
import dev.periscope.io.lobster.LobsterReader;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.app.cli.CliError;
import dev.periscope.app.cli.ExitCodes;
import dev.periscope.app.cli.IssuePrinter;
import dev.periscope.app.cli.LobsterPair;
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
 * classified nor part of the tick history. It also builds time bars of all executions and scores bulk volume
 * classification (normal and Student-t) and Lee–Ready summed per bar against the true buy volume. See
 * docs/signing.md.
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

    /** The three evaluations of one run plus its parameters. */
    public record Result(SigningEvaluation visible, SigningEvaluation hidden, SigningEvaluation all,
                         long quoteLagNanos, long quoteMisses, Bvc bvc) {}

    /** Bar-level comparison: BVC (normal, Student-t) and Lee–Ready summed per bar, on the bars BVC classified. */
    public record Bvc(BvcParams params, long bars, BulkVolumeAccuracy normal, BulkVolumeAccuracy studentT,
                      BulkVolumeAccuracy leeReady) {}

    /** Bar length (ns), sigma window (bars) and Student-t degrees of freedom. */
    public record BvcParams(long barNanos, int window, double nu) {
        public BvcParams {
            if (barNanos <= 0 || window < 2 || !(nu > 0) || Double.isInfinite(nu)) {
                throw new IllegalArgumentException("BVC parameters: bar > 0 ns, window >= 2, finite nu > 0");
            }
        }
    }

    /** Default BVC settings: 60-second bars, sigma over 20 bars, nu = 0.25. */
    public static final BvcParams DEFAULT_BVC = new BvcParams(60_000_000_000L, 20, 0.25);

    @Override
    public Integer call() {
        if (quoteHistory < 1) throw new ParameterException(spec.commandLine(), "--quote-history must be >= 1");
        if (!Double.isFinite(quoteLagMs) || quoteLagMs < 0) {
            throw new ParameterException(spec.commandLine(), "--quote-lag-ms must be a finite number >= 0: " + quoteLagMs);
        }
        LobsterPair.check(lobster);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataIssueLog issues = IssuePrinter.log(strict, err::println);
        if (bvcBarSeconds <= 0 || bvcWindow < 2 || !(bvcNu > 0) || Double.isInfinite(bvcNu)) {
            throw new ParameterException(spec.commandLine(),
                    "--bvc-bar-seconds must be > 0, --bvc-window >= 2, --bvc-nu finite and > 0");
        }
        long lagNs = Math.round(quoteLagMs * 1_000_000.0);
        BvcParams bvc = new BvcParams(Math.multiplyExact(bvcBarSeconds, 1_000_000_000L), bvcWindow, bvcNu);
        Result r = evaluate(lobster.get(0), lobster.get(1), lagNs, quoteHistory, bvc, issues);
        if (r.all().scored() == 0) {
            throw CliError.file(lobster.get(0), "no executions (type 4 or 5) to score (" + issues.total() + " data issues)");
        }
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
        Bvc b = r.bvc();
        sb.append(String.format(Locale.ROOT, "buy volume per %s s bar (all executions; bars without executions "
                        + "skipped), sigma over %d bars: %d bars, %d classified (volume %s)%n",
                trim(b.params().barNanos() / 1e9), b.params().window(), b.bars(), b.normal().bars(),
                Px.format(Px.ofDouble(b.normal().volume()))));
        sb.append(String.format(Locale.ROOT, "accuracy 1 - sum|buy - est|/volume: bvc-normal %s  bvc-t(nu=%s) %s  "
                        + "lee-ready summed per bar %s%n%n", fmt(b.normal()), trim(b.params().nu()), fmt(b.studentT()),
                fmt(b.leeReady())));
        return sb.toString();
    }

    private static String fmt(BulkVolumeAccuracy a) {
        return a.accuracy().isPresent() ? String.format(Locale.ROOT, "%.4f", a.accuracy().getAsDouble()) : "n/a";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
                                  BvcParams bvcParams, DataIssueLog issues) {
        TradeSigner signer = new TradeSigner(quoteHistory, quoteLagNanos);
        Bars bars = new Bars(bvcParams);
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
                    bars.onExecution(ts, o.price, o.size, truth, signer.leeReady());
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
        bars.finish();
        return new Result(visible, hidden, all, quoteLagNanos, signer.quoteMisses(),
                new Bvc(bvcParams, bars.count, bars.accNormal, bars.accT, bars.accLr));
    }

    /** Time bars of executions (bucket = floor(ts / bar)); feeds both BVC variants and scores them. */
    private static final class Bars {
        final long barNanos;
        final BulkVolumeClassifier normal, studentT;
        final BulkVolumeAccuracy accNormal = new BulkVolumeAccuracy(), accT = new BulkVolumeAccuracy(),
                accLr = new BulkVolumeAccuracy();
        long bucket = Long.MIN_VALUE, close, volume, trueBuy, lrBuy, lrUnknown, count;

        Bars(BvcParams p) {
            barNanos = p.barNanos();
            normal = BulkVolumeClassifier.normal(p.window());
            studentT = BulkVolumeClassifier.studentT(p.window(), p.nu());
        }

        void onExecution(long ts, long price, long size, byte truth, byte lr) {
            long b = Math.floorDiv(ts, barNanos);
            if (b != bucket) {
                finish();
                bucket = b;
            }
            close = price;
            volume = Math.addExact(volume, size);
            if (truth == Aggressor.BUY) trueBuy = Math.addExact(trueBuy, size);
            if (lr == Aggressor.BUY) lrBuy = Math.addExact(lrBuy, size);
            else if (lr == Aggressor.UNKNOWN) lrUnknown = Math.addExact(lrUnknown, size);
        }

        void finish() {
            if (volume == 0) return;
            count++;
            boolean readyN = normal.onBar(close, volume);
            boolean readyT = studentT.onBar(close, volume);
            double v = Px.toDouble(volume), tb = Px.toDouble(trueBuy);
            if (readyN) {
                accNormal.record(tb, normal.buyVolume(), v);
                // Lee-Ready volume per bar on the same bars; unsigned volume split evenly
                accLr.record(tb, Math.min(v, Px.toDouble(lrBuy) + 0.5 * Px.toDouble(lrUnknown)), v);
            }
            if (readyT) accT.record(tb, Math.min(v, studentT.buyVolume()), v);
            volume = trueBuy = lrBuy = lrUnknown = 0;
        }
    }
}
