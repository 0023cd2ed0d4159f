package dev.periscope.analytics.micro;

import dev.periscope.book.OrderBookView;
import dev.periscope.model.Px;
import dev.periscope.model.Side;

/**
 * Size-weighted mid price ("weighted mid"): with I = Q<sub>b</sub> / (Q<sub>b</sub> + Q<sub>a</sub>) in [0, 1],
 * WM = I&middot;A + (1 - I)&middot;B, which leans towards the ask when the bid queue is larger. This is the
 * weighted mid that Stoikov (2018, "The micro-price: a high-frequency estimator of future prices", <i>Quantitative
 * Finance</i> 18(12)) starts from and criticises as noisy; his micro-price is
 * M + g(I, S), an adjustment g estimated from a Markov chain fitted to imbalance and spread transitions, and is not
 * what this class computes.
 *
 * <p>Defined only when {@link #isReady()} (two-sided, uncrossed top of book with positive sizes); accessors
 * throw otherwise, never NaN. Outputs in price units (double). Allocation-free; single-threaded.
 */
public final class WeightedMid {
    private boolean ready;
    private double bid, ask, weight;

    /** Updates from the best levels of a book. Returns {@link #isReady()}. */
    public boolean update(OrderBookView book) {
        return update(book.price(Side.BUY, 0), book.size(Side.BUY, 0), book.price(Side.SELL, 0), book.size(Side.SELL, 0));
    }

    /** Updates from a top-of-book quote (fixed-point prices and sizes). Returns {@link #isReady()}. */
    public boolean update(long bidPx, long bidSize, long askPx, long askSize) {
        if (!BookImbalance.validTop(bidPx, bidSize, askPx, askSize)) return ready = false;
        bid = Px.toDouble(bidPx);
        ask = Px.toDouble(askPx);
        weight = (double) bidSize / ((double) bidSize + (double) askSize);
        return ready = true;
    }

    public boolean isReady() { return ready; }

    /** I = Q_b / (Q_b + Q_a) in [0, 1]. */
    public double bidWeight() { check(); return weight; }

    /** Plain mid (A + B) / 2. */
    public double mid() { check(); return (bid + ask) / 2; }

    /** I&middot;A + (1 - I)&middot;B. */
    public double weightedMid() { check(); return weight * ask + (1 - weight) * bid; }

    private void check() { if (!ready) throw new IllegalStateException("weighted mid not ready (empty, one-sided or crossed book)"); }
}
