package dev.periscope.app;

import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** {@code periscope crypto} on the real Kraken book recording: every checksum verifies, per-pair rows printed. */
class CryptoCommandTest {
    @Test
    void krakenBookRecordingReportsAllChecksumsPassing() {
        Cli.Result r = Cli.run("crypto", SharedData.path("crypto-ws/KRAKEN.ws.50.0").toString());
        int rc = r.exitCode();
        String out = r.out();
        assertThat(rc).isZero();
        assertThat(out).contains("(KRAKEN)");
        // total line: 4,279 messages, 10 snapshots, 4,269 updates, 4,269 checksums verified, 0 failed
        assertThat(out.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow().trim().split("\\s+"))
                .startsWith("total", "4279", "10", "4269", "0", "0", "0", "0", "4269", "0");
        assertThat(out.lines().filter(l -> l.startsWith("KRAKEN ")).count()).isEqualTo(10);
    }
}
