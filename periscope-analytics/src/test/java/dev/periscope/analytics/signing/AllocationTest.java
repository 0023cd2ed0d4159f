package dev.periscope.analytics.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The per-trade paths allocate nothing: measured with the JVM's per-thread allocation counter. */
class AllocationTest {
    @Test
    void signingQuotesAndEvaluationDoNotAllocatePerEvent() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TradeSigner signer = new TradeSigner(1 << 12, 1_000_000L);
        SigningEvaluation eval = new SigningEvaluation();
        BulkVolumeClassifier bvc = BulkVolumeClassifier.normal(20);
        run(signer, eval, bvc, 50_000); // warm up (class init, JIT)
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        long sink = run(signer, eval, bvc, 500_000);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(sink).isNotZero();
        // 500k events; one allocation per event would be >= 8 MB. Allow a little for JIT/measurement noise.
        assertThat(allocated).isLessThan(64 * 1024);
    }

    private static long run(TradeSigner s, SigningEvaluation eval, BulkVolumeClassifier bvc, int n) {
        long sink = 0;
        long ts = s.quotes().size() == 0 ? 0 : 1_000_000_000_000L;
        long base = Px.parse("100");
        for (int i = 0; i < n; i++) {
            ts += 1000;
            long bid = base + (i % 7) * 1_000_000L;
            s.onQuote(ts, bid, bid + 2_000_000L);
            long price = bid + (i % 3) * 1_000_000L;
            byte side = s.sign(SigningMethod.LEE_READY, ts + 500, price);
            sink += side + s.clnv() + s.emo();
            eval.onTrade(ts, price, Px.ofUnits(100), (i & 1) == 0 ? Aggressor.BUY : Aggressor.SELL, bid, bid + 2_000_000L);
            if (i % 100 == 0 && bvc.onBar(price, Px.ofUnits(1000))) sink += (long) bvc.buyVolume();
        }
        return sink + eval.scored();
    }
}
