package dev.periscope.analytics.detect;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

/**
 * Price/delta divergence on event-time bars, reported as a <b>hypothesis signal</b>: the practitioner rules that
 * read divergence as "absorption, reversal coming" are folklore with contested direction and no academic support
 * (audit OF-2); the documented relation is the contemporaneous one between order-flow imbalance and price changes
 * (Cont, Kukanov and Stoikov 2014). Use these alerts as inputs to a backtest, not as built-in trade signals.
 *
 * <p>Bars: eligible prints are grouped by {@code floorDiv(ts, barNanos)} (bars aligned to epoch multiples of the
 * bar length, i.e. to clock minutes for minute bars); bars without prints do not exist. A bar closes when a print
 * of a later bar arrives, when the session changes, or on {@link #flush}; alerts are evaluated and emitted then.
 * Bar delta = buy volume - sell volume of the bar's signed prints; CVD = running sum of signed size since the start
 * of the session (audit OF-3), unsigned prints excluded (OF-4).
 *
 * <p>Modes:
 * <ul>
 *   <li>{@link Mode#NEW_EXTREME} (default): with at least {@code lookbackBars} earlier bars in the session, a bar
 *       whose high exceeds the highest high of the previous {@code lookbackBars} bars while the CVD at its close
 *       does not exceed the highest CVD at those bars' closes gives kind {@code "high-without-cvd"} (side BUY,
 *       level = the new high); symmetrically {@code "low-without-cvd"} (side SELL, level = the new low). An outside
 *       bar can give both (high first).</li>
 *   <li>{@link Mode#DELTA_SIGN}: a bar whose close-minus-open price change and bar delta have opposite non-zero
 *       signs gives {@code "price-up-delta-down"} (side BUY) or {@code "price-down-delta-up"} (side SELL);
 *       level = close.</li>
 * </ul>
 * The alert's side is the direction of the price move that flow did not confirm. Allocation-free per print except
 * when an alert is raised.
 */
public final class DeltaDivergenceDetector implements TradeDetector {

    public enum Mode { NEW_EXTREME, DELTA_SIGN }

    /**
     * Parameters.
     *
     * @param mode               see class Javadoc; default {@link Mode#NEW_EXTREME}
     * @param barNanos           bar length, event time; default 5 min (a common chart bar; arbitrary, X-6)
     * @param lookbackBars       bars a new extreme is measured against (NEW_EXTREME); default 20 (arbitrary)
     * @param excludedConditions ignored non-regular prints; default the non-signable set
     */
    public record Params(Mode mode, long barNanos, int lookbackBars, long excludedConditions) {
        public Params {
            if (mode == null) throw new IllegalArgumentException("mode");
            if (barNanos <= 0 || lookbackBars < 1) throw new IllegalArgumentException("barNanos > 0, lookbackBars >= 1");
        }

        public static final Params DEFAULT = new Params(Mode.NEW_EXTREME, 300_000_000_000L, 20, DetectSupport.NON_REGULAR);

        public String describe() {
            return "mode=" + mode + ",bar=" + DetectSupport.duration(barNanos) + ",lookback=" + lookbackBars
                    + ",excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    private final Params p;
    private final String paramsText;
    // previous bars of the session (ring)
    private final long[] highs, lows, cvds;
    private int count, pos;
    // session
    private long session = Long.MIN_VALUE;
    private boolean inSession;
    private long cvd;
    // open bar
    private boolean barOpen;
    /** The open bar's [start, end) in epoch ns: a print inside it needs no division. */
    private long barStartTs, barEndTs;
    private long barIndex, open, high, low, close, volume, delta, tsFirst, tsLast, venLo, venHi;
    private double notional;
    private int prints;

    public DeltaDivergenceDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
        highs = new long[p.lookbackBars()];
        lows = new long[p.lookbackBars()];
        cvds = new long[p.lookbackBars()];
    }

    public DeltaDivergenceDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "delta-divergence"; }

    @Override public String params() { return paramsText; }

