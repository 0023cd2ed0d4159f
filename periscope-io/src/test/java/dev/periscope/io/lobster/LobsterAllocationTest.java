package dev.periscope.io.lobster;

import dev.periscope.book.L3Book;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay allocates nothing per event: reading a real LOBSTER day and applying it to an L3 book (HotSpot thread allocation counter). */
class LobsterAllocationTest {
    @Test
    void readingAndApplyingAFullDayAllocatesNothingPerEvent() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path goog = SharedData.path("lobster/GOOG_2012-06-21_34200000_57600000_message_1.csv");
        L3Book book = new L3Book(1 << 15);
        long allocated = -1, events = 0;
        for (int pass = 0; pass < 3; pass++) {
            book.clear(); // keeps the grown arrays
            try (LobsterReader r = new LobsterReader(goog, new DataIssueLog())) {
                MarketEvent e = r.next(); // the first call fills the read buffer
                long before = mx.getCurrentThreadAllocatedBytes();
                long n = 0;
                for (; e != null; e = r.next(), n++) book.apply((OrderEvent) e);
                allocated = mx.getCurrentThreadAllocatedBytes() - before;
                events = n;
            }
        }
        assertThat(events).isEqualTo(49_482);
        // 0 in practice; a few hundred bytes of slack for JVM-internal bookkeeping, far below one object per event
        assertThat(allocated).isLessThan(1024);
    }
}
