package dev.periscope.analytics.flow;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs CVD, session VWAP and 1-minute footprints over the executions of the real LOBSTER GOOG 2012-06-21 sample and
 * checks them against a naive per-minute grouping computed here with TreeMaps. LOBSTER's direction is the side of
 * the resting order, so the aggressor is its opposite.
 */
class LobsterFootprintTest {
    static final long MIDNIGHT_ET = 1_340_251_200L * 1_000_000_000L;   // 2012-06-21T04:00:00Z
    static final long MIN = 60_000_000_000L;

    record Exec(long ts, long price, long size, byte aggressor) {}

    static List<Exec> executions() throws IOException {
        List<Exec> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.path("lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv"))) {
            String[] f = line.split(",");
            int type = Integer.parseInt(f[1]);
            if (type != 4 && type != 5) continue;
            long ts = MIDNIGHT_ET + new BigDecimal(f[0]).movePointRight(9).longValueExact();
            out.add(new Exec(ts, Px.ofScaled(Long.parseLong(f[4]), 4), Px.ofUnits(Long.parseLong(f[3])),
                    (byte) -Integer.parseInt(f[5])));
        }
        return out;
    }

    @Test
    void oneMinuteFootprintsMatchNaiveGrouping() throws IOException {
        List<Exec> ex = executions();
        assertThat(ex).hasSizeGreaterThan(5000);
        long open = MIDNIGHT_ET + 34_200L * 1_000_000_000L;
        List<FootprintBar> bars = new ArrayList<>();
        FootprintBarBuilder fb = FootprintBarBuilder.time(MIN, Px.parse("0.01"), b -> bars.add(b.copy()));
        fb.onSessionOpen(20120621, open);
        CumulativeDelta cvd = new CumulativeDelta();
        SessionVwap vwap = new SessionVwap();
        TreeMap<Long, long[]> naive = new TreeMap<>();   // minute -> {volume, delta, trades}
        double pv = 0, v = 0;
        for (Exec e : ex) {
            fb.onTrade(e.ts, e.price, e.size, e.aggressor, PrintFlags.ALL, 20120621);
            cvd.onTrade(e.size, e.aggressor, PrintFlags.ALL, 20120621);
            vwap.onTrade(e.price, e.size, PrintFlags.ALL, 20120621);
            long[] m = naive.computeIfAbsent((e.ts - open) / MIN, k -> new long[3]);
            m[0] += e.size;
            m[1] += e.aggressor == Aggressor.BUY ? e.size : -e.size;
            m[2]++;
            pv += Px.toDouble(e.price) * Px.toDouble(e.size);
            v += Px.toDouble(e.size);
        }
        fb.flush();
        assertThat(bars).hasSize(naive.size());
        int i = 0;
        long sumDelta = 0;
        for (Map.Entry<Long, long[]> m : naive.entrySet()) {
            FootprintBar b = bars.get(i++);
            assertThat(b.startTime()).isEqualTo(open + m.getKey() * MIN);
            assertThat(b.volume()).isEqualTo(m.getValue()[0]);
            assertThat(b.delta()).isEqualTo(m.getValue()[1]);
            assertThat(b.tradeCount()).isEqualTo(m.getValue()[2]);
            long levelSum = 0;
            for (int l = 0; l < b.levelCount(); l++) levelSum += b.levelVolume(l);
            assertThat(levelSum).isEqualTo(b.volume());
            assertThat(b.pocPrice()).isBetween(b.low(), b.high());
            sumDelta += b.delta();
        }
        assertThat(sumDelta).isEqualTo(cvd.cvd());
        assertThat(cvd.unknownVolume()).isZero();
        assertThat(vwap.vwap()).isCloseTo(pv / v, within(1e-9));
        // independent oracle: python3 with Decimal over the same file (executions = types 4 and 5), run 2026-11-24
        assertThat(ex).hasSize(11_678);
        assertThat(cvd.totalVolume()).isEqualTo(Px.ofUnits(706_125));
        assertThat(cvd.cvd()).isEqualTo(Px.ofUnits(3_339));
        assertThat(vwap.vwap()).isCloseTo(569.4398659231722, within(1e-9));
        assertThat(vwap.stdDev()).isCloseTo(4.337786114251745, within(1e-9));
        assertThat(bars).hasSize(385);
        // session profile POC at $0.01 rows: 572.00 with 8,668 shares
        FootprintBarBuilder day = FootprintBarBuilder.ticks(Integer.MAX_VALUE, Px.parse("0.01"), b -> bars.add(b.copy()));
        for (Exec e : ex) day.onTrade(e.ts, e.price, e.size, e.aggressor, PrintFlags.ALL, 20120621);
        day.flush();
        FootprintBar session = bars.get(bars.size() - 1);
        assertThat(session.pocPrice()).isEqualTo(Px.parse("572.00"));
        assertThat(session.levelVolume(session.pocLevel())).isEqualTo(Px.ofUnits(8_668));
    }
}
