package dev.periscope.app;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.eval.AlarmRate;
import dev.periscope.eval.DetectEval;
import dev.periscope.eval.DetectorCatalog;
import dev.periscope.eval.RealRates;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code detect-eval --real} on the TAQ sample: alarm rates equal alerts / session hours computed here. */
class DetectEvalRealCommandTest {
    static final Path TRADES = SharedData.path("hf-taq-sample/XXX_trades_2018-01-02_03_taq.csv");
    static final Path QUOTES = SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv");
    static final Path AAPL = SharedData.path("lobster/AAPL_2012-06-21_head999_message_10.csv");

    static long ns(LocalDate d, int h, int m) {
        return d.atTime(LocalTime.of(h, m)).atZone(ZoneId.of("America/New_York")).toEpochSecond() * 1_000_000_000L;
    }

    @Test
    void taqAlarmRatesAreAlertsPerRegularHour() {
        RealRates.DataSet s = RealRates.taq(TRADES, QUOTES, DetectEval.CATALOG.names(), new DataIssueLog());
        // the sample holds 2018-01-02 and 2018-01-03: two full regular sessions 09:30-16:00
        long[][] sessions = {{ns(LocalDate.of(2018, 1, 2), 9, 30), ns(LocalDate.of(2018, 1, 2), 16, 0)},
                {ns(LocalDate.of(2018, 1, 3), 9, 30), ns(LocalDate.of(2018, 1, 3), 16, 0)}};
        assertThat(s.sessions().totalHours()).isEqualTo(13.0);
        assertThat(s.rows()).extracting(AlarmRate.Row::detector).containsExactlyElementsOf(
                DetectEval.CATALOG.names(DetectorCatalog.Role.TRADE).stream().sorted().toList());
        for (AlarmRate.Row r : s.rows()) {
            long n = 0;
            for (Alert a : s.alerts()) {
                if (!a.detector().equals(r.detector())) continue;
                for (long[] iv : sessions) if (a.tsEnd() >= iv[0] && a.tsEnd() < iv[1]) n++;
            }
            assertThat(r.inSession()).as(r.detector()).isEqualTo(n);
            assertThat(r.perHour().getAsDouble()).as(r.detector()).isCloseTo(n / 13.0, within(1e-12));
        }
        // pinned base rates of the iceberg, meta-order and baseline detectors (same as TaqDetectorRatesTest in periscope-io)
        assertThat(row(s, "iceberg-taq").inSession()).isEqualTo(35);
        assertThat(row(s, "naive-playbook-iceberg").inSession()).isEqualTo(40);
        assertThat(row(s, "meta-order").inSession()).isEqualTo(2);
    }

    static AlarmRate.Row row(RealRates.DataSet s, String d) {
        return s.rows().stream().filter(r -> r.detector().equals(d)).findFirst().orElseThrow();
    }

    @Test
    void commandPrintsAndWritesTheRates() throws Exception {
        Path out = Files.createTempFile("deval-real", ".csv");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(PeriscopeCli.execute("detect-eval", "--real", "--detector", "iceberg-l3", "--lobster", AAPL.toString(),
                    "--out", out.toString())).isZero();
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        // 5 iceberg-l3 alerts (pinned in detectors-l3-and-baselines.md) over the file's span of messages
        Matcher m = Pattern.compile("iceberg-l3\\s+(\\d+)\\s+0\\s+([0-9.]+)\\s+([0-9.]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(5);
        List<String> lines = Files.readAllLines(AAPL);
        double first = Double.parseDouble(lines.get(0).split(",")[0]), last = Double.parseDouble(lines.get(lines.size() - 1).split(",")[0]);
        double hours = (last - first) / 3600.0;
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(5 / hours, within(0.01));
        List<String> csv = Files.readAllLines(out);
        assertThat(csv.get(0)).startsWith("dataset,detector,alerts,outside,session_hours,alarms_per_hour");
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith("\"LOBSTER AAPL_2012-06-21_head999_message_10.csv\",iceberg-l3,5,0,");
        Files.deleteIfExists(out);
    }

    @Test
    void missingFileIsAClearError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(PeriscopeCli.execute("detect-eval", "--real", "--detector", "spoofing", "--lobster", "/nonexistent/x_message_1.csv"))
                    .isNotZero();
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("periscope detect-eval: /nonexistent/x_message_1.csv: not found");
    }
}
