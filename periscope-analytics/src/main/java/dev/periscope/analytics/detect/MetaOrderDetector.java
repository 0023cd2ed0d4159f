package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

import java.util.Locale;

/**
 * Meta-order (accumulation / distribution) <b>hypotheses</b>: persistent one-sided signed volume from many small
 * prints over a rolling window, significant against the session's own history of such windows. Large institutional
 * orders are split into many small child orders executed over minutes to days (Lillo, Mike &amp; Farmer 2005, "A
 * theory for long memory in supply and demand", Phys. Rev. E 71; Tóth et al. 2011, "Anomalous price impact and the
 * critical nature of liquidity in financial markets", Phys. Rev. X 1, 021006), which is why order signs have long
 * memory (Lillo &amp; Farmer 2004, "The long memory of the efficient market", Studies in Nonlinear Dynamics &amp;
 * Econometrics 8(3)). Because of that long memory, an i.i.d. test (runs test, z of a sum of independent signs)
 * would flag ordinary flow; this detector instead compares a window's signed volume with the <em>empirical</em>
 * distribution of earlier windows of the same length in the same session, which already carries the usual
 * persistence. Audit OF-14 (the playbook's "> 20 buys and avg size &lt; 100" rule describes the normal tape).
 *
 * <p>Definition. Eligible prints (not excluded by condition, signed, size &lt; {@code maxPrintSize}) are summed into
 * event-time buckets of {@code bucket} length aligned to multiples of it since the epoch; empty buckets count as
 * zero. When bucket {@code j} closes (a print at or after its end, a session change, or {@link #flush}), the window
 * is buckets {@code j-k+1..j} ({@code k = window/bucket}) and {@code S_j} its signed volume (buy - sell). The
 * baseline is the mean {@code m} and sample std {@code s} of {@code S_i} over earlier windows that do not overlap
 * the current one ({@code i <= j-k}) in the session; {@code z = (S_j - m)/s}, tested once the baseline has
 * {@code minBaselineSamples} windows. An episode opens when {@code |z| >= zEnter}, the window holds at least
 * {@code minPrints} signed prints and the dominant side has at least {@code minDominantShare} of them; it extends at
 * each bucket whose window has the same sign and {@code |z| >= zExit}, and closes at the first bucket that fails
 * (or at session end / flush), raising one alert.
 *
 * <p>Output: {@code kind} {@code "accumulation"} (net buying) or {@code "distribution"}; {@code side} the aggressor
 * side; {@code tsStart} the start of the first significant window (the footprint may have begun earlier or later
 * inside it), {@code tsEnd} the last eligible print of the last significant bucket; {@code totalSize} the eligible
 * volume over the episode; {@code level} the last eligible price; {@code prints}; description tokens {@code z}
 * (peak |z|), {@code signed} (episode signed volume), {@code participation} (estimated meta-order share of volume:
 * {@code |signed - m x buckets/k| / volume}, a rough upper-level estimate assuming the rest of the flow is as
 * balanced as the baseline), {@code baselineMean}, {@code baselineSd}, {@code samples}. A hypothesis to check, not
 * an identification. Allocation-free per print except alerts.
 */
public final class MetaOrderDetector implements TradeDetector {

