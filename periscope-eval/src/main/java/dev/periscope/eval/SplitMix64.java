package dev.periscope.eval;

/**
 * SplitMix64 pseudo-random generator, fully specified here so bootstrap results are identical on every JVM
 * (unlike {@link java.util.SplittableRandom}, whose algorithm is not part of its contract). Source: Steele, Lea
 * &amp; Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA; constants as in Vigna's
 * {@code splitmix64.c}. Not thread-safe.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, bound)}, unbiased (rejection as in {@link java.util.Random#nextInt(int)}). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be > 0: " + bound);
        int m = bound - 1;
        int r = (int) (nextLong() >>> 33);
        if ((bound & m) == 0) return (int) ((bound * (long) r) >> 31);
        for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) { }
        return r;
    }
}
