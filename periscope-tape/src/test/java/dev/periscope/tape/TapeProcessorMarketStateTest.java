package dev.periscope.tape;

import dev.periscope.analytics.detect.AlertSink;
import dev.periscope.analytics.detect.OrderEventDetector;
import dev.periscope.analytics.detect.PrintContext;
import dev.periscope.analytics.detect.QuoteDetector;
import dev.periscope.analytics.detect.TradeDetector;
import dev.periscope.book.market.MarketState;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.time.NyseCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tape updates each instrument's market state once per event, before any detector reads it. */
class TapeProcessorMarketStateTest {
    private static final Instrument XYZ = Instrument.usEquity("XYZ");
    private static final long T0 = LocalDate.of(2026, 11, 20).atTime(LocalTime.of(10, 0))
            .atZone(ZoneId.of("America/New_York")).toInstant().toEpochMilli() * 1_000_000L;

    /** Records, per event it is fed, the market state's event count and NBBO as it saw them. */
    private static final class Probe implements TradeDetector, QuoteDetector, OrderEventDetector {
        final List<String> seen = new ArrayList<>();
        MarketState market;

        @Override public String name() { return "probe"; }

        @Override public String params() { return ""; }

        @Override public void flush(AlertSink sink) {}

        @Override
        public void onTrade(PrintContext p, AlertSink sink) {
            market = p.market();
            seen.add("T" + market.events() + " " + p.bid() + "/" + p.ask() + " last=" + market.lastPrice()
                    + " side=" + p.aggressor() + " session=" + p.session());
        }

        @Override
        public void onQuote(long session, QuoteEvent q, AlertSink sink) {
            seen.add("Q" + session + " " + q.venue);
        }

        @Override
        public void onOrder(long session, long ts, OrderEvent.Type type, long orderId, Side side, long price, long size,
                            char venue, AlertSink sink) {
            seen.add("O" + orderId + " " + venue);
        }
    }

    private static QuoteEvent quote(long ts, char venue, String bid, String ask) {
        QuoteEvent q = new QuoteEvent().set(ts, venue, Px.parse(bid), Px.ofUnits(100), Px.parse(ask), Px.ofUnits(100));
        q.instrument = XYZ;
        return q;
    }

    private static OrderEvent order(long ts, long id, char venue) {
        OrderEvent e = new OrderEvent().set(ts, OrderEvent.Type.ADD, id, Side.BUY, Px.parse("9.99"), Px.ofUnits(100));
        e.venue = venue;
        e.instrument = XYZ;
        return e;
    }

    @Test
    void everyEventUpdatesTheMarketStateOnceBeforeDetectorsReadIt() {
        Probe probe = new Probe();
        TapeProcessor tape = new TapeProcessor(TapeConfig.defaults(NyseCalendar.instance()).withL3Venue('Q').withL3Book(true),
                new TapeListener() {}, inst -> new dev.periscope.analytics.detect.Detector[]{probe});
        tape.onQuote(quote(T0, 'Q', "9.99", "10.01"));
        tape.onQuote(quote(T0 + 1, 'N', "10.00", "10.02"));      // NBBO 10.00 / 10.01
        tape.onOrder(order(T0 + 2, 7, 'Q'));
        tape.onOrder(order(T0 + 3, 8, 'N'));                      // not the L3 venue: not in the book, not fed
        TradeEvent t = new TradeEvent().set(T0 + 4, Px.parse("10.01"), Px.ofUnits(100), 'N', 0, (byte) 0);
        t.instrument = XYZ;
        tape.onTrade(t);
        tape.onEnd();

        MarketState m = tape.market(XYZ);
        assertThat(m.events()).isEqualTo(5);
        assertThat(m.l3().orderCount()).isEqualTo(1);
        assertThat(m.l3().contains(7)).isTrue();
        assertThat(m.bid()).isEqualTo(Px.parse("10.00"));
        assertThat(m.ask()).isEqualTo(Px.parse("10.01"));
        assertThat(m.lastPrice()).isEqualTo(Px.parse("10.01"));
        assertThat(m.session()).isEqualTo(20261120);
        assertThat(probe.market).isSameAs(m);
        // the print at the ask is a buy by Lee-Ready; the detector saw the fifth update and the NBBO it signed with
        assertThat(probe.seen).containsExactly("Q20261120 Q", "Q20261120 N", "O7 Q",
                "T5 " + Px.parse("10.00") + "/" + Px.parse("10.01") + " last=" + Px.parse("10.01") + " side=1 session=20261120");
    }

    @Test
    void quotesAndOrdersOutsideEverySessionReachTheStateButNoDetector() {
        Probe probe = new Probe();
        TapeProcessor tape = new TapeProcessor(TapeConfig.defaults(NyseCalendar.instance()).withL3Book(true),
                new TapeListener() {}, inst -> new dev.periscope.analytics.detect.Detector[]{probe});
        long night = T0 - 8 * 3_600_000_000_000L;                // 02:00 New York: no NYSE session
        tape.onQuote(quote(night, 'Q', "9.99", "10.01"));
        tape.onOrder(order(night, 1, 'Q'));
        assertThat(probe.seen).isEmpty();
        assertThat(tape.market(XYZ).events()).isEqualTo(2);
        assertThat(tape.market(XYZ).l3().orderCount()).isEqualTo(1);
        assertThat(tape.market(XYZ).bid()).isEqualTo(Px.parse("9.99"));
    }

    @Test
    void withoutTheL3BookOrderEventsStillReachTheOrderDetectorsOfTheL3Venue() {
        Probe probe = new Probe();
        TapeProcessor tape = new TapeProcessor(TapeConfig.defaults(NyseCalendar.instance()).withL3Venue('Q'),
                new TapeListener() {}, inst -> new dev.periscope.analytics.detect.Detector[]{probe});
        tape.onOrder(order(T0, 1, 'Q'));
        tape.onOrder(order(T0 + 1, 2, 'N'));
        assertThat(probe.seen).containsExactly("O1 Q");
        assertThat(tape.market(XYZ).l3().orderCount()).isZero();
        assertThat(tape.market(XYZ).events()).isEqualTo(2);
    }
}