    /**
     * Parameters (arbitrary starting points, audit X-6).
     *
     * @param windowNanos        rolling window; default 60 min (calibrated on the simulator's hours-long meta-orders,
     *                           docs/detect-eval.md; was 30 min); must be a multiple of {@code bucketNanos}
     * @param bucketNanos        bucket (evaluation step); default 1 min
     * @param zEnter             |z| to open an episode; default 2.5 (calibrated 2026-12-04 on the simulator, validated
     *                           on held-out seeds: docs/detect-eval.md; 3.0 before)
     * @param zExit              |z| to keep it open; default 1.0
     * @param minBaselineSamples earlier non-overlapping window values needed before testing (pre-calibration 20: so a
     *                           session is tested from about 2 x window + 20 buckets on); default 5 (calibrated: with
     *                           20 a 60 min window is tested only after ~2 h, when an hours-long meta-order is
     *                           already in the baseline)
     * @param minPrints          signed prints in the window; default 50 ("many prints")
     * @param minDominantShare   share of the window's signed prints on the dominant side; default 0.5 = off
     *                           (calibrated: a meta-order's 100-900-share children are a small share of the print
     *                           count, so 0.55 blocked every planted meta-order on the simulator; the signed-volume
     *                           z-test carries the evidence)
     * @param maxPrintSize       prints at least this large are ignored (blocks are not child orders; fixed
     *                           point); default 10,000 shares (the conventional block size)
     * @param excludedConditions ignored non-regular prints; default the non-signable set
     */
    public record Params(long windowNanos, long bucketNanos, double zEnter, double zExit, int minBaselineSamples,
                         int minPrints, double minDominantShare, long maxPrintSize, long excludedConditions) {
        public Params {
            if (bucketNanos <= 0 || windowNanos < bucketNanos || windowNanos % bucketNanos != 0)
                throw new IllegalArgumentException("window must be a positive multiple of bucket");
            if (!(zEnter > 0) || !(zExit >= 0) || zExit > zEnter) throw new IllegalArgumentException("0 <= zExit <= zEnter");
            if (minBaselineSamples < 2 || minPrints < 1) throw new IllegalArgumentException("minBaselineSamples >= 2, minPrints >= 1");
            if (!(minDominantShare >= 0.5 && minDominantShare <= 1)) throw new IllegalArgumentException("minDominantShare in [0.5,1]");
            if (maxPrintSize <= 0) throw new IllegalArgumentException("maxPrintSize > 0");
        }

        public static final Params DEFAULT = new Params(60 * 60_000_000_000L, 60_000_000_000L, 2.5, 1.0, 5, 50, 0.5,
                Px.ofUnits(10_000), DetectSupport.NON_REGULAR);

        /** The pre-calibration defaults (30 min window, 20 baseline windows, dominant share 0.55 of prints). */
        public static final Params PRE_CALIBRATION = new Params(30 * 60_000_000_000L, 60_000_000_000L, 3.0, 1.0, 20, 50,
                0.55, Px.ofUnits(10_000), DetectSupport.NON_REGULAR);

        public String describe() {
            return "window=" + DetectSupport.duration(windowNanos) + ",bucket=" + DetectSupport.duration(bucketNanos)
                    + ",zEnter=" + zEnter + ",zExit=" + zExit + ",minBaselineSamples=" + minBaselineSamples
                    + ",minPrints=" + minPrints + ",minDominantShare=" + minDominantShare + ",maxPrintSize="
                    + Px.format(maxPrintSize) + ",excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    private final Params p;
    private final String paramsText;
    private final int k;
    // closed buckets ring (k)
    private final long[] bSigned, bVol, bLastTs, bLo, bHi, bLastPx;
    private final int[] bBuy, bSell;
    private final double[] bNotional;
    // current bucket
    private long cur = Long.MIN_VALUE;                    // bucket index
    private long cSigned, cVol, cLastTs, cLo, cHi, cLastPx;
    private int cBuy, cSell;
    private double cNotional;
    private long closed;                                  // buckets closed this session
    // window sums ring (k + 1) and baseline (Welford)
    private final long[] wSum;
    private long bn;
    private double bMean, bM2;
    // episode
    private boolean ep;
    private byte epSide;
    private long epStart, epEnd, epSigned, epVol, epLo, epHi, epLastPx, epBuckets;
    private int epPrints;
    private double epNotional, epPeakZ, epMean, epSd;
    private long epSamples;
    private long session;
    private boolean inSession;

    public MetaOrderDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
        long kk = p.windowNanos() / p.bucketNanos();
        if (kk > 100_000) throw new IllegalArgumentException("window/bucket too large: " + kk);
        k = (int) kk;
        bSigned = new long[k]; bVol = new long[k]; bLastTs = new long[k]; bLo = new long[k]; bHi = new long[k];
        bLastPx = new long[k]; bBuy = new int[k]; bSell = new int[k]; bNotional = new double[k];
        wSum = new long[k + 1];
    }

    public MetaOrderDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "meta-order"; }

