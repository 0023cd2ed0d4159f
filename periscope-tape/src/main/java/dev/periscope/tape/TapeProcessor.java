package dev.periscope.tape;

import dev.periscope.analytics.detect.AbsorptionDetector;
import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.detect.AlertSink;
import dev.periscope.analytics.detect.BlockDetector;
import dev.periscope.analytics.detect.DeltaDivergenceDetector;
import dev.periscope.analytics.detect.Detector;
import dev.periscope.analytics.detect.DetectorSet;
import dev.periscope.analytics.detect.MutablePrintContext;
import dev.periscope.analytics.detect.SweepDetector;
import dev.periscope.analytics.detect.TradeDetector;
import dev.periscope.analytics.flow.CumulativeDelta;
import dev.periscope.analytics.flow.FootprintBar;
import dev.periscope.analytics.flow.FootprintBarBuilder;
import dev.periscope.analytics.flow.FootprintBarListener;
import dev.periscope.analytics.flow.PrintFlags;
import dev.periscope.analytics.flow.SessionVwap;
import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.analytics.signing.TradeSigner;
import dev.periscope.book.market.MarketState;
import dev.periscope.book.nbbo.NbboBuilder;
import dev.periscope.model.Aggressor;
import dev.periscope.model.AssetClass;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.time.SessionPhase;
import dev.periscope.model.time.TradingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The tape pipeline: per instrument, every event updates the instrument's {@link MarketState} once (venue quotes
 * and NBBO, the L3 book of {@link TapeConfig#l3Venue()}, last sale, session), then venue quotes → trade signing
 * → session CVD and VWAP → footprint bars with value area → detectors (each fed the roles it takes: prints as a
 * {@link dev.periscope.analytics.detect.PrintContext} over that market state, quotes, L3 order events), reporting
 * every print, bar and alert to a {@link TapeListener}. One code path for file replay, the simulator and (later)
 * live feeds: it is just a {@link MarketDataHandler}.
 *
 * <p>Order of operations per print: the sale conditions decide what the print may update
 * ({@link PrintFlags#ofConditions}) and whether it may be signed ({@link SaleCondition#isSignable}); a published
 * aggressor (crypto venues, LOBSTER) is used as is, otherwise the configured method signs it against the NBBO
 * prevailing before the print. Prints outside every session of the calendar (and, with
 * {@code regularHoursOnly}, outside regular hours) are reported but update nothing.
 *
 * <p>Allocation-free per event after each instrument's first event, except for alerts (rare by construction).
 * Single-threaded.
 */
public final class TapeProcessor implements MarketDataHandler {
    private final TapeConfig config;
    private final TapeListener listener;
    private final BiFunction<Instrument, AlertSink, DetectorSet> detectors;
    /** States by instrument value; readers of different files hold distinct but equal Instrument objects. */
    private final Map<Instrument, State> states = new java.util.HashMap<>();
    /** Identity cache in front of {@link #states}: no hashing of record fields per event. */
    private final Map<Instrument, State> byIdentity = new IdentityHashMap<>();
    private Instrument lastInstrument;
    private State last;
    private long trades, quotes, unsignedPrints, outsideSession;

    /** A processor running the default detectors (block, sweep, absorption) for each instrument. */
    public TapeProcessor(TapeConfig config, TapeListener listener) {
        this(config, listener, TapeProcessor::defaultDetectors);
    }

    /** A processor with a detector factory called once per instrument (detectors are stateful). */
    public TapeProcessor(TapeConfig config, TapeListener listener, Function<Instrument, ? extends Detector[]> detectors) {
        this(config, listener, (inst, sink) -> new DetectorSet(sink, detectors.apply(inst)));
    }

    /**
     * A processor with a detector-set factory called once per instrument with the sink that reports alerts to the
     * listener; a set may route some detectors' alerts elsewhere.
     */
    public TapeProcessor(TapeConfig config, TapeListener listener, BiFunction<Instrument, AlertSink, DetectorSet> detectors) {
        this.config = config;
        this.listener = listener;
        this.detectors = detectors;
    }

    /**
     * Block (size-based for equities, see BlockDetector.Params), sweep (OF-12, calibrated), absorption and
     * delta/price divergence (5-minute bars, 20-bar extremes) detectors. Absorption uses the instrument's tick, a
     * 30-second window with |delta| at least 0.75 x the session's average volume per window (calibrated on the
     * simulator's planted absorption: docs/detect-eval.md) and, for equities, a 5,000-share floor so that thin
     * pre-market minutes do not raise alerts on a few shares.
     */
    public static TradeDetector[] defaultDetectors(Instrument instrument) {
        boolean equity = instrument.assetClass() == AssetClass.EQUITY;
        AbsorptionDetector.Params abs = new AbsorptionDetector.Params(30_000_000_000L, instrument.tickSize(), 1,
                equity ? Px.ofUnits(5_000) : 0, 0.75, 10, 2, AbsorptionDetector.Params.DEFAULT.excludedConditions());
        BlockDetector.Params block = equity || instrument.assetClass() == AssetClass.CRYPTO_SPOT
                || instrument.assetClass() == AssetClass.CRYPTO_PERP
                ? BlockDetector.Params.forAssetClass(instrument.assetClass()) : BlockDetector.Params.US_EQUITY;
        return new TradeDetector[]{new BlockDetector(block), new SweepDetector(), new AbsorptionDetector(abs),
                new DeltaDivergenceDetector()};
    }

    private final class State implements FootprintBarListener, AlertSink {
        final TradeSigner signer = new TradeSigner(4096, config.quoteLagNanos());
        final MarketState market = new MarketState(config.excludedNbboVenues(), config.l3Venue(), config.l3Book());
        final MutablePrintContext print = new MutablePrintContext(market);
        final CumulativeDelta cvd = new CumulativeDelta();
        final SessionVwap vwap = new SessionVwap();
        final FootprintBarBuilder bars;
        final DetectorSet detectorSet;
        final ValueArea.Result va = new ValueArea.Result();
        final TapeRow row = new TapeRow();
        int openedSession = Integer.MIN_VALUE;

        State(Instrument instrument) {
            bars = switch (config.barKind()) {
                case TIME -> FootprintBarBuilder.time(config.barSize(), config.rowSize(), this);
                case VOLUME -> FootprintBarBuilder.volume(config.barSize(), config.rowSize(), this);
                case TICK -> FootprintBarBuilder.ticks(Math.toIntExact(config.barSize()), config.rowSize(), this);
            };
            detectorSet = detectors.apply(instrument, this);
        }

        @Override
        public void onBar(FootprintBar bar) {
            bar.valueArea(config.valueArea(), va);
            listener.onBar(bar, va, row);
        }

        @Override
        public void accept(Alert alert) {
            listener.onAlert(alert);
        }
    }

    private State state(Instrument instrument) {
        if (instrument == lastInstrument && last != null) return last;
        State s = byIdentity.get(instrument);
        if (s == null) {
            s = states.computeIfAbsent(instrument, State::new);
            byIdentity.put(instrument, s);
        }
        lastInstrument = instrument;
        last = s;
        return s;
    }

    @Override
    public void onQuote(QuoteEvent q) {
        quotes++;
        State s = state(q.instrument);
        MarketState m = s.market;
        if (m.onQuote(q)) s.signer.onQuote(q.tsEvent, m.bid(), m.ask());
        if (s.detectorSet.takesQuotes()) {
            int key = config.calendar().sessionKey(q.tsEvent);
            if (key >= 0) s.detectorSet.onQuote(key, q);
        }
    }

    /**
     * An L3 order event: applied to the market state's book when it belongs to the L3 venue, then, inside a
     * session, fed to the detectors that take order events.
     */
    @Override
    public void onOrder(OrderEvent e) {
        State s = state(e.instrument);
        if (!s.market.onOrder(e) || !s.detectorSet.takesOrders()) return;
        int key = config.calendar().sessionKey(e.tsEvent);
        if (key >= 0) s.detectorSet.onOrder(key, e);
    }

    @Override
    public void onTrade(TradeEvent t) {
        trades++;
        State s = state(t.instrument);
        TapeRow row = s.row;
        long ts = t.tsEvent;
        int key = config.calendar().sessionKey(ts);
        boolean counted = key >= 0;
        if (counted && config.regularHoursOnly()) {
            SessionPhase ph = config.calendar().phase(ts);
            counted = ph == SessionPhase.REGULAR || ph == SessionPhase.CONTINUOUS;
        }
        row.sessionKey = key;
        row.counted = counted;
        row.printFlags = PrintFlags.ofConditions(t.conditions);
        row.signable = SaleCondition.isSignable(t.conditions);
        // the NBBO in force now; a signed print reports the quote its signing used instead (it honours the lag)
        MarketState m = s.market;
        m.session(key);
        row.bid = m.bid();
        row.ask = m.ask();
        byte side;
        if (t.aggressor != Aggressor.UNKNOWN) {
            side = t.aggressor;
        } else if (row.signable && counted) {
            side = s.signer.sign(config.method(), ts, t.price);
            row.bid = s.signer.lastBid();
            row.ask = s.signer.lastAsk();
        } else {
            side = Aggressor.UNKNOWN;
        }
        row.side = side;
        m.onTrade(ts, t.price, t.size, PrintFlags.last(row.printFlags));
        if (!counted) {
            outsideSession++;
            listener.onTrade(t, row);
            return;
        }
        if (side == Aggressor.UNKNOWN) unsignedPrints++;
        if (key != s.openedSession) {
            s.openedSession = key;
            long open = sessionOpen(key, ts);
            s.bars.onSessionOpen(key, open);
        }
        // time bars whose end has passed close before this print, so they report the CVD as of their end
        s.bars.advanceTo(ts);
        s.cvd.onTrade(t.size, side, row.printFlags, key);
        s.vwap.onTrade(t.price, t.size, row.printFlags, key);
        row.cvd = s.cvd.cvd();
        row.vwapReady = s.vwap.isReady();
        row.vwap = row.vwapReady ? s.vwap.vwap() : 0.0;
        row.vwapSd = row.vwapReady ? s.vwap.stdDev() : 0.0;
        listener.onTrade(t, row);
        s.bars.onTrade(ts, t.price, t.size, side, row.printFlags, key);
        s.detectorSet.onTrade(s.print.set(key, ts, t.price, t.size, t.venue, t.conditions, side, row.bid, row.ask));
    }

    /** Anchor of time bars: the regular open of the session's date, or the UTC day start for 24x7 calendars. */
    private long sessionOpen(int key, long ts) {
        LocalDate d = LocalDate.of(key / 10000, (key / 100) % 100, key % 100);
        long open = config.calendar().regularOpen(d);
        if (open >= 0) return open;
        return Instant.ofEpochSecond(ts / 1_000_000_000L).atZone(ZoneId.of("UTC")).toLocalDate()
                .atStartOfDay(ZoneId.of("UTC")).toEpochSecond() * 1_000_000_000L;
    }

    @Override
    public void onEnd() {
        for (State s : states.values()) {
            s.bars.flush();
            s.detectorSet.flush();
        }
        listener.onEnd();
    }

    public long trades() { return trades; }

    public long quotes() { return quotes; }

    /** Counted prints left unsigned (not signable by condition, or undecidable by the method). */
    public long unsignedPrints() { return unsignedPrints; }

    /** Prints outside every session (or outside RTH with regularHoursOnly): reported, not counted. */
    public long outsideSession() { return outsideSession; }

    /** Session CVD of an instrument so far (0 if unseen). */
    public long cvd(Instrument instrument) {
        State s = states.get(instrument);
        return s == null ? 0 : s.cvd.cvd();
    }

    /** The instruments seen, in first-seen order is not guaranteed: callers sort by id. */
    public java.util.Set<Instrument> instruments() { return java.util.Collections.unmodifiableSet(states.keySet()); }

    /** Prevailing NBBO builder of an instrument (null if unseen). */
    public NbboBuilder nbbo(Instrument instrument) {
        MarketState m = market(instrument);
        return m == null ? null : m.venueQuotes();
    }

    /** The market state of an instrument (null if unseen): read it, do not feed it. */
    public MarketState market(Instrument instrument) {
        State s = states.get(instrument);
        return s == null ? null : s.market;
    }

}
