package dev.periscope.app;

import dev.periscope.app.cli.ExitCodes;
import dev.periscope.app.cli.OptionCheck;
import dev.periscope.app.cli.OutputDir;
import dev.periscope.eval.demo.DemoReport;
import dev.periscope.eval.demo.MicroStats;
import dev.periscope.eval.demo.TapeSummary;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.NyseCalendar;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.replay.Tee;
import dev.periscope.replay.session.SessionFiles;
import dev.periscope.replay.session.SessionWriter;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.sim.SimConfig;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeProcessor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code periscope demo}: simulates one trading session with Periscope's seeded market simulator, replays it
 * through the same tape pipeline as {@code periscope tape} plus an L3 book of one venue, and prints what a trader
 * would read: price and VWAP, cumulative delta, footprints of the last bars, the largest blocks and sweeps, book
 * imbalance, spreads and their regime, and how well the prints were signed against the simulator's truth.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate a session on the built-in market and print an order-flow summary (no data, no network).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "42", description = "simulator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--date", defaultValue = "2026-11-20", description = "session date, an NYSE trading day (default ${DEFAULT-VALUE})")
    LocalDate date;

    @Option(names = "--symbol", defaultValue = "SIM", description = "ticker (default ${DEFAULT-VALUE})")
    String symbol;

    @Option(names = "--bar", defaultValue = "5m", description = "footprint bar (default ${DEFAULT-VALUE})")
    String bar;

    @Option(names = "--last-bars", defaultValue = "3", description = "footprints to print (default ${DEFAULT-VALUE})")
    int lastBars;

    @Option(names = "--write", description = "also write the simulated session (TAQ-style CSV, LOBSTER) into this directory "
            + "(through a temporary directory inside it, moved into place when complete)")
    Path write;

    @Option(names = "--lobster-venues", paramLabel = "CODES|all",
            description = "with --write: LOBSTER files of these lit venues (participant codes, e.g. QNV, or all); "
                    + "the primary (Q) in DIR, the others in DIR/venue-X/ (default: Q only)")
    String lobsterVenues;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(NY);

    @Override
    public Integer call() throws Exception {
        long wall0 = System.nanoTime();
        PrintStream o = System.out;
        SimConfig cfg = SimConfig.defaults().withSeed(seed).withSymbolAndDate(symbol, OptionCheck.nyseTradingDay("--date", date));
        OptionCheck.atLeast("--last-bars", lastBars, 0);
        java.util.Set<Character> lobVenues = lobsterVenues(cfg);
        MarketSimulator sim = new MarketSimulator(cfg);
        Options.BarSpec spec = Options.bar(bar);
        // regular hours only: extended-hours prints (Form T) are shown in files but not counted in CVD and bars
        TapeConfig tc = TapeConfig.defaults(NyseCalendar.instance()).withBars(spec.kind(), spec.size()).withRegularHoursOnly(true)
                .withL3Venue(cfg.l3Venue()).withL3Book(true);
        TapeSummary col = new TapeSummary(lastBars);
        TapeProcessor tape = new TapeProcessor(tc, col);
        MicroStats micro = new MicroStats(tape, sim.groundTruth(), col);
        // every detector with its default parameters, scored against what the simulator planted
        var catalog = dev.periscope.eval.DetectEval.CATALOG;
        var specs = dev.periscope.eval.DetectorSlots.defaults(catalog, catalog.names());
        dev.periscope.eval.DetectorSlots.Pipeline detectors =
                new dev.periscope.eval.DetectorSlots.Pipeline(NyseCalendar.instance(), cfg.l3Venue(), specs, false);
        DataIssueLog issues = new DataIssueLog();
        // with --write the session's files are written in the same pass (staged, moved into place when complete)
        SessionFiles.Written w = null;
        try (OutputDir dir = write == null ? null : OutputDir.stage(write);
             SessionWriter files = dir == null ? null : new SessionWriter(cfg, dir.path(), SessionFiles.LOBSTER_LEVELS, lobVenues)) {
            Tee all = files == null ? new Tee(tape, micro, detectors) : new Tee(tape, micro, detectors, files);
            long events = new ReplayMerger(List.of(sim), 0, issues).run(all);
            double secs = (System.nanoTime() - wall0) / 1e9;
            if (files != null) {
                w = files.finish(sim.groundTruth());
                dir.commit();
            }
            DemoReport.print(o, cfg, spec.text(), events, secs, tape, col, micro, sim, detectors);
        }
        o.println(issues.summary());
        if (w != null) {
            StringBuilder v = new StringBuilder();
            for (SessionFiles.Lobster l : w.lobster()) v.append(v.isEmpty() ? "" : ", ").append(l.venue()).append(' ').append(String.format("%,d", l.rows()));
            o.println("wrote the simulated session to " + write + " (TAQ-style trades/quotes, LOBSTER message/orderbook of "
                    + v + " messages, truth, labels)");
        }
        return 0;
    }

    /** The venues of {@code --lobster-venues} (the primary L3 venue always, checked by SessionFiles), or a usage error. */
    private java.util.Set<Character> lobsterVenues(SimConfig cfg) {
        java.util.Set<Character> out = new java.util.LinkedHashSet<>();
        out.add(cfg.l3Venue());
        if (lobsterVenues == null) return out;
        if (write == null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lobster-venues needs --write DIR");
        if (lobsterVenues.equalsIgnoreCase("all")) for (SimConfig.Venue v : cfg.venues()) out.add(v.code());
        else for (char c : lobsterVenues.replace(",", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) out.add(c);
        try {
            SessionFiles.lobsterVenues(cfg, out);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lobster-venues: " + e.getMessage() + ", or all");
        }
        return out;
    }
}
