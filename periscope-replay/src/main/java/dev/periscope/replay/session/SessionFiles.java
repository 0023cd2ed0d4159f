package dev.periscope.replay.session;

import dev.periscope.sim.GroundTruth;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.sim.SimConfig;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.io.lobster.LobsterMessageWriter;
import dev.periscope.io.taq.TaqLayout;
import dev.periscope.io.taq.TaqQuoteWriter;
import dev.periscope.io.taq.TaqTradeWriter;
import dev.periscope.io.truth.LabelWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Simulates one session and writes it as files real-data readers understand ({@link SessionWriter} writes them as
 * the events pass):
 * <ul>
 *   <li>{@code SYMBOL_trades_DATE_taq.csv} and {@code SYMBOL_quotes_DATE_taq.csv}: TAQ-style consolidated trades
 *       and per-venue quotes in the layout of real TAQ extracts ({@link TaqLayout#TAQ_EXTRACT}), times in
 *       {@code DT_EST} = fixed UTC-5 all year like the TAQ sample ({@link TaqTradeWriter}, {@link TaqQuoteWriter});</li>
 *   <li>{@code SYMBOL_DATE_startMs_endMs_message_N.csv} and {@code ..._orderbook_N.csv}: LOBSTER files of the
 *       primary L3 venue ({@link SimConfig#l3Venue()}, {@link LobsterMessageWriter}), window = the simulated hours; on
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
     * The venues to write LOBSTER files for, the primary L3 venue first and the others in config order, or an
     * {@link IllegalArgumentException} naming what is wrong: the primary venue missing, a code that is not one of
     * the config's lit venues, or another venue when the config emits the primary venue's L3 messages only.
     */
    public static java.util.List<Character> lobsterVenues(SimConfig cfg, java.util.Set<Character> requested) {
        if (!requested.contains(cfg.l3Venue()))
            throw new IllegalArgumentException("LOBSTER venues " + requested + " must include the primary L3 venue " + cfg.l3Venue());
        java.util.List<Character> order = new java.util.ArrayList<>();
        StringBuilder codes = new StringBuilder();
        order.add(cfg.l3Venue());
        for (SimConfig.Venue v : cfg.venues()) {
            codes.append(v.code());
            if (v.code() != cfg.l3Venue() && requested.contains(v.code())) order.add(v.code());
        }
        for (char c : requested)
            if (!order.contains(c)) throw new IllegalArgumentException("'" + c + "' is not a simulated lit venue (one of " + codes + ")");
        if (order.size() > 1 && !cfg.l3AllVenues())
            throw new IllegalArgumentException("LOBSTER files of venues " + order.subList(1, order.size())
                    + " need l3AllVenues: the config emits L3 messages of " + cfg.l3Venue() + " only");
        return order;
    }

    /**
     * As {@link #write(SimConfig, Path, int, MarketDataHandler)}, with LOBSTER files for each venue of
     * {@code lobsterVenues} (which must contain the primary L3 venue; others need {@link SimConfig#l3AllVenues()});
     * a venue other than the primary goes to {@code dir/venue-X/} under the same LOBSTER file names.
     */
    public static Written write(SimConfig cfg, Path dir, int lobsterLevels, MarketDataHandler tap,
                                java.util.Set<Character> lobsterVenues) throws IOException {
        MarketSimulator sim = new MarketSimulator(cfg);
        try (SessionWriter writer = new SessionWriter(cfg, dir, lobsterLevels, lobsterVenues)) {
            MarketEvent e;
            while ((e = sim.next()) != null) {
                if (tap != null) e.dispatchTo(tap);
                e.dispatchTo(writer);
            }
            return writer.finish(sim.groundTruth());
        }
    }
}
