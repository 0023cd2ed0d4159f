package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

/**
 * <b>BASELINE, not a recommended detector.</b> The playbook's divergence reading as audit OF-2 quotes it: "Positive
 * Delta + Price Down = Absorption", and its mirror (negative delta + price up). The audit explains why it is folklore
 * (contested direction, no evidence; the documented relation is the contemporaneous OFI-price one of Cont, Kukanov
 * &amp; Stoikov 2014). The scorecard measures {@link AbsorptionDetector} against it.
 *
 * <p>Choices that are ours, because the playbook leaves them open: <b>fixed event-time bars</b> (default 5 minutes,
 * aligned to multiples of the bar length in epoch ns); a bar's delta is the signed volume of its eligible signed
 * prints; open/close are the prices of its first/last eligible print. A closed bar with delta &gt; 0 and
 * close &lt; open is an alert with {@code side} +1 (buyers were the aggressors, passive sellers absorbed them); delta
 * &lt; 0 and close &gt; open gives side -1. A bar closes when a later print falls in a later bar, the session changes,
 * or on {@link #flush}: at most one alert per bar. Allocation-free per print except alerts.
 */
public final class NaivePlaybookAbsorptionDetector implements TradeDetector {

    /**
     * @param barNanos           bar length (added by us); default 5 min
     * @param excludedConditions ignored non-regular prints; default the non-signable set
     */
    public record Params(long barNanos, long excludedConditions) {
        public Params {
            if (barNanos <= 0) throw new IllegalArgumentException("bad parameter");
        }

        public static final Params DEFAULT = new Params(300_000_000_000L, DetectSupport.NON_REGULAR);

        public String describe() {
            return "bar=" + DetectSupport.duration(barNanos) + ",excluded=" + SaleCondition.codes(excludedConditions);
        }
    }

    private final Params p;
    private final String paramsText;
    private long session;
    private boolean inSession, open;
    private long bar, t0, t1, openPx, closePx, lo, hi, buyVol, sellVol, vLo, vHi;
    private double notionalBuy, notionalSell;
    private int prints;

    public NaivePlaybookAbsorptionDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
    }

    public NaivePlaybookAbsorptionDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "naive-playbook-absorption"; }

    @Override public String params() { return paramsText; }

    @Override
    public void onTrade(PrintContext print, AlertSink sink) {
        if (!inSession || print.session() != session) {
            close(sink);
            session = print.session();
            inSession = true;
        }
        if ((print.conditions() & p.excludedConditions()) != 0) return;
        long b = Math.floorDiv(print.ts(), p.barNanos());
        if (open && b != bar) close(sink);
        if (!open) {
            open = true;
            bar = b;
            t0 = print.ts();
            openPx = print.price();
            lo = hi = print.price();
            buyVol = sellVol = vLo = vHi = 0;
            notionalBuy = notionalSell = 0;
            prints = 0;
        }
        t1 = print.ts();
        closePx = print.price();
        lo = Math.min(lo, print.price());
        hi = Math.max(hi, print.price());
        prints++;
        vLo |= DetectSupport.venueLo(print.venue());
        vHi |= DetectSupport.venueHi(print.venue());
        if (print.aggressor() > 0) { buyVol += print.size(); notionalBuy += DetectSupport.notional(print.price(), print.size()); }
        else if (print.aggressor() < 0) { sellVol += print.size(); notionalSell += DetectSupport.notional(print.price(), print.size()); }
    }

    private void close(AlertSink sink) {
        if (!open) return;
        open = false;
        long delta = buyVol - sellVol;
        byte side;
        if (delta > 0 && closePx < openPx) side = 1;
        else if (delta < 0 && closePx > openPx) side = -1;
        else return;
        String desc = "Playbook rule (OF-2): " + DetectSupport.duration(p.barNanos()) + " bar delta "
                + (delta > 0 ? "+" : "") + Px.format(delta) + " while price went " + Px.format(openPx) + " -> "
                + Px.format(closePx) + " (baseline rule; folklore divergence reading, not a forecast)";
        sink.accept(new Alert(name(), paramsText, side > 0 ? "absorption-by-ask" : "absorption-by-bid", t0, t1, side,
                lo, hi, side > 0 ? hi : lo, side > 0 ? buyVol : sellVol, side > 0 ? notionalBuy : notionalSell,
                DetectSupport.venues(vLo, vHi), prints, 0, desc));
    }

    /** Closes the open bar (end of data). */
    @Override public void flush(AlertSink sink) { close(sink); }
}
