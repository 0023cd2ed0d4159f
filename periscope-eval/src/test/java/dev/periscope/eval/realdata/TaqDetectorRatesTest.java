package dev.periscope.eval.realdata;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.detect.IcebergTradeQuoteDetector;
import dev.periscope.analytics.detect.MetaOrderDetector;
import dev.periscope.analytics.detect.NaivePlaybookIcebergDetector;
import dev.periscope.analytics.detect.TradeDetector;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.io.taq.TaqQuoteReader;
import dev.periscope.io.taq.TaqTradeReader;
import dev.periscope.model.time.SessionPhase;
import dev.periscope.model.event.EventSource;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.Px;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.NyseCalendar;
import dev.periscope.model.time.TradingCalendar;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trade-level iceberg, meta-order and baseline detectors over the real TAQ sample (2018-01-02/03, one NYSE-listed stock, regular hours,
 * prints signed by the tape pipeline's default method against the NBBO built from the per-venue quotes). Alarm
 * counts per regular-hours hour: base rates on unlabelled data, not accuracy.
 */
class TaqDetectorRatesTest {
    static final Path TRADES = SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv");
    static final Path QUOTES = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");

    @Test
    void alarmRatesOnTheTaqSample() {
        TradingCalendar cal = NyseCalendar.instance();
        IcebergTradeQuoteDetector iceVenue = new IcebergTradeQuoteDetector();
        NaivePlaybookIcebergDetector playbook = new NaivePlaybookIcebergDetector();
        MetaOrderDetector meta = new MetaOrderDetector();
        Map<String, List<Alert>> alerts = new LinkedHashMap<>();
        for (TradeDetector d : new TradeDetector[]{iceVenue, playbook, meta}) alerts.put(d.name(), new ArrayList<>());
        TapeListener listener = new TapeListener() {
            @Override public void onAlert(Alert a) { alerts.get(a.detector()).add(a); }
        };
        TapeProcessor tape = new TapeProcessor(TapeConfig.defaults(cal).withRegularHoursOnly(true), listener,
                i -> new TradeDetector[]{iceVenue, playbook, meta});
        MarketDataHandler h = new MarketDataHandler() {
            @Override public void onTrade(TradeEvent t) { tape.onTrade(t); }

            @Override public void onQuote(QuoteEvent q) {
                tape.onQuote(q);
                int key = cal.sessionKey(q.tsEvent);
                SessionPhase ph = cal.phase(q.tsEvent);
                if (key >= 0 && (ph == SessionPhase.REGULAR || ph == SessionPhase.CONTINUOUS))
                    iceVenue.onQuote(key, q.tsEvent, q.venue, q.bidPrice, q.bidSize, q.askPrice, q.askSize,
                            a -> alerts.get(a.detector()).add(a));
            }

            @Override public void onEnd() { tape.onEnd(); }
        };
        DataIssueLog log = new DataIssueLog();
        List<EventSource> sources = List.of(new TaqQuoteReader(QUOTES, log), new TaqTradeReader(TRADES, log));
        new ReplayMerger(sources, 0, log).run(h);
        double hours = 2 * 6.5;
        StringBuilder sb = new StringBuilder("TAQ sample (2 x 6.5 h RTH):");
        alerts.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%d (%.2f/h)", k, v.size(), v.size() / hours)));
        System.out.println(sb);
        for (List<Alert> l : alerts.values()) if (!l.isEmpty()) System.out.println("  e.g. " + l.get(0).toLine());
        // pinned base rates (measured 2026-11-24, default parameters)
        assertThat(alerts.get("iceberg-taq")).hasSize(35);
        // reproduced by an independent Python implementation over the raw CSVs (RTH, per-venue quotes x 100-share
        // lots, CTA non-regular conditions excluded, quotes before trades on equal timestamps): 35 runs,
        // 68,898 shares in 543 prints
        assertThat(alerts.get("iceberg-taq").stream().mapToLong(a -> a.totalSize() / Px.SCALE).sum()).isEqualTo(68_898);
        assertThat(alerts.get("iceberg-taq").stream().mapToInt(Alert::prints).sum()).isEqualTo(543);
        assertThat(alerts.get("naive-playbook-iceberg")).hasSize(40);
        assertThat(alerts.get("meta-order")).hasSize(2);
        assertThat(log.count("corrected-print")).isEqualTo(2);   // the reader skips the two CORR != 0 rows
        assertThat(log.total()).isEqualTo(2);
        // every TAQ iceberg alert satisfies its own definition
        for (Alert a : alerts.get("iceberg-taq")) {
            String d = a.description();
            double ratio = Double.parseDouble(d.substring(d.indexOf("ratio=") + 6, d.indexOf(' ', d.indexOf("ratio="))));
            assertThat(ratio).isGreaterThanOrEqualTo(3.0);
            assertThat(a.prints()).isGreaterThanOrEqualTo(3);
        }
    }
}
