package dev.periscope.sim;

/**
 * A venue's prints waiting for their (delayed) tape timestamp. Report times are non-decreasing per venue, so a
 * FIFO ring suffices and each venue's prints keep their execution order on the tape.
 */
final class TapeQueue {
    final char venue;
    /** The ring's rows; the oldest waiting print is row {@link #head}. */
    Prints prints = new Prints(256);
    int head, n;
    /** Tape time of the last print pushed (the next one is reported no earlier). */
    long lastTs = Long.MIN_VALUE;

    TapeQueue(char venue) { this.venue = venue; }

    boolean isEmpty() { return n == 0; }

    long headTs() { return prints.ts[head]; }

    void pop() { head = (head + 1) % prints.capacity(); n--; }

    void push(long ts, long price, long size, long cond, byte side, byte agent, int meta, int aggTag, int pasTag, int parent) {
        if (n == prints.capacity()) {
            prints = prints.grown(n * 2, head, n);
            head = 0;
        }
        prints.set((head + n) % prints.capacity(), ts, price, size, cond, venue, side, agent, meta, aggTag, pasTag, parent);
        n++;
        lastTs = ts;
    }
}
