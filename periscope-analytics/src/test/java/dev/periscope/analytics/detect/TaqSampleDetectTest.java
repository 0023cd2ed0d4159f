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
    static List<TaqSample.Row> rows;

    @BeforeAll
    static void load() { rows = TaqSample.load(); }

    static AlertCollector run(TradeDetector d) {
        AlertCollector out = new AlertCollector();
        for (TaqSample.Row r : rows)
            d.onTrade(r.day(), r.ts(), r.pricePx(), r.sizePx(), r.ex(), r.mask(), r.tickSide(), Px.NONE, Px.NONE, out);
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
            for (TaqSample.Row r : rows) {
                if (r.ts() < a.tsStart() || r.ts() > a.tsEnd() || !r.regular() || r.ex() == 'D' || r.tickSide() == 0) continue;
                if (r.tickSide() != a.side()) { if (r.iso()) otherSideIso++; continue; }
                prints++;
                if (r.iso()) isoPrints++;
                size = size.add(r.size());
                venues.add(r.ex());
                levels.add(r.price().stripTrailingZeros());
            }
            assertThat(a.prints()).as(a.toLine()).isEqualTo(prints);
            assertThat(a.totalSize()).as(a.toLine()).isEqualTo(Px.parse(size.toPlainString()));
            StringBuilder v = new StringBuilder();
            venues.forEach(v::append);
            assertThat(a.venues()).as(a.toLine()).isEqualTo(v.toString()).doesNotContain("D");
            assertThat(a.levels()).as(a.toLine()).isEqualTo(Math.min(levels.size(), SweepDetector.MAX_LEVELS));
            if (a.kind().equals("iso-sweep")) assertThat(isoPrints).as(a.toLine()).isGreaterThanOrEqualTo(2);
            assertThat(a.venues().length() >= 2 || a.levels() >= 2).as(a.toLine()).isTrue();
            assertThat(a.tsEnd() - a.tsStart()).isLessThanOrEqualTo(50_000_000L);
        }
        System.out.printf("TAQ sample: %d sweeps, %d of them ISO (default params, tick-rule sides)%n", out.size(), iso);
    }
}
