package dev.periscope.eval.realdata;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.detect.AlertCollector;
import dev.periscope.analytics.detect.IcebergL3Detector;
import dev.periscope.analytics.detect.MetaOrderDetector;
import dev.periscope.analytics.detect.NaiveCancelRatioDetector;
import dev.periscope.analytics.detect.NaivePlaybookIcebergDetector;
import dev.periscope.analytics.detect.OrderEventDetector;
import dev.periscope.analytics.detect.SpoofingDetector;
import dev.periscope.analytics.detect.TradeDetector;
import dev.periscope.io.lobster.LobsterReader;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The L3 detectors and baselines over the real LOBSTER samples (2012-06-21, Nasdaq): alarm counts and rates per hour. These are
 * base rates on unlabelled data, not accuracy. The level-1 files (AMZN, GOOG) only carry messages that touch the
 * best level, so orders away from the touch, which the spoofing detector looks for, are absent there by
 * construction; the AAPL level-10 file covers only 49 seconds. Trade detectors get the executions (types 4 and 5)
 * as prints, signed exactly: the aggressor is the opposite of the resting order's side.
 */
class LobsterDetectorRatesTest {
    private static final dev.periscope.analytics.detect.MutablePrintContext PRINT =
            new dev.periscope.analytics.detect.MutablePrintContext();
    private static final String AAPL = "lobster/AAPL_2012-06-21_head999_message_10.csv";
    private static final String AMZN = "lobster/AMZN_2012-06-21_34200000_57600000_message_1.csv";
    private static final String GOOG = "lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv";

    record Run(double hours, Map<String, Integer> counts, long cancelled, long flagged, Alert firstIceberg,
               Map<String, Integer> evidence, long icebergExecuted, long icebergHidden, java.util.List<Alert> meta) {}

    static Run run(String file) {
        OrderEventDetector[] l3 = {new IcebergL3Detector(), new SpoofingDetector(), new NaiveCancelRatioDetector()};
        // meta-order with its pre-calibration parameters (30 min, 20 baseline windows, share 0.55): the Python oracle
        // below was computed with them; the calibrated default is measured in docs/detect-eval.md
        TradeDetector[] td = {new NaivePlaybookIcebergDetector(), new MetaOrderDetector(MetaOrderDetector.Params.PRE_CALIBRATION)};
        Map<String, AlertCollector> out = new LinkedHashMap<>();
        for (OrderEventDetector d : l3) out.put(d.name(), new AlertCollector());
        for (TradeDetector d : td) out.put(d.name(), new AlertCollector());
        DataIssueLog log = new DataIssueLog();
        long first = Long.MIN_VALUE, last = 0;
        try (LobsterReader r = new LobsterReader(SharedData.path(file), log)) {
            for (MarketEvent e; (e = r.next()) != null; ) {
                OrderEvent o = (OrderEvent) e;
                if (first == Long.MIN_VALUE) first = o.tsEvent;
                last = o.tsEvent;
                for (OrderEventDetector d : l3) d.onOrder(1, o, out.get(d.name()));
                if ((o.type == OrderEvent.Type.EXECUTE || o.type == OrderEvent.Type.EXECUTE_HIDDEN) && o.side != null) {
                    byte aggr = (byte) -o.side.sign();
                    for (TradeDetector d : td)
                        d.onTrade(PRINT.set(1, o.tsEvent, o.price, o.size, 'Q', 0, aggr, Px.NONE, Px.NONE), out.get(d.name()));
                }
            }
        }
        for (OrderEventDetector d : l3) d.flush(out.get(d.name()));
        for (TradeDetector d : td) d.flush(out.get(d.name()));
        assertThat(log.total()).isZero();
        Map<String, Integer> counts = new LinkedHashMap<>();
        out.forEach((k, v) -> counts.put(k, v.size()));
        NaiveCancelRatioDetector naive = (NaiveCancelRatioDetector) l3[2];
        Alert ice = out.get("iceberg-l3").size() == 0 ? null : out.get("iceberg-l3").alerts().get(0);
        Map<String, Integer> evidence = new java.util.TreeMap<>();
        long executed = 0, hidden = 0;
        for (Alert a : out.get("iceberg-l3").alerts()) {
            String d = a.description();
            executed += a.totalSize() / Px.SCALE;
            hidden += Long.parseLong(d.substring(d.indexOf("hidden=") + 7, d.indexOf(' ', d.indexOf("hidden="))));
            evidence.merge(d.substring(d.indexOf("evidence=") + 9, d.indexOf(' ', d.indexOf("evidence="))), 1, Integer::sum);
        }
        double hours = (last - first) / 3.6e12;
        StringBuilder sb = new StringBuilder(file).append(String.format(Locale.ROOT, " (%.3f h):", hours));
        counts.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%d (%.1f/h)", k, v, v / hours)));
        sb.append(" cancel-ratio flagged ").append(naive.flaggedOrders()).append('/').append(naive.cancelledOrders());
        sb.append(" iceberg evidence ").append(evidence);
        System.out.println(sb);
        if (ice != null) System.out.println("  first iceberg: " + ice.toLine());
        return new Run(hours, counts, naive.cancelledOrders(), naive.flaggedOrders(), ice, evidence, executed, hidden,
                out.get("meta-order").alerts());
    }

