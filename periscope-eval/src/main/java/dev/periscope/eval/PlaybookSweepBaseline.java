package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.detect.AlertSink;
import dev.periscope.analytics.detect.PrintContext;
import dev.periscope.analytics.detect.TradeDetector;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;

/**
 * <b>BASELINE, not a recommended detector.</b> The playbook's sweep rule as audit OF-12 quotes it: prints on at
 * least 3 distinct exchanges (off-exchange {@code D} counted as one) totalling more than 10,000 shares within 1 s,
 * side ignored. Measured next to {@link dev.periscope.analytics.detect.SweepDetector} by {@code periscope detect-eval}.
 *
 * <p>Our choices where the playbook is silent: a rolling event-time window {@code (t - window, t]} over every print
 * with size &gt; 0 (no sale-condition filter); when the rule first holds, one alert from the oldest print of the
 * window to the current one, then the window is emptied (so one burst gives one alert, a continuing burst one per
 * window). {@code side} is {@link Aggressor#UNKNOWN}. Allocation-free per print except alerts and buffer growth.
 */
public final class PlaybookSweepBaseline implements TradeDetector {
    /** Detector name carried in alerts. */
    public static final String NAME = "naive-of12-sweep";

    private final long windowNanos, minSizeExclusive;
    private final int minVenues;
    private final String paramsText;
    private long[] ts = new long[256], px = new long[256], sz = new long[256];
    private char[] ven = new char[256];
    private int head, n;
    private long sum, session = Long.MIN_VALUE;
    private final int[] venueCount = new int[128];
    private int distinct;

    /** Playbook defaults: 1 s, 3 venues, more than 10,000 shares. */
    public PlaybookSweepBaseline() {
        this(1_000_000_000L, 3, Px.ofUnits(10_000));
    }

    public PlaybookSweepBaseline(long windowNanos, int minVenues, long minSizeExclusive) {
        if (windowNanos <= 0 || minVenues < 1 || minSizeExclusive < 0) throw new IllegalArgumentException("bad parameter");
        this.windowNanos = windowNanos;
        this.minVenues = minVenues;
        this.minSizeExclusive = minSizeExclusive;
        this.paramsText = "window=" + windowNanos / 1_000_000 + "ms,minVenues=" + minVenues + ",minSizeExclusive="
                + Px.format(minSizeExclusive);
    }

    @Override public String name() { return NAME; }

    @Override public String params() { return paramsText; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        long size = print.size();
        if (print.session() != session) { clear(); session = print.session(); }
        if (size <= 0) return;
        while (n > 0 && ts[head] <= print.ts() - windowNanos) pop();
        if (n == ts.length) grow();
        int i = (head + n) % ts.length;
        ts[i] = print.ts(); px[i] = print.price(); sz[i] = size; ven[i] = print.venue();
        n++;
        sum += size;
        if (venueCount[print.venue() & 127]++ == 0) distinct++;
        if (distinct >= minVenues && sum > minSizeExclusive) {
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            double notional = 0;
            boolean[] seen = new boolean[128];
            StringBuilder v = new StringBuilder();
            for (int k = 0; k < n; k++) {
                int j = (head + k) % ts.length;
                lo = Math.min(lo, px[j]);
                hi = Math.max(hi, px[j]);
                notional += (double) px[j] / Px.SCALE * ((double) sz[j] / Px.SCALE);
                seen[ven[j] & 127] = true;
            }
            for (int c = 0; c < 128; c++) if (seen[c]) v.append((char) c);
            sink.accept(new Alert(NAME, paramsText, "playbook-sweep", ts[head], print.ts(), Aggressor.UNKNOWN, lo, hi, print.price(), sum,
                    notional, v.toString(), n, 0, "venues=" + distinct + " size=" + Px.format(sum)));
            clear();
        }
    }

    private void pop() {
        sum -= sz[head];
        if (--venueCount[ven[head] & 127] == 0) distinct--;
        head = (head + 1) % ts.length;
        n--;
    }

    private void clear() {
        while (n > 0) pop();
        head = 0;
    }

    private void grow() {
        int cap = ts.length * 2;
        long[] t2 = new long[cap], p2 = new long[cap], s2 = new long[cap];
        char[] v2 = new char[cap];
        for (int k = 0; k < n; k++) {
            int j = (head + k) % ts.length;
            t2[k] = ts[j]; p2[k] = px[j]; s2[k] = sz[j]; v2[k] = ven[j];
        }
        ts = t2; px = p2; sz = s2; ven = v2;
        head = 0;
    }

    @Override public void flush(AlertSink sink) {}
}
