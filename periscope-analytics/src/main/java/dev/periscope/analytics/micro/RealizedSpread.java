package dev.periscope.analytics.micro;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;

/**
 * Effective and realized spreads of signed trades, with the delayed quote looked up on event time. Each signed
 * trade is priced against the prevailing quote (the last quote with time &le; the trade's) for its effective
 * spread, then kept in a ring of pending trades until the quote prevailing at t + &Delta; is known: that is the last
 * quote with time &le; t + &Delta;, known for certain once an event later than t + &Delta; arrives
 * ({@link #onQuote}, {@link #onTrade} or {@link #advanceTo}). Formulas in {@link Spreads}; source SEC Rule 605
 * (17 CFR 242.605). Default &Delta; = 5 minutes, the horizon of the original Rule 605 (the 2024 amendments,
 * Release 34-99679, report 15 s and 1 min horizons instead: configure &Delta; accordingly).
 *
 * <p>Trades with an unknown sign, or with no valid quote at the trade, are counted ({@link #unsignedTrades()},
 * {@link #unquotedTrades()}) and skipped; a pending trade whose delayed quote is invalid (one-sided or crossed) is
 * counted in {@link #droppedTrades()}. Averages are simple and size-weighted over resolved trades, in bp. Trades
 * still pending at the end of data stay pending ({@link #pendingCount()}); call {@link #dropPending()} at a
 * session end so a horizon never reaches into the next session.
 *
 * <p>Allocation-free after the ring has grown to the largest number of trades within &Delta;. Single-threaded.
 */
public final class RealizedSpread {
    /** Default horizon: 5 minutes in ns. */
    public static final long DEFAULT_HORIZON_NANOS = 300_000_000_000L;

    /** Receives each resolved trade (optional). */
    @FunctionalInterface
    public interface Listener {
        void onResolved(long tradeTime, long price, long size, int sign, double effectiveBps, double realizedBps);
    }

    private final long horizon;
    private final Listener listener;
    private long bid = Px.NONE, ask = Px.NONE;

    private long[] ts, px, sz, qBid, qAsk;
    private byte[] sg;
    private double[] eff;
    private int head, count;

    private long resolved, unsigned, unquoted, dropped;
    private double sumEff, sumReal, sumSize, sumEffW, sumRealW;

    public RealizedSpread() { this(DEFAULT_HORIZON_NANOS, null); }

    /** @param horizonNanos &Delta; in ns (&gt; 0); @param listener per-trade callback or null */
    public RealizedSpread(long horizonNanos, Listener listener) {
        if (horizonNanos <= 0) throw new IllegalArgumentException("horizon must be > 0");
        this.horizon = horizonNanos;
        this.listener = listener;
        allocate(256);
    }

    private void allocate(int c) {
        ts = new long[c]; px = new long[c]; sz = new long[c]; qBid = new long[c]; qAsk = new long[c];
        sg = new byte[c]; eff = new double[c];
    }

    /** A quote update at {@code time} (epoch ns); resolves trades whose horizon ended before it. */
    public void onQuote(long time, long bidPx, long askPx) {
        resolveBefore(time);
        bid = bidPx;
        ask = askPx;
    }

    /**
     * A trade at {@code time}: resolves older horizons, then records this trade's effective spread against the
     * prevailing quote and queues it.
     *
     * @param sign {@link Aggressor#BUY} (+1), {@link Aggressor#SELL} (-1) or {@link Aggressor#UNKNOWN} (0)
     */
    public void onTrade(long time, long price, long size, byte sign) {
        resolveBefore(time);
        if (sign == Aggressor.UNKNOWN) { unsigned++; return; }
        if (!Spreads.isValidQuote(bid, ask)) { unquoted++; return; }
        double e = Spreads.effectiveBps(price, sign, bid, ask);
        if (count == ts.length) grow();
        int i = (head + count) % ts.length;
        ts[i] = time; px[i] = price; sz[i] = size; sg[i] = sign; qBid[i] = bid; qAsk[i] = ask; eff[i] = e;
        count++;
    }

    /** Event time has reached {@code time}: resolves trades with t + &Delta; &lt; time. */
    public void advanceTo(long time) { resolveBefore(time); }

    /** Drops all pending trades (e.g. at session end), counting them in {@link #droppedTrades()}. */
    public void dropPending() {
        dropped += count;
        head = 0;
        count = 0;
    }

    private void resolveBefore(long time) {
        while (count > 0 && ts[head] + horizon < time) {
            int i = head;
            head = (head + 1) % ts.length;
            count--;
            if (!Spreads.isValidQuote(bid, ask)) { dropped++; continue; }
            double r = Spreads.realizedBps(px[i], sg[i], qBid[i], qAsk[i], bid, ask);
            double w = Px.toDouble(sz[i]);
            resolved++;
            sumEff += eff[i]; sumReal += r;
            sumSize += w; sumEffW += w * eff[i]; sumRealW += w * r;
            if (listener != null) listener.onResolved(ts[i], px[i], sz[i], sg[i], eff[i], r);
        }
    }

    private void grow() {
        int c = ts.length;
        long[] t = new long[2 * c], p = new long[2 * c], s = new long[2 * c], b = new long[2 * c], a = new long[2 * c];
        byte[] g = new byte[2 * c];
        double[] e = new double[2 * c];
        for (int k = 0; k < count; k++) {
            int i = (head + k) % c;
            t[k] = ts[i]; p[k] = px[i]; s[k] = sz[i]; b[k] = qBid[i]; a[k] = qAsk[i]; g[k] = sg[i]; e[k] = eff[i];
        }
        ts = t; px = p; sz = s; qBid = b; qAsk = a; sg = g; eff = e;
        head = 0;
    }

    public long horizonNanos() { return horizon; }
    /** Trades resolved so far. */
    public long resolvedTrades() { return resolved; }
    public long unsignedTrades() { return unsigned; }
    public long unquotedTrades() { return unquoted; }
    public long droppedTrades() { return dropped; }
    public int pendingCount() { return count; }

    /** True when at least one trade has been resolved. */
    public boolean isReady() { return resolved > 0; }

    /** Mean effective spread of resolved trades, bp. */
    public double meanEffectiveBps() { check(); return sumEff / resolved; }
    /** Mean realized spread of resolved trades, bp. */
    public double meanRealizedBps() { check(); return sumReal / resolved; }
    /** Size-weighted mean effective spread, bp. */
    public double weightedEffectiveBps() { checkSize(); return sumEffW / sumSize; }
    /** Size-weighted mean realized spread, bp. */
    public double weightedRealizedBps() { checkSize(); return sumRealW / sumSize; }
    /** Mean price impact = mean effective - mean realized, bp. */
    public double meanPriceImpactBps() { check(); return (sumEff - sumReal) / resolved; }

    private void checkSize() {
        check();
        if (!(sumSize > 0)) throw new IllegalStateException("resolved trades have zero size");
    }

    private void check() { if (resolved == 0) throw new IllegalStateException("no resolved trade yet"); }
}
