package dev.periscope.analytics.detect;

import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fans each event out to the detectors that take its role ({@link TradeDetector}, {@link QuoteDetector},
 * {@link OrderEventDetector}) and sends their alerts to one sink in a deterministic order: per event, detectors in
 * the order given to the constructor; within a detector, in its own emission order; {@link #flush} in the same
 * order. Alerts go to one sink, or each detector's to its own. Allocates nothing per event. Not thread-safe.
 */
public final class DetectorSet {
    private final Detector[] detectors;
    private final AlertSink[] sinks;
    private final TradeDetector[] trade;
    private final AlertSink[] tradeSinks;
    private final QuoteDetector[] quote;
    private final AlertSink[] quoteSinks;
    private final OrderEventDetector[] order;
    private final AlertSink[] orderSinks;

    /** Every detector's alerts go to {@code sink}. */
    public DetectorSet(AlertSink sink, Detector... detectors) {
        this(List.of(detectors), java.util.Collections.nCopies(detectors.length, Objects.requireNonNull(sink, "sink")));
    }

    /** Detector {@code i}'s alerts go to {@code sinks.get(i)}. */
    public DetectorSet(List<? extends Detector> detectors, List<? extends AlertSink> sinks) {
        if (detectors.size() != sinks.size()) throw new IllegalArgumentException("one sink per detector");
        this.detectors = detectors.toArray(new Detector[0]);
        this.sinks = sinks.toArray(new AlertSink[0]);
        List<TradeDetector> t = new ArrayList<>();
        List<QuoteDetector> q = new ArrayList<>();
        List<OrderEventDetector> o = new ArrayList<>();
        List<AlertSink> ts = new ArrayList<>(), qs = new ArrayList<>(), os = new ArrayList<>();
        for (int i = 0; i < this.detectors.length; i++) {
            Detector d = Objects.requireNonNull(this.detectors[i], "detector");
            AlertSink s = Objects.requireNonNull(this.sinks[i], "sink");
            if (d instanceof TradeDetector td) { t.add(td); ts.add(s); }
            if (d instanceof QuoteDetector qd) { q.add(qd); qs.add(s); }
            if (d instanceof OrderEventDetector od) { o.add(od); os.add(s); }
        }
        trade = t.toArray(new TradeDetector[0]);
        tradeSinks = ts.toArray(new AlertSink[0]);
        quote = q.toArray(new QuoteDetector[0]);
        quoteSinks = qs.toArray(new AlertSink[0]);
        order = o.toArray(new OrderEventDetector[0]);
        orderSinks = os.toArray(new AlertSink[0]);
    }

    public void onTrade(PrintContext print) {
        for (int i = 0; i < trade.length; i++) trade[i].onTrade(print, tradeSinks[i]);
    }

    public void onQuote(long session, QuoteEvent q) {
        for (int i = 0; i < quote.length; i++) quote[i].onQuote(session, q, quoteSinks[i]);
    }

    public void onOrder(long session, OrderEvent e) {
        for (int i = 0; i < order.length; i++) order[i].onOrder(session, e, orderSinks[i]);
    }

    /** True if some detector takes quotes (callers may skip the session lookup per quote otherwise). */
    public boolean takesQuotes() { return quote.length > 0; }

    /** True if some detector takes L3 order events. */
    public boolean takesOrders() { return order.length > 0; }

    /** Flushes every detector, in order. */
    public void flush() {
        for (int i = 0; i < detectors.length; i++) detectors[i].flush(sinks[i]);
    }

    public int size() { return detectors.length; }

    public Detector get(int i) { return detectors[i]; }
}
