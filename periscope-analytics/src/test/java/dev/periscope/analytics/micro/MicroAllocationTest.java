package dev.periscope.analytics.micro;

import dev.periscope.analytics.flow.CumulativeDelta;
import dev.periscope.analytics.flow.PrintFlags;
import dev.periscope.analytics.flow.SessionVwap;
import dev.periscope.book.OrderBookView;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Steady-state per-event calls of the streaming analytics allocate nothing (measured with ThreadMXBean). */
class MicroAllocationTest {
    /** A fixed-array book whose reads allocate nothing (ReferenceL2Book's TreeMap iteration would). */
    static final class ArrayBook implements OrderBookView {
        final long[] bp = new long[10], bs = new long[10], ap = new long[10], as = new long[10];
        public int depth(Side s) { return 10; }
        public long price(Side s, int l) { return l >= 10 ? Px.NONE : s == Side.BUY ? bp[l] : ap[l]; }
        public long size(Side s, int l) { return l >= 10 ? 0 : s == Side.BUY ? bs[l] : as[l]; }
        public long sizeAt(Side s, long p) { return 0; }
        void set(int i) {
            long mid = Px.ofUnits(100) + (i % 7) * 1_000_000L;
            for (int l = 0; l < 10; l++) {
                bp[l] = mid - (l + 1) * 1_000_000L; ap[l] = mid + (l + 1) * 1_000_000L;
                bs[l] = Px.ofUnits(1 + (i + l) % 13); as[l] = Px.ofUnits(1 + (i * 3 + l) % 11);
            }
        }
    }

    double sink;

    void run(int from, int to, ArrayBook book, BookImbalance bi, WeightedMid wm, RealizedSpread rs, SpreadRegime sr,
             SupportResistance s, CumulativeDelta cvd, SessionVwap vwap, long[] p, double[] a, double[] q) {
        for (int i = from; i < to; i++) {
            long t = i * 10_000_000L;   // 10 ms
            book.set(i);
            bi.update(book);
            wm.update(book);
            rs.onQuote(t, book.bestBid(), book.bestAsk());
            rs.onTrade(t + 1, book.bestAsk(), Px.ofUnits(5), Aggressor.BUY);
            sr.update(t, Spreads.quotedBps(book.bestBid(), book.bestAsk()));
            s.update(t, book);
            cvd.onTrade(Px.ofUnits(5), (byte) (i % 3 - 1), PrintFlags.ALL, 1);
            vwap.onTrade(book.bestAsk(), Px.ofUnits(5), PrintFlags.ALL, 1);
            sink += bi.weighted() + wm.weightedMid() + cvd.cvd() + vwap.stdDev();
            if (sr.isReady()) sink += sr.zScore();
            if (s.isReady()) sink += s.support(3, p, a, q);
        }
    }

    @Test
    void steadyStateAllocatesNothing() {
        ArrayBook book = new ArrayBook();
        BookImbalance bi = new BookImbalance();
        WeightedMid wm = new WeightedMid();
        RealizedSpread rs = new RealizedSpread(1_000_000_000L, null);
        SpreadRegime sr = new SpreadRegime(60_000_000_000L, 100_000_000L, 10, 2, 2, 1e-6);
        SupportResistance s = new SupportResistance();
        CumulativeDelta cvd = new CumulativeDelta();
        SessionVwap vwap = new SessionVwap();
        long[] p = new long[3]; double[] a = new double[3], q = new double[3];
        run(0, 100_000, book, bi, wm, rs, sr, s, cvd, vwap, p, a, q);   // warm-up: ring growth, JIT
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        run(100_000, 200_000, book, bi, wm, rs, sr, s, cvd, vwap, p, a, q);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes for 100k book updates + trades").isLessThan(4_096);
        assertThat(rs.resolvedTrades()).isGreaterThan(100_000);
        assertThat(sink).isNotZero();
    }
}
