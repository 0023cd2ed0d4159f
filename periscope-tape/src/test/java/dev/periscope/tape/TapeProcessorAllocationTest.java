package dev.periscope.tape;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.time.NyseCalendar;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The tape with its default detectors allocates nothing per event that raises no alert, once warmed up. */
class TapeProcessorAllocationTest {
    private static final Instrument XYZ = Instrument.usEquity("XYZ");
    private static final long WEEK = 7 * 86_400_000_000_000L;
    private static final long T0 = LocalDate.of(2026, 11, 16).atTime(LocalTime.of(10, 0))
            .atZone(ZoneId.of("America/New_York")).toInstant().toEpochMilli() * 1_000_000L;

    private final QuoteEvent q = new QuoteEvent();
    private final TradeEvent t = new TradeEvent();
    private long alerts;

    /** A quiet two-sided market from 10:00: quotes on three venues, 100-share prints alternating at bid and ask. */
    private void session(TapeProcessor tape, long day0, int prints) {
        long bid = Px.parse("10.00"), ask = Px.parse("10.01"), hundred = Px.ofUnits(100);
        char[] venues = {'N', 'P', 'Q'};
        for (int k = 0; k < prints; k++) {
            long ts = day0 + k * 40_000_000L;                      // one print every 40 ms: 100,000 prints in 67 min
            q.set(ts, venues[k % 3], bid, hundred * (1 + k % 5), ask, hundred * (1 + (k + 2) % 5));
            tape.onQuote(q);
            t.set(ts + 1, k % 2 == 0 ? ask : bid, hundred, venues[k % 3], 0, (byte) 0);
            tape.onTrade(t);
        }
    }

    @Test
    void defaultDetectorsAllocateNothingPerEventWithoutAlerts() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        q.instrument = XYZ;
        t.instrument = XYZ;
        TapeProcessor tape = new TapeProcessor(TapeConfig.defaults(NyseCalendar.instance()), new TapeListener() {
            @Override public void onAlert(Alert a) { alerts++; }
        });
        int prints = 100_000;
        for (int week = 0; week < 3; week++) session(tape, T0 + week * WEEK, prints);   // JIT, windows, bars sized
        long before = bean.getCurrentThreadAllocatedBytes();
        session(tape, T0 + 3 * WEEK, prints);
        long bytes = bean.getCurrentThreadAllocatedBytes() - before;
        assertThat(alerts).isZero();
        assertThat(tape.trades()).isEqualTo(4L * prints);
        assertThat(tape.market(XYZ).events()).isEqualTo(8L * prints);
        // 200,000 events: a few hundred bytes at most (a bar's value-area bookkeeping), not bytes per event
        assertThat(bytes / (2.0 * prints)).isLessThan(0.01);
    }
}