    @Test
    void alarmRatesOnTheLobsterSamples() {
        Run aapl = run(AAPL), amzn = run(AMZN), goog = run(GOOG);
        // pinned base rates with the default parameters (measured 2026-11-24; the iceberg-l3 counts and the spoofing
        // counts at the former sizeMultiple 5 (AMZN 9, GOOG 2, AAPL 3) were reproduced by independent Python
        // implementations of the definitions on the raw files; at sizeMultiple 8, the default since 2026-12-04, GOOG
        // and AAPL drop to 1 each, measured by this code only)
        assertThat(amzn.counts()).containsExactlyEntriesOf(ordered("iceberg-l3", 264, "spoofing", 9,
                "naive-cancel-ratio", 13_638, "naive-playbook-iceberg", 5, "meta-order", 3));
        assertThat(goog.counts()).containsExactlyEntriesOf(ordered("iceberg-l3", 383, "spoofing", 1,
                "naive-cancel-ratio", 11_143, "naive-playbook-iceberg", 4, "meta-order", 2));
        assertThat(aapl.counts()).containsExactlyEntriesOf(ordered("iceberg-l3", 5, "spoofing", 1,
                "naive-cancel-ratio", 361, "naive-playbook-iceberg", 0, "meta-order", 0));
        // iceberg-l3 counts, evidence split and summed executed / hidden-estimate shares agree with an independent
        // Python re-implementation of the definition run on the raw message files (see docs/detectors-l3-and-baselines.md)
        assertThat(goog.evidence()).containsExactlyEntriesOf(ordered("hidden", 321, "refill", 38, "refill+hidden", 24));
        assertThat(amzn.evidence()).containsExactlyEntriesOf(ordered("hidden", 173, "refill", 80, "refill+hidden", 11));
        assertThat(aapl.evidence()).containsExactlyEntriesOf(ordered("hidden", 4, "refill+hidden", 1));
        assertThat(new long[]{aapl.icebergExecuted(), amzn.icebergExecuted(), goog.icebergExecuted()})
                .containsExactly(2_243, 109_677, 106_472);
        assertThat(new long[]{aapl.icebergHidden(), amzn.icebergHidden(), goog.icebergHidden()})
                .containsExactly(1_798, 94_892, 89_508);
        // the naive cancel-ratio rule flags the ordinary order flow, as the product brief says (93-99 %)
        for (Run r : new Run[]{aapl, amzn, goog}) assertThat((double) r.flagged() / r.cancelled()).isGreaterThan(0.98);

        // meta-order hypotheses on GOOG, reproduced by a Python implementation (statistics.mean/stdev): a buying
        // episode from the window starting 10:24 EDT (signed +3,902 of 53,094 shares) and a selling one from 15:26
        long midnight = 1_340_251_200_000_000_000L;                      // 2012-06-21 00:00 EDT
        assertThat(goog.meta()).extracting(Alert::kind).containsExactly("accumulation", "distribution");
        assertThat(goog.meta()).extracting(Alert::tsStart)
                .containsExactly(midnight + 624 * 60_000_000_000L, midnight + 926 * 60_000_000_000L);
        assertThat(goog.meta()).extracting(Alert::totalSize).containsExactly(Px.ofUnits(53_094), Px.ofUnits(181_495));
        assertThat(goog.meta().get(0).description()).contains("signed=3902 ");
        assertThat(goog.meta().get(1).description()).contains("signed=-11057 ");

        // GOOG's first iceberg, checked by hand against the message file with
        // awk -F, '$5==5782800 && $6==1 && $1>=34232.5 && $1<=34233.6': orders 17549203 -> 17792682 -> 17793663 ->
        // 17793687 -> 17793716 -> 17805275 -> 17819900, each 100 shares fully executed and re-added within 0.3 ms,
        // with type-5 (hidden) fills of 100+100+60+100+40 at the same price
        Alert g = goog.firstIceberg();
        assertThat(g.kind()).isEqualTo("iceberg-bid");
        assertThat(g.level()).isEqualTo(Px.parse("578.28"));
        assertThat(g.tsStart()).isEqualTo(1_340_285_432_540_694_487L);   // 34232.540694487 after midnight EDT
        assertThat(g.tsEnd()).isEqualTo(1_340_285_433_564_581_837L);
        assertThat(g.totalSize()).isEqualTo(Px.ofUnits(1100));
        assertThat(g.prints()).isEqualTo(12);
        assertThat(g.description()).contains("refills=6 ", "display=100 ", "hidden=1000 ", "hiddenExec=400 ");
    }

    private static Map<String, Integer> ordered(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Integer) kv[i + 1]);
        return m;
    }
}
