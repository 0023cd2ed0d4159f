package dev.periscope.eval.demo;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.flow.FootprintBar;
import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.analytics.micro.BookImbalance;
import dev.periscope.analytics.micro.SpreadRegime;
import dev.periscope.analytics.micro.Spreads;
import dev.periscope.analytics.micro.SupportResistance;
import dev.periscope.book.L3Book;
import dev.periscope.book.market.MarketState;
import dev.periscope.eval.DetectorSlots;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Participant;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.sim.GroundTruth;
import dev.periscope.sim.MarketSimulator;
import dev.periscope.sim.SimConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.tape.TapeRow;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Collects what the demo prints from the tape pipeline: price range, volume and its off-exchange share, CVD and its
 * hourly marks, buy/sell/unknown volume, session VWAP and band, the last closed footprint bars with POC and value
 * area, and every alert. The side of the latest print is kept for {@link MicroStats}.
 */
public final class TapeSummary implements TapeListener {
    static final ZoneId NY = ZoneId.of("America/New_York");

    /** A closed bar with its value area, copied (the builder reuses its bar). */
    record Bar(FootprintBar bar, long poc, long val, long vah, boolean vaValid) {}

    final int keep;
    final ArrayDeque<Bar> bars = new ArrayDeque<>();
    final List<Alert> alerts = new ArrayList<>();
    final List<String> hourly = new ArrayList<>();
    long prints, offExchangePrints, offExchangeVolume, volume, open = Px.NONE, high = Px.NONE, low = Px.NONE, last = Px.NONE;
    long cvd, buy, sell, unknown;
    double vwap, vwapSd;
    int lastHour = -1;
    byte lastSide;
    long lastTradeId;

    /** Keeps the last {@code keep} closed bars with their value areas. */
    public TapeSummary(int keep) { this.keep = keep; }

    @Override
    public void onTrade(TradeEvent t, TapeRow row) {
        prints++;
        lastSide = row.side;
        lastTradeId = t.tradeId;
        if (!row.counted || !dev.periscope.analytics.flow.PrintFlags.volume(row.printFlags)) return;
        volume += t.size;
        if (t.venue == 'D') { offExchangePrints++; offExchangeVolume += t.size; }
        if (dev.periscope.analytics.flow.PrintFlags.last(row.printFlags)) {
            if (open == Px.NONE) open = t.price;
            last = t.price;
            if (high == Px.NONE || t.price > high) high = t.price;
            if (low == Px.NONE || t.price < low) low = t.price;
        }
        if (row.side > 0) buy += t.size; else if (row.side < 0) sell += t.size; else unknown += t.size;
        cvd = row.cvd;
        int hour = DemoReport.inst(t.tsEvent).atZone(NY).getHour();
        if (hour != lastHour) {
            if (lastHour >= 0) hourly.add(String.format(Locale.ROOT, "%02d:00 %+,d", hour, cvd / Px.SCALE));
            lastHour = hour;
        }
    }

    @Override
    public void onBar(FootprintBar bar, ValueArea.Result va, TapeRow atClose) {
        if (atClose.vwapReady) { vwap = atClose.vwap; vwapSd = atClose.vwapSd; }
        boolean ok = va.isValid();
        bars.addLast(new Bar(bar.copy(), ok ? va.pocRow() * bar.rowSize() : Px.NONE,
                ok ? va.lowRow() * bar.rowSize() : Px.NONE, ok ? va.highRow() * bar.rowSize() : Px.NONE, ok));
        if (bars.size() > keep) bars.removeFirst();
    }

    @Override
    public void onAlert(Alert a) { alerts.add(a); }
}
