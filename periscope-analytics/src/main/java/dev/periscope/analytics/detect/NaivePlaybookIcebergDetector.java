package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

import java.util.Arrays;
import java.util.Locale;

/**
 * <b>BASELINE, not a recommended detector.</b> The playbook's own iceberg rule as audit OF-11 quotes it: "more than
 * 10 trades at one price, std &lt; 0.2 x mean, mean &lt; 500 =&gt; likely iceberg". The audit explains why it is not a
 * recognised method (no replenishment check; sub-500-share uniform fills are the normal US tape, so it fires on
 * almost every liquid stock; no side). The scorecard measures {@link IcebergL3Detector} and
 * {@link IcebergTradeQuoteDetector} against it.
 *
 * <p>Two choices are ours, because the playbook leaves them open: <b>a rolling event-time window</b> (the playbook
 * has none, so it would pool trades hours apart; we count only the prints at one price in {@code (t - window, t]}),
 * and the <b>sample</b> standard deviation (n - 1 denominator; the playbook does not say which). On each eligible
 * print at price P, with {@code n}, {@code mean}, {@code std} the count, mean size and sample std of the window's
 * prints at P: the rule fires when {@code n > minTrades} and {@code std < maxCv x mean} and
 * {@code mean < maxMeanSize}; at most one alert per price per window length. {@code side} is
 * {@link Aggressor#UNKNOWN} (the rule has none). Allocation-free per print except alerts and table growth.
 */
public final class NaivePlaybookIcebergDetector implements TradeDetector {

    /**
     * @param windowNanos        rolling window (added by us); default 60 s
     * @param minTrades          more than this many prints at the price; default 10 (playbook)
     * @param maxCv              std below this x mean; default 0.2 (playbook)
     * @param maxMeanSize        mean size below this (fixed point); default 500 shares (playbook)
     * @param excludedConditions ignored non-regular prints; default the non-signable set
     */
    public record Params(long windowNanos, int minTrades, double maxCv, long maxMeanSize, long excludedConditions) {
        public Params {
            if (windowNanos <= 0 || minTrades < 1 || !(maxCv > 0) || maxMeanSize <= 0)
                throw new IllegalArgumentException("bad parameter");
        }

        public static final Params DEFAULT = new Params(60_000_000_000L, 10, 0.2, Px.ofUnits(500), DetectSupport.NON_REGULAR);

        public String describe() {
            return "window=" + DetectSupport.duration(windowNanos) + ",minTrades=" + minTrades + ",maxCv=" + maxCv
                    + ",maxMeanSize=" + Px.format(maxMeanSize) + ",std=sample,excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    private final Params p;
    private final String paramsText;
    // window ring of prints
    private long[] ts = new long[1024], px = new long[1024], sz = new long[1024];
    private char[] ven = new char[1024];
    private int mask = 1023;
    private long head, tail;
    // per price in window
    private final LongIndexMap prices = new LongIndexMap(256);
    private int[] pCount = new int[256];
    private double[] pSum = new double[256], pSumSq = new double[256];
    private long[] pLastAlert = new long[256];
    private long session;
    private boolean inSession;

    public NaivePlaybookIcebergDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
    }

    public NaivePlaybookIcebergDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "naive-playbook-iceberg"; }

    @Override public String params() { return paramsText; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            head = tail = 0;
            prices.clear();
            session = print.session();
            inSession = true;
        }
        if ((print.conditions() & p.excludedConditions()) != 0) return;
        long cutoff = print.ts() - p.windowNanos();
        while (head < tail && ts[(int) head & mask] <= cutoff) {
            int i = (int) head & mask;
            int k = prices.get(px[i]);
            double s = Px.toDouble(sz[i]);
            pCount[k]--; pSum[k] -= s; pSumSq[k] -= s * s;
            if (pCount[k] == 0) prices.remove(px[i]);
            head++;
        }
        if (tail - head == mask + 1) grow();
        int i = (int) tail++ & mask;
        ts[i] = print.ts(); px[i] = print.price(); sz[i] = print.size(); ven[i] = print.venue();
        int k = prices.get(print.price());
        if (k < 0) {
            k = prices.put(print.price());
            if (k >= pCount.length) growPrices(k);
            pCount[k] = 0; pSum[k] = 0; pSumSq[k] = 0; pLastAlert[k] = Long.MIN_VALUE;
        }
        double s = Px.toDouble(print.size());
        pCount[k]++; pSum[k] += s; pSumSq[k] += s * s;
        int n = pCount[k];
        if (n <= p.minTrades()) return;
        if (pLastAlert[k] != Long.MIN_VALUE && print.ts() - pLastAlert[k] < p.windowNanos()) return;
        double mean = pSum[k] / n;
        double var = Math.max(0, (pSumSq[k] - pSum[k] * pSum[k] / n) / (n - 1));
        double std = Math.sqrt(var);
        if (!(mean < Px.toDouble(p.maxMeanSize())) || !(std < p.maxCv() * mean)) return;
        pLastAlert[k] = print.ts();
        sink.accept(alert(print.price(), n, mean, std, print.ts()));
    }

    private Alert alert(long price, int n, double mean, double std, long t) {
        long t0 = t, total = 0;
        long vLo = 0, vHi = 0;
        for (long q = head; q < tail; q++) {
            int i = (int) q & mask;
            if (px[i] != price) continue;
            t0 = Math.min(t0, ts[i]);
            total += sz[i];
            vLo |= DetectSupport.venueLo(ven[i]);
            vHi |= DetectSupport.venueHi(ven[i]);
        }
        String desc = "Playbook rule (OF-11): n=" + n + " mean=" + String.format(Locale.ROOT, "%.2f", mean) + " std="
                + String.format(Locale.ROOT, "%.2f", std) + " at " + Px.format(price)
                + " (baseline rule; no replenishment check, fires on ordinary tape)";
        return new Alert(name(), paramsText, "playbook-iceberg", t0, t, Aggressor.UNKNOWN, price, price, price, total,
                DetectSupport.notional(price, total), DetectSupport.venues(vLo, vHi), n, 1, desc);
    }

    private void grow() {
        int cap = (mask + 1) * 2, om = mask;
        long[] a = new long[cap], b = new long[cap], c = new long[cap];
        char[] v = new char[cap];
        for (long q = head; q < tail; q++) {
            int o = (int) q & om, nI = (int) q & (cap - 1);
            a[nI] = ts[o]; b[nI] = px[o]; c[nI] = sz[o]; v[nI] = ven[o];
        }
        ts = a; px = b; sz = c; ven = v; mask = cap - 1;
    }

    private void growPrices(int k) {
        int n = Math.max(k + 1, pCount.length * 2);
        pCount = Arrays.copyOf(pCount, n); pSum = Arrays.copyOf(pSum, n); pSumSq = Arrays.copyOf(pSumSq, n);
        pLastAlert = Arrays.copyOf(pLastAlert, n);
    }

    /** Alerts are raised on the print itself; nothing is pending. */
    @Override public void flush(AlertSink sink) {}
}
