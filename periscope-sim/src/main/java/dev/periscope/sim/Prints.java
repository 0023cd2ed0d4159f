package dev.periscope.sim;

/**
 * Columns of simulated prints (structure of arrays, one row per print), with the ground truth that travels with each
 * print until it reaches the tape. Used as a linear buffer ({@link EventBuffer}) and as a ring ({@link TapeQueue}).
 * Allocates only when it grows.
 */
final class Prints {
    /** Tape time, epoch ns. */
    long[] ts;
    /** Price, {@code Px} fixed point. */
    long[] price;
    /** Shares, {@code Px} fixed point. */
    long[] size;
    /** {@code SaleCondition} mask. */
    long[] conditions;
    /** Participant code of the reporting venue ({@code D} off-exchange). */
    char[] venue;
    /** True aggressor side (+1, -1, 0 for none). */
    byte[] aggressor;
    /** {@link GroundTruth.Agent} ordinal of the originator. */
    byte[] agent;
    /** Meta-order id or -1. */
    int[] metaOrder;
    /** Label tag of the aggressive planted pattern (meta-order, sweep, block, burst) or -1. */
    int[] aggressiveTag;
    /** Label tag of the planted resting order that was hit, or -1. */
    int[] passiveTag;
    /** Parent (economic) order id, 0 for none. */
    int[] parentOrder;

    Prints(int capacity) {
        ts = new long[capacity]; price = new long[capacity]; size = new long[capacity]; conditions = new long[capacity];
        venue = new char[capacity]; aggressor = new byte[capacity]; agent = new byte[capacity];
        metaOrder = new int[capacity]; aggressiveTag = new int[capacity]; passiveTag = new int[capacity];
        parentOrder = new int[capacity];
    }

    int capacity() { return ts.length; }

    void set(int i, long tsNanos, long pricePx, long sizePx, long cond, char venueCode, byte side, byte agentOrdinal,
             int meta, int aggTag, int pasTag, int parent) {
        ts[i] = tsNanos; price[i] = pricePx; size[i] = sizePx; conditions[i] = cond; venue[i] = venueCode;
        aggressor[i] = side; agent[i] = agentOrdinal; metaOrder[i] = meta; aggressiveTag[i] = aggTag;
        passiveTag[i] = pasTag; parentOrder[i] = parent;
    }

    /**
     * A copy with {@code capacity} rows holding the {@code n} rows that start at ring position {@code head} as rows
     * {@code 0 .. n-1} (head 0 for a linear buffer). Allocates.
     */
    Prints grown(int capacity, int head, int n) {
        Prints to = new Prints(capacity);
        for (int k = 0; k < n; k++) {
            int i = (head + k) % ts.length;
            to.set(k, ts[i], price[i], size[i], conditions[i], venue[i], aggressor[i], agent[i], metaOrder[i],
                    aggressiveTag[i], passiveTag[i], parentOrder[i]);
        }
        return to;
    }
}
