package dev.periscope.model.random;

/**
 * The SplitMix64 pseudorandom generator of Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators"
 * (OOPSLA 2014), written out here so that its output is a contract Periscope owns: every seeded stream (the
 * simulator's, and so every pinned hash and scorecard) depends on these exact algorithms, not on a JDK class whose
 * algorithm its Javadoc does not promise.
 *
 * <p>State: a 64-bit {@code seed} advanced by an odd {@code gamma} per draw; outputs are {@code mix64} (Stafford's
 * variant 13) or {@code mix32} of the advanced seed; {@link #split()} derives a child's seed and gamma
 * ({@code mixGamma}, MurmurHash3's finaliser forced odd with enough bit transitions) from two draws. The bounded
 * draws are the rejection and scaling algorithms of the JDK's {@code jdk.internal.util.random.RandomSupport}.
 * Every method returns exactly what {@link java.util.SplittableRandom} returns for the same seed and call sequence
 * in JDK 17 to 25 ({@code SplitMix64Test} checks 10^6 draws of each method against it); if a future JDK changes,
 * this class does not.
 *
 * <p>Allocation-free except {@link #split()}. Not thread-safe: one instance per stream.
 */
public final class SplitMix64 {
    /** The odd constant {@code 2^64 / phi}, the gamma of a generator made from a seed. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** 2^-53: scales the top 53 bits of a long to a double in [0, 1). */
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private final long gamma;

    /** A generator from a seed (gamma = {@code 0x9e3779b97f4a7c15}), like {@code new SplittableRandom(seed)}. */
    public SplitMix64(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private SplitMix64(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** Stafford's mix variant 13 (the output function of SplitMix64). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The 32-bit output function (Stafford's variant 4, upper half). */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** A child's gamma: MurmurHash3's 64-bit finaliser, forced odd, flipped if it has fewer than 24 bit transitions. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int n = Long.bitCount(z ^ (z >>> 1));
        return n < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    private long nextSeed() {
        return seed += gamma;
    }

    /**
     * A new generator whose stream is statistically independent of this one's; advances this generator by two
     * draws (seed from {@link #nextLong()}, gamma from the next seed). Allocates.
     */
    public SplitMix64 split() {
        return new SplitMix64(nextLong(), mixGamma(nextSeed()));
    }

    /** Uniform over all 2^64 longs. */
    public long nextLong() {
        return mix64(nextSeed());
    }

    /** Uniform over all 2^32 ints. */
    public int nextInt() {
        return mix32(nextSeed());
    }

    /** True with probability 1/2 (the sign bit of {@link #nextInt()}). */
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    /** Uniform in [0, 1): the top 53 bits of {@link #nextLong()} times 2^-53. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * Uniform in [0, bound), bound &gt; 0: a mask for powers of two, else rejection of the over-represented top of
     * {@code nextInt() >>> 1} (draws again until {@code u - u % bound + (bound - 1)} does not overflow).
     */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        final int m = bound - 1;
        int r = nextInt();
        if ((bound & m) == 0) {
            r &= m;
        } else {
            for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
                // reject and draw again
            }
        }
        return r;
    }

    /** Uniform in [origin, bound), origin &lt; bound (a range wider than 2^31 - 1 draws until inside). */
    public int nextInt(int origin, int bound) {
        if (origin >= bound) throw new IllegalArgumentException("bound must be greater than origin");
        int r = nextInt();
        final int n = bound - origin, m = n - 1;
        if ((n & m) == 0) {
            r = (r & m) + origin;
        } else if (n > 0) {
            for (int u = r >>> 1; u + m - (r = u % n) < 0; u = nextInt() >>> 1) {
                // reject and draw again
            }
            r += origin;
        } else {
            while (r < origin || r >= bound) r = nextInt();
        }
        return r;
    }

    /** Uniform in [0, bound), bound &gt; 0; the algorithm of {@link #nextInt(int)} on longs. */
    public long nextLong(long bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        final long m = bound - 1;
        long r = nextLong();
        if ((bound & m) == 0L) {
            r &= m;
        } else {
            for (long u = r >>> 1; u + m - (r = u % bound) < 0L; u = nextLong() >>> 1) {
                // reject and draw again
            }
        }
        return r;
    }

    /** Uniform in [origin, bound), origin &lt; bound; the algorithm of {@link #nextInt(int, int)} on longs. */
    public long nextLong(long origin, long bound) {
        if (origin >= bound) throw new IllegalArgumentException("bound must be greater than origin");
        long r = nextLong();
        final long n = bound - origin, m = n - 1;
        if ((n & m) == 0L) {
            r = (r & m) + origin;
        } else if (n > 0L) {
            for (long u = r >>> 1; u + m - (r = u % n) < 0L; u = nextLong() >>> 1) {
                // reject and draw again
            }
            r += origin;
        } else {
            while (r < origin || r >= bound) r = nextLong();
        }
        return r;
    }

    /** Uniform in [0, bound), bound finite and &gt; 0: {@code nextDouble() * bound}, rounded down below bound. */
    public double nextDouble(double bound) {
        if (!(bound > 0.0 && bound < Double.POSITIVE_INFINITY))
            throw new IllegalArgumentException("bound must be finite and positive");
        double r = nextDouble() * bound;
        return r >= bound ? Math.nextDown(bound) : r;
    }

    /**
     * Uniform in [origin, bound), both finite, origin &lt; bound: {@code nextDouble() * (bound - origin) + origin},
     * computed with halves when the width overflows, rounded down below bound.
     */
    public double nextDouble(double origin, double bound) {
        if (!(Double.NEGATIVE_INFINITY < origin && origin < bound && bound < Double.POSITIVE_INFINITY))
            throw new IllegalArgumentException("bound must be greater than origin, both finite");
        double r = nextDouble();
        if (bound - origin < Double.POSITIVE_INFINITY) {
            r = r * (bound - origin) + origin;
        } else {
            double halfOrigin = 0.5 * origin;
            r = (r * (0.5 * bound - halfOrigin) + halfOrigin) * 2.0;
        }
        return r >= bound ? Math.nextDown(bound) : r;
    }
}
