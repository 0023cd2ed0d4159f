package dev.periscope.app;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code periscope demo}: runs the built-in session and checks the summary is complete and self-consistent. */
class DemoCommandTest {
    static String run(String... args) {
        return Cli.ok("demo", args);
    }

    static long num(String s) {
        return Long.parseLong(s.replace(",", "").replace("+", ""));
    }

    @Test
    void summaryIsCompleteConsistentAndDeterministic() {
        String out = run("--seed", "7");
        for (String section : new String[]{"== PRICE", "== CUMULATIVE DELTA", "== FOOTPRINT, LAST 3 BARS", "== LARGEST BLOCKS",
                "== SWEEPS", "== ABSORPTION", "== BOOK AND SPREAD", "spread regime now", "== PLANTED PATTERNS VS ALERTS", "== FALSE ALARMS", "== SCORECARD OF THIS SESSION"}) {
            assertThat(out).contains(section);
        }
        Matcher m = Pattern.compile("CVD ([+-][\\d,]+) sh\\s+buy ([\\d,]+)\\s+sell ([\\d,]+)").matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(num(m.group(1))).isEqualTo(num(m.group(2)) - num(m.group(3)));   // CVD = buy - sell (OF-3)
        Matcher acc = Pattern.compile("signing accuracy vs simulator truth: ([\\d.]+)%").matcher(out);
        assertThat(acc.find()).isTrue();
        // Lee-Ready against the simulator's true aggressor: far better than chance, short of perfect because the
        // simulator delays tape prints and has hidden midpoint liquidity (docs/simulator.md)
        assertThat(Double.parseDouble(acc.group(1))).isBetween(70.0, 97.0);
        // scorecard rows: hits + misses = labels of the detector's kinds; the hit list agrees with the table
        String card = out.substring(out.indexOf("== SCORECARD OF THIS SESSION"));
        Matcher row = Pattern.compile("(?m)^  ([a-z0-9-]+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s").matcher(card);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertThat(num(row.group(3)) + num(row.group(4))).as(row.group()).isEqualTo(num(row.group(2)));
            String truth = out.substring(out.indexOf("== PLANTED PATTERNS VS ALERTS"), out.indexOf("== SCORECARD"));
            long hitLines = truth.lines().filter(l -> l.matches(".*(HIT by |, )" + Pattern.quote(row.group(1)) + " \\(.*")).count();
            assertThat(hitLines).as("label lines hit by " + row.group(1)).isEqualTo(num(row.group(3)));
            // the false-alarm list counts what the table's 'false' column says (baselines are left out of the list)
            String fa = out.substring(out.indexOf("== FALSE ALARMS"), out.indexOf("== SCORECARD"));
            Matcher f = Pattern.compile("(?m)^  " + Pattern.quote(row.group(1)) + "\\s+([\\d,]+)").matcher(fa);
            if (row.group(1).startsWith("naive-")) assertThat(f.find()).isFalse();
            else {
                assertThat(f.find()).as("false alarms of " + row.group(1)).isTrue();
                assertThat(num(f.group(1))).as("false alarms of " + row.group(1)).isEqualTo(num(row.group(5)));
            }
        }
        assertThat(rows).isGreaterThanOrEqualTo(8);
        // a different run with the same seed prints the same numbers (only the timing line differs)
        String again = run("--seed", "7");
        assertThat(again.lines().skip(1).toList()).isEqualTo(out.lines().skip(1).toList());
    }

    @Test
    void writesLobsterFilesOfTheRequestedVenuesAndRejectsUnknownOnes() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("demo-write");
        try {
            String out = run("--seed", "3", "--write", dir.toString(), "--lobster-venues", "v");
            Matcher m = Pattern.compile("LOBSTER message/orderbook of Q ([\\d,]+), V ([\\d,]+) messages").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            String name = "SIM_2026-11-20_28800000_61200000_message_10.csv";
            try (var q = java.nio.file.Files.lines(dir.resolve(name)); var v = java.nio.file.Files.lines(dir.resolve("venue-V").resolve(name))) {
                assertThat(q.count()).isEqualTo(num(m.group(1)));
                assertThat(v.count()).isEqualTo(num(m.group(2)));
            }
            // the same session simulated again: each file holds exactly that venue's L3 messages
            var sim = new dev.periscope.sim.MarketSimulator(dev.periscope.sim.SimConfig.defaults().withSeed(3)
                    .withSymbolAndDate("SIM", java.time.LocalDate.of(2026, 11, 20)));
            long q = 0, v = 0;
            dev.periscope.model.event.MarketEvent e;
            while ((e = sim.next()) != null)
                if (e instanceof dev.periscope.model.event.OrderEvent o) { if (o.venue == 'Q') q++; else if (o.venue == 'V') v++; }
            assertThat(num(m.group(1))).isEqualTo(q);
            assertThat(num(m.group(2))).isEqualTo(v).isPositive();
            assertThat(java.nio.file.Files.exists(dir.resolve("venue-N"))).isFalse();
        } finally {
            try (var w = java.nio.file.Files.walk(dir)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Cli.Result bad = Cli.run("demo", "--write", dir.toString(), "--lobster-venues", "QX");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--lobster-venues: 'X' is not a simulated lit venue (one of NQPZV), or all");
        Cli.Result noWrite = Cli.run("demo", "--lobster-venues", "all");
        assertThat(noWrite.exitCode()).isNotZero();
        assertThat(noWrite.err()).contains("--lobster-venues needs --write DIR");
    }
}
