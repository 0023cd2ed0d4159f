package dev.periscope.app;

import dev.periscope.eval.signing.SigningStudy;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code periscope classify}: prints the tables of {@link SigningStudy} and rejects bad options. */
class ClassifyCommandTest {
    static final String MSG = "lobster/AAPL_2012-06-21_head999_message_10.csv";
    static final String OB = "lobster/AAPL_2012-06-21_head999_orderbook_10.csv";

    @Test
    void cliPrintsTheTables() {
        StringWriter out = new StringWriter();
        CommandLine cl = PeriscopeCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        Path msg = SharedData.path(MSG), ob = SharedData.path(OB);
        int code = cl.execute("classify", "--lobster", msg.toString(), ob.toString(), "--quote-lag-ms", "0");
        assertThat(code).isZero();
        SigningStudy.Result r = SigningStudy.evaluate(msg, ob, 0, 1 << 20, SigningStudy.DEFAULT_BVC, new DataIssueLog());
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
        assertThat(err.toString()).contains("periscope classify: --quote-lag-ms -1: must be in 0..86400000 (milliseconds)").contains("takes one MESSAGE_FILE ORDERBOOK_FILE pair, got 2 pairs");
    }

}
