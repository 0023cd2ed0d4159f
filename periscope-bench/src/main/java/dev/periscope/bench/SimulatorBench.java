package dev.periscope.bench;

import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.sim.SimConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalTime;
import java.util.concurrent.TimeUnit;

/**
 * The built-in market: one simulated session drained event by event (matching on five venues, all agents, planted
 * patterns, tape latency queues, ground truth), defaults of {@link SimConfig} on a 30-minute regular session
 * (10:00-10:30, 439,912 events: L3 messages of all five venues). Score = time per session; events per second = {@link #EVENTS} / score. The
 * event count is checked at setup, so the benchmark refuses to run on a different market.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBench {
    /** Events of the benchmarked session (seed 42, 10:00-10:30); pinned so that a model change is noticed. */
    static final long EVENTS = 439_912;
    private SimConfig cfg;

    @Setup(Level.Trial)
    public void setup() {
        cfg = SimConfig.defaults().withHours(LocalTime.of(10, 0), LocalTime.of(10, 30), false);
        long n = drain(new MarketSimulator(cfg))[0];
        if (n != EVENTS) throw new IllegalStateException("session has " + n + " events, expected " + EVENTS + " (update EVENTS)");
    }

    static long[] drain(MarketSimulator sim) {
        long n = 0, h = 0;
        MarketEvent e;
        while ((e = sim.next()) != null) {
            n++;
            h = h * 31 + e.tsEvent;
            if (e instanceof TradeEvent t) h += t.price ^ t.size;
            else if (e instanceof QuoteEvent q) h += q.bidPrice ^ q.askSize;
            else if (e instanceof OrderEvent o) h += o.orderId;
        }
        return new long[]{n, h};
    }

    /** Construction alone (books, schedule, agents): what {@link #session} spends before the first event. */
    @Benchmark
    public Object construct() {
        return new MarketSimulator(cfg);
    }

    @Benchmark
    public long session() {
        long[] r = drain(new MarketSimulator(cfg));
        return r[0] ^ r[1];
    }
}
