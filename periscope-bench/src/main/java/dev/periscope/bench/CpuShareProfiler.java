package dev.periscope.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JMH profiler ({@code -prof dev.periscope.bench.CpuShareProfiler}) reporting {@code cpu.share}: CPU time of the
 * JMH worker threads during an iteration divided by the iteration's wall time. On a busy shared machine the
 * throughput score is wall-clock based and falls with the load; score / cpu.share estimates the throughput of the
 * code while it actually runs on a core (it still includes cache and SMT interference from the other processes).
 * The iteration window seen by the profiler is slightly wider than JMH's measured window, so the share is a
 * slight underestimate and the corrected throughput a slight overestimate (at most a few percent with 2 s
 * iterations).
 */
public final class CpuShareProfiler implements InternalProfiler {
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private long wallStart;

    @Override
    public String getDescription() {
        return "CPU time of the JMH worker threads / wall time, per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start.clear();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && isWorker(t)) start.put(t.getThreadId(), mx.getThreadCpuTime(t.getThreadId()));
        }
        wallStart = System.nanoTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        long wall = System.nanoTime() - wallStart;
        long cpu = 0;
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null || !isWorker(t)) continue;
            long now = mx.getThreadCpuTime(t.getThreadId());
            if (now >= 0) cpu += now - start.getOrDefault(t.getThreadId(), 0L);
        }
        double share = wall <= 0 ? Double.NaN : (double) cpu / wall / benchmarkParams.getThreads();
        return List.of(new ScalarResult("cpu.share", share, "ratio", AggregationPolicy.AVG));
    }

    private static boolean isWorker(ThreadInfo t) {
        return t.getThreadName().contains("-jmh-worker-");
    }
}
