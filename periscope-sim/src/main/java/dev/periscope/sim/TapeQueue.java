package dev.periscope.sim;

/**
 * A venue's prints waiting for their (delayed) tape timestamp. Report times are non-decreasing per venue, so a
 * FIFO ring suffices and each venue's prints keep their execution order on the tape.
 */
final class TapeQueue {
    final char venue;
    long[] ts = new long[256], price = new long[256], size = new long[256], cond = new long[256];
    byte[] side = new byte[256], agent = new byte[256];
    int[] meta = new int[256], tagA = new int[256], tagP = new int[256], parent = new int[256];
    int head, n;
    long lastTs = Long.MIN_VALUE;

    TapeQueue(char venue) { this.venue = venue; }

    boolean isEmpty() { return n == 0; }

    long headTs() { return ts[head]; }

    void pop() { head = (head + 1) % ts.length; n--; }

    void push(long t, long px, long sz, long c, byte sd, byte ag, int mt, int ta, int tp, int po) {
        if (n == ts.length) grow();
        int i = (head + n) % ts.length;
        ts[i] = t; price[i] = px; size[i] = sz; cond[i] = c; side[i] = sd; agent[i] = ag; meta[i] = mt; tagA[i] = ta; tagP[i] = tp; parent[i] = po;
        n++;
        lastTs = t;
    }

    private void grow() {
        int cap = ts.length * 2;
        long[] t2 = new long[cap], p2 = new long[cap], s2 = new long[cap], c2 = new long[cap];
        byte[] d2 = new byte[cap], a2 = new byte[cap];
        int[] m2 = new int[cap], ta2 = new int[cap], tp2 = new int[cap], po2 = new int[cap];
        for (int k = 0; k < n; k++) {
            int i = (head + k) % ts.length;
            t2[k] = ts[i]; p2[k] = price[i]; s2[k] = size[i]; c2[k] = cond[i]; d2[k] = side[i]; a2[k] = agent[i]; m2[k] = meta[i]; ta2[k] = tagA[i]; tp2[k] = tagP[i]; po2[k] = parent[i];
        }
        ts = t2; price = p2; size = s2; cond = c2; side = d2; agent = a2; meta = m2; tagA = ta2; tagP = tp2; parent = po2;
        head = 0;
    }
}
