package dev.periscope.analytics.flow;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class ValueAreaTest {
    private static final long[] ROWS_100_109 = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109};

    @Test
    void auditOracle() {
        long[] vol = {50, 10, 20, 60, 100, 30, 10, 5, 70, 5};
        ValueArea.Result r = new ValueArea.Result();
        assertThat(ValueArea.DEFAULT.compute(ROWS_100_109, vol, 10, r)).isTrue();
        assertThat(r.pocRow()).isEqualTo(104);
        assertThat(r.lowRow()).isEqualTo(100);
        assertThat(r.highRow()).isEqualTo(106);   // the spec's sort-by-volume method gives 108
        assertThat(r.volume()).isEqualTo(280);
        assertThat(r.totalVolume()).isEqualTo(360);
    }

    @Test
    void exactTargetIsNotMissedByFloatingPoint() {
        // 0.7 * 360 = 251.99999999999997 in doubles; with total 10 and a 7-unit area the target must be met exactly
        long[] rows = {1, 2, 3};
        long[] vol = {3, 7, 0};
        ValueArea.Result r = new ValueArea.Result();
        ValueArea.DEFAULT.compute(rows, vol, 3, r);
        assertThat(r.lowRow()).isEqualTo(2);
        assertThat(r.highRow()).isEqualTo(2);
    }

    @Test
    void pocTieRules() {
        // two maxima: rows 1 and 5 in range 0..8 (mid 4): 5 is nearer
        assertThat(ValueArea.pocIndex(new long[]{0, 1, 5, 8}, new long[]{1, 9, 9, 1}, 4)).isEqualTo(2);
        // equidistant 2 and 6 around mid 4: more volume above (row 8 has 5) -> 6
        assertThat(ValueArea.pocIndex(new long[]{0, 2, 6, 8}, new long[]{1, 9, 9, 5}, 4)).isEqualTo(2);
        // equidistant, more below -> 2
        assertThat(ValueArea.pocIndex(new long[]{0, 2, 6, 8}, new long[]{5, 9, 9, 1}, 4)).isEqualTo(1);
        // equidistant and balanced -> lower
        assertThat(ValueArea.pocIndex(new long[]{0, 2, 6, 8}, new long[]{3, 9, 9, 3}, 4)).isEqualTo(1);
        assertThat(ValueArea.pocIndex(new long[]{3}, new long[]{0}, 1)).isEqualTo(-1);
    }

    @Test
    void pairTieTakesUpperPairAndGapsAreZeroRows() {
        // POC 10 (vol 10), above 11+12 = 4, below 9+8 = 4: tie -> upper pair first
        ValueArea.Result r = new ValueArea.Result();
        new ValueArea(6000).compute(new long[]{8, 9, 10, 11, 12}, new long[]{2, 2, 10, 2, 2}, 5, r);
        assertThat(r.lowRow()).isEqualTo(10);
        assertThat(r.highRow()).isEqualTo(12);
        // gap rows 1..7 are zero-volume rows: 70% of 15 = 10.5 needs POC(10) + row 0 (5), reached through the gap
        new ValueArea(7000).compute(new long[]{0, 8}, new long[]{5, 10}, 2, r);
        assertThat(r.pocRow()).isEqualTo(8);
        assertThat(r.highRow()).isEqualTo(8);
        assertThat(r.lowRow()).isEqualTo(0);
        assertThat(r.volume()).isEqualTo(15);
    }

    @Test
    void emptyProfileIsInvalidAndBadInputRejected() {
        ValueArea.Result r = new ValueArea.Result();
        assertThat(ValueArea.DEFAULT.compute(new long[0], new long[0], 0, r)).isFalse();
        assertThat(r.isValid()).isFalse();
        assertThatThrownBy(r::pocRow).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ValueArea.DEFAULT.compute(new long[]{2, 1}, new long[]{1, 1}, 2, r))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValueArea(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesSlowTwinOnRandomProfiles() {
        qt().withExamples(1500).forAll(
                lists().of(integers().between(-20, 40)).ofSizeBetween(1, 40),
                integers().between(-50, 50),
                integers().between(1, 10_000))
            .checkAssert((List<Integer> cells, Integer offset, Integer bp) -> {
                // negative cells become absent rows (gaps); the rest are volumes (0 allowed)
                TreeMap<Long, Long> profile = new TreeMap<>();
                for (int i = 0; i < cells.size(); i++) if (cells.get(i) >= 0) profile.put((long) offset + i, (long) cells.get(i));
                if (profile.isEmpty()) return;
                long[] rows = profile.keySet().stream().mapToLong(Long::longValue).toArray();
                long[] vols = profile.values().stream().mapToLong(Long::longValue).toArray();
                ValueArea.Result r = new ValueArea.Result();
                boolean ok = new ValueArea(bp).compute(rows, vols, rows.length, r);
                ValueAreaReference.Va ref = ValueAreaReference.compute(profile, bp);
                if (ref == null) { assertThat(ok).isFalse(); return; }
                assertThat(ok).isTrue();
                assertThat(new long[]{r.pocRow(), r.lowRow(), r.highRow(), r.volume()})
                        .as("profile %s bp %d", profile, bp)
                        .containsExactly(ref.poc(), ref.val(), ref.vah(), ref.volume());
            });
    }
}
