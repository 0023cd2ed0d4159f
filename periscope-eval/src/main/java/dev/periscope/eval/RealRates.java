package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.eval.AlarmRate;
import dev.periscope.eval.SessionTime;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.io.lobster.LobsterReader;
import dev.periscope.io.taq.TaqQuoteReader;
import dev.periscope.io.taq.TaqTradeReader;
import dev.periscope.model.event.EventSource;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.NyseCalendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code detect-eval --real}: alarm rates per hour on unlabelled real data, the base rate a user should expect.
 * Trade detectors run over TAQ trades + quotes (the tape pipeline, regular hours only; session time = the NYSE
 * regular sessions of the dates that have prints). Order-event detectors run over LOBSTER message files (every
 * message; session time = the span from the file's first to its last message, since LOBSTER samples may cover
 * part of a day).
 */
public final class RealRates {
    private RealRates() {}

    /** One data set's rates. */
    public record DataSet(String name, SessionTime sessions, List<Alert> alerts, List<AlarmRate.Row> rows) {}

    /** Trade detectors among {@code detectors} over a TAQ trades/quotes pair. */
    public static DataSet taq(Path trades, Path quotes, List<String> detectors, DataIssueLog issues) {
        List<String> names = new ArrayList<>(detectors);
        names.retainAll(DetectEval.CATALOG.names(DetectorCatalog.Role.TRADE));
        List<DetectorSlots.Spec> specs = DetectorSlots.defaults(DetectEval.CATALOG, names);
        DetectorSlots.Pipeline p = new DetectorSlots.Pipeline(NyseCalendar.instance(), '\0', specs, true);
        TreeSet<LocalDate> dates = new TreeSet<>();
        MarketDataHandler h = new MarketDataHandler() {
            @Override public void onTrade(TradeEvent t) {
                dates.add(Instant.ofEpochSecond(t.tsEvent / 1_000_000_000L).atZone(LobsterReader.NEW_YORK).toLocalDate());
                p.onTrade(t);
            }

            @Override public void onQuote(QuoteEvent q) { p.onQuote(q); }

            @Override public void onEnd() { p.onEnd(); }
        };
        List<EventSource> sources = List.of(new TaqQuoteReader(quotes, issues), new TaqTradeReader(trades, issues));
        new ReplayMerger(sources, 0, issues).run(h);
        SessionTime st = dates.isEmpty() ? SessionTime.of(0, 0)
                : SessionTime.regularSessions(NyseCalendar.instance(), dates.first(), dates.last());
        List<Alert> alerts = new ArrayList<>();
        for (DetectorSlots.Slot s : p.slots()) alerts.addAll(s.alerts());
        return new DataSet("TAQ " + trades.getFileName(), st, List.copyOf(alerts), AlarmRate.compute(alerts, st, names));
    }

    /** Order-event detectors among {@code detectors} over one LOBSTER message file. */
    public static DataSet lobster(Path messages, List<String> detectors, DataIssueLog issues) {
        List<String> names = new ArrayList<>(detectors);
        names.retainAll(DetectEval.CATALOG.names(DetectorCatalog.Role.ORDER));
        List<DetectorSlots.Spec> specs = DetectorSlots.defaults(DetectEval.CATALOG, names);
        DetectorSlots.Pipeline p = new DetectorSlots.Pipeline(NyseCalendar.instance(), '\0', specs, true);
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        MarketDataHandler h = new MarketDataHandler() {
            @Override public void onOrder(OrderEvent e) {
                span[0] = Math.min(span[0], e.tsEvent);
                span[1] = Math.max(span[1], e.tsEvent);
                p.onOrder(e);
            }

            @Override public void onEnd() { p.onEnd(); }
        };
        new ReplayMerger(List.of(new LobsterReader(messages, issues)), 0, issues).run(h);
        SessionTime st = span[0] > span[1] ? SessionTime.of(0, 0) : SessionTime.of(span[0], span[1] + 1);
        List<Alert> alerts = new ArrayList<>();
        for (DetectorSlots.Slot s : p.slots()) alerts.addAll(s.alerts());
        return new DataSet("LOBSTER " + messages.getFileName(), st, List.copyOf(alerts), AlarmRate.compute(alerts, st, names));
    }
}
