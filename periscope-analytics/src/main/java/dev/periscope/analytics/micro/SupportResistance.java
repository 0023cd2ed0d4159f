package dev.periscope.analytics.micro;

import dev.periscope.book.OrderBookView;
import dev.periscope.model.Px;
import dev.periscope.model.Side;

import java.util.Arrays;

/**
 * Price levels where resting depth persisted: a time-weighted profile of resting size per price, kept separately
 * for bids (support) and asks (resistance) (audit MS-3: sides never merged).
 *
 * <p><b>Definition.</b> Between two book updates at t<sub>i</sub> and t<sub>i+1</sub> the book state seen at
 * t<sub>i</sub> is taken to have rested for the whole interval. For a price p on side s, with q<sub>p</sub>(t) the
 * size resting at p among the best {@code depth} levels of s (0 if p is not among them), and an exponential window
 * w(t) = 2<sup>-(T - t)/h</sup> at query time T with half-life h:
 * <ul>
 *   <li><b>time-weighted size</b> A<sub>p</sub> = &int; w(t) q<sub>p</sub>(t) dt / &int; w(t) dt, the average
 *       resting size at p over the window, counting time absent as 0 (fixed point size as double);</li>
 *   <li><b>persistence</b> P<sub>p</sub> = &int; w(t) 1[q<sub>p</sub>(t) &gt; 0] dt / &int; w(t) dt &isin; [0, 1],
 *       the weighted fraction of time p held resting size.</li>
 * </ul>
 * Integrals run from the first update to the latest update (the state after the latest update has not rested
 * yet). With h &le; 0 there is no decay: plain time averages since the first update.
 * {@link #support} returns the bid-side prices strictly below the current mid with the largest A<sub>p</sub>
 * (ties: nearer the mid first), {@link #resistance} the ask-side prices strictly above the mid likewise: top-K
 * levels with their persistence. Reference: depth-persistence reading of the limit order book as in Cont, Kukanov
 * &amp; Stoikov (2014) and Cartea, Jaimungal &amp; Penalva (2015) ch. 4; the precise measure here is Periscope's.
 *
 * <p>Memory is bounded: at most {@code capacity} prices per side are tracked; when a side is full the half with
 * the smallest accumulated size (not currently in the book) is forgotten. Allocation-free except for that rare
 * compaction's rehash (no allocation either: tables are reused). Single-threaded; event time only.
 */
public final class SupportResistance {
    private final int depth;
    private final double lambda;           // 1/ns
    private final Profile bids, asks;
    private final long[] snapBidPx, snapBidSz, snapAskPx, snapAskSz;
    private int snapBids, snapAsks;
    private boolean started;
    private long t0, prev;
    private double totalWeight;
    private double mid;
    private boolean twoSided;

    /** Defaults: 10 levels per side, half-life 5 minutes, 4096 tracked prices per side. */
    public SupportResistance() { this(10, 300_000_000_000L, 4096); }

    /**
     * @param depth         levels per side sampled from the book (&ge; 1)
     * @param halfLifeNanos window half-life in ns; &le; 0 for no decay
     * @param capacity      prices tracked per side (&ge; 2 &times; depth)
     */
    public SupportResistance(int depth, long halfLifeNanos, int capacity) {
        if (depth < 1) throw new IllegalArgumentException("depth >= 1");
        if (capacity < 2 * depth) throw new IllegalArgumentException("capacity must be >= 2 * depth");
        this.depth = depth;
        this.lambda = halfLifeNanos > 0 ? Math.log(2) / halfLifeNanos : 0;
        bids = new Profile(capacity);
        asks = new Profile(capacity);
        snapBidPx = new long[depth]; snapBidSz = new long[depth]; snapAskPx = new long[depth]; snapAskSz = new long[depth];
    }

    /** The book as it is after an update at event time {@code time} (epoch ns, non-decreasing). */
    public void update(long time, OrderBookView book) {
        if (!started) {
            started = true;
            t0 = prev = time;
        } else if (time > prev) {
            double inc = weight(prev, time);
            for (int k = 0; k < snapBids; k++) bids.credit(snapBidPx[k], snapBidSz[k], inc, snapBidPx, snapBids);
            for (int k = 0; k < snapAsks; k++) asks.credit(snapAskPx[k], snapAskSz[k], inc, snapAskPx, snapAsks);
            totalWeight += inc;
            prev = time;
            if (lambda > 0 && lambda * (prev - t0) > 300) rescale();
        }
        snapBids = snapshot(book, Side.BUY, snapBidPx, snapBidSz);
        snapAsks = snapshot(book, Side.SELL, snapAskPx, snapAskSz);
        long b = book.price(Side.BUY, 0), a = book.price(Side.SELL, 0);
        twoSided = b != Px.NONE && a != Px.NONE && b <= a;
        if (twoSided) mid = ((double) b + (double) a) / 2;
    }

    /** &int; over [from, to] of e^{lambda (t - t0)} dt (or to - from without decay). */
    private double weight(long from, long to) {
        if (lambda == 0) return to - from;
        return Math.exp(lambda * (from - t0)) * Math.expm1(lambda * (to - from)) / lambda;
    }

    private void rescale() {
        double f = Math.exp(-lambda * (prev - t0));
        bids.scale(f);
        asks.scale(f);
        totalWeight *= f;
        t0 = prev;
    }

