package dev.periscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Data-issue output is bounded: the first 20 issues are printed, the rest counted per kind; echoed input is cut. */
class IssueOutputBoundsTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheFirstTwentyIssuesArePrintedAndTheSummaryCountsAll() throws Exception {
        StringBuilder csv = new StringBuilder("DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR\n");
        for (int i = 0; i < 30; i++) csv.append("2018-01-02 10:00:").append(10 + i).append(".000,N,XXX,,100,NaN,0\n");
        csv.append("2018-01-02 10:01:00.000,N,XXX,,100,157.80,0\n");
        Path t = Files.writeString(tmp.resolve("trades.csv"), csv);
        Cli.Result r = Cli.run("tape", "--trades", t.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("data issue: trades.csv:"))).hasSize(20);
        assertThat(r.err().lines().toList()).last().isEqualTo("data issue: more than 20; the rest are counted in the summary only");
        assertThat(r.out()).contains("data issues: 30 (skipped)\n  bad-number: 30");
    }

    @Test
    void echoedInputIsCutToAFewHundredCharacters() throws Exception {
        String longLine = "34200.2,1,2,100,1000000,1," + "x".repeat(5000);
        Path m = Files.writeString(tmp.resolve("X_2012-06-21_0_1_message_1.csv"), "34200.1,1,1,100,1000000,1\n" + longLine + "\n");
        Path b = Files.writeString(tmp.resolve("X_2012-06-21_0_1_orderbook_1.csv"), "1,1,1,1\n1,1,1,1\n");
        Cli.Result r = Cli.run("classify", "--lobster", m.toString(), b.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(500));
        assertThat(r.err()).contains("data issue: X_2012-06-21_0_1_message_1.csv:2 field-count: expected 6 fields, got 7: 34200.2,1,2");
    }
}
