package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorSetTest {
    private static final MutablePrintContext PRINT = new MutablePrintContext();

    private static void feed(DetectorSet set, long ts, String px, String size, char venue, String cond, int side) {
        set.onTrade(PRINT.set(1, ts, Px.parse(px), Px.parse(size), venue, SaleCondition.maskOf(cond), (byte) side, Px.NONE, Px.NONE));
    }

    private static List<String> run(boolean blockFirst) {
        AlertCollector out = new AlertCollector();
        TradeDetector block = new BlockDetector(), sweep = new SweepDetector(SweepDetector.Params.LOOSE);
        DetectorSet set = blockFirst ? new DetectorSet(out, block, sweep) : new DetectorSet(out, sweep, block);
        feed(set, 0, "10.00", "100", 'P', "", 1);
        feed(set, 1_000, "10.01", "100", 'N', "", 1);
        // this print closes the sweep window and is itself a block: both detectors alert on it
        feed(set, 100_000_000L, "10.00", "20000", 'N', "", -1);
        feed(set, 100_000_001L, "10.00", "100", 'Z', "", -1);
        set.flush();   // the sell cluster N+Z: a second sweep
        return out.alerts().stream().map(a -> a.detector() + ":" + a.kind() + ":" + a.side()).toList();
    }

    @Test
    void alertsArriveInDetectorOrderPerPrintThenFlushOrder() {
        assertThat(run(true)).containsExactly("block:block:-1", "sweep:sweep:1", "sweep:sweep:-1");
        assertThat(run(false)).containsExactly("sweep:sweep:1", "block:block:-1", "sweep:sweep:-1");
        assertThat(run(true)).isEqualTo(run(true));
    }

    @Test
    void noAllocationPerPrintWhenNothingAlerts() {
        List<TaqSample.Row> rows = TaqSample.load();
        int n = rows.size();
        long[] day = new long[n], ts = new long[n], px = new long[n], sz = new long[n], cond = new long[n];
        char[] ex = new char[n];
        byte[] side = new byte[n];
        for (int i = 0; i < n; i++) {
            TaqSample.Row r = rows.get(i);
            day[i] = r.day(); ts[i] = r.ts(); px[i] = r.pricePx(); sz[i] = r.sizePx(); cond[i] = r.mask();
            ex[i] = r.ex(); side[i] = r.tickSide();
        }
        long huge = Px.ofUnits(1_000_000_000L);
        var tsBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long measured = 0;
        for (int round = 0; round < 3; round++) {   // rounds 0-1 warm up the JIT
            AlertCollector out = new AlertCollector();
            DetectorSet set = new DetectorSet(out,
                    new BlockDetector(new BlockDetector.Params(huge, 0, 0, 20, 5, DetectSupport.NON_REGULAR)),
                    new SweepDetector(new SweepDetector.Params(50_000_000L, 2, 3, 2, false, huge, DetectSupport.NON_REGULAR)),
                    new AbsorptionDetector(AbsorptionDetector.Params.absolute(60_000_000_000L, Px.parse("0.01"), 1, huge)),
                    new DeltaDivergenceDetector(new DeltaDivergenceDetector.Params(
                            DeltaDivergenceDetector.Mode.NEW_EXTREME, 60_000_000_000L, 100_000, DetectSupport.NON_REGULAR)));
            long before = tsBean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++)
                set.onTrade(PRINT.set(day[i], ts[i], px[i], sz[i], ex[i], cond[i], side[i], Px.NONE, Px.NONE));
            set.flush();
            measured = tsBean.getCurrentThreadAllocatedBytes() - before;
            assertThat(out.size()).isZero();
        }
        System.out.printf("DetectorSet: %d bytes allocated over %d prints (4 detectors, no alerts)%n", measured, n);
        assertThat(measured).isLessThan(n / 10);
    }
}
