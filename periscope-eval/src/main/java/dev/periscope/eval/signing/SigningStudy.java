package dev.periscope.eval.signing;

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

import java.nio.file.Path;
import java.util.Locale;

/**
 * Trade signing scored against LOBSTER's true aggressor (the opposite of the executed resting order's side): every
 * execution is signed with each rule (tick, quote, Lee–Ready, EMO, CLNV, reverse tick), with the prevailing quote
 * taken from the orderbook row <em>before</em> its message, optionally lagged. Visible (type 4) and hidden (type 5)
 * executions are scored separately and combined; all executions share one tick history; cross trades (type 6) are
 * neither classified nor part of the tick history. Time bars of all executions score bulk volume classification
 * (Easley, López de Prado &amp; O'Hara 2012; normal and Student-t) and Lee–Ready summed per bar against the true buy
 * volume. See docs/signing.md. Used by {@code periscope classify}.
 */
public final class SigningStudy {
    private SigningStudy() {}

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
