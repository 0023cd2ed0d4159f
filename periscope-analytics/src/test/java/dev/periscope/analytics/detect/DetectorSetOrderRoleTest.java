package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorSetOrderRoleTest {

    @Test
    void alertsArriveInConstructorOrderAndFlushFlushesAll() {
        AlertCollector out = new AlertCollector();
        DetectorSet set = new DetectorSet(out, new NaiveCancelRatioDetector(), new IcebergL3Detector());
        OrderEvent e = new OrderEvent();
        long p = Px.parse("10.00"), hundred = Px.ofUnits(100);
        set.onOrder(1, e.set(0, OrderEvent.Type.ADD, 1, Side.BUY, p, hundred));
        set.onOrder(1, e.set(1, OrderEvent.Type.EXECUTE, 1, Side.BUY, p, hundred));
        set.onOrder(1, e.set(2, OrderEvent.Type.ADD, 2, Side.BUY, p, hundred));
        set.onOrder(1, e.set(3, OrderEvent.Type.EXECUTE, 2, Side.BUY, p, hundred));
        set.onOrder(1, e.set(4, OrderEvent.Type.ADD, 3, Side.BUY, p, hundred));
        set.onOrder(1, e.set(5, OrderEvent.Type.DELETE, 3, Side.BUY, p, hundred));   // naive alert; ends the chain
        set.flush();
        assertThat(out.alerts()).extracting(Alert::detector).containsExactly("naive-cancel-ratio", "iceberg-l3");
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(1).name()).isEqualTo("iceberg-l3");
    }
}