    @Override public String params() { return paramsText; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            endSession(sink);
            session = print.session();
            inSession = true;
        }
        long b = Math.floorDiv(print.ts(), p.bucketNanos());
        if (cur == Long.MIN_VALUE) cur = b;
        while (cur < b) {                                 // close the current and any empty buckets before print.ts()
            closeBucket(sink);
            cur++;
        }
        if ((print.conditions() & p.excludedConditions()) != 0 || print.aggressor() == Aggressor.UNKNOWN) return;
        if (print.size() <= 0 || print.size() >= p.maxPrintSize()) return;
        if (print.aggressor() > 0) { cSigned += print.size(); cBuy++; } else { cSigned -= print.size(); cSell++; }
        cVol += print.size();
        cNotional += DetectSupport.notional(print.price(), print.size());
        cLastTs = print.ts();
        cLastPx = print.price();
        cLo = Math.min(cLo, print.price());
        cHi = Math.max(cHi, print.price());
    }

    private void resetCurrent() {
        cSigned = cVol = 0;
        cBuy = cSell = 0;
        cNotional = 0;
        cLastTs = Long.MIN_VALUE;
        cLastPx = Px.NONE;
        cLo = Long.MAX_VALUE;
        cHi = Long.MIN_VALUE;
    }

    private void closeBucket(AlertSink sink) {
        int slot = (int) (closed % k);
        bSigned[slot] = cSigned; bVol[slot] = cVol; bLastTs[slot] = cLastTs; bLo[slot] = cLo; bHi[slot] = cHi;
        bLastPx[slot] = cLastPx; bBuy[slot] = cBuy; bSell[slot] = cSell; bNotional[slot] = cNotional;
        closed++;
        long bucketEnd = (cur + 1) * p.bucketNanos();
        resetCurrent();
        if (closed < k) return;
        long s = 0;
        int buys = 0, sells = 0;
        for (int i = 0; i < k; i++) { s += bSigned[i]; buys += bBuy[i]; sells += bSell[i]; }
        long w = closed - k;
        wSum[(int) (w % (k + 1))] = s;
        if (w >= k) {                                     // the window ending k buckets ago no longer overlaps
            double x = Px.toDouble(wSum[(int) ((w - k) % (k + 1))]);
            bn++;
            double d = x - bMean;
            bMean += d / bn;
            bM2 += d * (x - bMean);
        }
        double z = Double.NaN;
        if (bn >= p.minBaselineSamples()) {
            double sd = Math.sqrt(bM2 / (bn - 1));
            if (sd > 0) z = (Px.toDouble(s) - bMean) / sd;
        }
        byte sign = s > 0 ? Aggressor.BUY : s < 0 ? Aggressor.SELL : Aggressor.UNKNOWN;
        if (ep) {
            if (sign == epSide && !Double.isNaN(z) && Math.abs(z) >= p.zExit()) {
                extend(slot, z);
                return;
            }
            emit(sink);
        }
        if (Double.isNaN(z) || Math.abs(z) < p.zEnter() || sign == Aggressor.UNKNOWN) return;
        int n = buys + sells;
        int dominant = sign > 0 ? buys : sells;
        if (n < p.minPrints() || dominant < p.minDominantShare() * n) return;
        // open: the episode covers the whole window
        ep = true;
        epSide = sign;
        epStart = bucketEnd - p.windowNanos();
        epSigned = epVol = 0;
        epPrints = 0;
        epNotional = 0;
        epLo = Long.MAX_VALUE;
        epHi = Long.MIN_VALUE;
        epLastPx = Px.NONE;
        epEnd = Long.MIN_VALUE;
        epBuckets = 0;
        epPeakZ = 0;
        epMean = bMean;
        epSd = Math.sqrt(bM2 / (bn - 1));
        epSamples = bn;
        for (int i = 1; i <= k; i++) {                    // oldest to newest
            int sl = (int) ((closed - k - 1 + i) % k);
            if (i < k) add(sl); else extend(sl, z);
        }
    }

    private void add(int sl) {
        epSigned += bSigned[sl];
        epVol += bVol[sl];
        epPrints += bBuy[sl] + bSell[sl];
        epNotional += bNotional[sl];
        epBuckets++;
        if (bVol[sl] > 0) {
            epLo = Math.min(epLo, bLo[sl]);
            epHi = Math.max(epHi, bHi[sl]);
            epLastPx = bLastPx[sl];
            epEnd = Math.max(epEnd, bLastTs[sl]);
        }
    }

    private void extend(int sl, double z) {
        add(sl);
        epPeakZ = Math.max(epPeakZ, Math.abs(z));
    }

    private void emit(AlertSink sink) {
        ep = false;
        if (epVol <= 0) return;
        long end = Math.max(epEnd, epStart);
        double expected = epMean * epBuckets / k;
        double participation = Math.abs(Px.toDouble(epSigned) - expected) / Px.toDouble(epVol);
        boolean buy = epSide > 0;
        String desc = (buy ? "Accumulation" : "Distribution") + " hypothesis: persistent one-sided small-print flow: z="
                + String.format(Locale.ROOT, "%.2f", epPeakZ) + " signed=" + Px.format(epSigned) + " participation="
                + String.format(Locale.ROOT, "%.3f", Math.min(1.0, participation)) + " baselineMean="
                + String.format(Locale.ROOT, "%.1f", epMean) + " baselineSd=" + String.format(Locale.ROOT, "%.1f", epSd)
                + " samples=" + epSamples + " (a hypothesis, not an identification)";
        sink.accept(new Alert(name(), paramsText, buy ? "accumulation" : "distribution", epStart, end, epSide,
                epLo, epHi, epLastPx, epVol, epNotional, "", epPrints, 0, desc));
    }

    private void endSession(AlertSink sink) {
        if (inSession && cur != Long.MIN_VALUE) closeBucket(sink);
        if (ep) emit(sink);
        cur = Long.MIN_VALUE;
        closed = 0;
        bn = 0;
        bMean = bM2 = 0;
        resetCurrent();
        java.util.Arrays.fill(bSigned, 0);
        java.util.Arrays.fill(bBuy, 0);
        java.util.Arrays.fill(bSell, 0);
        java.util.Arrays.fill(bVol, 0);
        java.util.Arrays.fill(bNotional, 0);
    }

    /** Closes the current (partial) bucket, emits an open episode and starts afresh (end of data). */
    @Override
    public void flush(AlertSink sink) {
        endSession(sink);
        inSession = false;
    }
}
