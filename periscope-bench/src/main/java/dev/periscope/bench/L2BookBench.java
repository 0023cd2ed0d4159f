package dev.periscope.bench;

import dev.periscope.book.L2Book;
import dev.periscope.book.ReferenceL2Book;
import dev.periscope.model.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * L2 level updates per second on {@link L2Book} (sorted primitive arrays, best level last) and on the
 * {@link ReferenceL2Book} twin (two TreeMaps), replaying the same seeded {@link L2UpdateTape} of 2^19 updates
 * (snapshot of 200 levels per side, then mostly near-touch size changes, deletes and new levels). Each invocation
 * clears the book and applies the whole tape; one operation = one level update. {@code l2BookWithTop} also reads
 * the best bid and ask after every update, as a top-of-book consumer would. At setup the final states of the
 * two books are compared level by level, so the benchmark refuses to run on a wrong book.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class L2BookBench {
    static final int UPDATES = 1 << 19;

    private L2UpdateTape tape;
    private final L2Book book = new L2Book();
    private final ReferenceL2Book reference = new ReferenceL2Book();

    @Setup
    public void setup() {
        tape = new L2UpdateTape(UPDATES, 20261124L);
        System.out.println("\n[L2BookBench] " + tape.stats);
        l2Book();
        reference();
        for (Side s : Side.values()) {
            if (book.depth(s) != reference.depth(s)) throw new IllegalStateException("depth differs on " + s);
            for (int k = 0; k < book.depth(s); k++) {
                if (book.price(s, k) != reference.price(s, k) || book.size(s, k) != reference.size(s, k)) {
                    throw new IllegalStateException("level " + k + " of " + s + " differs");
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long l2Book() {
        final L2UpdateTape t = tape;
        final L2Book b = book;
        b.clear();
        final Side[] side = t.side;
        final long[] price = t.price, size = t.size;
        for (int i = 0; i < UPDATES; i++) b.set(side[i], price[i], size[i]);
        return b.price(Side.BUY, 0) + b.size(Side.SELL, 0) + b.depth(Side.BUY) + b.depth(Side.SELL);
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long l2BookWithTop() {
        final L2UpdateTape t = tape;
        final L2Book b = book;
        b.clear();
        final Side[] side = t.side;
        final long[] price = t.price, size = t.size;
        long h = 0;
        for (int i = 0; i < UPDATES; i++) {
            b.set(side[i], price[i], size[i]);
            h += b.price(Side.BUY, 0) - b.price(Side.SELL, 0) + b.size(Side.BUY, 0);
        }
        return h;
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long reference() {
        final L2UpdateTape t = tape;
        final ReferenceL2Book b = reference;
        b.clear();
        final Side[] side = t.side;
        final long[] price = t.price, size = t.size;
        for (int i = 0; i < UPDATES; i++) b.set(side[i], price[i], size[i]);
        return b.price(Side.BUY, 0) + b.size(Side.SELL, 0) + b.depth(Side.BUY) + b.depth(Side.SELL);
    }
}
