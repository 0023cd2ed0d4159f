package dev.periscope.io.crypto;

import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsing/replay path allocates nothing per message: with an allocation-free book, replaying a recording 5 times
 * allocates (almost) the same as replaying it once (fixed buffers), so the per-message difference is ~0 bytes.
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean MX = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    interface Pass { void run(byte[] data) throws IOException; }

    static double bytesPerMessage(byte[] once, long messages, Pass pass) throws IOException {
        byte[] five = new byte[once.length * 5];
        for (int i = 0; i < 5; i++) System.arraycopy(once, 0, five, i * once.length, once.length);
        pass.run(five); // warm up (JIT, buffers)
        pass.run(once);
        long a0 = MX.getCurrentThreadAllocatedBytes();
        pass.run(once);
        long a1 = MX.getCurrentThreadAllocatedBytes();
        pass.run(five);
        long a2 = MX.getCurrentThreadAllocatedBytes();
        double per = ((a2 - a1) - (a1 - a0)) / (4.0 * messages);
        System.out.printf("allocation: once %d B, five times %d B, %.2f B/message%n", a1 - a0, a2 - a1, per);
        return per;
    }

    @Test
    void krakenReplayAllocatesNothingPerMessage() throws IOException {
        byte[] data = Files.readAllBytes(SharedData.path("crypto-ws/KRAKEN.ws.50.0"));
        MarketDataHandler none = new MarketDataHandler() {};
        double perMsg = bytesPerMessage(data, 4279, d -> {
            var r = CryptoRecordings.kraken("mem", none, new DataIssueLog());
            r.sync().bookFactory(ArrayBook::new);
            r.replay(new ByteArrayInputStream(d));
            assertThat(r.stats().stream().mapToLong(s -> s.checksumFail).sum()).isZero();
        });
        assertThat(perMsg).isLessThan(16.0);
    }

    @Test
    void coinbaseLegacyReplayAllocatesNothingPerMessage() throws IOException {
        byte[] data = Files.readAllBytes(SharedData.path("crypto-ws/COINBASE.ws.28.0"));
        MarketDataHandler none = new MarketDataHandler() {};
        double perMsg = bytesPerMessage(data, 9943, d -> {
            var r = CryptoRecordings.coinbaseLegacy("mem", none, new DataIssueLog());
            r.sync().bookFactory(ArrayBook::new);
            r.replay(new ByteArrayInputStream(d));
        });
        assertThat(perMsg).isLessThan(16.0);
    }
}
