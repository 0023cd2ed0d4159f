package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Detectors over the real TAQ trade sample, checked against facts recomputed here from the raw rows. */
class TaqSampleDetectTest {
    private static final MutablePrintContext PRINT = new MutablePrintContext();
    static List<TaqSample.Row> rows;

    static long[] times;

    @BeforeAll
    static void load() {
        rows = TaqSample.load();
        times = rows.stream().mapToLong(TaqSample.Row::ts).toArray();
        for (int i = 1; i < times.length; i++) assertThat(times[i]).isGreaterThanOrEqualTo(times[i - 1]);
    }

    /** Index of the first row with ts >= t. */
    static int from(long t) {
        int lo = 0, hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    static AlertCollector run(TradeDetector d) {
        AlertCollector out = new AlertCollector();
        for (TaqSample.Row r : rows)
            d.onTrade(PRINT.set(r.day(), r.ts(), r.pricePx(), r.sizePx(), r.ex(), r.mask(), r.tickSide(), Px.NONE, Px.NONE), out);
        d.flush(out);
        return out;
    }

    @Test
    void sampleLoads() {
        assertThat(rows).hasSize(77_261);   // 77,263 prints minus 2 with CORR != 0
        assertThat(rows.stream().filter(r -> r.ex() == 'D').count()).isGreaterThan(23_000);
    }

    @Test
    void regNmsBlockCountEqualsNaiveFilter() {
        BigDecimal tenK = new BigDecimal(10_000), twoHundredK = new BigDecimal(200_000);
        long naive = 0, naiveOff = 0, naiveNotionalOnly = 0;
        for (TaqSample.Row r : rows) {
            if (!r.regular()) continue;
            boolean bySize = r.size().compareTo(tenK) >= 0;
            boolean byNotional = r.size().multiply(r.price()).compareTo(twoHundredK) >= 0;
            if (bySize || byNotional) {
                naive++;
                if (r.ex() == 'D') naiveOff++;
                if (!bySize) naiveNotionalOnly++;
            }
        }
        // Reg NMS only: switch the ADV criterion off
        var p = new BlockDetector.Params(Px.ofUnits(10_000), Px.ofUnits(200_000), 0, 20, 5, DetectSupport.NON_REGULAR);
        AlertCollector out = run(new BlockDetector(p));
        assertThat(out.size()).isEqualTo(naive).isGreaterThan(100);
        assertThat(out.alerts().stream().filter(a -> a.kind().equals("off-exchange-block")).count()).isEqualTo(naiveOff);
        assertThat(out.alerts().stream().filter(a -> a.kind().equals("off-exchange-block")).allMatch(a -> a.venues().equals("D"))).isTrue();
        assertThat(naiveNotionalOnly).isGreaterThan(0);   // at ~$158 most blocks qualify by notional alone
        // the 103,504-share opening auction print (condition O) is not a block
        assertThat(out.alerts()).noneMatch(a -> a.totalSize() == Px.ofUnits(103_504));
        System.out.printf("TAQ sample: %d Reg NMS blocks (%d off-exchange, %d by notional only)%n", naive, naiveOff, naiveNotionalOnly);
    }

    @Test
    void sweepsRecountFromRawRowsAndAreSingleSided() {
        AlertCollector out = run(new SweepDetector());
        long iso = out.alerts().stream().filter(a -> a.kind().equals("iso-sweep")).count();
        assertThat(iso).isGreaterThan(0);
        for (Alert a : out.alerts()) {
            // every regular, signed, lit print of the alert's side inside [tsStart, tsEnd] belongs to the cluster
            long prints = 0, isoPrints = 0, otherSideIso = 0;
            BigDecimal size = BigDecimal.ZERO;
            TreeSet<Character> venues = new TreeSet<>();
            TreeSet<BigDecimal> levels = new TreeSet<>();
            for (int i = from(a.tsStart()); i < rows.size() && times[i] <= a.tsEnd(); i++) {
                TaqSample.Row r = rows.get(i);
                if (!r.regular() || r.ex() == 'D' || r.tickSide() == 0) continue;
                if (r.tickSide() != a.side()) { if (r.iso()) otherSideIso++; continue; }
                prints++;
                if (r.iso()) isoPrints++;
                size = size.add(r.size());
                venues.add(r.ex());
                levels.add(r.price().stripTrailingZeros());
            }
            assertThat(a.prints()).as(a::toLine).isEqualTo(prints);
            assertThat(a.totalSize()).as(a::toLine).isEqualTo(Px.parse(size.toPlainString()));
            StringBuilder v = new StringBuilder();
            venues.forEach(v::append);
            assertThat(a.venues()).as(a::toLine).isEqualTo(v.toString()).doesNotContain("D");
            assertThat(a.levels()).as(a::toLine).isEqualTo(Math.min(levels.size(), SweepDetector.MAX_LEVELS));
            if (a.kind().equals("iso-sweep")) assertThat(isoPrints).as(a::toLine).isGreaterThanOrEqualTo(2);
            // default rule: >= 5,000 shares on >= 3 venues or >= 3 levels (an ISO sweep also needs 3 ISO levels or venues)
            assertThat(size).as(a::toLine).isGreaterThanOrEqualTo(new BigDecimal(5_000));
            assertThat(a.venues().length() >= 3 || a.levels() >= 3).as(a::toLine).isTrue();
            assertThat(a.tsEnd() - a.tsStart()).isLessThanOrEqualTo(50_000_000L);
        }
        AlertCollector isoOnly = run(new SweepDetector(SweepDetector.Params.DEFAULT.withIsoOnly(true)));
        assertThat(isoOnly.alerts()).allMatch(a -> a.kind().equals("iso-sweep"));
        System.out.printf("TAQ sample: %d sweeps, %d of them ISO (default params, tick-rule sides); %d with isoOnly%n",
                out.size(), iso, isoOnly.size());
    }

    @Test
    void absorptionAlertsHoldWhenRecomputedFromRawRows() {
        long window = 60_000_000_000L;
        BigDecimal minAbs = new BigDecimal(5_000), tick = new BigDecimal("0.01");
        AlertCollector out = run(new AbsorptionDetector(AbsorptionDetector.Params.absolute(window, Px.parse("0.01"), 1,
                Px.ofUnits(5_000))));
        assertThat(out.size()).isGreaterThan(0);
        long last = Long.MIN_VALUE;
        int lastDay = -1;
        for (Alert a : out.alerts()) {
            // the alert was raised on one of the prints stamped tsEnd (timestamps are ms-rounded): walk the window
            // (tsEnd - window, tsEnd] in file order and take the state after the a.prints()-th regular print
            BigDecimal delta = BigDecimal.ZERO, max = null, min = null, p0 = null;
            int prints = 0;
            for (int i = from(a.tsEnd() - window + 1); i < rows.size() && times[i] <= a.tsEnd() && prints < a.prints(); i++) {
                TaqSample.Row r = rows.get(i);
                if (!r.regular()) continue;
                if (p0 == null) p0 = r.price();
                delta = delta.add(r.size().multiply(BigDecimal.valueOf(r.tickSide())));
                max = max == null || r.price().compareTo(max) > 0 ? r.price() : max;
                min = min == null || r.price().compareTo(min) < 0 ? r.price() : min;
                prints++;
                if (prints == a.prints()) assertThat(times[i]).as(a::toLine).isEqualTo(a.tsEnd());
            }
            assertThat(prints).as(a::toLine).isEqualTo(a.prints());
            assertThat(delta.abs()).as(a::toLine).isGreaterThanOrEqualTo(minAbs);
            assertThat(delta.signum()).as(a::toLine).isEqualTo((int) a.side());
            assertThat(a.description()).contains("delta " + (delta.signum() > 0 ? "+" : "") + delta.toPlainString());
            BigDecimal excursion = delta.signum() > 0 ? max.subtract(p0) : p0.subtract(min);
            assertThat(excursion).as(a::toLine).isLessThanOrEqualTo(tick);
            assertThat(a.level()).isEqualTo(Px.parse((delta.signum() > 0 ? max : min).toPlainString()));
            int day = rows.get(from(a.tsEnd())).day();
            if (day == lastDay)
                assertThat(a.tsEnd() - last).as("at most one alert per window").isGreaterThanOrEqualTo(window);
            last = a.tsEnd();
            lastDay = day;
        }
        System.out.printf("TAQ sample: %d absorption alerts (60s, |delta|>=5000, <=1 tick); %d with default params%n", out.size(), run(new AbsorptionDetector()).size());
    }

    @Test
    void deltaSignDivergenceCountEqualsNaiveBarCount() {
        long bar = 300_000_000_000L;
        java.util.LinkedHashMap<Long, BigDecimal[]> bars = new java.util.LinkedHashMap<>();   // open, close, delta
        for (TaqSample.Row r : rows) {
            if (!r.regular()) continue;
            BigDecimal[] b = bars.computeIfAbsent(Math.floorDiv(r.ts(), bar), k -> new BigDecimal[] {r.price(), r.price(), BigDecimal.ZERO});
            b[1] = r.price();
            b[2] = b[2].add(r.size().multiply(BigDecimal.valueOf(r.tickSide())));
        }
        long naive = bars.values().stream()
                .filter(b -> b[1].compareTo(b[0]) * b[2].signum() < 0).count();
        AlertCollector out = run(new DeltaDivergenceDetector(new DeltaDivergenceDetector.Params(
                DeltaDivergenceDetector.Mode.DELTA_SIGN, bar, 1, DetectSupport.NON_REGULAR)));
        assertThat(out.size()).isEqualTo(naive).isGreaterThan(0);
        AlertCollector ext = run(new DeltaDivergenceDetector());
        System.out.printf("TAQ sample: %d of %d 5-min bars with price/delta sign divergence; %d new-extreme divergences (20 bars)%n",
                naive, bars.size(), ext.size());
    }
}