    /** Session CVD so far (fixed point). */
    public long cvd() { return cvd; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            if (inSession) flush(sink);
            session = print.session();
            inSession = true;
            cvd = 0;
            count = 0;
            pos = 0;
        }
        if ((print.conditions() & p.excludedConditions()) != 0) return;
        long ts = print.ts();
        if (barOpen && (ts < barStartTs || ts >= barEndTs)) closeBar(sink);   // outside [start, end): another bar
        if (!barOpen) {
            barOpen = true;
            barIndex = Math.floorDiv(ts, p.barNanos());
            barStartTs = barIndex * p.barNanos();
            barEndTs = barStartTs + p.barNanos();
            open = high = low = print.price();
            volume = delta = 0;
            notional = 0;
            prints = 0;
            tsFirst = print.ts();
            venLo = venHi = 0;
        }
        high = Math.max(high, print.price());
        low = Math.min(low, print.price());
        close = print.price();
        tsLast = print.ts();
        volume += print.size();
        notional += DetectSupport.notional(print.price(), print.size());
        prints++;
        venLo |= DetectSupport.venueLo(print.venue());
        venHi |= DetectSupport.venueHi(print.venue());
        if (print.aggressor() > 0) { delta += print.size(); cvd += print.size(); }
        else if (print.aggressor() < 0) { delta -= print.size(); cvd -= print.size(); }
    }

    /** Closes the open bar (emitting its alerts). */
    @Override
    public void flush(AlertSink sink) {
        if (barOpen) closeBar(sink);
    }

    private void closeBar(AlertSink sink) {
        barOpen = false;
        int n = p.lookbackBars();
        if (p.mode() == Mode.NEW_EXTREME) {
            if (count >= n) {
                long maxHigh = Long.MIN_VALUE, minLow = Long.MAX_VALUE, maxCvd = Long.MIN_VALUE, minCvd = Long.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    maxHigh = Math.max(maxHigh, highs[i]);
                    minLow = Math.min(minLow, lows[i]);
                    maxCvd = Math.max(maxCvd, cvds[i]);
                    minCvd = Math.min(minCvd, cvds[i]);
                }
                if (high > maxHigh && cvd <= maxCvd)
                    sink.accept(alert("high-without-cvd", Aggressor.BUY, high, maxHigh, maxCvd));
                if (low < minLow && cvd >= minCvd)
                    sink.accept(alert("low-without-cvd", Aggressor.SELL, low, minLow, minCvd));
            }
            highs[pos] = high;
            lows[pos] = low;
            cvds[pos] = cvd;
            pos = (pos + 1) % n;
            if (count < n) count++;
        } else {
            long change = close - open;
            if (change > 0 && delta < 0) sink.accept(alert("price-up-delta-down", Aggressor.BUY, close, open, 0));
            else if (change < 0 && delta > 0) sink.accept(alert("price-down-delta-up", Aggressor.SELL, close, open, 0));
        }
    }

    /**
     * @param prior    new-extreme mode: the prior extreme; delta-sign mode: the bar's open
     * @param priorCvd new-extreme mode: the prior CVD extreme
     */
    private Alert alert(String kind, byte side, long level, long prior, long priorCvd) {
        return new Alert(name(), paramsText, kind, tsFirst, tsLast, side, SideRole.PRICE_MOVE, low, high, level, volume,
                notional, venLo, venHi, prints, 0, new Text(p.lookbackBars(), prior, cvd, priorCvd, delta, p.barNanos()));
    }

    /** The divergence's description, written when read; the kind says which of the four texts. */
    private record Text(int lookback, long prior, long cvd, long priorCvd, long delta, long barNanos) implements AlertText {
        @Override
        public String describe(Alert a) {
            long level = a.level();
            String what = switch (a.kind()) {
                case "high-without-cvd" -> "new " + lookback + "-bar high " + Px.format(level) + " (prior max "
                        + Px.format(prior) + ") while CVD " + Px.format(cvd) + " did not exceed its prior max "
                        + Px.format(priorCvd);
                case "low-without-cvd" -> "new " + lookback + "-bar low " + Px.format(level) + " (prior min "
                        + Px.format(prior) + ") while CVD " + Px.format(cvd) + " did not go below its prior min "
                        + Px.format(priorCvd);
                case "price-up-delta-down" -> "price rose " + Px.format(prior) + " -> " + Px.format(level)
                        + " while bar delta was " + Px.format(delta);
                default -> "price fell " + Px.format(prior) + " -> " + Px.format(level) + " while bar delta was +"
                        + Px.format(delta);
            };
            return "Divergence (hypothesis, OF-2): " + what + " in " + DetectSupport.duration(barNanos)
                    + " bar, bar delta " + Px.format(delta) + ", volume " + Px.format(a.totalSize());
        }
    }
}
