package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The iceberg, spoofing, meta-order and baseline detectors allocate nothing on events that raise no alert (after construction). */
class DetectorAllocationTest {
    private static final MutablePrintContext PRINT = new MutablePrintContext();
    private static final OrderEvent.Type ADD = OrderEvent.Type.ADD, DEL = OrderEvent.Type.DELETE,
            EXE = OrderEvent.Type.EXECUTE, HID = OrderEvent.Type.EXECUTE_HIDDEN;

    private static final long P1000 = Px.parse("10.00"), P1001 = Px.parse("10.01"), P1003 = Px.parse("10.03"),
            P995 = Px.parse("9.95"), P1002 = Px.parse("10.02"), P999 = Px.parse("9.99");

    /** Ordinary churn with depletions that are never refilled and large away orders cancelled with no trade. */
    private static void churn(OrderEventDetector[] ds, AlertSink sink, int iterations) {
        long id = 1_000;
        long t = 0;
        for (int k = 0; k < iterations; k++) {
            t += 10_000_000L;
            for (OrderEventDetector d : ds) {
                d.onOrder(1, t + 2, ADD, id, Side.BUY, P1000, Px.ofUnits(100), 'Q', sink);
                d.onOrder(1, t + 3, ADD, id + 1, Side.SELL, P1001, Px.ofUnits(200), 'Q', sink);
                if (k % 20 == 0) {                                  // large, away, cancelled without any trade
                    d.onOrder(1, t + 3, ADD, id + 2, Side.BUY, P995, Px.ofUnits(5000), 'Q', sink);
                    d.onOrder(1, t + 3, DEL, id + 2, Side.BUY, P995, Px.ofUnits(5000), 'Q', sink);
                }
                d.onOrder(1, t + 4, EXE, id + 1, Side.SELL, P1001, Px.ofUnits(50), 'Q', sink);
                d.onOrder(1, t + 5, HID, 0, Side.SELL, P1002, Px.ofUnits(30), 'Q', sink);   // no displayed size there
                if (k % 50 == 0) {                                  // a depletion never refilled: episode opens, expires
                    d.onOrder(1, t + 6, ADD, id + 3, Side.SELL, P1003, Px.ofUnits(77), 'Q', sink);
                    d.onOrder(1, t + 7, EXE, id + 3, Side.SELL, P1003, Px.ofUnits(77), 'Q', sink);
                }
                d.onOrder(1, t + 8, DEL, id, Side.BUY, P1000, Px.ofUnits(100), 'Q', sink);
                d.onOrder(1, t + 9, DEL, id + 1, Side.SELL, P1001, Px.ofUnits(150), 'Q', sink);
            }
            id += 4;
        }
    }

    @Test
    void orderDetectorsAllocateNothingWithoutAlerts() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long measured = 0;
        int n = 50_000;
        for (int round = 0; round < 3; round++) {                  // rounds 0-1 warm up the JIT
            AlertCollector out = new AlertCollector();
            SpoofingDetector.Params sp = SpoofingDetector.Params.DEFAULT;   // minMedianLevels 1: exercise candidates
            OrderEventDetector[] ds = {new IcebergL3Detector(), new SpoofingDetector(new SpoofingDetector.Params(
                    sp.tickSize(), 2, 5.0, 0, 10, 1, sp.maxLifetimeNanos(), sp.cancelAfterTradeNanos(), 0.0, 3, 1,
                    sp.layerWindowNanos()))};
            churn(ds, out, 1_000);   // steady state: books size their price windows once (L2Book grows, then reuses)
            long before = bean.getCurrentThreadAllocatedBytes();
            churn(ds, out, n);
            for (OrderEventDetector d : ds) d.flush(out);
            measured = bean.getCurrentThreadAllocatedBytes() - before;
            assertThat(out.size()).isZero();
        }
        System.out.printf("order detectors: %d bytes over %d events%n", measured, n * 8);
        assertThat(measured).isLessThan(1_000);
    }

    private static void prints(IcebergTradeQuoteDetector ice, TradeDetector[] ds, AlertSink out, long session, int n) {
        long t = session * 86_400_000_000_000L;
        for (int k = 0; k < n; k++) {
            t += 50_000_000L;
            if (k % 3 == 0) {                                        // the quote moves at every update
                boolean up = (k / 3) % 2 == 0;
                ice.onQuote(session, t, 'Q', up ? P1000 : P999, Px.ofUnits(300), up ? P1001 : P1000, Px.ofUnits(300), out);
            }
            long size = Px.ofUnits((k / 2) % 2 == 0 ? 100 : 300);    // per price cv 0.5: not the playbook pattern
            byte side = (byte) (k % 2 == 0 ? 1 : -1);                // exactly balanced per bucket
            for (TradeDetector d : ds) d.onTrade(PRINT.set(session, t, k % 2 == 0 ? P1001 : P1000, size, 'Q', 0, side, P1000, P1001), out);
        }
    }

    /** Steady state: a first session grows the rolling windows to their size; the second is measured. */
    @Test
    void tradeDetectorsAllocateNothingWithoutAlerts() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long measured = 0;
        int n = 200_000;
        for (int round = 0; round < 3; round++) {
            AlertCollector out = new AlertCollector();
            IcebergTradeQuoteDetector ice = new IcebergTradeQuoteDetector();
            // pre-calibration meta-order params: its 0.55 print-count filter keeps this balanced synthetic feed alert-free
            TradeDetector[] ds = {ice, new NaivePlaybookIcebergDetector(), new MetaOrderDetector(MetaOrderDetector.Params.PRE_CALIBRATION)};
            prints(ice, ds, out, 1, 5_000);
            long before = bean.getCurrentThreadAllocatedBytes();
            prints(ice, ds, out, 2, n);
            for (TradeDetector d : ds) d.flush(out);
            measured = bean.getCurrentThreadAllocatedBytes() - before;
            assertThat(out.size()).isZero();
        }
        System.out.printf("trade detectors: %d bytes over %d prints%n", measured, n);
        assertThat(measured).isLessThan(1_000);
    }
}
