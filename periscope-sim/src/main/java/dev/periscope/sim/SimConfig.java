package dev.periscope.sim;

import dev.periscope.model.Participant;
import dev.periscope.model.Px;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything that determines a simulated session, in groups: {@link Session} (date and hours), {@link VenueSetup}
 * (lit venues, L3 and NBBO output, tape latencies), {@link PriceProcess} (latent price), {@link Agents} (order flow
 * of noise traders and market makers), {@link Strategies} (technical traders, meta-order styles), {@link Events}
 * (scheduled meta-orders, sweeps and off-exchange prints) and {@link Patterns} (planted L3 patterns). Two runs with
 * equal configs produce identical event streams. Rates are per second at the session-average activity of the regular
 * session (the intraday U-shape multiplies them); sizes are shares; prices are dollars as {@code double} only where
 * they seed the latent price, else fixed point. Every parameter also has a flat accessor ({@link #tick()},
 * {@link #limitRate()}, ...) and the common ones a wither. Defaults ({@link #defaults()}) and their rationale are
 * listed in {@code docs/simulator.md}.
 *
 * @param seed         seed of the {@link dev.periscope.model.random.SplitMix64} streams that drive the run
 * @param symbol       ticker printed on the tape
 * @param session      trading date, time zone and session hours
 * @param venueSetup   lit venues, L3 venue(s), NBBO quotes and tape latencies
 * @param priceProcess start price, tick, volatility, jumps and impact of the latent price
 * @param agents       arrival rates and parameters of noise traders, market makers and hidden midpoint orders
 * @param strategies   momentum and mean-reversion traders and the meta-orders' execution styles
 *                     ({@link Strategies#DEFAULTS})
 * @param events       numbers of scheduled meta-orders, news sweeps and off-exchange blocks, W and 4 prints
 * @param patterns     planted L3 patterns with labels ({@link Patterns#DEFAULTS})
 */
public record SimConfig(long seed, String symbol, Session session, VenueSetup venueSetup, PriceProcess priceProcess,
                        Agents agents, Strategies strategies, Events events, Patterns patterns) {

    public SimConfig {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(session, "session"); Objects.requireNonNull(venueSetup, "venueSetup");
        Objects.requireNonNull(priceProcess, "priceProcess"); Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(strategies, "strategies"); Objects.requireNonNull(events, "events");
        Objects.requireNonNull(patterns, "patterns");
    }

    /**
     * Trading date and hours.
     *
     * @param date          trading date (calendar is not checked: any date simulates)
     * @param zone          exchange time zone for the session hours (America/New_York)
     * @param regularOpen   regular-session open (09:30)
     * @param regularClose  regular-session close (16:00)
     * @param extendedOpen  start of simulated pre-market trading (08:00); equal to regularOpen for none
     * @param extendedClose end of simulated post-market trading (17:00); equal to regularClose for none
     */
    public record Session(LocalDate date, ZoneId zone, LocalTime regularOpen, LocalTime regularClose,
                          LocalTime extendedOpen, LocalTime extendedClose) {
        public Session {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(zone, "zone");
            if (!regularOpen.isBefore(regularClose)) throw new IllegalArgumentException("regularOpen must be before regularClose");
            if (extendedOpen.isAfter(regularOpen) || extendedClose.isBefore(regularClose))
                throw new IllegalArgumentException("extended hours must contain the regular session");
        }

        public Session withDate(LocalDate d) { return new Session(d, zone, regularOpen, regularClose, extendedOpen, extendedClose); }

        /** Pre/post-market trading hours around the regular session (pass the regular open/close for none). */
        public Session withExtendedHours(LocalTime open, LocalTime close) {
            return new Session(date, zone, regularOpen, regularClose, open, close);
        }

        /** Regular session hours; {@code extended=false} drops pre/post-market trading. */
        public Session withHours(LocalTime open, LocalTime close, boolean extended) {
            LocalTime eo = extended && extendedOpen.isBefore(open) ? extendedOpen : open;
            LocalTime ec = extended && extendedClose.isAfter(close) ? extendedClose : close;
            return new Session(date, zone, open, close, eo, ec);
        }
    }

    /**
     * The lit venues and what the simulator emits of them.
     *
     * @param venues            lit venues in the fixed iteration order, with their share of lit order flow
     * @param l3Venue           the primary L3 venue: its order-by-order messages are always emitted as OrderEvents
     * @param l3AllVenues       emit the L3 messages of every lit venue (true), or of {@code l3Venue} only (false, as
     *                          before); either way {@code l3Venue} is the venue of the primary LOBSTER files and of
     *                          the L3 detectors, and trades and quotes are the same draw for draw
     * @param emitNbbo          also emit the NBBO as QuoteEvents with venue {@code '*'} (false)
     * @param tapeLatencyMicros mean (exponential) delay of a lit print on the consolidated tape after its execution,
     *                          in microseconds, times the venue's {@link Venue#latencyFactor()}; quotes and L3
     *                          messages are not delayed (250)
     * @param trfLatencyMillis  mean (exponential) delay of an off-exchange print's TRF report, in ms (5)
     */
    public record VenueSetup(List<Venue> venues, char l3Venue, boolean l3AllVenues, boolean emitNbbo,
                             double tapeLatencyMicros, double trfLatencyMillis) {
        public VenueSetup {
            venues = List.copyOf(venues);
            if (venues.isEmpty()) throw new IllegalArgumentException("no lit venues");
            boolean found = false;
            for (int i = 0; i < venues.size(); i++) {
                for (int j = 0; j < i; j++)
                    if (venues.get(j).code() == venues.get(i).code()) throw new IllegalArgumentException("duplicate venue " + venues.get(i).code());
                if (venues.get(i).code() == l3Venue) found = true;
            }
            if (!found) throw new IllegalArgumentException("l3Venue " + l3Venue + " is not one of the lit venues");
            positive("tapeLatencyMicros", tapeLatencyMicros, true);
            positive("trfLatencyMillis", trfLatencyMillis, true);
        }

        public VenueSetup withVenues(List<Venue> vs) { return new VenueSetup(vs, l3Venue, l3AllVenues, emitNbbo, tapeLatencyMicros, trfLatencyMillis); }

        public VenueSetup withL3(char v, boolean all) { return new VenueSetup(venues, v, all, emitNbbo, tapeLatencyMicros, trfLatencyMillis); }

        public VenueSetup withEmitNbbo(boolean emit) { return new VenueSetup(venues, l3Venue, l3AllVenues, emit, tapeLatencyMicros, trfLatencyMillis); }

        public VenueSetup withTapeLatency(double litMicros, double trfMillis) {
            return new VenueSetup(venues, l3Venue, l3AllVenues, emitNbbo, litMicros, trfMillis);
        }
    }

    /**
     * The latent (fair) price process.
     *
     * @param startPrice      opening latent price in dollars (100.0); 100 to 100,000 ticks
     * @param tick            minimum price increment, fixed point ($0.01)
     * @param dailyVolatility diffusive volatility of the latent log price over one regular session (0.015)
     * @param impactPerShare  permanent log-price impact per share of lit aggressive volume (5e-9)
     * @param jumpsPerDay     Poisson rate of small latent-price jumps over the regular session (12)
     * @param jumpSize        standard deviation of a small jump, as a log return (0.0012)
     */
    public record PriceProcess(double startPrice, long tick, double dailyVolatility, double impactPerShare,
                               double jumpsPerDay, double jumpSize) {
        public PriceProcess {
            if (tick <= 0) throw new IllegalArgumentException("tick must be > 0");
            if (!(startPrice > 0) || !Double.isFinite(startPrice)) throw new IllegalArgumentException("startPrice must be > 0");
            if (Px.ofDouble(startPrice) / tick < 100) throw new IllegalArgumentException("startPrice must be at least 100 ticks");
            // each venue's book is a ladder of 3 x startPrice/tick levels (about 32 bytes each)
            if (Px.ofDouble(startPrice) / tick > 100_000) throw new IllegalArgumentException("startPrice/tick at most 100,000 ticks");
            positive("dailyVolatility", dailyVolatility, true);
            positive("impactPerShare", impactPerShare, true);
            positive("jumpsPerDay", jumpsPerDay, true);
            positive("jumpSize", jumpSize, true);
        }

        public PriceProcess withStartPrice(double px) { return new PriceProcess(px, tick, dailyVolatility, impactPerShare, jumpsPerDay, jumpSize); }
    }

    /**
     * Order flow of the noise traders, off-exchange printers and market makers.
     *
     * @param intensity           multiplier of every order-arrival rate below (1.0)
     * @param limitRate           noise limit-order arrivals per second (12)
     * @param marketRate          noise marketable-order arrivals per second (2.5)
     * @param cancelRate          cancellation hazard per resting noise order per second (1/20)
     * @param offExchangeRate     off-exchange (retail internalization and dark midpoint) prints per second (1.8)
     * @param extendedActivity    activity in pre/post market relative to the regular-session average (0.04)
     * @param mmLevels            price levels each venue's market maker quotes per side (5)
     * @param mmHalfSpreadTicks   market makers' half spread around the latent price, in ticks (1.0)
     * @param hiddenMidpointShare fraction of noise limit orders sent as hidden midpoint-peg orders to a lit venue;
     *                            half of the marketable orders meet them at the NBBO midpoint first (0.03)
     */
    public record Agents(double intensity, double limitRate, double marketRate, double cancelRate, double offExchangeRate,
                         double extendedActivity, int mmLevels, double mmHalfSpreadTicks, double hiddenMidpointShare) {
        public Agents {
            positive("intensity", intensity, false);
            positive("limitRate", limitRate, false);
            positive("marketRate", marketRate, false);
            positive("cancelRate", cancelRate, false);
            positive("offExchangeRate", offExchangeRate, true);
            positive("extendedActivity", extendedActivity, true);
            positive("mmHalfSpreadTicks", mmHalfSpreadTicks, false);
            positive("hiddenMidpointShare", hiddenMidpointShare, true);
            if (hiddenMidpointShare > 0.5) throw new IllegalArgumentException("hiddenMidpointShare at most 0.5");
            if (mmLevels < 1 || mmLevels > 50) throw new IllegalArgumentException("mmLevels 1..50");
        }

        public Agents withIntensity(double x) {
            return new Agents(x, limitRate, marketRate, cancelRate, offExchangeRate, extendedActivity, mmLevels, mmHalfSpreadTicks, hiddenMidpointShare);
        }

        public Agents withHiddenMidpointShare(double share) {
            return new Agents(intensity, limitRate, marketRate, cancelRate, offExchangeRate, extendedActivity, mmLevels, mmHalfSpreadTicks, share);
        }
    }

    /**
     * Numbers of scheduled, labelled events (see docs/simulator.md).
     *
     * @param metaOrders               institutional meta-orders (3; styles from {@link Strategies#metaStyles})
     * @param metaOrderShares          shares per meta-order (400,000)
     * @param sweeps                   news-driven ISO sweeps across all lit venues (3)
     * @param blocks                   off-exchange block prints of at least 10,000 shares (4)
     * @param averagePricePrints       off-exchange average-price ('W') prints (2)
     * @param derivativelyPricedPrints off-exchange derivatively priced ('4') prints (2)
     */
    public record Events(int metaOrders, long metaOrderShares, int sweeps, int blocks, int averagePricePrints,
                         int derivativelyPricedPrints) {
        public Events {
            if (metaOrders < 0 || sweeps < 0 || blocks < 0 || averagePricePrints < 0 || derivativelyPricedPrints < 0)
                throw new IllegalArgumentException("negative event count");
            if (metaOrderShares < 100) throw new IllegalArgumentException("metaOrderShares must be >= 100");
            if (metaOrders > 100) throw new IllegalArgumentException("at most 100 meta-orders");
        }
    }

    /**
     * Counts of the planted, labelled patterns of {@link GroundTruth#labels()} beyond those above (sweeps, blocks,
     * meta-orders): all on the L3 venue, in the regular session. See docs/simulator.md for their behaviour.
     *
     * @param icebergs    iceberg orders (small displayed size refilled at one price from a hidden reserve) (4)
     * @param spoofs      spoofing/layering episodes (large orders 2-5 ticks from the touch, cancelled after the
     *                    spoofer's genuine order on the other side traded or the price moved) (6)
     * @param absorptions absorption episodes (a large passive buyer or seller refilled at one price soaks up a
     *                    burst of aggressive orders) (3)
     */
    public record Patterns(int icebergs, int spoofs, int absorptions) {
        /** The documented defaults: 4 icebergs, 6 spoofs, 3 absorptions per session. */
        public static final Patterns DEFAULTS = new Patterns(4, 6, 3);
        /** No planted L3 patterns (only the scheduled sweeps, blocks and meta-orders are labelled). */
        public static final Patterns NONE = new Patterns(0, 0, 0);

        public Patterns {
            if (icebergs < 0 || spoofs < 0 || absorptions < 0) throw new IllegalArgumentException("negative pattern count");
            if (icebergs + spoofs + absorptions > 1000) throw new IllegalArgumentException("at most 1000 planted patterns");
        }
    }

    /** How a meta-order schedules its child orders (docs/simulator.md, "Meta-orders"). */
    public enum ExecutionStyle {
        /** Children at equal quantiles of the expected intraday volume (U-shaped profile) over the window. */
        VWAP,
        /** Children evenly spaced in clock time over the window (small jitter). */
        TWAP,
        /** Percentage of volume: children sent whenever own volume falls behind {@link Strategies#povRate} of all volume since the start. */
        POV
    }

    /**
     * Technical traders and execution styles (Chiarella, Iori &amp; Perell&oacute; 2009, "The impact of heterogeneous trading
     * rules on the limit order book and order flows", JEDC 33: chartists extrapolate the recent trend,
     * fundamentalists trade back towards a reference price). Both signals read the NBBO midpoint only (not the
     * latent price): momentum traders buy when the mid is above its exponential moving average over
     * {@code trendSeconds} and sell below it; mean-reversion traders sell when it is above its average over
     * {@code meanSeconds} and buy below it. Each trades at {@code rate * activity * z^2/(1+z^2)} orders per second,
     * z = the mid's deviation from its average in units of the deviation's own EWMA standard deviation, so they are
     * quiet when the signal is weak. Their sizes and venues come from a random stream of their own.
     *
     * @param momentumRate      peak order rate of the momentum traders per second (1.6); 0 for none
     * @param meanReversionRate peak order rate of the mean-reversion traders per second (1.6); 0 for none
     * @param trendSeconds      time constant of the momentum EMA (300 s)
     * @param meanSeconds       time constant of the mean-reversion EMA (1,800 s)
     * @param metaStyles        execution style of meta-order 0, 1, 2, ...; meta-orders beyond the list are VWAP
     * @param povRate           participation rate of POV meta-orders, share of all volume (0.085)
     */
    public record Strategies(double momentumRate, double meanReversionRate, double trendSeconds, double meanSeconds,
                             List<ExecutionStyle> metaStyles, double povRate) {
        /** The documented defaults: both trader types at 1.6 orders/s peak, meta-orders VWAP, TWAP, POV at 8.5 %. */
        public static final Strategies DEFAULTS = new Strategies(1.6, 1.6, 300, 1800,
                List.of(ExecutionStyle.VWAP, ExecutionStyle.TWAP, ExecutionStyle.POV), 0.085);
        /** No technical traders and VWAP meta-orders only: the market of versions before them, draw for draw. */
        public static final Strategies NONE = new Strategies(0, 0, 300, 1800, List.of(), 0.085);

        public Strategies {
            metaStyles = List.copyOf(metaStyles);
            if (!(momentumRate >= 0 && momentumRate <= 100) || !(meanReversionRate >= 0 && meanReversionRate <= 100))
                throw new IllegalArgumentException("trader rates must be in [0, 100] per second");
            if (!(trendSeconds > 0) || !(meanSeconds > 0) || !Double.isFinite(trendSeconds) || !Double.isFinite(meanSeconds))
                throw new IllegalArgumentException("EMA time constants must be > 0");
            if (!(povRate > 0 && povRate <= 0.5)) throw new IllegalArgumentException("povRate must be in (0, 0.5]: " + povRate);
        }

        /** Style of meta-order {@code m} (0-based). */
        public ExecutionStyle style(int m) { return m < metaStyles.size() ? metaStyles.get(m) : ExecutionStyle.VWAP; }
    }

    /**
     * A lit venue, its share of lit order flow (market makers' size and noise-order routing weights) and its
     * reporting latency to the consolidated tape.
     *
     * @param code          participant code (N, Q, P, Z, V, ...), never D
     * @param share         relative weight, &gt; 0
     * @param latencyFactor the venue's mean print-reporting delay as a multiple of {@link #tapeLatencyMicros()}
     *                      (1.0 = the common mean; 0 = reported at execution), finite, 0 to 100
     */
    public record Venue(char code, double share, double latencyFactor) {
        public Venue {
            Participant p = Participant.ofCode(code);
            if (p == null || p.isOffExchange()) throw new IllegalArgumentException("not a lit participant code: " + code);
            if (!(share > 0)) throw new IllegalArgumentException("venue share must be > 0: " + share);
            if (!(latencyFactor >= 0 && latencyFactor <= 100)) throw new IllegalArgumentException("latencyFactor in [0, 100]: " + latencyFactor);
        }

        /** A venue reporting with the common mean latency (factor 1). */
        public Venue(char code, double share) { this(code, share, 1.0); }
    }

    /**
     * Lit venues of the default config in iteration order: NYSE, Nasdaq, Arca, BZX, IEX, with their own reporting
     * latencies (mean 325, 175, 300, 225, 350 us at the default 250 us): Nasdaq's and Cboe's matching engines sit
     * in the same data centres as their SIP processors, NYSE and Arca report from Mahwah to the SIP, and IEX adds its
     * 350 us speed bump; the ordering, not the exact values, is the point (docs/simulator.md).
     */
    public static final List<Venue> DEFAULT_VENUES = List.of(
            new Venue('N', 0.22, 1.3), new Venue('Q', 0.30, 0.7), new Venue('P', 0.18, 1.2), new Venue('Z', 0.20, 0.9),
            new Venue('V', 0.10, 1.4));

    /** The default venues with the common latency (every factor 1.0), as before venue latencies existed. */
    public static final List<Venue> UNIFORM_LATENCY_VENUES = List.of(
            new Venue('N', 0.22), new Venue('Q', 0.30), new Venue('P', 0.18), new Venue('Z', 0.20), new Venue('V', 0.10));

    private static void positive(String name, double v, boolean zeroOk) {
        if (!Double.isFinite(v) || v < 0 || (!zeroOk && v == 0)) throw new IllegalArgumentException(name + " must be " + (zeroOk ? ">= 0" : "> 0") + ": " + v);
    }

    /** The documented defaults: symbol SIM, 2026-11-24, seed 42. */
    public static SimConfig defaults() {
        return new SimConfig(42L, "SIM",
                new Session(LocalDate.of(2026, 11, 24), ZoneId.of("America/New_York"),
                        LocalTime.of(9, 30), LocalTime.of(16, 0), LocalTime.of(8, 0), LocalTime.of(17, 0)),
                new VenueSetup(DEFAULT_VENUES, 'Q', true, false, 250, 5),
                new PriceProcess(100.0, Px.SCALE / 100, 0.015, 5e-9, 12, 0.0012),
                new Agents(1.0, 12.0, 2.5, 1.0 / 20, 1.8, 0.04, 5, 1.0, 0.03),
                Strategies.DEFAULTS,
                new Events(3, 400_000, 3, 4, 2, 2),
                Patterns.DEFAULTS);
    }

    /**
     * The flat configuration of earlier versions (kept for its callers): the default {@link Patterns}, no
     * technical traders and VWAP meta-orders only ({@link Strategies#NONE}), L3 messages of {@code l3Venue} only.
     */
    public SimConfig(long seed, String symbol, LocalDate date, ZoneId zone, List<Venue> venues, char l3Venue,
                     LocalTime regularOpen, LocalTime regularClose, LocalTime extendedOpen, LocalTime extendedClose,
                     double startPrice, long tick, double dailyVolatility, double intensity, double limitRate,
                     double marketRate, double cancelRate, double offExchangeRate, double extendedActivity, int mmLevels,
                     double mmHalfSpreadTicks, double impactPerShare, double jumpsPerDay, double jumpSize, int metaOrders,
                     long metaOrderShares, int sweeps, int blocks, int averagePricePrints, int derivativelyPricedPrints,
                     boolean emitNbbo, double tapeLatencyMicros, double trfLatencyMillis, double hiddenMidpointShare) {
        this(seed, symbol, new Session(date, zone, regularOpen, regularClose, extendedOpen, extendedClose),
                new VenueSetup(venues, l3Venue, false, emitNbbo, tapeLatencyMicros, trfLatencyMillis),
                new PriceProcess(startPrice, tick, dailyVolatility, impactPerShare, jumpsPerDay, jumpSize),
                new Agents(intensity, limitRate, marketRate, cancelRate, offExchangeRate, extendedActivity, mmLevels,
                        mmHalfSpreadTicks, hiddenMidpointShare),
                Strategies.NONE,
                new Events(metaOrders, metaOrderShares, sweeps, blocks, averagePricePrints, derivativelyPricedPrints),
                Patterns.DEFAULTS);
    }

    // ------------------------------------------------------------------ flat accessors (see the groups)

    public LocalDate date() { return session.date(); }
    public ZoneId zone() { return session.zone(); }
    public LocalTime regularOpen() { return session.regularOpen(); }
    public LocalTime regularClose() { return session.regularClose(); }
    public LocalTime extendedOpen() { return session.extendedOpen(); }
    public LocalTime extendedClose() { return session.extendedClose(); }
    public List<Venue> venues() { return venueSetup.venues(); }
    public char l3Venue() { return venueSetup.l3Venue(); }
    public boolean l3AllVenues() { return venueSetup.l3AllVenues(); }
    public boolean emitNbbo() { return venueSetup.emitNbbo(); }
    public double tapeLatencyMicros() { return venueSetup.tapeLatencyMicros(); }
    public double trfLatencyMillis() { return venueSetup.trfLatencyMillis(); }
    public double startPrice() { return priceProcess.startPrice(); }
    public long tick() { return priceProcess.tick(); }
    public double dailyVolatility() { return priceProcess.dailyVolatility(); }
    public double impactPerShare() { return priceProcess.impactPerShare(); }
    public double jumpsPerDay() { return priceProcess.jumpsPerDay(); }
    public double jumpSize() { return priceProcess.jumpSize(); }
    public double intensity() { return agents.intensity(); }
    public double limitRate() { return agents.limitRate(); }
    public double marketRate() { return agents.marketRate(); }
    public double cancelRate() { return agents.cancelRate(); }
    public double offExchangeRate() { return agents.offExchangeRate(); }
    public double extendedActivity() { return agents.extendedActivity(); }
    public int mmLevels() { return agents.mmLevels(); }
    public double mmHalfSpreadTicks() { return agents.mmHalfSpreadTicks(); }
    public double hiddenMidpointShare() { return agents.hiddenMidpointShare(); }
    public int metaOrders() { return events.metaOrders(); }
    public long metaOrderShares() { return events.metaOrderShares(); }
    public int sweeps() { return events.sweeps(); }
    public int blocks() { return events.blocks(); }
    public int averagePricePrints() { return events.averagePricePrints(); }
    public int derivativelyPricedPrints() { return events.derivativelyPricedPrints(); }

    // ------------------------------------------------------------------ withers (each validated like any config)

    public SimConfig withSeed(long s) { return new SimConfig(s, symbol, session, venueSetup, priceProcess, agents, strategies, events, patterns); }

    public SimConfig withSymbolAndDate(String sym, LocalDate d) {
        return new SimConfig(seed, sym, session.withDate(d), venueSetup, priceProcess, agents, strategies, events, patterns);
    }

    public SimConfig withSession(Session s) { return new SimConfig(seed, symbol, s, venueSetup, priceProcess, agents, strategies, events, patterns); }

    public SimConfig withVenueSetup(VenueSetup v) { return new SimConfig(seed, symbol, session, v, priceProcess, agents, strategies, events, patterns); }

    public SimConfig withPriceProcess(PriceProcess p) { return new SimConfig(seed, symbol, session, venueSetup, p, agents, strategies, events, patterns); }

    public SimConfig withAgents(Agents a) { return new SimConfig(seed, symbol, session, venueSetup, priceProcess, a, strategies, events, patterns); }

    /** Technical traders and meta-order styles; {@link Strategies#NONE} for the market without them. */
    public SimConfig withStrategies(Strategies st) { return new SimConfig(seed, symbol, session, venueSetup, priceProcess, agents, st, events, patterns); }

    public SimConfig withEvents(Events e) { return new SimConfig(seed, symbol, session, venueSetup, priceProcess, agents, strategies, e, patterns); }

    /** The planted L3 patterns (icebergs, spoofs, absorptions per session); {@link Patterns#NONE} for none. */
    public SimConfig withPatterns(Patterns p) { return new SimConfig(seed, symbol, session, venueSetup, priceProcess, agents, strategies, events, p); }

    /** Pre/post-market trading hours around the regular session (pass the regular open/close for none). */
    public SimConfig withExtendedHours(LocalTime open, LocalTime close) { return withSession(session.withExtendedHours(open, close)); }

    /** Regular session hours; {@code extended=false} drops pre/post-market trading. */
    public SimConfig withHours(LocalTime open, LocalTime close, boolean extended) { return withSession(session.withHours(open, close, extended)); }

    public SimConfig withIntensity(double x) { return withAgents(agents.withIntensity(x)); }

    /** Fraction of noise limit orders that are hidden midpoint pegs (0 for a fully displayed market). */
    public SimConfig withHiddenMidpointShare(double share) { return withAgents(agents.withHiddenMidpointShare(share)); }

    public SimConfig withL3Venue(char v) { return withVenueSetup(venueSetup.withL3(v, venueSetup.l3AllVenues())); }

    /** L3 messages of every lit venue (true, the default) or of {@link #l3Venue()} only. */
    public SimConfig withL3AllVenues(boolean all) { return withVenueSetup(venueSetup.withL3(venueSetup.l3Venue(), all)); }

    /** Lit venues (codes, flow shares, latency factors); the L3 venue must stay one of them. */
    public SimConfig withVenues(List<Venue> vs) { return withVenueSetup(venueSetup.withVenues(vs)); }

    public SimConfig withEmitNbbo(boolean emit) { return withVenueSetup(venueSetup.withEmitNbbo(emit)); }

    /** Reporting delays of prints on the tape (0, 0 = prints at their execution time). */
    public SimConfig withTapeLatency(double litMicros, double trfMillis) { return withVenueSetup(venueSetup.withTapeLatency(litMicros, trfMillis)); }

    public SimConfig withStartPrice(double px) { return withPriceProcess(priceProcess.withStartPrice(px)); }

    /** Numbers of scheduled events: meta-orders, news sweeps, blocks, 'W' prints and '4' prints. */
    public SimConfig withEvents(int meta, int sweepCount, int blockCount, int avgPrice, int derivPriced) {
        return withEvents(new Events(meta, events.metaOrderShares(), sweepCount, blockCount, avgPrice, derivPriced));
    }

    /** Epoch ns of a local time on {@link #date} in {@link #zone}. */
    public long epochNanos(LocalTime t) {
        java.time.Instant i = date().atTime(t).atZone(zone()).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
