package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

import java.util.Locale;

/**
 * <b>BASELINE, not a recommended detector.</b> The playbook's own institutional-signature rule as audit OF-14 quotes
 * it: "ACCUMULATION when &gt; 20 buys and avg_trade_size &lt; 100", and its DISTRIBUTION mirror (&gt; 20 sells). The
 * audit explains why it is not a recognised method: an average print under 100 shares is the normal state of the
 * modern tape (O'Hara, Yao &amp; Ye 2014). The scorecard measures {@link MetaOrderDetector} against it.
 *
 * <p>Choices that are ours, because the playbook leaves them open: <b>a rolling event-time window</b> (default
 * 15 minutes; we count only the eligible prints in {@code (t - window, t]}); {@code avg_trade_size} is the mean size
 * of <i>all</i> eligible prints in the window (buys, sells and unsigned); and, so that the order of the two checks
 * does not decide the answer, the rule is tested on each signed print for that print's side only: a buy tests
 * ACCUMULATION ({@code buys > minTrades}), a sell tests DISTRIBUTION ({@code sells > minTrades}), both with
 * {@code mean < maxAvgSize}. At most one alert per side per window length. {@code side} = +1 accumulation,
 * -1 distribution. Allocation-free per print except alerts and ring growth.
 */
public final class NaivePlaybookInstitutionalDetector implements TradeDetector {

    /**
     * @param windowNanos        rolling window (added by us); default 15 min
     * @param minTrades          more than this many buys (sells); default 20 (playbook)
     * @param maxAvgSize         window mean print size below this (fixed point); default 100 shares (playbook)
     * @param excludedConditions ignored non-regular prints; default the non-signable set
     */
    public record Params(long windowNanos, int minTrades, long maxAvgSize, long excludedConditions) {
        public Params {
            if (windowNanos <= 0 || minTrades < 1 || maxAvgSize <= 0) throw new IllegalArgumentException("bad parameter");
        }

        public static final Params DEFAULT = new Params(900_000_000_000L, 20, Px.ofUnits(100), DetectSupport.NON_REGULAR);

        public String describe() {
            return "window=" + DetectSupport.duration(windowNanos) + ",minTrades=" + minTrades + ",maxAvgSize="
                    + Px.format(maxAvgSize) + ",excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    private final Params p;
    private final String paramsText;
    private long[] ts = new long[1024], px = new long[1024], sz = new long[1024];
    private byte[] ag = new byte[1024];
    private char[] ven = new char[1024];
    private int mask = 1023;
    private long head, tail;
    private int buys, sells;
    private long sizeSum;
    private long lastBuyAlert, lastSellAlert;
    private long session;
    private boolean inSession;

    public NaivePlaybookInstitutionalDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
    }

    public NaivePlaybookInstitutionalDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "naive-playbook-accumulation"; }

    @Override public String params() { return paramsText; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            head = tail = 0;
            buys = sells = 0;
            sizeSum = 0;
            lastBuyAlert = lastSellAlert = Long.MIN_VALUE;
            session = print.session();
            inSession = true;
        }
        if ((print.conditions() & p.excludedConditions()) != 0) return;
        long cutoff = print.ts() - p.windowNanos();
        while (head < tail && ts[(int) head & mask] <= cutoff) {
            int i = (int) head & mask;
            if (ag[i] > 0) buys--; else if (ag[i] < 0) sells--;
            sizeSum -= sz[i];
            head++;
        }
        if (tail - head == mask + 1) grow();
        int i = (int) tail++ & mask;
        ts[i] = print.ts(); px[i] = print.price(); sz[i] = print.size(); ag[i] = print.aggressor(); ven[i] = print.venue();
        sizeSum += print.size();
        if (print.aggressor() > 0) buys++; else if (print.aggressor() < 0) sells++;
        if (print.aggressor() == 0) return;
        int n = print.aggressor() > 0 ? buys : sells;
        if (n <= p.minTrades()) return;
        long last = print.aggressor() > 0 ? lastBuyAlert : lastSellAlert;
        if (last != Long.MIN_VALUE && print.ts() - last < p.windowNanos()) return;
        long all = tail - head;
        // mean < maxAvgSize  <=>  sizeSum < maxAvgSize * all, exact in fixed point
        if (sizeSum >= p.maxAvgSize() * all) return;
        if (print.aggressor() > 0) lastBuyAlert = print.ts(); else lastSellAlert = print.ts();
        sink.accept(alert(print.aggressor(), n, all, print.ts()));
    }

    private Alert alert(byte side, int n, long all, long t) {
        long t0 = t, total = 0, lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        double notional = 0;
        long vLo = 0, vHi = 0;
        for (long q = head; q < tail; q++) {
            int i = (int) q & mask;
            if (ag[i] != side) continue;
            t0 = Math.min(t0, ts[i]);
            total += sz[i];
            notional += DetectSupport.notional(px[i], sz[i]);
            lo = Math.min(lo, px[i]);
            hi = Math.max(hi, px[i]);
            vLo |= DetectSupport.venueLo(ven[i]);
            vHi |= DetectSupport.venueHi(ven[i]);
        }
        double mean = Px.toDouble(sizeSum) / all;
        String desc = "Playbook rule (OF-14): " + (side > 0 ? "ACCUMULATION " : "DISTRIBUTION ") + n
                + (side > 0 ? " buys" : " sells") + " of " + all + " prints, avg size "
                + String.format(Locale.ROOT, "%.2f", mean) + " in " + DetectSupport.duration(p.windowNanos())
                + " (baseline rule; small average prints are the normal tape)";
        return new Alert(name(), paramsText, side > 0 ? "playbook-accumulation" : "playbook-distribution", t0, t, side,
                lo, hi, side > 0 ? hi : lo, total, notional, DetectSupport.venues(vLo, vHi), n,
                0, desc);
    }

    private void grow() {
        int cap = (mask + 1) * 2, om = mask;
        long[] a = new long[cap], b = new long[cap], c = new long[cap];
        byte[] g = new byte[cap];
        char[] v = new char[cap];
        for (long q = head; q < tail; q++) {
            int o = (int) q & om, nI = (int) q & (cap - 1);
            a[nI] = ts[o]; b[nI] = px[o]; c[nI] = sz[o]; g[nI] = ag[o]; v[nI] = ven[o];
        }
        ts = a; px = b; sz = c; ag = g; ven = v; mask = cap - 1;
    }

    /** Alerts are raised on the print itself; nothing is pending. */
    @Override public void flush(AlertSink sink) {}
}
