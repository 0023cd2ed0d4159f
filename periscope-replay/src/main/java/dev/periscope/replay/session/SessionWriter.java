package dev.periscope.replay.session;

import dev.periscope.io.lobster.LobsterMessageWriter;
import dev.periscope.io.taq.TaqFormat;
import dev.periscope.io.taq.TaqLayout;
import dev.periscope.io.taq.TaqOptions;
import dev.periscope.io.taq.TaqQuoteWriter;
import dev.periscope.io.taq.TaqTradeWriter;
import dev.periscope.io.truth.LabelFormat;
import dev.periscope.io.truth.LabelWriter;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.sim.GroundTruth;
import dev.periscope.sim.SimConfig;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a simulated session's files (the layout of {@link SessionFiles}) from its events as they pass, so that a
 * caller replaying the session for something else (the demo) writes the files in the same pass instead of
 * simulating the session again: TAQ trades and venue quotes as events arrive, each requested venue's LOBSTER files
 * as its order events arrive, and the truth and labels files in {@link #finish}, from the simulator's ground truth.
 * Not thread-safe.
 */
public final class SessionWriter implements MarketDataHandler, AutoCloseable {
    private final SimConfig cfg;
    private final Path dir;
    private final Path trades, quotes;
    private final TaqTradeWriter tradeWriter;
    private final TaqQuoteWriter quoteWriter;
    private final List<LobsterMessageWriter> lobster = new ArrayList<>();  // each keeps its own venue's messages
    private final List<SessionFiles.Lobster> lobsterFiles = new ArrayList<>();
    private boolean closed;

    /** Opens every file; {@code lobsterVenues} as in {@link SessionFiles#lobsterVenues}. */
    public SessionWriter(SimConfig cfg, Path dir, int lobsterLevels, Set<Character> lobsterVenues) throws IOException {
        List<Character> order = SessionFiles.lobsterVenues(cfg, lobsterVenues);
        this.cfg = cfg;
        this.dir = Files.createDirectories(dir);
        String sym = cfg.symbol();
        trades = dir.resolve(sym + "_trades_" + cfg.date() + "_taq.csv");
        quotes = dir.resolve(sym + "_quotes_" + cfg.date() + "_taq.csv");
        TaqOptions taq = TaqOptions.DEFAULT.withZone(TaqFormat.EST);
        tradeWriter = new TaqTradeWriter(trades, taq, TaqLayout.TAQ_EXTRACT);
        quoteWriter = new TaqQuoteWriter(quotes, taq, TaqLayout.TAQ_EXTRACT);
        long startMs = cfg.extendedOpen().toSecondOfDay() * 1000L, endMs = cfg.extendedClose().toSecondOfDay() * 1000L;
        try {
            for (char v : order) {
                Path d = v == cfg.l3Venue() ? dir : Files.createDirectories(dir.resolve("venue-" + v));
                Path msg = d.resolve(LobsterMessageWriter.fileName(sym, cfg.date(), startMs, endMs, "message", lobsterLevels));
                Path ob = d.resolve(LobsterMessageWriter.fileName(sym, cfg.date(), startMs, endMs, "orderbook", lobsterLevels));
                lobster.add(new LobsterMessageWriter(msg, ob, v, lobsterLevels, cfg.zone()));
                lobsterFiles.add(new SessionFiles.Lobster(v, msg, ob, 0));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void onTrade(TradeEvent t) { tradeWriter.write(t); }

    @Override
    public void onQuote(QuoteEvent q) {
        if (q.venue != QuoteEvent.NBBO) quoteWriter.write(q);
    }

    @Override
    public void onOrder(OrderEvent o) {
        for (LobsterMessageWriter w : lobster) w.onOrder(o);
    }

    /** Closes the event files, writes the truth and labels files from {@code truth} and says what was written. */
    public SessionFiles.Written finish(GroundTruth truth) throws IOException {
        close();
        List<SessionFiles.Lobster> files = new ArrayList<>();
        for (int k = 0; k < lobsterFiles.size(); k++) {
            SessionFiles.Lobster l = lobsterFiles.get(k);
            files.add(new SessionFiles.Lobster(l.venue(), l.messages(), l.orderbook(), lobster.get(k).rows()));
        }
        Path truthFile = dir.resolve(cfg.symbol() + "_truth_" + cfg.date() + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(truthFile, StandardCharsets.US_ASCII)) {
            w.write("tradeId,aggressor,agent,metaOrder\n");
            StringBuilder sb = new StringBuilder(64);
            for (long id = 1; id <= truth.tradeCount(); id++) {
                sb.setLength(0);
                sb.append(id).append(',').append(truth.aggressor(id)).append(',').append(truth.agent(id)).append(',')
                        .append(truth.metaOrder(id)).append('\n');
                w.append(sb);
            }
        }
        Path labelsFile = dir.resolve(SessionFiles.labelsFileName(cfg));
        var labels = truth.labels();
        LabelWriter.write(labelsFile, LabelFormat.CSV, labels);
        SessionFiles.Lobster primary = files.get(0);
        return new SessionFiles.Written(trades, quotes, primary.messages(), primary.orderbook(), truthFile, labelsFile,
                tradeWriter.written(), quoteWriter.written(), primary.rows(), labels.size(), files);
    }

    /** Closes every file (idempotent); {@link #finish} does it too. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            tradeWriter.close();
            quoteWriter.close();
        } finally {
            for (LobsterMessageWriter w : lobster) w.close();
        }
    }
}
