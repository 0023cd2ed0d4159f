package dev.periscope.sim;

import dev.periscope.model.event.OrderEvent;

import java.util.Arrays;

/**
 * The events of one or more simulation steps, in emission order, waiting to be returned by
 * {@link MarketSimulator#next()}: per event its kind, time and row in the store of its kind ({@link #prints} for
 * prints reported without delay, {@link #quotes}, {@link #orders}). Cleared when drained; allocates only when a step
 * emits more events than any before.
 */
final class EventBuffer {
    static final byte TRADE = 0, QUOTE = 1, ORDER = 2;

    private byte[] kind = new byte[256];
    private long[] ts = new long[256];
    private int[] row = new int[256];
    private int count, read;
    Prints prints = new Prints(64);
    private int printCount;
    final Quotes quotes = new Quotes();
    final Orders orders = new Orders();

    /** A venue's (or the NBBO's) top of book; sizes in shares, {@code Px} fixed point. */
    static final class Quotes {
        char[] venue = new char[256];
        long[] bidPx = new long[256], bidSize = new long[256], askPx = new long[256], askSize = new long[256];
        private int count;

        private int add(char v, long bp, long bs, long ap, long as) {
            if (count == venue.length) {
                int c = count * 2;
                venue = Arrays.copyOf(venue, c); bidPx = Arrays.copyOf(bidPx, c); bidSize = Arrays.copyOf(bidSize, c);
                askPx = Arrays.copyOf(askPx, c); askSize = Arrays.copyOf(askSize, c);
            }
            venue[count] = v; bidPx[count] = bp; bidSize[count] = bs; askPx[count] = ap; askSize[count] = as;
            return count++;
        }
    }

    /** L3 messages; price and shares {@code Px} fixed point, side of the order +1 buy / -1 sell. */
    static final class Orders {
        char[] venue = new char[256];
        OrderEvent.Type[] type = new OrderEvent.Type[256];
        long[] orderId = new long[256], price = new long[256], shares = new long[256];
        byte[] side = new byte[256];
        private int count;

        private int add(char v, OrderEvent.Type t, long id, byte sd, long px, long sz) {
            if (count == venue.length) {
                int c = count * 2;
                venue = Arrays.copyOf(venue, c); type = Arrays.copyOf(type, c); orderId = Arrays.copyOf(orderId, c);
                price = Arrays.copyOf(price, c); shares = Arrays.copyOf(shares, c); side = Arrays.copyOf(side, c);
            }
            venue[count] = v; type[count] = t; orderId[count] = id; side[count] = sd; price[count] = px; shares[count] = sz;
            return count++;
        }
    }

    /** True while events are waiting. */
    boolean hasNext() { return read < count; }

    /** Time of the next waiting event (only while {@link #hasNext()}). */
    long nextTs() { return ts[read]; }

    /** Kind of the next waiting event. */
    byte nextKind() { return kind[read]; }

    /** Row of the next waiting event in the store of its kind; then moves on to the event after it. */
    int take() { return row[read++]; }

    /** Forgets every event (call when drained). */
    void clear() { count = read = printCount = quotes.count = orders.count = 0; }

    void addTrade(long now, long price, long size, long cond, char venue, byte side, byte agent, int meta, int aggTag,
                  int pasTag, int parent) {
        if (printCount == prints.capacity()) prints = prints.grown(printCount * 2, 0, printCount);
        prints.set(printCount, now, price, size, cond, venue, side, agent, meta, aggTag, pasTag, parent);
        append(TRADE, now, printCount++);
    }

    void addQuote(long now, char venue, long bidPx, long bidSize, long askPx, long askSize) {
        append(QUOTE, now, quotes.add(venue, bidPx, bidSize, askPx, askSize));
    }

    void addOrder(long now, char venue, OrderEvent.Type type, long orderId, byte side, long price, long shares) {
        append(ORDER, now, orders.add(venue, type, orderId, side, price, shares));
    }

    private void append(byte k, long t, int r) {
        if (count == kind.length) {
            int c = count * 2;
            kind = Arrays.copyOf(kind, c); ts = Arrays.copyOf(ts, c); row = Arrays.copyOf(row, c);
        }
        kind[count] = k; ts[count] = t; row[count] = r;
        count++;
    }
}
