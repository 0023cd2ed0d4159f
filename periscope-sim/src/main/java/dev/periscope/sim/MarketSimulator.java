package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.event.EventSource;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Periscope's built-in market: a seeded, deterministic agent-based simulation of one US-equity trading day across
 * several lit venues (each with its own price-time-priority {@link MatchingBook}) and the off-exchange TRF
 * ({@code D}). It emits, in non-decreasing event time:
 * <ul>
 *   <li>{@link TradeEvent}: the consolidated tape, with participant code, sale-condition mask, {@code tradeId}
 *       1, 2, 3, ... in tape order and {@link Aggressor#UNKNOWN} (the true side is in {@link #groundTruth()});
 *       prints are stamped after a reporting delay ({@link SimConfig#tapeLatencyMicros()},
 *       {@link SimConfig#trfLatencyMillis()}), kept in execution order per venue;</li>
 *   <li>{@link QuoteEvent}: each lit venue's top of book whenever it changed (and the NBBO with venue
 *       {@code '*'} if {@link SimConfig#emitNbbo()});</li>
 *   <li>{@link OrderEvent}: the L3 messages (add, partial cancel, delete, execute) of every lit venue, or of
 *       {@link SimConfig#l3Venue()} only ({@link SimConfig#l3AllVenues()}); order ids are unique across venues.</li>
 * </ul>
 * The model (latent price, agents, Reg NMS routing) is described in {@code docs/simulator.md}; its parts are in
 * {@link Market}, run step by step by {@link EventLoop}. This class is the facade: it drains the steps' typed
 * {@link EventBuffer} and the delayed prints of the {@link TapeReporter} in time order into reusable flyweight events
 * (one per type) and records each print's ground truth as it reaches the tape. Same config, same seed: identical
 * stream. The stream is produced lazily, a few events per step, so memory stays constant apart from the
 * ground-truth arrays; nothing is allocated per event.
 */
public final class MarketSimulator implements EventSource {
    private static final Agent[] AGENTS = Agent.values();

    private final SimConfig cfg;
    private final Instrument instrument;
    private final GroundTruth truth;
    private final String name;
    private final Market market;
    private final EventLoop loop;
    private final TradeEvent trade = new TradeEvent();
    private final QuoteEvent quote = new QuoteEvent();
    private final OrderEvent order = new OrderEvent();
    private long seq, tradeSeq, emitted;

    public MarketSimulator(SimConfig cfg) {
        this.cfg = cfg;
        this.instrument = new Instrument(cfg.symbol(), dev.periscope.model.AssetClass.EQUITY, "US", cfg.tick());
        this.truth = new GroundTruth(instrument.id());
        this.name = "sim:" + cfg.symbol() + ":" + cfg.date() + ":seed" + cfg.seed();
        this.market = new Market(cfg, truth);
        this.loop = new EventLoop(market);
    }

    public SimConfig config() { return cfg; }

    public Instrument instrument() { return instrument; }

    /** True sides and agents of every print so far; see {@link GroundTruth}. */
    public GroundTruth groundTruth() { return truth; }

    @Override
    public String name() { return name; }

    /** Simulation steps run so far. */
    public long steps() { return market.steps; }

    /** Order-book messages (adds, cancels, deletes, executions) on all lit venues so far. */
    public long bookEvents() { return market.bookEvents; }

    /** Events returned by {@link #next()} so far. */
    public long emitted() { return emitted; }

    /** The latent (fair) price in dollars at the current simulation time. */
    public double fairPrice() { return market.latent.fair(); }

    @Override
    public MarketEvent next() {
        EventBuffer out = market.out;
        while (!out.hasNext() && !loop.finished()) {
            out.clear();
            loop.step();
        }
        boolean haveStep = out.hasNext();
        TapeQueue q = market.tape.earliest();
        MarketEvent e;
        if (q != null && (!haveStep || q.headTs() <= out.nextTs())) {
            e = print(q.prints, q.head);
            q.pop();
        } else if (haveStep) {
            e = fromBuffer(out);
        } else return null;
        emitted++;
        e.instrument = instrument;
        e.sourceSeq = ++seq;
        return e;
    }

    /** The print in row {@code i} as the next trade on the tape; records its ground truth. */
    private TradeEvent print(Prints p, int i) {
        long shares = p.size[i] / Px.SCALE;
        char venue = p.venue[i];
        trade.set(p.ts[i], p.price[i], p.size[i], venue, p.conditions[i], Aggressor.UNKNOWN);
        trade.tradeId = ++tradeSeq;
        truth.record(p.aggressor[i], AGENTS[p.agent[i]], p.metaOrder[i]);
        truth.recordParent(p.parentOrder[i], tradeSeq, p.ts[i], p.price[i], shares, venue, p.aggressor[i], p.agent[i], p.conditions[i]);
        truth.recordPlanted(p.aggressiveTag[i], tradeSeq, p.ts[i], p.price[i], shares, venue, true);
        truth.recordPlanted(p.passiveTag[i], tradeSeq, p.ts[i], p.price[i], shares, venue, true);
        return trade;
    }

    private MarketEvent fromBuffer(EventBuffer out) {
        long ts = out.nextTs();
        byte kind = out.nextKind();
        int row = out.take();
        if (kind == EventBuffer.TRADE) return print(out.prints, row);
        if (kind == EventBuffer.QUOTE) {
            EventBuffer.Quotes qs = out.quotes;
            return quote.set(ts, qs.venue[row], qs.bidPx[row], qs.bidSize[row], qs.askPx[row], qs.askSize[row]);
        }
        EventBuffer.Orders os = out.orders;
        order.set(ts, os.type[row], os.orderId[row], os.side[row] > 0 ? Side.BUY : Side.SELL, os.price[row], os.shares[row]);
        order.venue = os.venue[row];
        return order;
    }

    // ------------------------------------------------------------------ test hooks

    /** The matching book of a lit venue (tests). */
    MatchingBook book(char venue) { return market.venues.books[market.venues.index(venue)]; }

    /** Checks every venue's book invariants; null when all hold (tests). */
    String checkBookInvariants() {
        Venues venues = market.venues;
        for (MatchingBook b : venues.books) {
            String err = b.checkInvariants();
            if (err != null) return b.venue() + ": " + err;
        }
        int nbb = venues.nbb(), nbo = venues.nbo();
        if (venues.twoSided(nbb, nbo) && nbb >= nbo) return "NBBO locked or crossed: " + nbb + " / " + nbo;
        return null;
    }
}
