package dev.periscope.sim;

import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.io.truth.LabelFormat;
import dev.periscope.io.truth.LabelWriter;
import dev.periscope.sim.out.LobsterWriter;
import dev.periscope.sim.out.TaqCsvWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Simulates one session and writes it as files real-data readers understand:
 * <ul>
 *   <li>{@code SYMBOL_trades_DATE_taq.csv} and {@code SYMBOL_quotes_DATE_taq.csv}: TAQ-style consolidated trades
 *       and per-venue quotes ({@link TaqCsvWriter});</li>
 *   <li>{@code SYMBOL_DATE_startMs_endMs_message_N.csv} and {@code ..._orderbook_N.csv}: LOBSTER files of the
 *       primary L3 venue ({@link SimConfig#l3Venue()}, {@link LobsterWriter}), window = the simulated hours; on
 *       request the same two files of other lit venues, in {@code venue-X/} subdirectories (X = participant code);</li>
 *   <li>{@code SYMBOL_truth_DATE.csv}: {@code tradeId,aggressor,agent,metaOrder} per print, row k = k-th row of
 *       the trades file (aggressor 1 buy, -1 sell, 0 unknown): the ground truth the tape hides;</li>
 *   <li>{@code SYMBOL_labels_DATE.csv}: the planted patterns ({@link GroundTruth#labels()}) in the label CSV format
 *       of {@link LabelWriter} (docs/evaluation.md).</li>
 * </ul>
 */
public final class SessionFiles {
    /** Default number of LOBSTER order-book levels. */
    public static final int LOBSTER_LEVELS = 10;

    private SessionFiles() {}

    /** One venue's LOBSTER message and order-book files and their row count. */
    public record Lobster(char venue, Path messages, Path orderbook, long rows) {}

    /**
     * Paths written and their row counts (without headers); {@code messages}/{@code orderbook} are the primary L3
     * venue's, {@code lobster} lists every venue's LOBSTER files written, the primary first.
     */
    public record Written(Path trades, Path quotes, Path messages, Path orderbook, Path truth, Path labels,
                          long tradeRows, long quoteRows, long messageRows, long labelRows, java.util.List<Lobster> lobster) {

        public Written {
            lobster = lobster == null ? java.util.List.of() : java.util.List.copyOf(lobster);
        }

        /** Without the per-venue LOBSTER list (the earlier shape). */
        public Written(Path trades, Path quotes, Path messages, Path orderbook, Path truth, Path labels,
                       long tradeRows, long quoteRows, long messageRows, long labelRows) {
            this(trades, quotes, messages, orderbook, truth, labels, tradeRows, quoteRows, messageRows, labelRows, null);
        }

        /** Without the labels file (the earlier shape). */
        public Written(Path trades, Path quotes, Path messages, Path orderbook, Path truth,
                       long tradeRows, long quoteRows, long messageRows) {
            this(trades, quotes, messages, orderbook, truth, null, tradeRows, quoteRows, messageRows, 0, null);
        }
    }

    /** File name of the planted-pattern labels: {@code SYMBOL_labels_DATE.csv}. */
    public static String labelsFileName(SimConfig cfg) {
        return cfg.symbol() + "_labels_" + cfg.date() + ".csv";
    }

    public static Written write(SimConfig cfg, Path dir) throws IOException {
        return write(cfg, dir, LOBSTER_LEVELS);
    }

    public static Written write(SimConfig cfg, Path dir, int lobsterLevels) throws IOException {
        return write(cfg, dir, lobsterLevels, null);
    }

    /** As {@link #write(SimConfig, Path, int)}, also passing every event to {@code tap} (may be null). */
    public static Written write(SimConfig cfg, Path dir, int lobsterLevels, MarketDataHandler tap) throws IOException {
        return write(cfg, dir, lobsterLevels, tap, java.util.Set.of(cfg.l3Venue()));
    }

    /**
     * As {@link #write(SimConfig, Path, int, MarketDataHandler)}, with LOBSTER files for each venue of
     * {@code lobsterVenues} (which must contain the primary L3 venue; others need {@link SimConfig#l3AllVenues()});
     * a venue other than the primary goes to {@code dir/venue-X/} under the same LOBSTER file names.
     */
    public static Written write(SimConfig cfg, Path dir, int lobsterLevels, MarketDataHandler tap,
                                java.util.Set<Character> lobsterVenues) throws IOException {
        if (!lobsterVenues.contains(cfg.l3Venue()))
            throw new IllegalArgumentException("LOBSTER venues " + lobsterVenues + " must include the primary L3 venue " + cfg.l3Venue());
        java.util.List<Character> order = new java.util.ArrayList<>();
        order.add(cfg.l3Venue());
        for (SimConfig.Venue v : cfg.venues()) if (v.code() != cfg.l3Venue() && lobsterVenues.contains(v.code())) order.add(v.code());
        for (char c : lobsterVenues)
            if (!order.contains(c)) throw new IllegalArgumentException("LOBSTER venue " + c + " is not a lit venue of the config " + cfg.venues());
        if (order.size() > 1 && !cfg.l3AllVenues())
            throw new IllegalArgumentException("LOBSTER files of venues " + order.subList(1, order.size())
                    + " need l3AllVenues: the config emits L3 messages of " + cfg.l3Venue() + " only");
        Files.createDirectories(dir);
        String sym = cfg.symbol();
        Path trades = dir.resolve(sym + "_trades_" + cfg.date() + "_taq.csv");
        Path quotes = dir.resolve(sym + "_quotes_" + cfg.date() + "_taq.csv");
        long startMs = cfg.extendedOpen().toSecondOfDay() * 1000L, endMs = cfg.extendedClose().toSecondOfDay() * 1000L;
        Path[] msg = new Path[order.size()], ob = new Path[order.size()];
        LobsterWriter[] lob = new LobsterWriter[order.size()];
        LobsterWriter[] byVenue = new LobsterWriter[128];
        Path truthFile = dir.resolve(sym + "_truth_" + cfg.date() + ".csv");
        MarketSimulator sim = new MarketSimulator(cfg);
        long tr, qr;
        long[] rows = new long[order.size()];
        try (TaqCsvWriter taq = new TaqCsvWriter(trades, quotes, sym, cfg.zone())) {
            try {
                for (int k = 0; k < order.size(); k++) {
                    char v = order.get(k);
                    Path d = k == 0 ? dir : Files.createDirectories(dir.resolve("venue-" + v));
                    msg[k] = d.resolve(LobsterWriter.fileName(sym, cfg.date(), startMs, endMs, "message", lobsterLevels));
                    ob[k] = d.resolve(LobsterWriter.fileName(sym, cfg.date(), startMs, endMs, "orderbook", lobsterLevels));
                    lob[k] = byVenue[v] = new LobsterWriter(msg[k], ob[k], v, lobsterLevels, cfg.zone());
                }
                MarketEvent e;
                while ((e = sim.next()) != null) {
                    if (tap != null) e.dispatchTo(tap);
                    if (e instanceof TradeEvent t) taq.onTrade(t);
                    else if (e instanceof QuoteEvent q) taq.onQuote(q);
                    else {
                        OrderEvent o = (OrderEvent) e;
                        LobsterWriter w = o.venue < 128 ? byVenue[o.venue] : null;
                        if (w != null) w.onOrder(o);
                    }
                }
                tr = taq.tradeRows(); qr = taq.quoteRows();
                for (int k = 0; k < lob.length; k++) rows[k] = lob[k].rows();
            } finally {
                for (LobsterWriter w : lob) if (w != null) w.close();
            }
        }
        GroundTruth g = sim.groundTruth();
        try (BufferedWriter w = Files.newBufferedWriter(truthFile, StandardCharsets.US_ASCII)) {
            w.write("tradeId,aggressor,agent,metaOrder\n");
            StringBuilder sb = new StringBuilder(64);
            for (long id = 1; id <= g.tradeCount(); id++) {
                sb.setLength(0);
                sb.append(id).append(',').append(g.aggressor(id)).append(',').append(g.agent(id)).append(',').append(g.metaOrder(id)).append('\n');
                w.append(sb);
            }
        }
        Path labelsFile = dir.resolve(labelsFileName(cfg));
        var labels = g.labels();
        LabelWriter.write(labelsFile, LabelFormat.CSV, labels);
        java.util.List<Lobster> lobsters = new java.util.ArrayList<>();
        for (int k = 0; k < order.size(); k++) lobsters.add(new Lobster(order.get(k), msg[k], ob[k], rows[k]));
        return new Written(trades, quotes, msg[0], ob[0], truthFile, labelsFile, tr, qr, rows[0], labels.size(), lobsters);
    }
}
