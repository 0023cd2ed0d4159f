package dev.periscope.eval.demo;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.flow.FootprintBar;
import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.analytics.micro.BookImbalance;
import dev.periscope.analytics.micro.SpreadRegime;
import dev.periscope.analytics.micro.Spreads;
import dev.periscope.analytics.micro.SupportResistance;
import dev.periscope.book.L3Book;
import dev.periscope.book.market.MarketState;
import dev.periscope.eval.DetectorSlots;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Participant;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.sim.GroundTruth;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.sim.SimConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.tape.TapeRow;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code periscope demo}: price and VWAP, cumulative delta, the last footprints, the largest blocks,
 * sweeps, absorption and divergence alerts, book and spread, then the planted patterns against the alerts, the false
 * alarms and this session's scorecard (matched by {@link dev.periscope.eval.AlertMatcher}, as {@code detect-eval}).
 */
public final class DemoReport {
    private static final ZoneId NY = TapeSummary.NY;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(NY);

    private DemoReport() {}

    /** Prints every section; {@code events} and {@code secs} describe the replay, {@code barText} the bar setting. */
    public static void print(PrintStream o, SimConfig cfg, String barText, long events, double secs, TapeProcessor tape,
                             TapeSummary col, MicroStats micro, MarketSimulator sim, DetectorSlots.Pipeline detectors) {
        o.printf(Locale.ROOT, "Periscope demo: simulated session %s %s (seed %d), %,d events replayed in %.1f s%n",
                cfg.symbol(), cfg.date(), cfg.seed(), events, secs);
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
        rule(o, "FOOTPRINT, LAST " + col.bars.size() + " BARS (" + barText + ")  bid x ask volume per price, * = POC, | = value area");
        for (TapeSummary.Bar b : col.bars) printBar(o, b);
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
    }

    /** Planted patterns next to the alerts (hit / miss / false alarm) and this session's scorecard. */
    private static void printTruth(PrintStream o, MarketSimulator sim, SimConfig cfg,
                                   DetectorSlots.Pipeline detectors) {
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

    static Instant inst(long ns) {
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

    private static void printBar(PrintStream o, TapeSummary.Bar b) {
        o.printf(Locale.ROOT, "  %s-%s  O %s H %s L %s C %s  vol %,d  delta %+,d  POC %s  VA %s-%s%n",
                HMS.format(inst(b.bar().startTime())), HMS.format(inst(b.bar().endTime())), Px.format(b.bar().open()),
                Px.format(b.bar().high()), Px.format(b.bar().low()), Px.format(b.bar().close()), b.bar().volume() / Px.SCALE,
                b.bar().delta() / Px.SCALE, Px.format(b.poc()), Px.format(b.val()), Px.format(b.vah()));
        FootprintBar f = b.bar();
        for (int i = f.levelCount() - 1; i >= 0; i--) {
            long p = f.levelPrice(i);
            boolean inVa = b.vaValid() && p >= b.val() && p <= b.vah();
            o.printf(Locale.ROOT, "     %c%c %10s  %,9d x %-,9d  %+,8d%n", p == b.poc() ? '*' : ' ', inVa ? '|' : ' ',
                    Px.format(p), f.bidVolume(i) / Px.SCALE, f.askVolume(i) / Px.SCALE, f.levelDelta(i) / Px.SCALE);
        }
    }

}
