package dev.periscope.analytics.flow;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FootprintBarBuilderTest {
    static final long SEC = 1_000_000_000L;
    static final long TICK = Px.parse("0.01");
    static final byte B = Aggressor.BUY, S = Aggressor.SELL, U = Aggressor.UNKNOWN;

    final List<FootprintBar> bars = new ArrayList<>();
    final FootprintBarListener keep = bar -> bars.add(bar.copy());

    static long px(String s) { return Px.parse(s); }
    static long sh(long n) { return Px.ofUnits(n); }

    @Test
    void timeBarsAreHalfOpenAndAnchoredAtSessionOpen() {
        long open = 1_340_285_400L * SEC;   // 2012-06-21 09:30 ET
        FootprintBarBuilder fb = FootprintBarBuilder.time(300 * SEC, TICK, keep);
        fb.onSessionOpen(20120621, open + 7 * SEC);   // odd anchor to prove bars follow it, not the epoch
        fb.onTrade(open + 7 * SEC, px("10.00"), sh(100), B, PrintFlags.ALL, 20120621);
        fb.onTrade(open + 306 * SEC, px("10.01"), sh(50), S, PrintFlags.ALL, 20120621);   // 299 s into the bar
        fb.onTrade(open + 307 * SEC - 1, px("10.02"), sh(20), S, PrintFlags.ALL, 20120621);
        fb.onTrade(open + 307 * SEC, px("10.02"), sh(10), B, PrintFlags.ALL, 20120621);     // exactly start + 5 min
        assertThat(bars).hasSize(1);
        FootprintBar b0 = bars.get(0);
        assertThat(b0.startTime()).isEqualTo(open + 7 * SEC);
        assertThat(b0.endTime()).isEqualTo(open + 307 * SEC);
        assertThat(b0.tradeCount()).isEqualTo(3);
        assertThat(new long[]{b0.open(), b0.high(), b0.low(), b0.close()})
                .containsExactly(px("10.00"), px("10.02"), px("10.00"), px("10.02"));
        assertThat(b0.volume()).isEqualTo(sh(170));
        assertThat(b0.buyVolume()).isEqualTo(sh(100));
        assertThat(b0.sellVolume()).isEqualTo(sh(70));
        assertThat(b0.delta()).isEqualTo(sh(30));
        assertThat(b0.levelCount()).isEqualTo(3);
        assertThat(b0.levelPrice(2)).isEqualTo(px("10.02"));
        assertThat(b0.bidVolume(2)).isEqualTo(sh(20));
        assertThat(b0.askVolume(0)).isEqualTo(sh(100));
        assertThat(b0.levelDelta(1)).isEqualTo(-sh(50));
        assertThat(b0.pocPrice()).isEqualTo(px("10.00"));
        assertThat(b0.index()).isZero();
        fb.flush();
        assertThat(bars).hasSize(2);
        assertThat(bars.get(1).startTime()).isEqualTo(open + 307 * SEC);
        assertThat(bars.get(1).volume()).isEqualTo(sh(10));
        assertThat(bars.get(1).index()).isEqualTo(1);
        fb.flush();
        assertThat(bars).hasSize(2);   // nothing left to flush
    }

    @Test
    void withoutSessionOpenBarsAreEpochAligned() {
        FootprintBarBuilder fb = FootprintBarBuilder.time(60 * SEC, TICK, keep);
        fb.onTrade(90 * SEC, px("1"), sh(1), B, PrintFlags.ALL, 1);
        fb.advanceTo(120 * SEC - 1);
        assertThat(bars).isEmpty();
        fb.advanceTo(120 * SEC);
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).startTime()).isEqualTo(60 * SEC);
        assertThat(bars.get(0).endTime()).isEqualTo(120 * SEC);
        // a gap of empty buckets produces no bars
        fb.onTrade(1000 * SEC, px("1"), sh(1), B, PrintFlags.ALL, 1);
        fb.flush();
        assertThat(bars).hasSize(2);
        assertThat(bars.get(1).startTime()).isEqualTo(960 * SEC);
    }

    @Test
    void latePrintsNeverReopenAnEmittedBucket() {
        FootprintBarBuilder fb = FootprintBarBuilder.time(60 * SEC, TICK, keep);
        fb.onTrade(125 * SEC, px("1"), sh(1), B, PrintFlags.ALL, 1);
        fb.onTrade(70 * SEC, px("1"), sh(2), S, PrintFlags.ALL, 1);     // late: joins the open [120,180) bar
        fb.advanceTo(180 * SEC);
        fb.onTrade(100 * SEC, px("1"), sh(4), S, PrintFlags.ALL, 1);    // late after emission: new bar at 120 s
        fb.flush();
        assertThat(fb.latePrints()).isEqualTo(2);
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).volume()).isEqualTo(sh(3));
        assertThat(bars.get(1).startTime()).isEqualTo(120 * SEC);
        assertThat(bars.get(1).volume()).isEqualTo(sh(4));
    }

    @Test
    void volumeBarsKeepTheCrossingPrintWhole() {
        FootprintBarBuilder fb = FootprintBarBuilder.volume(sh(100), TICK, keep);
        fb.onTrade(1, px("5.00"), sh(60), B, PrintFlags.ALL, 1);
        fb.onTrade(2, px("5.01"), sh(30), S, PrintFlags.ALL, 1);
        assertThat(bars).isEmpty();
        fb.onTrade(3, px("5.02"), sh(50), B, PrintFlags.ALL, 1);   // crosses 100: not split
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).volume()).isEqualTo(sh(140));
        assertThat(bars.get(0).tradeCount()).isEqualTo(3);
        assertThat(bars.get(0).startTime()).isEqualTo(1);
        assertThat(bars.get(0).endTime()).isEqualTo(3);
        fb.onTrade(4, px("5.03"), sh(100), S, PrintFlags.ALL, 1);  // exactly V closes at once
        assertThat(bars).hasSize(2);
        assertThat(bars.get(1).volume()).isEqualTo(sh(100));
        assertThat(bars.get(1).delta()).isEqualTo(-sh(100));
    }

    @Test
    void tickBarsAndSessionChange() {
        FootprintBarBuilder fb = FootprintBarBuilder.ticks(2, TICK, keep);
        fb.onTrade(1, px("5"), sh(1), B, PrintFlags.ALL, 1);
        fb.onTrade(2, px("5"), sh(2), U, PrintFlags.ALL, 1);
        fb.onTrade(3, px("6"), sh(3), S, PrintFlags.ALL, 1);
        fb.onTrade(4, px("7"), sh(4), B, PrintFlags.ALL, 2);   // session change emits the 1-print bar first
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).unknownVolume()).isEqualTo(sh(2));
        assertThat(bars.get(0).unknownVolume(0)).isEqualTo(sh(2));
        assertThat(bars.get(0).delta()).isEqualTo(sh(1));
        assertThat(bars.get(1).tradeCount()).isEqualTo(1);
        assertThat(bars.get(1).sessionKey()).isEqualTo(1);
        assertThat(bars.get(1).index()).isEqualTo(1);
        fb.flush();
        assertThat(bars.get(2).sessionKey()).isEqualTo(2);
        assertThat(bars.get(2).index()).isZero();
    }

    @Test
    void ineligiblePrintsUpdateOnlyWhatTheyMay() {
        FootprintBarBuilder fb = FootprintBarBuilder.time(60 * SEC, TICK, keep);
        fb.onTrade(1, px("10.00"), sh(100), B, PrintFlags.ALL, 1);
        fb.onTrade(2, px("12.00"), sh(500), U, PrintFlags.VOLUME, 1);                    // average-price print
        fb.onTrade(3, px("8.00"), sh(900), S, PrintFlags.HIGH_LOW, 1);                    // prior-reference style
        fb.onTrade(4, px("10.05"), sh(7), S, PrintFlags.VOLUME | PrintFlags.HIGH_LOW, 1); // out-of-sequence style
        fb.onTrade(5, px("99.00"), sh(1), B, 0, 1);                                        // official close: nothing
        fb.flush();
        FootprintBar b = bars.get(0);
        assertThat(b.open()).isEqualTo(px("10.00"));
        assertThat(b.close()).isEqualTo(px("10.00"));
        assertThat(b.high()).isEqualTo(px("10.05"));
        assertThat(b.low()).isEqualTo(px("8.00"));
        assertThat(b.volume()).isEqualTo(sh(607));
        assertThat(b.tradeCount()).isEqualTo(3);
        assertThat(b.levelOfRow(px("8.00") / TICK)).isEqualTo(-1);
        assertThat(b.levelOfRow(px("12.00") / TICK)).isGreaterThanOrEqualTo(0);
        assertThat(b.lastTradeTime()).isEqualTo(4);
    }

    @Test
    void rowSizeGroupsPricesIntoRows() {
        FootprintBarBuilder fb = FootprintBarBuilder.ticks(10, px("0.05"), keep);
        fb.onTrade(1, px("10.01"), sh(1), B, PrintFlags.ALL, 1);
        fb.onTrade(2, px("10.04"), sh(2), S, PrintFlags.ALL, 1);
        fb.onTrade(3, px("10.05"), sh(3), B, PrintFlags.ALL, 1);
        fb.onTrade(4, px("9.99"), sh(4), B, PrintFlags.ALL, 1);
        fb.flush();
        FootprintBar b = bars.get(0);
        assertThat(b.levelCount()).isEqualTo(3);
        assertThat(b.levelPrice(0)).isEqualTo(px("9.95"));
        assertThat(b.levelPrice(1)).isEqualTo(px("10.00"));
        assertThat(b.levelVolume(1)).isEqualTo(sh(3));
        assertThat(b.levelTrades(1)).isEqualTo(2);
        assertThat(b.levelPrice(2)).isEqualTo(px("10.05"));
        assertThat(b.pocPrice()).isEqualTo(px("9.95"));
    }

    @Test
    void barValueAreaUsesTheBarProfile() {
        FootprintBarBuilder fb = FootprintBarBuilder.ticks(1000, Px.ofUnits(1), keep);
        long[] vol = {50, 10, 20, 60, 100, 30, 10, 5, 70, 5};
        for (int i = 0; i < vol.length; i++) fb.onTrade(i, Px.ofUnits(100 + i), sh(vol[i]), B, PrintFlags.ALL, 1);
        fb.flush();
        ValueArea.Result r = new ValueArea.Result();
        assertThat(bars.get(0).valueArea(ValueArea.DEFAULT, r)).isTrue();
        assertThat(new long[]{r.pocRow(), r.lowRow(), r.highRow()}).containsExactly(104L, 100L, 106L);
    }

    @Test
    void barIsReusedAndSteadyStateDoesNotAllocate() {
        long[] sink = new long[1];
        FootprintBar[] seen = new FootprintBar[2];
        FootprintBarBuilder fb = FootprintBarBuilder.time(SEC, TICK, bar -> {
            sink[0] += bar.volume() + bar.pocPrice();
            if (seen[0] == null) seen[0] = bar; else seen[1] = bar;
        });
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long base = px("100");
        for (int i = 0; i < 200_000; i++) {     // warm-up: grows rows, JIT
            fb.onTrade(i * 1_000_000L, base + (i % 37) * TICK, sh(1 + i % 5), (byte) (i % 3 - 1), PrintFlags.ALL, 1);
        }
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 200_000; i < 400_000; i++) {
            fb.onTrade(i * 1_000_000L, base + (i % 37) * TICK, sh(1 + i % 5), (byte) (i % 3 - 1), PrintFlags.ALL, 1);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated for 200k prints / 200 bars").isLessThan(4_096);
        assertThat(seen[1]).isSameAs(seen[0]);
        assertThat(sink[0]).isNotZero();
    }
}
