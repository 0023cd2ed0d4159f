package dev.periscope.analytics.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.periscope.model.Aggressor;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The dense row window of {@link FootprintBar} (re-basing, growth, switch to sorted arrays past
 * {@link FootprintBar#MAX_DENSE_SPAN} rows) against a plain sorted-map footprint: levels in ascending order with
 * every per-level volume, POC and value area, on random streams with far-apart prices, read mid-bar and at the end.
 */
class FootprintBarDenseTest {

    /** Reference footprint: row -> {bid, ask, unknown, total, count}. */
    private static final class Ref {
        final TreeMap<Long, long[]> rows = new TreeMap<>();

        void add(long row, long size, byte aggr) {
            long[] v = rows.computeIfAbsent(row, k -> new long[5]);
            if (aggr == Aggressor.BUY) v[1] += size;
            else if (aggr == Aggressor.SELL) v[0] += size;
            else v[2] += size;
            v[3] += size;
            v[4]++;
        }
    }

    private static void assertSame(FootprintBar bar, Ref ref, ValueArea va, String what) {
        assertThat(bar.levelCount()).as(what).isEqualTo(ref.rows.size());
        int i = 0;
        long[] rows = new long[ref.rows.size()], tot = new long[ref.rows.size()];
        for (Map.Entry<Long, long[]> e : ref.rows.entrySet()) {
            long[] v = e.getValue();
            assertThat(bar.row(i)).as(what).isEqualTo(e.getKey());
            assertThat(bar.levelPrice(i)).isEqualTo(e.getKey() * bar.rowSize());
            assertThat(new long[]{bar.bidVolume(i), bar.askVolume(i), bar.unknownVolume(i), bar.levelVolume(i),
                    bar.levelTrades(i)}).as(what + " level " + i).containsExactly(v);
            assertThat(bar.levelOfRow(e.getKey())).isEqualTo(i);
            rows[i] = e.getKey();
            tot[i] = v[3];
            i++;
        }
        assertThat(bar.pocLevel()).as(what).isEqualTo(ValueArea.pocIndex(rows, tot, rows.length));
        ValueArea.Result got = new ValueArea.Result(), want = new ValueArea.Result();
        boolean ok = bar.valueArea(va, got);
        assertThat(ok).isEqualTo(va.compute(rows, tot, rows.length, want));
        if (ok) {
            assertThat(new long[]{got.pocRow(), got.lowRow(), got.highRow(), got.volume(), got.totalVolume()})
                    .as(what).containsExactly(want.pocRow(), want.lowRow(), want.highRow(), want.volume(), want.totalVolume());
        }
    }

    @Test
    void denseWindowEqualsSortedReferenceOnRandomStreamsWithFarApartPrices() {
        ValueArea va = ValueArea.DEFAULT;
        long[] rowSizes = {1, 3, 1_000_000, 10_000_000};
        int switchedToSorted = 0, barsChecked = 0;
        for (int seed = 1; seed <= 24; seed++) {
            Random r = new Random(seed);
            long rowSize = rowSizes[seed % rowSizes.length];
            FootprintBar bar = new FootprintBar(rowSize, 4);
            FootprintBar copy = new FootprintBar(rowSize, 4);
            for (int b = 0; b < 6; b++) {
                bar.reset();
                Ref ref = new Ref();
                long row = r.nextInt(2_000_001) - 1_000_000;   // negative prices too (floorDiv rows)
                int prints = 1 + r.nextInt(400);
                boolean trend = b % 2 == 1;   // drifting bars: the window is shifted in place many times each way
                int dir = r.nextBoolean() ? 1 : -1;
                for (int k = 0; k < prints; k++) {
                    int move = r.nextInt(100);
                    if (trend) {
                        if (move < 3) dir = -dir;
                        row += dir * r.nextInt(3);
                    } else if (move < 50) { /* same row */ }
                    else if (move < 90) row += r.nextInt(7) - 3;
                    else if (move < 97) row += r.nextInt(601) - 300;        // re-base / grow inside the limit
                    else if (seed % 3 == 0) row += r.nextInt(20_001) - 10_000; // beyond the dense limit
                    long price = row * rowSize + (rowSize > 1 ? r.nextLong(rowSize) : 0);
                    long size = 1 + r.nextInt(500);
                    byte aggr = (byte) (r.nextInt(3) - 1);
                    int flags = r.nextInt(8) == 0 ? PrintFlags.LAST | PrintFlags.HIGH_LOW : PrintFlags.ALL;
                    bar.add(k, price, size, aggr, flags);
                    if (PrintFlags.volume(flags)) ref.add(Math.floorDiv(price, rowSize), size, aggr);
                    if (r.nextInt(50) == 0) assertSame(bar, ref, va, "seed " + seed + " bar " + b + " print " + k);
                }
                assertSame(bar, ref, va, "seed " + seed + " bar " + b);
                bar.copyTo(copy);
                assertSame(copy, ref, va, "copy seed " + seed + " bar " + b);
                assertSame(bar.copy(), ref, va, "copy() seed " + seed + " bar " + b);
                if (!ref.rows.isEmpty() && ref.rows.lastKey() - ref.rows.firstKey() >= FootprintBar.MAX_DENSE_SPAN) switchedToSorted++;
                barsChecked++;
            }
            // a reset copy is reused as a dense bar again
            copy.reset();
            copy.add(0, 5 * rowSize, 7, Aggressor.BUY, PrintFlags.ALL);
            assertThat(copy.levelCount()).isEqualTo(1);
            assertThat(copy.askVolume(0)).isEqualTo(7);
        }
        assertThat(barsChecked).isEqualTo(144);
        assertThat(switchedToSorted).isGreaterThan(8);
    }
}
