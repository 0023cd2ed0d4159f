package dev.periscope.app;

import dev.periscope.app.cli.CliError;
import dev.periscope.app.cli.InputFile;
import dev.periscope.app.cli.ExitCodes;
import dev.periscope.app.cli.OptionCheck;
import dev.periscope.app.cli.OutputFile;
import dev.periscope.eval.AlarmRate;
import dev.periscope.eval.ParameterSweep;
import dev.periscope.eval.DetectEval;
import dev.periscope.eval.DetectorCatalog;
import dev.periscope.eval.RealRates;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.sim.SimConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code periscope detect-eval}: every detector measured against the simulator's planted ground truth (precision,
 * recall, F1, false alarms per hour, median detection delay, confidence intervals across seeds), each next to its
 * naive baseline; {@code --sweep} for precision/recall over each detector's main parameter; {@code --real} for
 * alarm rates on real samples. See docs/detect-eval.md.
 */
@Command(name = "detect-eval", mixinStandardHelpOptions = true,
        description = "Score every detector on simulated sessions with planted ground truth (or alarm rates on real data).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
public final class DetectEvalCommand implements Callable<Integer> {
    @Option(names = "--seeds", defaultValue = "5", description = "simulated sessions (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--seed0", defaultValue = "1", description = "first seed (default ${DEFAULT-VALUE})")
    long seed0;

    @Option(names = "--detector", description = "run only this detector (one of: ${COMPLETION-CANDIDATES})",
            completionCandidates = Names.class)
    String detector;

    @Option(names = "--hours", description = "simulate only regular hours HH:MM-HH:MM without pre/post market, e.g. 10:00-11:00")
    String hours;

    @Option(names = "--out", description = "write the scorecard (or sweep / alarm-rate table) as .csv or .json (by the name; - = CSV on "
            + "standard output, the report then goes to standard error)")
    Path out;

    @Option(names = "--sweep", description = "precision/recall over each detector's main parameter")
    boolean sweep;

    @Option(names = "--plot", description = "with --sweep: also write the precision/recall plot as an SVG file")
    Path plot;

    @Option(names = "--no-incidental", description = "count every alert that hits no planted label as a false alarm, even one "
            + "that a real unplanted sweep (arbitrage ISO, routed order on several venues) explains")
    boolean noIncidental;

    @Option(names = "--real", description = "alarm rates per hour on real data (no labels)")
    boolean real;

    @Option(names = "--taq-trades", description = "TAQ trades file for --real (default ../shared/data/hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv)")
    Path taqTrades;

    @Option(names = "--taq-quotes", description = "TAQ quotes file for --real (default ../shared/data/hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv)")
    Path taqQuotes;

    @Option(names = "--lobster", arity = "0..*", description = "LOBSTER message files for --real (default the GOOG, AMZN, AAPL samples in ../shared/data/lobster)")
    List<Path> lobster;

    static final Path SHARED = Path.of("..", "shared", "data");

    /** Completion candidates: all detector names. */
    static final class Names extends ArrayList<String> {
        Names() { super(DetectEval.CATALOG.names()); }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream o = OutputFile.isStdout(out) ? System.err : System.out;
        OptionCheck.atLeast("--seeds", seeds, 1);
        long wall0 = System.nanoTime();
        List<String> dets = detector == null ? List.of() : List.of(detector);
        if (detector != null) OptionCheck.oneOf("--detector", detector, DetectEval.CATALOG.names().toArray(String[]::new));
        if (plot != null && !sweep)
            throw CliError.usage("--plot", "needs --sweep (it plots the sweep tables)");
        if (real) return real(o, dets.isEmpty() ? DetectEval.CATALOG.names() : dets);
        DetectEval.Config cfg = DetectEval.Config.of(seeds).withSeeds(seed0, seeds).withDetectors(dets).withIncidental(!noIncidental);
        if (hours != null) cfg = cfg.withBase(withHours(SimConfig.defaults(), hours));
        String text;
        if (sweep) {
            List<ParameterSweep> sw = DetectEval.sweep(cfg);
            StringBuilder sb = new StringBuilder();
            StringBuilder csv = new StringBuilder();
            for (ParameterSweep s : sw) {
                sb.append(s.toText()).append('\n');
                String c = s.toCsv();
                csv.append(csv.isEmpty() ? c : c.substring(c.indexOf('\n') + 1));
            }
            text = sb.toString();
            if (out != null) write(out, out.toString().endsWith(".json") ? sweepJson(sw) : csv.toString());
            if (plot != null) write(plot, dev.periscope.eval.SweepPlot.svg(sw));
        } else {
            DetectEval.Evaluation e = DetectEval.evaluate(cfg);
            text = DetectEval.report(e);
            if (out != null) write(out, out.toString().endsWith(".json") ? e.scorecard().toJson() : e.scorecard().toCsv());
        }
        o.print(text);
        o.printf(Locale.ROOT, "%n(%d seed(s) in %.1f s%s%s)%n", seeds, (System.nanoTime() - wall0) / 1e9,
                out == null ? "" : "; wrote " + out, plot == null ? "" : "; plot " + plot);
        return 0;
    }

    static SimConfig withHours(SimConfig c, String spec) {
        String[] p = spec.split("-");
        try {
            if (p.length == 2) return c.withHours(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()), false);
        } catch (java.time.DateTimeException e) {
            // reported below
        }
        throw CliError.option("--hours", spec, "must be HH:MM-HH:MM within 00:00..23:59, e.g. 10:00-11:00");
    }

    /** The file the user gave (checked), or the default sample, which when missing names the option to pass. */
    private static Path realFile(Path given, Path dflt, String option) {
        if (given != null) return InputFile.check(given);
        if (!Files.isRegularFile(dflt)) throw CliError.file(dflt, "not found (the default sample; pass " + option + " FILE)");
        return InputFile.check(dflt);
    }

    private int real(PrintStream o, List<String> dets) throws Exception {
        DataIssueLog issues = new DataIssueLog();
        List<RealRates.DataSet> sets = new ArrayList<>();
        boolean anyTrade = dets.stream().anyMatch(DetectEval.CATALOG.names(DetectorCatalog.Role.TRADE)::contains);
        boolean anyOrder = dets.stream().anyMatch(DetectEval.CATALOG.names(DetectorCatalog.Role.ORDER)::contains);
        if (anyTrade) {
            Path t = realFile(taqTrades, SHARED.resolve("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv"), "--taq-trades");
            Path q = realFile(taqQuotes, SHARED.resolve("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv"), "--taq-quotes");
            sets.add(RealRates.taq(t, q, dets, issues));
        }
        if (anyOrder) {
            List<Path> files = lobster != null && !lobster.isEmpty() ? lobster : List.of(
                    SHARED.resolve("lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv"),
                    SHARED.resolve("lobster/AMZN_2012-06-21_34200000_57600000_message_1.csv"),
                    SHARED.resolve("lobster/AAPL_2012-06-21_head999_message_10.csv"));
            boolean given = lobster != null && !lobster.isEmpty();
            for (Path f : files) sets.add(RealRates.lobster(given ? InputFile.check(f) : realFile(null, f, "--lobster"), dets, issues));
        }
        StringBuilder csv = new StringBuilder("dataset,").append(AlarmRate.toCsv(List.of()));
        for (RealRates.DataSet s : sets) {
            o.printf(Locale.ROOT, "%s: %.3f session hours%n", s.name(), s.sessions().totalHours());
            o.print(AlarmRate.toText(s.rows()));
            o.println();
            String c = AlarmRate.toCsv(s.rows());
            for (String line : c.substring(c.indexOf('\n') + 1).split("\n")) {
                if (!line.isEmpty()) csv.append('"').append(s.name().replace("\"", "\"\"")).append("\",").append(line).append('\n');
            }
        }
        o.println(issues.summary());
        if (out != null) {
            write(out, csv.toString());
            o.println("wrote " + out);
        }
        return 0;
    }

    private static String sweepJson(List<ParameterSweep> sw) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < sw.size(); i++) {
            ParameterSweep s = sw.get(i);
            String[] lines = s.toCsv().split("\n");
            String[] head = lines[0].split(",");
            for (int k = 1; k < lines.length; k++) {
                String[] f = lines[k].split(",", -1);
                sb.append(i == 0 && k == 1 ? "  {" : ",\n  {");
                for (int j = 0; j < head.length; j++) {
                    boolean text = j < 3;
                    String v = f[j];
                    sb.append(j == 0 ? "" : ", ").append('"').append(head[j]).append("\": ")
                            .append(text ? "\"" + v.replace("\"", "") + "\"" : v.isEmpty() ? "null" : v);
                }
                sb.append('}');
            }
        }
        return sb.append("\n]\n").toString();
    }

    private static void write(Path p, String s) {
        OutputFile.write(p, s);
    }
}