    private int snapshot(OrderBookView book, Side side, long[] px, long[] sz) {
        int n = Math.min(depth, book.depth(side));
        for (int k = 0; k < n; k++) { px[k] = book.price(side, k); sz[k] = book.size(side, k); }
        return n;
    }

    /** True once some book state has rested for a positive time and the current book is two-sided, uncrossed. */
    public boolean isReady() { return totalWeight > 0 && twoSided; }

    /**
     * Top-{@code k} support levels (bid side, below the mid), best first, into the output arrays (prices fixed point,
     * time-weighted sizes fixed point as double, persistence in [0, 1]). Returns how many were written.
     */
    public int support(int k, long[] prices, double[] avgSize, double[] persistence) {
        return top(bids, true, k, prices, avgSize, persistence);
    }

    /** Top-{@code k} resistance levels (ask side, above the mid); as {@link #support}. */
    public int resistance(int k, long[] prices, double[] avgSize, double[] persistence) {
        return top(asks, false, k, prices, avgSize, persistence);
    }

    /** Time-weighted size at {@code price} on {@code side} (0 if untracked). */
    public double averageSize(Side side, long price) {
        check();
        Profile p = side == Side.BUY ? bids : asks;
        int i = p.find(price);
        return i < 0 ? 0 : p.size[i] / totalWeight;
    }

    /** Persistence of {@code price} on {@code side} in [0, 1] (0 if untracked). */
    public double persistence(Side side, long price) {
        check();
        Profile p = side == Side.BUY ? bids : asks;
        int i = p.find(price);
        return i < 0 ? 0 : Math.min(1.0, p.present[i] / totalWeight);
    }

    private int top(Profile p, boolean below, int k, long[] prices, double[] avgSize, double[] persistence) {
        check();
        int out = Math.min(k, Math.min(prices.length, Math.min(avgSize.length, persistence.length)));
        int written = 0;
        double lastSize = Double.POSITIVE_INFINITY;
        double lastDist = -1;
        for (; written < out; written++) {
            int best = -1;
            double bestSize = -1, bestDist = 0;
            for (int i = 0; i < p.used; i++) {
                long px = p.price[i];
                if (below ? !(px < mid) : !(px > mid)) continue;
                double s = p.size[i], d = Math.abs(px - mid);
                // strictly after the previous pick in (size desc, distance asc) order
                boolean after = s < lastSize || (s == lastSize && d > lastDist);
                if (!after || s <= 0) continue;
                if (best < 0 || s > bestSize || (s == bestSize && d < bestDist)) { best = i; bestSize = s; bestDist = d; }
            }
            if (best < 0) break;
            prices[written] = p.price[best];
            avgSize[written] = bestSize / totalWeight;
            persistence[written] = Math.min(1.0, p.present[best] / totalWeight);
            lastSize = bestSize;
            lastDist = bestDist;
        }
        return written;
    }

    private void check() {
        if (!isReady()) throw new IllegalStateException("support/resistance not ready (no rested time or one-sided book)");
    }

    /** Price -> (accumulated size, accumulated presence) with open addressing; slots dense in [0, used). */
    private static final class Profile {
        final long[] price;
        final double[] size, present;
        final int[] table;                 // slot + 1, 0 = empty
        final int mask;
        final double[] scratch;
        int used;

        Profile(int capacity) {
            price = new long[capacity];
            size = new double[capacity];
            present = new double[capacity];
            scratch = new double[capacity];
            int t = Integer.highestOneBit(capacity * 2 - 1) << 1;
            table = new int[t];
            mask = t - 1;
        }

        private int hash(long p) {
            long h = p * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int find(long p) {
            for (int h = hash(p); ; h = (h + 1) & mask) {
                int s = table[h];
                if (s == 0) return -1;
                if (price[s - 1] == p) return s - 1;
            }
        }

        void credit(long p, long sz, double inc, long[] keep, int keepN) {
            int i = find(p);
            if (i < 0) {
                if (used == price.length) compact(keep, keepN);
                i = used++;
                price[i] = p; size[i] = 0; present[i] = 0;
                insert(p, i);
            }
            size[i] += sz * inc;
            if (sz > 0) present[i] += inc;
        }

        private void insert(long p, int slot) {
            int h = hash(p);
            while (table[h] != 0) h = (h + 1) & mask;
            table[h] = slot + 1;
        }

        void scale(double f) {
            for (int i = 0; i < used; i++) { size[i] *= f; present[i] *= f; }
        }

        /** Forgets the tracked prices with the smallest accumulated size (about half), keeping {@code keep}. */
        private void compact(long[] keep, int keepN) {
            System.arraycopy(size, 0, scratch, 0, used);
            double threshold = SpreadRegime.select(scratch, used, used / 2);
            int w = 0;
            for (int i = 0; i < used; i++) {
                boolean inBook = false;
                for (int k = 0; k < keepN; k++) if (keep[k] == price[i]) { inBook = true; break; }
                if (inBook || size[i] > threshold) {
                    price[w] = price[i]; size[w] = size[i]; present[w] = present[i]; w++;
                }
            }
            // at least used/2 + 1 prices are <= threshold and at most depth <= capacity/2 are in the book
            if (w == used) throw new IllegalStateException("profile compaction freed nothing");
            used = w;
            Arrays.fill(table, 0);
            for (int i = 0; i < used; i++) insert(price[i], i);
        }
    }
}
