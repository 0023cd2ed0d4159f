package dev.periscope.eval.realdata;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.eval.AlarmRate;
import dev.periscope.eval.SessionTime;
import dev.periscope.model.event.EventSource;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.io.taq.TaqFormat;
import dev.periscope.io.taq.TaqOptions;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.NyseCalendar;
import dev.periscope.model.time.SessionPhase;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Base rates on real data without labels: the default tape detectors on the NYSE TAQ sample (XXX, 2018-01-02 and
 * -03), alarms per regular-session hour. Session membership is checked against an independent computation
 * ({@link NyseCalendar#phase} of each alert's end time).
 */
class RealDataAlarmRateTest {
    @Test
    void defaultDetectorsAlarmRatesOnTheTaqSample() {
        DataIssueLog issues = new DataIssueLog();
        List<Alert> alerts = new ArrayList<>();
        NyseCalendar cal = NyseCalendar.instance();
        List<EventSource> sources = List.of(
                TaqFormat.open(SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv"), TaqOptions.DEFAULT, issues),
                TaqFormat.open(SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv"), TaqOptions.DEFAULT, issues));
        try {
            TapeProcessor p = new TapeProcessor(TapeConfig.defaults(cal), new TapeListener() {
                @Override
                public void onAlert(Alert a) {
                    alerts.add(a);
                }
            });
            new ReplayMerger(sources, 0, issues).run(p);
        } finally {
            for (EventSource s : sources) s.close();
        }
        SessionTime rth = SessionTime.regularSessions(cal, LocalDate.of(2018, 1, 2), LocalDate.of(2018, 1, 3));
        assertThat(rth.totalHours()).isEqualTo(13.0);
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (var d : TapeProcessor.defaultDetectors(dev.periscope.model.Instrument.usEquity("XXX"))) names.add(d.name());
        List<AlarmRate.Row> rows = AlarmRate.compute(alerts, rth, List.copyOf(names));
        System.out.print(AlarmRate.toText(rows));

        Map<String, long[]> independent = new TreeMap<>();
        for (Alert a : alerts) {
            long[] c = independent.computeIfAbsent(a.detector(), d -> new long[2]);
            c[cal.phase(a.tsEnd()) == SessionPhase.REGULAR ? 0 : 1]++;
        }
        assertThat(alerts).isNotEmpty();
        for (Alert a : alerts) names.add(a.detector());
        assertThat(rows).extracting(AlarmRate.Row::detector).containsExactlyElementsOf(names);
        assertThat(names).contains("absorption", "block", "sweep");
        for (AlarmRate.Row r : rows) {
            long[] c = independent.getOrDefault(r.detector(), new long[2]);
            assertThat(r.inSession()).as(r.detector()).isEqualTo(c[0]);
            assertThat(r.outside()).as(r.detector()).isEqualTo(c[1]);
            assertThat(r.perHour().getAsDouble()).isCloseTo(c[0] / 13.0, within(1e-12));
        }
    }
}
