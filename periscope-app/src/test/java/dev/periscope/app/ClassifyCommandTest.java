package dev.periscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.periscope.analytics.signing.SigningEvaluation;
import dev.periscope.analytics.signing.SigningMethod;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code classify} on the real LOBSTER samples, checked against a second, deliberately naive implementation
 * written here from the rule definitions (strings split per line, BigDecimal-free integer maths on LOBSTER's
 * price x 10000, look-ahead for the reverse tick).
 */
class ClassifyCommandTest {
    private static final String[][] SAMPLES = {
            {"lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv", "lobster/GOOG_2012-06-21_34200000_57600000_orderbook_1.csv"},
            {"lobster/AMZN_2012-06-21_34200000_57600000_message_1.csv", "lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.csv"},
            {"lobster/AAPL_2012-06-21_head999_message_10.csv", "lobster/AAPL_2012-06-21_head999_orderbook_10.csv"},
    };
    private static final SigningMethod[] ORDER = {SigningMethod.TICK, SigningMethod.QUOTE, SigningMethod.LEE_READY,
            SigningMethod.EMO, SigningMethod.CLNV, SigningMethod.REVERSE_TICK};

    @ParameterizedTest
    @CsvSource({"0, 0", "0, 5000", "1, 0", "1, 250", "2, 0", "2, 1000"})
    void matchesNaiveReimplementation(int sample, long lagMs) throws IOException {
        Path msg = SharedData.path(SAMPLES[sample][0]), ob = SharedData.path(SAMPLES[sample][1]);
        DataIssueLog issues = new DataIssueLog();
        ClassifyCommand.Result r = ClassifyCommand.evaluate(msg, ob, lagMs * 1_000_000L, 1 << 20, ClassifyCommand.DEFAULT_BVC, issues);
        assertThat(issues.total()).isZero();
        long[][][] naive = naive(msg, ob, lagMs * 1_000_000L);
        SigningEvaluation[] parts = {r.visible(), r.hidden(), r.all()};
        for (int p = 0; p < 3; p++) {
            for (int m = 0; m < ORDER.length; m++) {
                SigningEvaluation e = parts[p];
                assertThat(new long[] {e.correct(ORDER[m]), e.incorrect(ORDER[m]), e.unclassified(ORDER[m])})
                        .as("part %d method %s", p, ORDER[m]).containsExactly(naive[p][m]);
            }
        }
        assertThat(r.visible().scored() + r.hidden().scored()).isEqualTo(r.all().scored()).isPositive();
    }

    /** Sanity bounds that hold for any sane implementation on these samples (not values copied from output). */
    @Test
    void accuraciesAreInPlausibleRanges() {
        for (String[] s : SAMPLES) {
            ClassifyCommand.Result r = ClassifyCommand.evaluate(SharedData.path(s[0]), SharedData.path(s[1]), 0,
                    1 << 16, ClassifyCommand.DEFAULT_BVC, new DataIssueLog());
            // a visible execution happens at the best quote standing just before it: quote-based rules are right
            for (SigningMethod m : new SigningMethod[] {SigningMethod.QUOTE, SigningMethod.LEE_READY, SigningMethod.EMO, SigningMethod.CLNV}) {
                assertThat(r.visible().accuracyClassified(m).getAsDouble()).as(s[0] + " " + m).isGreaterThan(0.99);
            }
            assertThat(r.visible().accuracyAll(SigningMethod.QUOTE).getAsDouble()).isGreaterThan(0.8);
            // the tick test is informative but clearly worse than the quote rule
            double tick = r.all().accuracyClassified(SigningMethod.TICK).getAsDouble();
            assertThat(tick).isBetween(0.6, 0.95);
            assertThat(r.all().accuracyClassified(SigningMethod.LEE_READY).getAsDouble()).isGreaterThan(tick);
            // hidden executions are harder: below the visible accuracy but far better than a coin
            double hiddenLr = r.hidden().accuracyClassified(SigningMethod.LEE_READY).getAsDouble();
            assertThat(hiddenLr).isBetween(0.7, 0.99);
        }
    }

