package dev.periscope.app;

import dev.periscope.app.cli.CliError;
import dev.periscope.app.cli.ExitCodes;
import dev.periscope.app.cli.IssuePrinter;
import dev.periscope.app.cli.OptionCheck;
import dev.periscope.app.cli.OutputDir;
import dev.periscope.app.cli.TaqInputs;
import dev.periscope.model.event.EventSource;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.io.csv.CsvMapping;
import dev.periscope.io.csv.GenericCsvReader;
import dev.periscope.tape.files.RecordWriter;
import dev.periscope.tape.files.TapeFiles;
import dev.periscope.io.taq.TaqFormat;
import dev.periscope.io.taq.TaqOptions;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.Crypto24x7Calendar;
import dev.periscope.model.time.NyseCalendar;
import dev.periscope.model.time.TradingCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code periscope tape}: replays trades and quotes, signs every print, and writes trades with CVD, footprint bars
 * with POC/value area, the footprint rows and the detectors' alerts.
 */
@Command(name = "tape", mixinStandardHelpOptions = true,
        description = {"Replay trades and quotes: sign prints, cumulative delta, footprint bars, value area, alerts.",
                "TAQ-style CSV files are recognised from their header; other CSV needs --trades-mapping/--quotes-mapping.",
                "Files may be gzip-compressed (detected from their content). The four output files are written to a",
                "temporary directory inside --out and moved into place when the run completes."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_STRICT, ExitCodes.HELP_INTERNAL})
public final class TapeCommand implements Callable<Integer> {
    @Option(names = "--trades", required = true, description = "trades file (TAQ-style or generic CSV)")
    Path trades;

    @Option(names = "--quotes", description = "quotes file (per-venue TAQ-style quotes or generic CSV); without it only the tick rule can sign")
    Path quotes;

    @Option(names = "--trades-mapping", description = "generic CSV column mapping for --trades (see docs/formats-equity.md)")
    String tradesMapping;

    @Option(names = "--quotes-mapping", description = "generic CSV column mapping for --quotes")
    String quotesMapping;

    @Option(names = "--classify", defaultValue = "lee-ready", description = "signing method: tick, quote, lee-ready, emo, clnv (default: ${DEFAULT-VALUE})")
    String classify;

    @Option(names = "--quote-lag-ms", defaultValue = "0", description = "quote lag for signing, ms (default 0; Lee-Ready 1991 used 5000)")
    long quoteLagMs;

    @Option(names = "--bar", defaultValue = "5m", description = "bar: 30s, 5m, 1h (time), 10000v (volume), 500t (ticks); default ${DEFAULT-VALUE}")
    String bar;

    @Option(names = "--row", defaultValue = "0.01", description = "footprint price row height (default ${DEFAULT-VALUE})")
    String row;

    @Option(names = "--value-area", defaultValue = "70", description = "value area percent (default ${DEFAULT-VALUE})")
    double valueAreaPct;

    @Option(names = "--calendar", defaultValue = "nyse", description = "session calendar: nyse or 24x7 (default ${DEFAULT-VALUE})")
    String calendar;

    @Option(names = "--rth", description = "count only regular-hours prints (others are written but flagged session-only)")
    boolean rth;

    @Option(names = "--out", required = true, description = "output directory (tape writes four files, so - for standard output does not apply)")
    Path out;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--max-backstep-ms", defaultValue = "0", description = "a source's event time may step back by up to this much; larger steps are reported and skipped (default ${DEFAULT-VALUE})")
    long maxBackstepMs;

    @Option(names = "--strict", description = "stop at the first bad record instead of skipping it")
    boolean strict;

    @Override
    public Integer call() {
        PrintStream o = System.out;
        DataIssueLog issues = IssuePrinter.log(strict, System.err::println);
        TradingCalendar cal = switch (calendar.toLowerCase()) {
            case "nyse", "xnys" -> NyseCalendar.instance();
            case "24x7", "crypto" -> Crypto24x7Calendar.INSTANCE;
            default -> throw CliError.option("--calendar", calendar, "must be one of nyse, 24x7");
        };
        Options.BarSpec barSpec = Options.bar(bar);
        int bp = (int) Math.round(OptionCheck.range("--value-area", valueAreaPct, 0.01, 100, "percent") * 100);
        OptionCheck.atLeast("--quote-lag-ms", quoteLagMs, 0);
        OptionCheck.atLeast("--max-backstep-ms", maxBackstepMs, 0);
        TapeConfig config = TapeConfig.defaults(cal).withMethod(Options.method(classify))
                .withQuoteLag(quoteLagMs * 1_000_000L).withBars(barSpec.kind(), barSpec.size())
                .withRowSize(Options.positivePx("--row", row)).withRegularHoursOnly(rth).withValueArea(new dev.periscope.analytics.flow.ValueArea(bp));
        RecordWriter.Format fmt = switch (format.toLowerCase()) {
            case "csv" -> RecordWriter.Format.CSV;
            case "json" -> RecordWriter.Format.JSON;
            default -> throw CliError.option("--format", format, "must be one of csv, json");
        };
        TaqInputs.check(trades, tradesMapping, quotes, quotesMapping);
        List<EventSource> sources = new ArrayList<>();
        try {
            // quotes first: on equal timestamps the quote is applied before the trade (stable tie rule)
            if (quotes != null) sources.add(open(quotes, quotesMapping, issues));
            sources.add(open(trades, tradesMapping, issues));
            long events;
            TapeProcessor processor;
            try (OutputDir dir = OutputDir.stage(out); TapeFiles files = new TapeFiles(dir.path(), fmt)) {
                processor = new TapeProcessor(config, files);
                events = new ReplayMerger(sources, maxBackstepMs * 1_000_000L, issues).run(processor);
                if (processor.trades() == 0) throw CliError.file(trades, "no trades read (" + issues.total() + " data issues)");
                o.printf("tape: %,d events (%,d trades, %,d quotes) signed with %s, %s bars%n", events,
                        processor.trades(), processor.quotes(), config.method().label(), barSpec.text());
                o.printf("  unsigned counted prints: %,d   outside sessions%s: %,d%n", processor.unsignedPrints(),
                        rth ? "/RTH" : "", processor.outsideSession());
                List<Instrument> ins = new ArrayList<>(processor.instruments());
                ins.sort(Comparator.comparing(Instrument::id));
                for (Instrument i : ins) o.printf("  %s: last-session CVD %s%n", i.id(), Px.format(processor.cvd(i)));
                o.printf("  wrote %s: trades %,d rows, bars %,d, footprint %,d, alerts %,d%n", out,
                        files.tradeRows(), files.barRows(), files.footprintRows(), files.alertRows());
                files.close();
                dir.commit();
            }
            o.println(issues.summary());
            return 0;
        } finally {
            for (EventSource s : sources) s.close();
        }
    }

    private static EventSource open(Path file, String mapping, DataIssueLog issues) {
        if (mapping != null) return new GenericCsvReader(file, CsvMapping.parse(mapping), issues);
        try {
            return TaqFormat.open(file, TaqOptions.DEFAULT, issues);
        } catch (DataException e) {
            throw new IllegalArgumentException(file + " is not a TAQ-style trades/quotes file; give a column mapping "
                    + "(--trades-mapping / --quotes-mapping): " + e.getMessage());
        }
    }
}
