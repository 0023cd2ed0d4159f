package dev.periscope.app;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.app.cli.ExitCodes;
import dev.periscope.app.cli.OptionCheck;
import dev.periscope.app.cli.OutputDir;
import dev.periscope.analytics.flow.FootprintBar;
import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.analytics.micro.BookImbalance;
import dev.periscope.analytics.micro.SpreadRegime;
import dev.periscope.analytics.micro.Spreads;
import dev.periscope.analytics.micro.SupportResistance;
import dev.periscope.book.L3Book;
import dev.periscope.book.market.MarketState;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.replay.Tee;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.tape.TapeRow;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Participant;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.NyseCalendar;
import dev.periscope.sim.GroundTruth;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.replay.session.SessionFiles;
import dev.periscope.sim.SimConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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
        Collector col = new Collector(lastBars);
        TapeProcessor tape = new TapeProcessor(tc, col);
        Micro micro = new Micro(tape, sim.groundTruth(), col);
        // every detector with its default parameters, scored against what the simulator planted
        var catalog = dev.periscope.eval.DetectEval.CATALOG;
        var specs = dev.periscope.eval.DetectorSlots.defaults(catalog, catalog.names());
        dev.periscope.eval.DetectorSlots.Pipeline detectors =
                new dev.periscope.eval.DetectorSlots.Pipeline(NyseCalendar.instance(), cfg.l3Venue(), specs, false);
        DataIssueLog issues = new DataIssueLog();
        long events = new ReplayMerger(List.of(sim), 0, issues).run(new Tee(tape, micro, detectors));
        double secs = (System.nanoTime() - wall0) / 1e9;

        o.printf(Locale.ROOT, "Periscope demo: simulated session %s %s (seed %d), %,d events replayed in %.1f s%n",
                symbol, date, seed, events, secs);
        o.printf(Locale.ROOT, "  %,d prints (%,d off-exchange = %.1f%% of volume), %,d quotes, %,d L3 messages on venue %s%n",
                col.prints, col.offExchangePrints, 100.0 * col.offExchangeVolume / Math.max(1, col.volume),
                tape.quotes(), micro.orders, Participant.ofCode(cfg.l3Venue()).venueName());
        rule(o, "PRICE");
        o.printf(Locale.ROOT, "  open %s  high %s  low %s  last %s   volume %,d sh%n", Px.format(col.open),
                Px.format(col.high), Px.format(col.low), Px.format(col.last), col.volume / Px.SCALE);
        o.printf(Locale.ROOT, "  session VWAP %.4f   (+/-1 sd band %.4f .. %.4f)%n", col.vwap, col.vwap - col.vwapSd, col.vwap + col.vwapSd);
        rule(o, "CUMULATIVE DELTA, REGULAR HOURS (Lee-Ready vs NBBO; unknown side kept apart)");
        o.printf(Locale.ROOT, "  CVD %+,d sh   buy %,d  sell %,d  unknown %,d   imbalance (B-S)/(B+S) %+.3f%n",
                col.cvd / Px.SCALE, col.buy / Px.SCALE, col.sell / Px.SCALE, col.unknown / Px.SCALE,
                (double) (col.buy - col.sell) / Math.max(1, col.buy + col.sell));
        o.print("  CVD by hour: ");
        for (String s : col.hourly) o.print(s + "  ");
        o.println();
        o.printf(Locale.ROOT, "  signing accuracy vs simulator truth: %.1f%% of %,d signed prints (%,d left unsigned)%n",
                100.0 * micro.signedRight / Math.max(1, micro.signedChecked), micro.signedChecked, micro.unsigned);
        rule(o, "FOOTPRINT, LAST " + col.bars.size() + " BARS (" + spec.text() + ")  bid x ask volume per price, * = POC, | = value area");
        for (Bar b : col.bars) printBar(o, b);
        rule(o, "LARGEST BLOCKS (>= 10,000 sh or >= 1% of ADV; off-exchange on D)");
        printAlerts(o, col.alerts, a -> a.detector().equals("block"), 5);
        rule(o, "SWEEPS (same side, >= 5,000 sh over >= 3 venues or levels within 50 ms)");
        printAlerts(o, col.alerts, a -> a.detector().equals("sweep"), 5);
        rule(o, "ABSORPTION (large one-sided delta, price held)");
        printAlerts(o, col.alerts, a -> a.detector().equals("absorption"), 3);
        rule(o, "DELTA/PRICE DIVERGENCE (hypothesis signals, not forecasts)");
        printAlerts(o, col.alerts, a -> a.detector().equals("delta-divergence"), 3);
        rule(o, "BOOK AND SPREAD (" + Participant.ofCode(cfg.l3Venue()).venueName() + " L3 book, NBBO)");
        if (micro.imbalance.isReady()) {
            o.printf(Locale.ROOT, "  book imbalance at the close: level-1 %+.3f   top-5 %+.3f   depth-weighted %+.3f%n",
                    micro.imbalance.level1(), micro.imbalance.depth(), micro.imbalance.weighted());
        }
        o.printf(Locale.ROOT, "  NBBO quoted spread: mean %.2f bp; effective spread (signed prints) mean %.2f bp%n",
                micro.quotedBpsSum / Math.max(1, micro.quotedN), micro.effBpsSum / Math.max(1, micro.effN));
        if (micro.regime.isReady()) {
            o.printf(Locale.ROOT, "  spread regime now: %s (current vs 30-min rolling median %.2f bp, z %+.2f); time WIDE %.1f%%, TIGHT %.1f%%%n",
                    micro.regime.regime(), micro.regime.median(), micro.regime.zScore(),
                    100.0 * micro.wideSamples / Math.max(1, micro.regimeSamples), 100.0 * micro.tightSamples / Math.max(1, micro.regimeSamples));
        }
        if (micro.sr.isReady()) {
            long[] px = new long[3];
            double[] sz = new double[3], per = new double[3];
            int n = micro.sr.support(3, px, sz, per);
            o.print("  support (persistent resting bids):    ");
            for (int i = 0; i < n; i++) o.printf(Locale.ROOT, "%s (avg %.0f sh, %.0f%% of time)  ", Px.format(px[i]), sz[i] / Px.SCALE, per[i] * 100);
            o.println();
            n = micro.sr.resistance(3, px, sz, per);
            o.print("  resistance (persistent resting asks): ");
            for (int i = 0; i < n; i++) o.printf(Locale.ROOT, "%s (avg %.0f sh, %.0f%% of time)  ", Px.format(px[i]), sz[i] / Px.SCALE, per[i] * 100);
            o.println();
        }
        printTruth(o, sim, cfg, detectors);
        o.println(issues.summary());
        if (write != null) {
            SessionFiles.Written w;
            try (OutputDir dir = OutputDir.stage(write)) {
                w = SessionFiles.write(cfg, dir.path(), SessionFiles.LOBSTER_LEVELS, null, lobVenues);
                dir.commit();
            }
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

    /** Planted patterns next to the alerts (hit / miss / false alarm) and this session's scorecard. */
    private static void printTruth(PrintStream o, MarketSimulator sim, SimConfig cfg,
                                   dev.periscope.eval.DetectorSlots.Pipeline detectors) {
        List<dev.periscope.model.truth.GroundTruthLabel> labels = sim.groundTruth().labels();
        List<dev.periscope.model.truth.GroundTruthLabel> incidental = sim.groundTruth().incidentalLabels();
        long span = cfg.epochNanos(cfg.extendedClose()) - cfg.epochNanos(cfg.extendedOpen());
        List<Alert> alerts = new ArrayList<>();
        for (var slot : detectors.slots()) alerts.addAll(slot.alerts());
        var matcher = new dev.periscope.eval.AlertMatcher(dev.periscope.eval.DetectEval.CATALOG.mapping(),
                dev.periscope.eval.MatchConfig.DEFAULT);
        java.util.Map<dev.periscope.model.truth.GroundTruthLabel, String> hitBy = new java.util.IdentityHashMap<>();
        List<String[]> rows = new ArrayList<>();
        java.util.Map<String, List<Alert>> falseBy = new java.util.LinkedHashMap<>();
        java.util.Map<String, Long> falseCount = new java.util.HashMap<>(), dupCount = new java.util.HashMap<>();
        for (var slot : detectors.slots()) {
            String d = slot.detector();
            if (matcher.mapping().rule(d) == null) continue;
            var r = matcher.match(d, alerts, labels, incidental, span);
            for (var h : r.hits()) hitBy.merge(h.label(), d + " (" + Math.max(0, h.delayNanos() / 1_000_000_000L) + " s)", (a, b) -> a + ", " + b);
            if (!d.startsWith("naive-")) {
                falseBy.put(d, r.falseAlarms());
                falseCount.put(d, r.counts().fp());
                dupCount.put(d, r.counts().fp() - r.falseAlarms().size());
            }
            var c = r.counts();
            rows.add(new String[]{d, Long.toString(c.labels()), Long.toString(c.tp()), Long.toString(c.fn()),
                    Long.toString(c.fp()), Long.toString(c.explained()), fmt(c.precision()), fmt(c.recall()), fmt(c.f1())});
        }
        rule(o, "PLANTED PATTERNS VS ALERTS (" + labels.size() + " labels; matched within 1 s, side-aware)");
        for (var l : labels) {
            String by = hitBy.get(l);
            o.printf(Locale.ROOT, "  %s %-18s %-5s %,9d sh  %-5s %s%n", HMS.format(inst(l.tsStart())), l.kind(),
                    Aggressor.label(l.side()), l.size() / Px.SCALE, l.venue(), by == null ? "MISS" : "HIT by " + by);
        }
        rule(o, "FALSE ALARMS (alerts matching no planted label and no unplanted sweep; repeat alerts on an already hit label count too): count, the two largest");
        for (var e : falseBy.entrySet()) {
            List<Alert> fa = new ArrayList<>(e.getValue());
            fa.sort(Comparator.comparingLong(Alert::totalSize).reversed().thenComparingLong(Alert::tsStart));
            long dups = dupCount.get(e.getKey());
            o.printf(Locale.ROOT, "  %-12s %,6d%s%s", e.getKey(), falseCount.get(e.getKey()),
                    dups > 0 ? String.format(Locale.ROOT, " (%,d repeats)", dups) : "", fa.isEmpty() ? "\n" : ":");
            for (int i = 0; i < Math.min(2, fa.size()); i++) {
                Alert a = fa.get(i);
                o.printf(Locale.ROOT, "%s %s %s %,d sh %s %s", i == 0 ? "" : ";", HMS.format(inst(a.tsStart())), Aggressor.label(a.side()),
                        a.totalSize() / Px.SCALE, a.venues(), a.kind());
            }
            if (!fa.isEmpty()) o.println();
        }
        rule(o, "SCORECARD OF THIS SESSION (periscope detect-eval --seeds N gives it across seeds with intervals)");
        o.printf(Locale.ROOT, "  unplanted = alerts explained by one of the session's %,d real sweeps nobody planted (arbitrage ISOs,%n"
                + "  routed orders on several venues): neither hits nor false alarms%n", incidental.size());
        o.printf("  %-27s %6s %5s %5s %7s %9s %9s %7s %7s%n", "detector", "labels", "hits", "miss", "false", "unplanted", "precision", "recall", "F1");
        for (String[] r : rows) o.printf("  %-27s %6s %5s %5s %7s %9s %9s %7s %7s%n", (Object[]) r);
    }

    private static String fmt(java.util.OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "n/a";
    }

    private static Instant inst(long ns) {
        return Instant.ofEpochSecond(ns / 1_000_000_000L, ns % 1_000_000_000L);
    }

    private static void rule(PrintStream o, String title) {
        o.println();
        o.println("== " + title);
    }

    private static void printAlerts(PrintStream o, List<Alert> all, java.util.function.Predicate<Alert> p, int k) {
        List<Alert> sel = new ArrayList<>(all.stream().filter(p).toList());
        long count = sel.size();
        sel.sort(Comparator.comparingLong(Alert::totalSize).reversed().thenComparingLong(Alert::tsStart));
        if (count == 0) { o.println("  none"); return; }
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        for (Alert a : sel) kinds.merge(a.kind(), 1L, Long::sum);
        o.printf("  %d in the session %s; largest:%n", count, kinds);
        for (Alert a : sel.subList(0, (int) Math.min(k, count))) {
            o.printf(Locale.ROOT, "  %s %-5s %,9d sh  $%,13.0f  %s..%s  venues %-6s %s%n", HMS.format(inst(a.tsStart())),
                    Aggressor.label(a.side()), a.totalSize() / Px.SCALE, a.notional(), Px.format(a.priceLow()),
                    Px.format(a.priceHigh()), a.venues(), a.kind());
        }
    }

    private static void printBar(PrintStream o, Bar b) {
        o.printf(Locale.ROOT, "  %s-%s  O %s H %s L %s C %s  vol %,d  delta %+,d  POC %s  VA %s-%s%n",
                HMS.format(inst(b.bar.startTime())), HMS.format(inst(b.bar.endTime())), Px.format(b.bar.open()),
                Px.format(b.bar.high()), Px.format(b.bar.low()), Px.format(b.bar.close()), b.bar.volume() / Px.SCALE,
                b.bar.delta() / Px.SCALE, Px.format(b.poc), Px.format(b.val), Px.format(b.vah));
        FootprintBar f = b.bar;
        for (int i = f.levelCount() - 1; i >= 0; i--) {
            long p = f.levelPrice(i);
            boolean inVa = b.vaValid && p >= b.val && p <= b.vah;
            o.printf(Locale.ROOT, "     %c%c %10s  %,9d x %-,9d  %+,8d%n", p == b.poc ? '*' : ' ', inVa ? '|' : ' ',
                    Px.format(p), f.bidVolume(i) / Px.SCALE, f.askVolume(i) / Px.SCALE, f.levelDelta(i) / Px.SCALE);
        }
    }

    /** A closed bar with its value area, copied (the builder reuses its bar). */
    private record Bar(FootprintBar bar, long poc, long val, long vah, boolean vaValid) {}

    /** Collects what the summary prints from the tape pipeline. */
    private static final class Collector implements TapeListener {
        final int keep;
        final ArrayDeque<Bar> bars = new ArrayDeque<>();
        final List<Alert> alerts = new ArrayList<>();
        final List<String> hourly = new ArrayList<>();
        long prints, offExchangePrints, offExchangeVolume, volume, open = Px.NONE, high = Px.NONE, low = Px.NONE, last = Px.NONE;
        long cvd, buy, sell, unknown;
        double vwap, vwapSd;
        int lastHour = -1;
        byte lastSide;
        long lastTradeId;

        Collector(int keep) { this.keep = keep; }

        @Override
        public void onTrade(TradeEvent t, TapeRow row) {
            prints++;
            lastSide = row.side;
            lastTradeId = t.tradeId;
            if (!row.counted || !dev.periscope.analytics.flow.PrintFlags.volume(row.printFlags)) return;
            volume += t.size;
            if (t.venue == 'D') { offExchangePrints++; offExchangeVolume += t.size; }
            if (dev.periscope.analytics.flow.PrintFlags.last(row.printFlags)) {
                if (open == Px.NONE) open = t.price;
                last = t.price;
                if (high == Px.NONE || t.price > high) high = t.price;
                if (low == Px.NONE || t.price < low) low = t.price;
            }
            if (row.side > 0) buy += t.size; else if (row.side < 0) sell += t.size; else unknown += t.size;
            cvd = row.cvd;
            int hour = inst(t.tsEvent).atZone(NY).getHour();
            if (hour != lastHour) {
                if (lastHour >= 0) hourly.add(String.format(Locale.ROOT, "%02d:00 %+,d", hour, cvd / Px.SCALE));
                lastHour = hour;
            }
        }

        @Override
        public void onBar(FootprintBar bar, ValueArea.Result va, TapeRow atClose) {
            if (atClose.vwapReady) { vwap = atClose.vwap; vwapSd = atClose.vwapSd; }
            boolean ok = va.isValid();
            bars.addLast(new Bar(bar.copy(), ok ? va.pocRow() * bar.rowSize() : Px.NONE,
                    ok ? va.lowRow() * bar.rowSize() : Px.NONE, ok ? va.highRow() * bar.rowSize() : Px.NONE, ok));
            if (bars.size() > keep) bars.removeFirst();
        }

        @Override
        public void onAlert(Alert a) { alerts.add(a); }
    }

    /**
     * Book, spread and signing-accuracy side of the demo. Reads the L3 book and the NBBO from the tape's market
     * state, so it runs after the tape processor (Tee order).
     */
    private static final class Micro implements MarketDataHandler {
        final TapeProcessor tape;
        final GroundTruth truth;
        final Collector col;
        MarketState market;
        final BookImbalance imbalance = new BookImbalance();
        final SpreadRegime regime = new SpreadRegime();
        final SupportResistance sr = new SupportResistance();
        long orders, signedChecked, signedRight, unsigned, quotedN, effN, regimeSamples, wideSamples, tightSamples;
        double quotedBpsSum, effBpsSum;
        long nextSample;

        Micro(TapeProcessor tape, GroundTruth truth, Collector col) {
            this.tape = tape;
            this.truth = truth;
            this.col = col;
        }

        @Override
        public void onOrder(OrderEvent e) {
            if (market == null) market = tape.market(e.instrument);
            if (!market.isL3Venue(e.venue)) return;
            orders++;
            L3Book book = market.l3();
            if (e.tsEvent >= nextSample) {          // sample the book once per second of event time
                nextSample = e.tsEvent + 1_000_000_000L;
                imbalance.update(book);
                sr.update(e.tsEvent, book);
            }
        }

        @Override
        public void onQuote(QuoteEvent q) {
            if (q.venue == QuoteEvent.NBBO) return;
            if (market == null) market = tape.market(q.instrument);
            if (market.quoteChangedNbbo() && Spreads.isValidQuote(market.bid(), market.ask())) {
                double bps = Spreads.quotedBps(market.bid(), market.ask());
                quotedBpsSum += bps;
                quotedN++;
                regime.update(q.tsEvent, bps);
                if (regime.isReady()) {
                    regimeSamples++;
                    SpreadRegime.Regime r = regime.regime();
                    if (r == SpreadRegime.Regime.WIDE) wideSamples++;
                    else if (r == SpreadRegime.Regime.TIGHT) tightSamples++;
                }
            }
        }

        @Override
        public void onTrade(TradeEvent t) {
            // runs after the tape processor (Tee order): col.lastSide is this print's side
            byte side = col.lastSide;
            if (side == Aggressor.UNKNOWN) { unsigned++; return; }
            byte truthSide = truth.aggressor(t.tradeId);
            if (truthSide != Aggressor.UNKNOWN) {
                signedChecked++;
                if (truthSide == side) signedRight++;
            }
            if (market == null) market = tape.market(t.instrument);
            if (Spreads.isValidQuote(market.bid(), market.ask())) {
                effBpsSum += Spreads.effectiveBps(t.price, side, market.bid(), market.ask());
                effN++;
            }
        }
    }
}