    @Test
    void cliPrintsTheTables() {
        StringWriter out = new StringWriter();
        CommandLine cl = PeriscopeCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        Path msg = SharedData.path(SAMPLES[2][0]), ob = SharedData.path(SAMPLES[2][1]);
        int code = cl.execute("classify", "--lobster", msg.toString(), ob.toString(), "--quote-lag-ms", "0");
        assertThat(code).isZero();
        ClassifyCommand.Result r = ClassifyCommand.evaluate(msg, ob, 0, 1 << 20, ClassifyCommand.DEFAULT_BVC, new DataIssueLog());
        assertThat(out.toString())
                .contains(r.visible().table("visible executions (type 4)"))
                .contains(r.hidden().table("hidden executions (type 5)"))
                .contains(r.all().table("all executions"))
                .contains("lag 0 ms");
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("classify", "--lobster", msg.toString(), ob.toString(), "--quote-lag-ms", "-1")).isNotZero();
        assertThat(cl.execute("classify", "--lobster", msg.toString(), ob.toString(), "--lobster", msg.toString(),
                ob.toString())).isNotZero();
        assertThat(err.toString()).contains("--quote-lag-ms must be").contains("takes one MESSAGE_FILE ORDERBOOK_FILE pair, got 2 pairs");
    }

    /**
     * Bar-level BVC accuracy against a naive twin: bars grouped with a map, sigma by the textbook two-pass
     * formula over the previous window of changes. (The CDFs are the library's, tested against mpmath in the
     * analytics module; what is checked here is the bar building, the window and the scoring.)
     */
    @ParameterizedTest
    @CsvSource({"0, 60, 20, 0.25", "1, 300, 5, 1.0", "1, 10, 30, 0.25", "2, 1, 5, 2.0"})
    void bvcMatchesNaiveBars(int sample, long barSeconds, int window, double nu) throws IOException {
        Path msg = SharedData.path(SAMPLES[sample][0]), ob = SharedData.path(SAMPLES[sample][1]);
        var params = new ClassifyCommand.BvcParams(barSeconds * 1_000_000_000L, window, nu);
        ClassifyCommand.Result r = ClassifyCommand.evaluate(msg, ob, 0, 1 << 16, params, new DataIssueLog());
        // bars: bucket of time of day (midnight New York is a whole number of these bar lengths after the epoch)
        java.util.TreeMap<Long, double[]> bars = new java.util.TreeMap<>(); // close, volume, true buy
        for (String line : Files.readAllLines(msg)) {
            String[] m = line.split(",");
            int type = Integer.parseInt(m[1]);
            if (type != 4 && type != 5) continue;
            long tod = new BigDecimal(m[0]).movePointRight(9).longValueExact();
            double[] bar = bars.computeIfAbsent(tod / (barSeconds * 1_000_000_000L), k -> new double[3]);
            bar[0] = Long.parseLong(m[4]) / 10_000.0;
            bar[1] += Long.parseLong(m[3]);
            if (Integer.parseInt(m[5]) == -1) bar[2] += Long.parseLong(m[3]);
        }
        List<double[]> list = new java.util.ArrayList<>(bars.values());
        double errN = 0, errT = 0, vol = 0;
        int classified = 0;
        for (int k = window + 1; k < list.size(); k++) {
            double[] changes = new double[window];
            for (int j = 0; j < window; j++) {
                int at = k - window + j;
                changes[j] = list.get(at)[0] - list.get(at - 1)[0];
            }
            double mean = java.util.Arrays.stream(changes).average().orElseThrow();
            double ss = 0;
            for (double c : changes) ss += (c - mean) * (c - mean);
            double sigma = Math.sqrt(ss / (window - 1));
            if (sigma < 1e-9) continue;
            double dp = list.get(k)[0] - list.get(k - 1)[0];
            double v = list.get(k)[1], tb = list.get(k)[2];
            errN += Math.abs(tb - v * dev.periscope.analytics.signing.Distributions.normalCdf(dp / sigma));
            errT += Math.abs(tb - v * dev.periscope.analytics.signing.Distributions.studentTCdf(dp / sigma, nu));
            vol += v;
            classified++;
        }
        assertThat(r.bvc().bars()).isEqualTo(list.size());
        assertThat(r.bvc().normal().bars()).isEqualTo(classified).isPositive();
        assertThat(r.bvc().normal().accuracy().getAsDouble()).isCloseTo(1 - errN / vol, within(1e-9));
        assertThat(r.bvc().studentT().accuracy().getAsDouble()).isCloseTo(1 - errT / vol, within(1e-9));
        assertThat(r.bvc().leeReady().bars()).isEqualTo(classified);
    }

    /** A bad message row is reported and skipped, but its book row still becomes the quote for the next message. */
    @Test
    void bookRowOfASkippedMessageStillUpdatesTheQuote(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path msg = dir.resolve("TEST_2012-06-21_34200000_57600000_message_1.csv");
        Path ob = dir.resolve("TEST_2012-06-21_34200000_57600000_orderbook_1.csv");
        Files.writeString(msg, """
                34200.0,1,1,100,100000,1
                34200.1,X,2,50,100100,1
                34200.2,5,0,10,100150,-1
                """);
        Files.writeString(ob, """
                100200,100,100000,100
                100200,100,100100,50
                100200,100,100100,50
                """);
        DataIssueLog issues = new DataIssueLog();
        ClassifyCommand.Result r = ClassifyCommand.evaluate(msg, ob, 0, 16, ClassifyCommand.DEFAULT_BVC, issues);
        assertThat(issues.total()).isEqualTo(1);
        assertThat(issues.firstIssues().get(0).line()).isEqualTo(2);
        // quote 10.01/10.02 (row 2) puts the hidden execution at 10.015 exactly at the mid: unclassified.
        // Had row 1 (10.00/10.02) been used, the quote rule would have said buy.
        assertThat(r.hidden().scored()).isEqualTo(1);
        assertThat(r.hidden().unclassified(SigningMethod.QUOTE)).isEqualTo(1);
        assertThat(r.visible().scored()).isZero();
    }

    /** Naive twin: counts [part: visible, hidden, all][method in ORDER][correct, incorrect, unclassified]. */
    private static long[][][] naive(Path msgFile, Path obFile, long lagNs) throws IOException {
        List<String> msgs = Files.readAllLines(msgFile), rows = Files.readAllLines(obFile);
        assertThat(rows).hasSameSizeAs(msgs);
        int n = msgs.size();
        long[] ts = new long[n], bid = new long[n], ask = new long[n];
        int[] type = new int[n];
        long[] price = new long[n];
        int[] dir = new int[n];
        for (int i = 0; i < n; i++) {
            String[] m = msgs.get(i).split(",");
            ts[i] = new BigDecimal(m[0]).movePointRight(9).longValueExact();
            type[i] = Integer.parseInt(m[1]);
            price[i] = Long.parseLong(m[4]);
            dir[i] = Integer.parseInt(m[5]);
            String[] b = rows.get(i).split(",");
            ask[i] = Long.parseLong(b[0]);
            bid[i] = Long.parseLong(b[2]);
        }
        long[][][] c = new long[3][ORDER.length][3];
        // executions in order, for tick and reverse tick
        java.util.ArrayList<Integer> ex = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) if (type[i] == 4 || type[i] == 5) ex.add(i);
        for (int e = 0; e < ex.size(); e++) {
            int i = ex.get(e);
            long p = price[i];
            int truth = -dir[i];
            int tick = 0;
            for (int k = e - 1; k >= 0; k--) {
                long q = price[ex.get(k)];
                if (q != p) { tick = p > q ? 1 : -1; break; }
            }
            int rtick = 0;
            for (int k = e + 1; k < ex.size(); k++) {
                long q = price[ex.get(k)];
                if (q != p) { rtick = q < p ? 1 : -1; break; }
            }
            // quote: last row j < i with ts[j] <= ts[i] - lag
            int j = i - 1;
            while (j >= 0 && ts[j] > ts[i] - lagNs) j--;
            boolean have = j >= 0 && bid[j] != -9_999_999_999L && ask[j] != 9_999_999_999L;
            long b = have ? bid[j] : 0, a = have ? ask[j] : 0;
            int quote = 0;
            if (have && b <= a) quote = Long.signum(2 * p - (b + a));
            int lr = quote != 0 ? quote : tick;
            boolean usable = have && b < a;
            int emo = usable && p == a ? 1 : usable && p == b ? -1 : tick;
            int clnv = tick;
            if (usable && p >= b && p <= a) {
                if (10 * (p - b) >= 7 * (a - b)) clnv = 1;
                else if (10 * (p - b) <= 3 * (a - b)) clnv = -1;
            }
            int[] signs = {tick, quote, lr, emo, clnv, rtick};
            for (int m = 0; m < ORDER.length; m++) {
                int slot = signs[m] == 0 ? 2 : signs[m] == truth ? 0 : 1;
                c[type[i] == 4 ? 0 : 1][m][slot]++;
                c[2][m][slot]++;
            }
        }
        return c;
    }
}
