package dev.periscope.bench;

import dev.periscope.model.Px;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Fixed-point decimal parsing from bytes, the innermost step of every text reader. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PxParseBench {
    private final byte[] text = "157.8,0.35130000,6195.00000000,49.99".getBytes(StandardCharsets.US_ASCII);

    @Benchmark
    public long parseFour() {
        return Px.parse(text, 0, 5) + Px.parse(text, 6, 16) + Px.parse(text, 17, 30) + Px.parse(text, 31, 36);
    }
}
