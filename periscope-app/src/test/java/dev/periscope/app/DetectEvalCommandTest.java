package dev.periscope.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periscope.eval.DetectionCounts;
import dev.periscope.eval.DetectEval;
import dev.periscope.sim.SimConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code periscope detect-eval} end to end on short sessions: text, JSON and sweep CSV agree with the engine. */
class DetectEvalCommandTest {
    static String run(String... args) {
        return Cli.ok("detect-eval", args);
    }

    @Test
    void oneDetectorToJsonMatchesTheEngine() throws Exception {
        Path out = Files.createTempFile("deval", ".json");
        String text = run("--detector", "sweep", "--seeds", "2", "--seed0", "3", "--hours", "10:00-11:00", "--out", out.toString());
        assertThat(text).contains("seeds 3..4").contains("sweep").doesNotContain("naive-of12-sweep");
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertThat(root.get("detectors")).hasSize(1);
        JsonNode d = root.get("detectors").get(0);
        assertThat(d.get("detector").asText()).isEqualTo("sweep");
        assertThat(d.get("seeds").asInt()).isEqualTo(2);
        DetectEval.Evaluation e = DetectEval.evaluate(DetectEval.Config.of(2).withSeeds(3, 2).withDetectors(List.of("sweep"))
                .withBase(SimConfig.defaults().withHours(LocalTime.of(10, 0), LocalTime.of(11, 0), false)));
        DetectionCounts p = e.scorecard().row("sweep").orElseThrow().pooled();
        assertThat(d.get("pooled").get("tp").asLong()).isEqualTo(p.tp());
        assertThat(d.get("pooled").get("fp").asLong()).isEqualTo(p.fp());
        assertThat(d.get("pooled").get("fn").asLong()).isEqualTo(p.fn());
        assertThat(d.get("pooled").get("session_hours").asDouble()).isEqualTo(2.0);
        Files.deleteIfExists(out);
    }

    @Test
    void sweepWritesOneRowPerGridValue() throws Exception {
        Path out = Files.createTempFile("deval-sweep", ".csv"), svg = Files.createTempFile("deval-sweep", ".svg");
        String text = run("--sweep", "--detector", "sweep", "--seeds", "1", "--hours", "10:00-11:00", "--out", out.toString(),
                "--plot", svg.toString());
        assertThat(text).contains("sweep: precision/recall over window(ms)").contains("plot " + svg);
        List<String> csv = Files.readAllLines(out);
        assertThat(csv.get(0)).startsWith("detector,parameter,value,tp,fp,fn");
        assertThat(csv.subList(1, csv.size())).extracting(l -> l.split(",")[2]).containsExactly("10", "25", "50", "100", "250",
                "0/2/3/2/n", "2000/3/3/3/n", "4000/3/3/3/n", "5000/3/3/3/n", "5000/3/3/3/y", "5000/5/5/5/n", "6000/3/3/3/n",
                "8000/3/3/3/n", "10000/3/3/3/n");
        // every grid value is scored against the same labels (TP + FN constant)
        long labels = -1;
        for (String l : csv.subList(1, csv.size())) {
            String[] f = l.split(",");
            long n = Long.parseLong(f[3]) + Long.parseLong(f[5]);
            if (labels < 0) labels = n;
            assertThat(n).isEqualTo(labels);
        }
        // the plot: one panel per sweep table, one marker per grid value that has alerts, at the CSV's precision
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(svg.toFile());
        org.w3c.dom.NodeList panels = doc.getElementsByTagName("g"), circles = doc.getElementsByTagName("circle");
        assertThat(panels.getLength()).isEqualTo(2);
        List<String> withAlerts = csv.subList(1, csv.size()).stream().filter(l -> !l.split(",", -1)[8].isEmpty()).toList();
        assertThat(circles.getLength()).isEqualTo(withAlerts.size());
        for (int i = 0; i < circles.getLength(); i++) {
            var c = (org.w3c.dom.Element) circles.item(i);
            String[] row = withAlerts.get(i).split(",", -1);
            assertThat(c.getAttribute("data-value")).isEqualTo(row[2]);
            assertThat(Double.parseDouble(c.getAttribute("data-precision"))).isEqualTo(Double.parseDouble(row[8]));
            assertThat(Double.parseDouble(c.getAttribute("data-recall"))).isEqualTo(Double.parseDouble(row[11]));
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(svg);
    }

    @Test
    void plotWithoutSweepIsRejected() {
        Cli.fails(2, "periscope detect-eval: --plot: needs --sweep (it plots the sweep tables)", "detect-eval", "--plot", "x.svg", "--seeds", "1");
    }

    @Test
    void unknownDetectorIsRejected() {
        Cli.Result r = Cli.run("detect-eval", "--detector", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("periscope detect-eval: --detector nope: must be one of block, sweep,").contains(", spoofing,");
    }
}
