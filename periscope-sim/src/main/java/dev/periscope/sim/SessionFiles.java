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
 *       L3 venue ({@link LobsterWriter}), window = the simulated hours;</li>
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

    /** Paths written and their row counts (without headers). */
    public record Written(Path trades, Path quotes, Path messages, Path orderbook, Path truth, Path labels,
                          long tradeRows, long quoteRows, long messageRows, long labelRows) {

        /** Without the labels file (the earlier shape). */
        public Written(Path trades, Path quotes, Path messages, Path orderbook, Path truth,
                       long tradeRows, long quoteRows, long messageRows) {
            this(trades, quotes, messages, orderbook, truth, null, tradeRows, quoteRows, messageRows, 0);
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
        Files.createDirectories(dir);
        String sym = cfg.symbol();
        Path trades = dir.resolve(sym + "_trades_" + cfg.date() + "_taq.csv");
        Path quotes = dir.resolve(sym + "_quotes_" + cfg.date() + "_taq.csv");
        long startMs = cfg.extendedOpen().toSecondOfDay() * 1000L, endMs = cfg.extendedClose().toSecondOfDay() * 1000L;
        Path msg = dir.resolve(LobsterWriter.fileName(sym, cfg.date(), startMs, endMs, "message", lobsterLevels));
        Path ob = dir.resolve(LobsterWriter.fileName(sym, cfg.date(), startMs, endMs, "orderbook", lobsterLevels));
        Path truthFile = dir.resolve(sym + "_truth_" + cfg.date() + ".csv");
        MarketSimulator sim = new MarketSimulator(cfg);
        long tr, qr, mr;
        try (TaqCsvWriter taq = new TaqCsvWriter(trades, quotes, sym, cfg.zone());
             LobsterWriter lob = new LobsterWriter(msg, ob, cfg.l3Venue(), lobsterLevels, cfg.zone())) {
            MarketEvent e;
            while ((e = sim.next()) != null) {
                if (tap != null) e.dispatchTo(tap);
                if (e instanceof TradeEvent t) taq.onTrade(t);
                else if (e instanceof QuoteEvent q) taq.onQuote(q);
                else lob.onOrder((OrderEvent) e);
            }
            tr = taq.tradeRows(); qr = taq.quoteRows(); mr = lob.rows();
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
        return new Written(trades, quotes, msg, ob, truthFile, labelsFile, tr, qr, mr, labels.size());
    }
}
