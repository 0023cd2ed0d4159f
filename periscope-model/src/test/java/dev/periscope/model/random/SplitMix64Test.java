package dev.periscope.model.random;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SplitMix64} equals {@link SplittableRandom} draw for draw on the running JDK (10^6 draws of every method,
 * several seeds, parents and split children), and its first outputs are pinned so the contract holds even if a
 * future JDK changes its generator.
 */
class SplitMix64Test {
    private static final int DRAWS = 1_000_000;
    private static final long[] SEEDS = {0L, 42L, -7L, 0x5DEECE66DL ^ 42L};

    /** One method, called the same way on both generators; doubles compare by their bits. */
    private record Method(String name, ToLongFunction<SplitMix64> ours, ToLongFunction<SplittableRandom> jdk) {}

    private static final Method[] METHODS = {
            new Method("nextLong()", SplitMix64::nextLong, SplittableRandom::nextLong),
            new Method("nextInt()", SplitMix64::nextInt, SplittableRandom::nextInt),
            new Method("nextBoolean()", r -> r.nextBoolean() ? 1 : 0, r -> r.nextBoolean() ? 1 : 0),
            new Method("nextDouble()", r -> bits(r.nextDouble()), r -> bits(r.nextDouble())),
            // 99 and 3: rejection path; 4 and 1 << 30: power-of-two mask path; 0x5000_0001 rejects often
            new Method("nextInt(99)", r -> r.nextInt(99), r -> r.nextInt(99)),
            new Method("nextInt(3)", r -> r.nextInt(3), r -> r.nextInt(3)),
            new Method("nextInt(4)", r -> r.nextInt(4), r -> r.nextInt(4)),
            new Method("nextInt(1<<30)", r -> r.nextInt(1 << 30), r -> r.nextInt(1 << 30)),
            new Method("nextInt(0x50000001)", r -> r.nextInt(0x5000_0001), r -> r.nextInt(0x5000_0001)),
            new Method("nextInt(-5, 17)", r -> r.nextInt(-5, 17), r -> r.nextInt(-5, 17)),
            new Method("nextInt(10, 26)", r -> r.nextInt(10, 26), r -> r.nextInt(10, 26)),
            new Method("nextInt(MIN, MAX)", r -> r.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE),
                    r -> r.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE)),
            new Method("nextLong(1e12+7)", r -> r.nextLong(1_000_000_000_007L), r -> r.nextLong(1_000_000_000_007L)),
            new Method("nextLong(1<<40)", r -> r.nextLong(1L << 40), r -> r.nextLong(1L << 40)),
            new Method("nextLong(0x5000000000000001)", r -> r.nextLong(0x5000_0000_0000_0001L),
                    r -> r.nextLong(0x5000_0000_0000_0001L)),
            new Method("nextLong(-3, 1e9)", r -> r.nextLong(-3, 1_000_000_000L), r -> r.nextLong(-3, 1_000_000_000L)),
            new Method("nextLong(MIN, MAX)", r -> r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE),
                    r -> r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)),
            new Method("nextDouble(0.3)", r -> bits(r.nextDouble(0.3)), r -> bits(r.nextDouble(0.3))),
            new Method("nextDouble(-2.5, 7.25)", r -> bits(r.nextDouble(-2.5, 7.25)), r -> bits(r.nextDouble(-2.5, 7.25))),
            new Method("nextDouble(-MAX, MAX)", r -> bits(r.nextDouble(-Double.MAX_VALUE, Double.MAX_VALUE)),
                    r -> bits(r.nextDouble(-Double.MAX_VALUE, Double.MAX_VALUE))),
    };

    private static long bits(double d) { return Double.doubleToRawLongBits(d); }

    /** Index of the first differing draw of {@code m} in {@code n} draws, or -1. */
    private static int firstDifference(Method m, SplitMix64 ours, SplittableRandom jdk, int n) {
        for (int i = 0; i < n; i++)
            if (m.ours.applyAsLong(ours) != m.jdk.applyAsLong(jdk)) return i;
        return -1;
    }

    @Test
    void everyMethodEqualsSplittableRandomForAMillionDrawsPerSeed() {
        for (long seed : SEEDS)
            for (Method m : METHODS)
                assertThat(firstDifference(m, new SplitMix64(seed), new SplittableRandom(seed), DRAWS))
                        .as("%s, seed %d: first differing draw", m.name, seed).isEqualTo(-1);
    }

    @Test
    void splitChildrenAndTheirParentsEqualSplittableRandom() {
        for (long seed : SEEDS) {
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (Method m : METHODS) {
                SplitMix64 ourChild = ours.split();
                SplittableRandom jdkChild = jdk.split();
                assertThat(firstDifference(m, ourChild, jdkChild, DRAWS))
                        .as("%s on a child, seed %d", m.name, seed).isEqualTo(-1);
                SplitMix64 ourGrandchild = ourChild.split();
                SplittableRandom jdkGrandchild = jdkChild.split();
                assertThat(firstDifference(m, ourGrandchild, jdkGrandchild, 1_000))
                        .as("%s on a grandchild, seed %d", m.name, seed).isEqualTo(-1);
                // the parent keeps going in step after the splits
                assertThat(firstDifference(m, ours, jdk, 1_000)).as("%s on the parent, seed %d", m.name, seed).isEqualTo(-1);
            }
        }
    }

    @Test
    void mixedCallSequenceLikeTheSimulatorsEqualsSplittableRandom() {
        SplitMix64 ours = new SplitMix64(42);
        SplittableRandom jdk = new SplittableRandom(42);
        for (int i = 0; i < DRAWS; i++) {
            Method m = METHODS[(int) Long.remainderUnsigned(i * 0x9E3779B97F4A7C15L, METHODS.length)];
            assertThat(m.ours.applyAsLong(ours)).as("draw %d (%s)", i, m.name).isEqualTo(m.jdk.applyAsLong(jdk));
        }
    }

    @Test
    void firstOutputsArePinnedIndependentlyOfTheJdk() {
        SplitMix64 r = new SplitMix64(42);
        assertThat(new long[] {r.nextLong(), r.nextLong(), r.nextInt(), r.nextInt(1000), bits(r.nextDouble())})
                .containsExactly(PINNED_SEED_42);
        SplitMix64 child = new SplitMix64(42).split();
        assertThat(child.nextLong()).isEqualTo(PINNED_CHILD_FIRST_LONG);
    }

    private static final long[] PINNED_SEED_42 = {-4767286540954276203L, 2949826092126892291L, -1877322334L, 172L,
            4585641545927528512L};
    private static final long PINNED_CHILD_FIRST_LONG = -7511033593127921611L;

    @Test
    void rejectsEmptyOrInvalidRangesLikeTheJdk() {
        SplitMix64 r = new SplitMix64(1);
        assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextInt(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextLong(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextLong(9, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextDouble(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextDouble(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextDouble(1, 1)).isInstanceOf(IllegalArgumentException.class);
        // a rejected call draws nothing, as in the JDK
        assertThat(r.nextLong()).isEqualTo(new SplittableRandom(1).nextLong());
    }
}
