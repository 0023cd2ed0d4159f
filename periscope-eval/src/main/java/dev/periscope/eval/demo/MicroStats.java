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
 * Book, spread and signing-accuracy side of the demo: book imbalance (Gould–Bonart 2016) and support/resistance
 * sampled once per second from the L3 book, NBBO quoted and effective spreads (SEC Rule 605) and the spread regime,
 * and the share of prints whose Lee–Ready side equals the simulator's true aggressor. Reads the L3 book and the NBBO
 * from the tape's market state, so it runs after the tape processor in a {@code Tee}.
 */
public final class MicroStats implements MarketDataHandler {
    final TapeProcessor tape;
    final GroundTruth truth;
    final TapeSummary col;
    MarketState market;
    final BookImbalance imbalance = new BookImbalance();
    final SpreadRegime regime = new SpreadRegime();
    final SupportResistance sr = new SupportResistance();
    long orders, signedChecked, signedRight, unsigned, quotedN, effN, regimeSamples, wideSamples, tightSamples;
    double quotedBpsSum, effBpsSum;
    long nextSample;

    public MicroStats(TapeProcessor tape, GroundTruth truth, TapeSummary col) {
        this.tape = tape;
        this.truth = truth;
        this.col = col;
    }

    @Override
    public void onOrder(OrderEvent e) {
        if (market == null) market = tape.market(e.instrument);
        if (!market.isL3Venue(e.venue)) return;
        orders++;
        L3Book book = market.l3();
        if (e.tsEvent >= nextSample) {          // sample the book once per second of event time
            nextSample = e.tsEvent + 1_000_000_000L;
            imbalance.update(book);
            sr.update(e.tsEvent, book);
        }
    }

    @Override
    public void onQuote(QuoteEvent q) {
        if (q.venue == QuoteEvent.NBBO) return;
        if (market == null) market = tape.market(q.instrument);
        if (market.quoteChangedNbbo() && Spreads.isValidQuote(market.bid(), market.ask())) {
            double bps = Spreads.quotedBps(market.bid(), market.ask());
            quotedBpsSum += bps;
            quotedN++;
            regime.update(q.tsEvent, bps);
            if (regime.isReady()) {
                regimeSamples++;
                SpreadRegime.Regime r = regime.regime();
                if (r == SpreadRegime.Regime.WIDE) wideSamples++;
                else if (r == SpreadRegime.Regime.TIGHT) tightSamples++;
            }
        }
    }

    @Override
    public void onTrade(TradeEvent t) {
        // runs after the tape processor (Tee order): col.lastSide is this print's side
        byte side = col.lastSide;
        if (side == Aggressor.UNKNOWN) { unsigned++; return; }
        byte truthSide = truth.aggressor(t.tradeId);
        if (truthSide != Aggressor.UNKNOWN) {
            signedChecked++;
            if (truthSide == side) signedRight++;
        }
        if (market == null) market = tape.market(t.instrument);
        if (Spreads.isValidQuote(market.bid(), market.ask())) {
            effBpsSum += Spreads.effectiveBps(t.price, side, market.bid(), market.ask());
            effN++;
        }
    }
}
