package dev.periscope.sim;

import dev.periscope.engine.replay.EventSource;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.Side;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.sim.GroundTruth.Agent;

import java.util.Arrays;
import dev.periscope.model.random.SplitMix64;
import dev.periscope.book.match.MatchingBook;

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
 * The model (latent price, agents, Reg NMS routing) is described in {@code docs/simulator.md}. Same config, same
 * seed: identical stream. Events are reusable flyweights (one per type); the stream is produced lazily, a few
 * events per simulation step, so memory stays constant apart from the ground-truth arrays.
 */
public final class MarketSimulator implements EventSource {
    private static final long NANOS = 1_000_000_000L;
    private static final byte OWNER_MM = 1, OWNER_NOISE = 2, OWNER_PLANT = 3;
    private static final long F = SaleCondition.INTERMARKET_SWEEP.bit(), I = SaleCondition.ODD_LOT.bit(),
            T = SaleCondition.FORM_T.bit(), W = SaleCondition.AVERAGE_PRICE.bit(), D4 = SaleCondition.DERIVATIVELY_PRICED.bit();
    private static final int MARKET_COLLAR_TICKS = 10, ARB_MAX_SHARES = 5_000, SWEEP_DEPTH_TICKS = 5;
    private static final double ARB_EDGE_TICKS = 3.0;
    private static final int ICEBERG_GIVE_UP_TICKS = 20;
    private static final char OFF_EXCHANGE = 'D';

    private final SimConfig cfg;
    private final SplitMix64 rng;
    /** Random stream of the planted L3 patterns, separate from {@link #rng} (see {@link #buildSchedule}). */
    private final SplitMix64 prng;
    private final Instrument instrument;
    private final GroundTruth truth;
    private final IntradayProfile profile;
    private final String name;

    // venues
    private final int nv, l3;
    private final boolean l3AllVenues; // emit every venue's L3 messages, not only venue l3's
    private final char[] vcode;
    private final double[] vcum;      // cumulative routing weights
    private final double[] vscale;    // market-maker size scale
    private final double[] vextra;    // extra half-spread ticks per venue
    private final double[] vlat;      // tape-latency factor per venue
    private final MatchingBook[] books;
    private final MatchingBook.Fills fills = new MatchingBook.Fills();
    private final int levels;
    private final long tickPx;
    private final double tickDollars;

    // session clock and latent price
    private final long tStart, tOpen, tClose, tEnd;
    private final double sigmaPerSqrtSec;
    private long now;
    private double fair;
    private boolean started, finished;

    // market makers: per venue and side, up to mmLevels orders (tick, slot, id)
    private final int mmL;
    private final int[][] mmTick, mmSlot;
    private final long[][] mmId;
    private final int[] mmCount;
    private final int[] mmLastBid0, mmLastAsk0;
    private final boolean[] mmDirty, mmBidComplete;

    // live noise orders (venue, slot, id), swap-remove list
    private int[] nzVenue = new int[4096], nzSlot = new int[4096];
    private long[] nzId = new long[4096];
    private int nzCount;

    // hidden midpoint-peg orders per venue and side (index 2v for bids, 2v+1 for offers): FIFO rings of
    // (remaining shares, expiry); all have the same lifetime, so expiries are FIFO too
    private final long[][] hidQty, hidExpiry;
    private final int[] hidHead, hidN;
    private final long hiddenLifetimeNanos;

    // scheduled events, sorted by time
    private static final int S_META = 0, S_SWEEP = 1, S_BLOCK = 2, S_AVGPX = 3, S_DERIV = 4, S_PLANT = 5;
    private long[] schedTime;
    private int[] schedKind, schedArg;
    private long[] schedSize;
    private int schedNext;
    private byte[] metaSide;
    private Planter[] planters = new Planter[0];
    private boolean pendingRefill;

    // session VWAP (for average-price prints), in dollars
    private double vwapNum, vwapDen;
    /** Shares of every volume-updating print so far, and of each meta-order's own prints (for POV). */
    private long volumeAll;
    private long[] metaDone;

    // technical traders (SimConfig.Strategies): their own random stream; EMAs of the NBBO mid (ticks) and EWMA
    // variances of the mid's deviation from each
    private final SplitMix64 arng;
    private final SimConfig.Strategies strat;
    private final boolean tradersOn;
    private double emaTrend, emaMean, varTrend, varMean, zTrend, zMean;
    private long sigT0 = Long.MIN_VALUE, sigLast;

    // last emitted quote per venue: bidPx, bidSz, askPx, askSz
    private final long[] lastQ;
    private final long[] lastNbbo = {Long.MIN_VALUE, 0, Long.MIN_VALUE, 0};

    // output buffer of one or more steps
    private static final byte K_TRADE = 0, K_QUOTE = 1, K_ORDER = 2;
    private int outN, outR;
    private byte[] oKind = new byte[256];
    private long[] oA = new long[256], oB = new long[256], oC = new long[256], oD = new long[256], oE = new long[256];
    private char[] oVenue = new char[256];
    private byte[] oF = new byte[256];
    private int[] oG = new int[256], oH = new int[256], oI = new int[256], oJ = new int[256];
    /** Label tag of the aggressive pattern being executed (meta-order, sweep, block, burst), or -1. */
    private int curTag = -1;
    /** Id of the aggressive parent order being routed or swept (1, 2, 3, ...), 0 outside {@link #route}/{@link #sweep}. */
    private int curParent;
    private int parentSeq;
    private int[] metaTag;
    private static final Agent[] AGENTS = Agent.values();
    private final TapeQueue[] tape; // one per lit venue (config order), then D
    private final TradeEvent trade = new TradeEvent();
    private final QuoteEvent quote = new QuoteEvent();
    private final OrderEvent order = new OrderEvent();
    private long seq, tradeSeq;
    private static final OrderEvent.Type[] TYPES = OrderEvent.Type.values();

    // counters
    private long steps, bookEvents, emitted;

    public MarketSimulator(SimConfig cfg) {
        this.cfg = cfg;
        this.rng = new SplitMix64(cfg.seed());
        this.prng = new SplitMix64(cfg.seed() ^ 0x5DEECE66DL);
        this.vrng = new SplitMix64(cfg.seed() ^ 0x9E3779B97F4A7C15L);
        this.logVol = VOL_OF_VOL * volGaussian(); // stationary start
        this.arng = new SplitMix64(cfg.seed() ^ 0x2545F4914F6CDD1DL);
        this.strat = cfg.strategies();
        this.tradersOn = strat.momentumRate() > 0 || strat.meanReversionRate() > 0;
        this.instrument = new Instrument(cfg.symbol(), dev.periscope.model.AssetClass.EQUITY, "US", cfg.tick());
        this.truth = new GroundTruth(instrument.id());
        this.name = "sim:" + cfg.symbol() + ":" + cfg.date() + ":seed" + cfg.seed();
        tStart = cfg.epochNanos(cfg.extendedOpen());
        tOpen = cfg.epochNanos(cfg.regularOpen());
        tClose = cfg.epochNanos(cfg.regularClose());
        tEnd = cfg.epochNanos(cfg.extendedClose());
        profile = new IntradayProfile(tStart, tOpen, tClose, tEnd, cfg.extendedActivity());
        sigmaPerSqrtSec = cfg.dailyVolatility() / Math.sqrt((tClose - tOpen) / (double) NANOS);
        tickPx = cfg.tick();
        tickDollars = tickPx / (double) Px.SCALE;
        long startTicks = Px.ofDouble(cfg.startPrice()) / tickPx;
        levels = (int) Math.min(Integer.MAX_VALUE - 8, startTicks * 3);
        fair = cfg.startPrice();

        nv = cfg.venues().size();
        vcode = new char[nv];
        vcum = new double[nv];
        vscale = new double[nv];
        vextra = new double[nv];
        vlat = new double[nv];
        books = new MatchingBook[nv];
        double total = 0;
        for (var v : cfg.venues()) total += v.share();
        int l3i = -1;
        double c = 0;
        for (int i = 0; i < nv; i++) {
            var v = cfg.venues().get(i);
            vcode[i] = v.code();
            c += v.share() / total;
            vcum[i] = c;
            vscale[i] = Math.max(0.3, v.share() / total * nv);
            vextra[i] = v.share() / total * nv >= 0.99 ? 0 : 1; // smaller venues quote one tick wider
            vlat[i] = v.latencyFactor();
            books[i] = new MatchingBook(v.code(), levels, (i + 1) * 1_000_000_000L + 1);
            if (v.code() == cfg.l3Venue()) l3i = i;
        }
        vcum[nv - 1] = 1.0;
        l3 = l3i;
        l3AllVenues = cfg.l3AllVenues();
        tape = new TapeQueue[nv + 1];
        for (int i = 0; i < nv; i++) tape[i] = new TapeQueue(vcode[i]);
        tape[nv] = new TapeQueue(OFF_EXCHANGE);
        mmL = cfg.mmLevels();
        mmTick = new int[nv * 2][mmL * 2 + 2];
        mmSlot = new int[nv * 2][mmL * 2 + 2];
        mmId = new long[nv * 2][mmL * 2 + 2];
        mmCount = new int[nv * 2];
        mmLastBid0 = new int[nv];
        mmLastAsk0 = new int[nv];
        mmDirty = new boolean[nv];
        mmBidComplete = new boolean[nv];
        Arrays.fill(mmDirty, true);
        lastQ = new long[nv * 4];
        for (int i = 0; i < nv; i++) { lastQ[4 * i] = Long.MIN_VALUE; lastQ[4 * i + 2] = Long.MIN_VALUE; }
        hidQty = new long[2 * nv][64];
        hidExpiry = new long[2 * nv][64];
        hidHead = new int[2 * nv];
        hidN = new int[2 * nv];
        hiddenLifetimeNanos = (long) (NANOS / cfg.cancelRate());
        buildSchedule(rng.split());
    }

    public SimConfig config() { return cfg; }

    public Instrument instrument() { return instrument; }

    /** True sides and agents of every print so far; see {@link GroundTruth}. */
    public GroundTruth groundTruth() { return truth; }

    @Override
    public String name() { return name; }

    /** Simulation steps run so far. */
    public long steps() { return steps; }

    /** Order-book messages (adds, cancels, deletes, executions) on all lit venues so far. */
    public long bookEvents() { return bookEvents; }

    /** Events returned by {@link #next()} so far. */
    public long emitted() { return emitted; }

    /** The latent (fair) price in dollars at the current simulation time. */
    public double fairPrice() { return fair; }

    // ------------------------------------------------------------------ schedule

    private void buildSchedule(SplitMix64 r) {
        int nMetaChildren = 0;
        long[][] metaTimes = new long[cfg.metaOrders()][];
        long[][] metaSizes = new long[cfg.metaOrders()][];
        metaSide = new byte[cfg.metaOrders()];
        metaTag = new int[cfg.metaOrders()];
        metaDone = new long[cfg.metaOrders()];
        int nPov = 0;
        int[] povMeta = new int[cfg.metaOrders()];
        long[] povStart = new long[cfg.metaOrders()], povEnd = new long[cfg.metaOrders()];
        long regLen = tClose - tOpen;
        for (int m = 0; m < cfg.metaOrders(); m++) {
            byte side = r.nextBoolean() ? Aggressor.BUY : Aggressor.SELL;
            long duration = (long) ((0.25 + 0.2 * r.nextDouble()) * regLen);
            long earliest = tOpen + regLen / 20, latest = tClose - regLen / 20 - duration;
            long start = earliest + (long) (r.nextDouble() * Math.max(0, latest - earliest));
            long end = start + duration;
            SimConfig.ExecutionStyle style = cfg.strategies().style(m);
            metaSide[m] = side;
            if (style == SimConfig.ExecutionStyle.POV) {
                // children decided while trading (PovExecutor); the label ends at its last print
                truth.addMetaOrder(new GroundTruth.MetaOrder(m, side, start, end, cfg.metaOrderShares(), 0, style));
                GroundTruth.Planted p = new GroundTruth.Planted("meta-order", side, start, start);
                p.note = "POV meta-order of " + cfg.metaOrderShares() + " shares at "
                        + Math.round(cfg.strategies().povRate() * 1000) / 10.0 + "% of volume";
                metaTag[m] = truth.plant(p);
                metaTimes[m] = new long[0];
                metaSizes[m] = new long[0];
                povMeta[nPov] = m; povStart[nPov] = start; povEnd[nPov++] = end;
                continue;
            }
            long[] sizes = new long[16];
            int n = 0;
            long left = cfg.metaOrderShares();
            while (left > 0) {
                long s = Math.min(left, 100L * (1 + r.nextInt(9)));
                if (n == sizes.length) sizes = Arrays.copyOf(sizes, n * 2);
                sizes[n++] = s;
                left -= s;
            }
            sizes = Arrays.copyOf(sizes, n);
            // VWAP: child k at the (k+u)/n quantile of cumulative activity over [start, end];
            // TWAP: child k at (k + 1/2 + jitter)/n of the window in clock time, jitter uniform in +-0.1
            double c0 = profile.cumulative(start), c1 = profile.cumulative(end);
            long[] times = new long[n];
            for (int k = 0; k < n; k++)
                times[k] = style == SimConfig.ExecutionStyle.TWAP
                        ? start + (long) (duration * (k + 0.5 + 0.2 * (r.nextDouble() - 0.5)) / n)
                        : profile.inverseCumulative(c0 + (c1 - c0) * (k + r.nextDouble()) / n);
            metaTimes[m] = times;
            metaSizes[m] = sizes;
            nMetaChildren += n;
            truth.addMetaOrder(new GroundTruth.MetaOrder(m, side, times[0], end, cfg.metaOrderShares(), n, style));
            GroundTruth.Planted p = new GroundTruth.Planted("meta-order", side, times[0], end);
            p.note = style + "-scheduled meta-order of " + cfg.metaOrderShares() + " shares in " + n + " children";
            metaTag[m] = truth.plant(p);
        }
        SimConfig.Patterns pat = cfg.patterns();
        int nPlant = pat.icebergs() + pat.spoofs() + pat.absorptions();
        int total = nMetaChildren + cfg.sweeps() + cfg.blocks() + cfg.averagePricePrints() + cfg.derivativelyPricedPrints() + nPlant + nPov;
        schedTime = new long[total];
        schedKind = new int[total];
        schedArg = new int[total];
        schedSize = new long[total];
        int k = 0;
        for (int m = 0; m < cfg.metaOrders(); m++)
            for (int j = 0; j < metaTimes[m].length; j++) { schedTime[k] = metaTimes[m][j]; schedKind[k] = S_META; schedArg[k] = m; schedSize[k++] = metaSizes[m][j]; }
        long margin = regLen / 78; // 5 minutes of a 6.5-hour session
        long[] sweepT = new long[cfg.sweeps()];
        for (int j = 0; j < cfg.sweeps(); j++) {
            schedTime[k] = tOpen + margin + (long) (r.nextDouble() * (regLen - 2 * margin));
            sweepT[j] = schedTime[k];
            schedKind[k] = S_SWEEP; schedArg[k] = r.nextBoolean() ? 1 : -1; schedSize[k++] = 100L * (40 + r.nextInt(120));
        }
        Arrays.sort(sweepT);
        truth.setSweepTimes(sweepT);
        for (int j = 0; j < cfg.blocks(); j++) {
            schedTime[k] = tOpen + margin + (long) (r.nextDouble() * (regLen - 2 * margin));
            schedKind[k] = S_BLOCK; schedArg[k] = r.nextBoolean() ? 1 : -1;
            schedSize[k++] = Math.min(250_000, 100L * (long) (100 / StrictMath.pow(1 - r.nextDouble(), 1 / 1.5)));
        }
        for (int j = 0; j < cfg.averagePricePrints(); j++) {
            schedTime[k] = tOpen + regLen / 2 + (long) (r.nextDouble() * (regLen / 2 - margin));
            schedKind[k] = S_AVGPX; schedArg[k] = 0; schedSize[k++] = 100L * (50 + r.nextInt(300));
        }
        for (int j = 0; j < cfg.derivativelyPricedPrints(); j++) {
            schedTime[k] = tOpen + margin + (long) (r.nextDouble() * (regLen - 2 * margin));
            schedKind[k] = S_DERIV; schedArg[k] = 0; schedSize[k++] = 100L * (10 + r.nextInt(190));
        }
        // planted L3 patterns: start times from their own random stream (prng), so that a session without them is
        // exactly the market of earlier versions; they start 5 min after the open and 30 min before the close
        planters = new Planter[nPlant + nPov];
        long plantSpan = regLen - margin - regLen / 13;
        for (int j = 0; j < nPlant; j++) {
            planters[j] = j < pat.icebergs() ? new Iceberg(j) : j < pat.icebergs() + pat.spoofs() ? new Spoof(j) : new Absorber(j);
            schedTime[k] = tOpen + margin + (long) (prng.nextDouble() * plantSpan);
            schedKind[k] = S_PLANT; schedArg[k] = j; schedSize[k++] = 0;
        }
        // POV meta-orders act like planted agents: started by the schedule, then woken by their own timer
        for (int j = 0; j < nPov; j++) {
            int idx = nPlant + j;
            planters[idx] = new PovExecutor(idx, povMeta[j], povEnd[j]);
            schedTime[k] = povStart[j];
            schedKind[k] = S_PLANT; schedArg[k] = idx; schedSize[k++] = 0;
        }
        // sort by time, stable on construction order
        Integer[] idx = new Integer[total];
        for (int j = 0; j < total; j++) idx[j] = j;
        Arrays.sort(idx, (a, b) -> schedTime[a] != schedTime[b] ? Long.compare(schedTime[a], schedTime[b]) : Integer.compare(a, b));
        long[] t2 = new long[total], s2 = new long[total];
        int[] k2 = new int[total], a2 = new int[total];
        for (int j = 0; j < total; j++) { t2[j] = schedTime[idx[j]]; k2[j] = schedKind[idx[j]]; a2[j] = schedArg[idx[j]]; s2[j] = schedSize[idx[j]]; }
        schedTime = t2; schedKind = k2; schedArg = a2; schedSize = s2;
    }

    // ------------------------------------------------------------------ EventSource

    @Override
    public MarketEvent next() {
        while (outR == outN && !finished) {
            outR = outN = 0;
            step();
        }
        boolean haveStep = outR < outN;
        int q = earliestTapeQueue();
        MarketEvent e;
        if (q >= 0 && (!haveStep || tape[q].headTs() <= oA[outR])) {
            TapeQueue t = tape[q];
            int h = t.head;
            trade.set(t.ts[h], t.price[h], t.size[h], t.venue, t.cond[h], Aggressor.UNKNOWN);
            trade.tradeId = ++tradeSeq;
            truth.record(t.side[h], AGENTS[t.agent[h]], t.meta[h]);
            truth.recordParent(t.parent[h], tradeSeq, trade.tsEvent, t.price[h], t.size[h] / Px.SCALE, t.venue, t.side[h], t.agent[h], t.cond[h]);
            truth.recordPlanted(t.tagA[h], tradeSeq, trade.tsEvent, t.price[h], t.size[h] / Px.SCALE, t.venue, true);
            truth.recordPlanted(t.tagP[h], tradeSeq, trade.tsEvent, t.price[h], t.size[h] / Px.SCALE, t.venue, true);
            t.pop();
            e = trade;
        } else if (haveStep) {
            e = fromBuffer(outR++);
        } else return null;
        emitted++;
        e.instrument = instrument;
        e.sourceSeq = ++seq;
        return e;
    }

    private MarketEvent fromBuffer(int i) {
        switch (oKind[i]) {
            case K_TRADE -> {
                trade.set(oA[i], oB[i], oC[i], oVenue[i], oD[i], Aggressor.UNKNOWN);
                trade.tradeId = ++tradeSeq;
                truth.record(oF[i], AGENTS[(int) oE[i]], oG[i]);
                truth.recordParent(oJ[i], tradeSeq, oA[i], oB[i], oC[i] / Px.SCALE, oVenue[i], oF[i], (byte) oE[i], oD[i]);
                truth.recordPlanted(oH[i], tradeSeq, oA[i], oB[i], oC[i] / Px.SCALE, oVenue[i], true);
                truth.recordPlanted(oI[i], tradeSeq, oA[i], oB[i], oC[i] / Px.SCALE, oVenue[i], true);
                return trade;
            }
            case K_QUOTE -> {
                quote.set(oA[i], oVenue[i], oB[i], oC[i], oD[i], oE[i]);
                return quote;
            }
            default -> {
                order.set(oA[i], TYPES[(int) oE[i]], oD[i], oF[i] > 0 ? Side.BUY : Side.SELL, oB[i], oC[i]);
                order.venue = oVenue[i];
                return order;
            }
        }
    }

    private int earliestTapeQueue() {
        int best = -1;
        long bt = Long.MAX_VALUE;
        for (int q = 0; q < tape.length; q++) {
            if (tape[q].isEmpty()) continue;
            long t = tape[q].headTs();
            if (t < bt) { bt = t; best = q; }
        }
        return best;
    }

    private int slot() {
        if (outN == oKind.length) {
            int c = outN * 2;
            oKind = Arrays.copyOf(oKind, c); oA = Arrays.copyOf(oA, c); oB = Arrays.copyOf(oB, c); oC = Arrays.copyOf(oC, c);
            oD = Arrays.copyOf(oD, c); oE = Arrays.copyOf(oE, c); oVenue = Arrays.copyOf(oVenue, c); oF = Arrays.copyOf(oF, c);
            oG = Arrays.copyOf(oG, c); oH = Arrays.copyOf(oH, c); oI = Arrays.copyOf(oI, c); oJ = Arrays.copyOf(oJ, c);
        }
        return outN++;
    }

    private void emitTrade(long price, long shares, char venue, long cond, byte trueSide, Agent agent, int metaId, int tagP) {
        if (SaleCondition.updatesVolume(cond) && (cond & (W | D4)) == 0) {
            vwapNum += Px.toDouble(price) * shares;
            vwapDen += shares;
            volumeAll += shares;
            if (agent == Agent.META && metaId >= 0) metaDone[metaId] += shares;
        }
        boolean offEx = venue == OFF_EXCHANGE;
        int vi = offEx ? nv : venueIndex(venue);
        double meanNanos = offEx ? cfg.trfLatencyMillis() * 1e6 : cfg.tapeLatencyMicros() * 1e3 * vlat[vi];
        if (meanNanos == 0) {
            int i = slot();
            oKind[i] = K_TRADE; oA[i] = now; oB[i] = price; oC[i] = Px.ofUnits(shares); oVenue[i] = venue; oD[i] = cond;
            oF[i] = trueSide; oE[i] = agent.ordinal(); oG[i] = metaId; oH[i] = curTag; oI[i] = tagP; oJ[i] = curParent;
            return;
        }
        // SIP/TRF reporting delay: exponential, monotonic per venue, never crossing into the next session phase
        TapeQueue q = tape[vi];
        long boundary = now < tOpen ? tOpen : now < tClose ? tClose : tEnd;
        long ts = Math.min(now + (long) (-meanNanos * StrictMath.log(1 - rng.nextDouble())), boundary - 1);
        q.push(Math.max(Math.max(ts, now), q.lastTs), price, Px.ofUnits(shares), cond, trueSide, (byte) agent.ordinal(), metaId, curTag, tagP, curParent);
    }

    private void emitOrder(int venueIdx, OrderEvent.Type type, long orderId, byte side, int tick, long shares) {
        emitOrderAt(venueIdx, type, orderId, side, tick * tickPx, shares);
    }

    private void emitOrderAt(int venueIdx, OrderEvent.Type type, long orderId, byte side, long pricePx, long shares) {
        bookEvents++;
        if (venueIdx != l3 && !l3AllVenues) return;
        int i = slot();
        oKind[i] = K_ORDER; oA[i] = now; oB[i] = pricePx; oC[i] = Px.ofUnits(shares); oD[i] = orderId;
        oE[i] = type.ordinal(); oF[i] = side; oVenue[i] = vcode[venueIdx];
    }

    private void emitQuotes() {
        for (int v = 0; v < nv; v++) {
            MatchingBook b = books[v];
            long bp = b.hasBid() ? b.bestBid() * tickPx : Px.NONE, bs = b.hasBid() ? b.qtyAt(MatchingBook.BUY, b.bestBid()) : 0;
            long ap = b.hasAsk() ? b.bestAsk() * tickPx : Px.NONE, as = b.hasAsk() ? b.qtyAt(MatchingBook.SELL, b.bestAsk()) : 0;
            int q = 4 * v;
            if (bp == lastQ[q] && bs == lastQ[q + 1] && ap == lastQ[q + 2] && as == lastQ[q + 3]) continue;
            lastQ[q] = bp; lastQ[q + 1] = bs; lastQ[q + 2] = ap; lastQ[q + 3] = as;
            pushQuote(vcode[v], bp, bs, ap, as);
        }
        if (cfg.emitNbbo()) {
            int nbb = nbb(), nbo = nbo();
            long bp = nbb >= 0 ? nbb * tickPx : Px.NONE, ap = nbo < levels ? nbo * tickPx : Px.NONE;
            long bs = 0, as = 0;
            for (int v = 0; v < nv; v++) {
                if (nbb >= 0 && books[v].bestBid() == nbb) bs += books[v].qtyAt(MatchingBook.BUY, nbb);
                if (nbo < levels && books[v].bestAsk() == nbo) as += books[v].qtyAt(MatchingBook.SELL, nbo);
            }
            if (bp != lastNbbo[0] || bs != lastNbbo[1] || ap != lastNbbo[2] || as != lastNbbo[3]) {
                lastNbbo[0] = bp; lastNbbo[1] = bs; lastNbbo[2] = ap; lastNbbo[3] = as;
                pushQuote(QuoteEvent.NBBO, bp, bs, ap, as);
            }
        }
    }

    private void pushQuote(char venue, long bp, long bsShares, long ap, long asShares) {
        int i = slot();
        oKind[i] = K_QUOTE; oA[i] = now; oVenue[i] = venue; oB[i] = bp; oC[i] = Px.ofUnits(bsShares); oD[i] = ap; oE[i] = Px.ofUnits(asShares);
    }

    // ------------------------------------------------------------------ simulation step

    private void step() {
        steps++;
        if (!started) {
            started = true;
            now = tStart;
            requoteAll();
            emitQuotes();
            return;
        }
        double act = profile.activity(now) * cfg.intensity();
        boolean regular = profile.isRegular(now);
        double rL = cfg.limitRate() * act, rM = cfg.marketRate() * act, rC = cfg.cancelRate() * nzCount;
        double rD = cfg.offExchangeRate() * act;
        double rJ = regular ? cfg.jumpsPerDay() / ((tClose - tOpen) / (double) NANOS) * profile.activity(now) : 0;
        double rMo = 0, rMr = 0;
        if (tradersOn && updateSignals() && regular) {
            rMo = strat.momentumRate() * act * zTrend * zTrend / (1 + zTrend * zTrend);
            rMr = strat.meanReversionRate() * act * zMean * zMean / (1 + zMean * zMean);
        }
        double rate = rL + rM + rC + rD + rJ + rMo + rMr;
        double dtSec = rate > 0 ? -StrictMath.log(1 - rng.nextDouble()) / rate : Double.POSITIVE_INFINITY;
        long nextSched = schedNext < schedTime.length ? schedTime[schedNext] : Long.MAX_VALUE;
        long tNext = dtSec >= 1.0 ? now + NANOS : now + (long) (dtSec * NANOS);
        long nextWake = Long.MAX_VALUE;
        int wake = -1;
        for (int j = 0; j < planters.length; j++) if (planters[j].wake < nextWake) { nextWake = planters[j].wake; wake = j; }
        int what; // 0 = rate event, 1 = scheduled, 2 = nothing (time passes), 3 = a planted agent acts
        if (nextSched <= tNext && nextSched <= nextWake) { tNext = Math.max(now, nextSched); what = 1; }
        else if (nextWake <= tNext) { tNext = Math.max(now, nextWake); what = 3; }
        else what = dtSec >= 1.0 ? 2 : 0;
        if (tNext >= tEnd) { now = tEnd; finished = true; return; }
        diffuse(tNext - now);
        now = tNext;
        if (what == 1) runScheduled();
        else if (what == 3) { Planter p = planters[wake]; p.wake = Long.MAX_VALUE; p.onWake(); }
        else if (what == 0) {
            double u = rng.nextDouble() * rate;
            if (u < rL) noiseLimit();
            else if ((u -= rL) < rM) noiseMarket();
            else if ((u -= rM) < rC) noiseCancel();
            else if ((u -= rC) < rD) offExchange();
            else if ((u -= rD) < rJ || rMo + rMr == 0) jump(gaussian() * cfg.jumpSize());
            else if (u - rJ < rMo) momentumOrder();
            else meanReversionOrder();
        }
        emitQuotes();
        requoteAll();
        if (arbitrage()) requoteAll();
        emitQuotes();
    }

    private double spareGaussian = Double.NaN;

    /**
     * Standard normal draw by Marsaglia's polar method with {@link StrictMath}, so the stream is bit-identical on
     * every JVM and CPU (the JDK's own nextGaussian and Math.log/exp may differ in the last ulp across versions).
     */
    private double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u, v, s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        return u * m;
    }

    // stochastic volatility (volatility clustering): log-volatility h follows an Ornstein-Uhlenbeck process with
    // stationary s.d. VOL_OF_VOL and half-life VOL_HALF_LIFE_SEC, driven by its own random stream; the diffusion is
    // scaled by exp(h - VOL_OF_VOL^2) so the expected variance is unchanged (a log-normal stochastic-volatility model,
    // e.g. Taylor 1986, "Modelling Financial Time Series")
    static final double VOL_OF_VOL = 0.5, VOL_HALF_LIFE_SEC = 20 * 60;
    private final SplitMix64 vrng;
    private double logVol;

    private double volGaussian() {
        double u, v, q;
        do {
            u = 2 * vrng.nextDouble() - 1;
            v = 2 * vrng.nextDouble() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        return u * Math.sqrt(-2 * StrictMath.log(q) / q);
    }

    private void diffuse(long dtNanos) {
        if (dtNanos <= 0) return;
        double dt = dtNanos / (double) NANOS;
        double decay = StrictMath.exp(-Math.log(2) / VOL_HALF_LIFE_SEC * dt);
        logVol = logVol * decay + VOL_OF_VOL * Math.sqrt(1 - decay * decay) * volGaussian();
        double s = sigmaPerSqrtSec * Math.sqrt(profile.activity(now)) * StrictMath.exp(logVol - VOL_OF_VOL * VOL_OF_VOL);
        fair *= StrictMath.exp(s * Math.sqrt(dt) * gaussian());
        clampFair();
    }

    private void clampFair() {
        double lo = levels * 0.1 * tickDollars, hi = levels * 0.9 * tickDollars;
        if (fair < lo) fair = lo;
        if (fair > hi) fair = hi;
    }

    private void jump(double logReturn) {
        fair *= StrictMath.exp(logReturn);
        clampFair();
    }

    private boolean isExtended() { return now < tOpen || now >= tClose; }

    private double fairTicks() { return fair / tickDollars; }

    /** National best bid tick over lit venues, -1 if none. */
    private int nbb() {
        int b = -1;
        for (MatchingBook bk : books) b = Math.max(b, bk.bestBid());
        return b;
    }

    /** National best offer tick over lit venues, {@link #levels} if none. */
    private int nbo() {
        int a = levels;
        for (MatchingBook bk : books) a = Math.min(a, bk.bestAsk());
        return a;
    }

    private int pickVenue() {
        double u = rng.nextDouble();
        for (int i = 0; i < nv; i++) if (u < vcum[i]) return i;
        return nv - 1;
    }

    // ------------------------------------------------------------------ market makers

    private void requoteAll() {
        double mult = isExtended() ? 3.0 : 1.0;
        double ft = fairTicks();
        boolean any = false;
        for (int v = 0; v < nv; v++) {
            double hs = (cfg.mmHalfSpreadTicks() + vextra[v]) * mult;
            int bid0 = (int) Math.floor(ft - hs), ask0 = (int) Math.ceil(ft + hs);
            if (bid0 != mmLastBid0[v] || ask0 != mmLastAsk0[v]) mmDirty[v] = true;
            mmLastBid0[v] = bid0; mmLastAsk0[v] = ask0;
            any |= mmDirty[v];
        }
        if (!any) return;
        // Three phases, each followed by the quotes it changed: every phase only retreats (cancels) or only
        // advances one side under the NBBO cap, so any prefix of a phase's quote updates is uncrossed and unlocked.
        for (int v = 0; v < nv; v++) if (mmDirty[v]) { mmCancel(v, 0, mmLastBid0[v]); mmCancel(v, 1, mmLastAsk0[v]); }
        emitQuotes();
        for (int v = 0; v < nv; v++) if (mmDirty[v]) mmBidComplete[v] = mmAdd(v, 0, mmLastBid0[v]);
        emitQuotes();
        for (int v = 0; v < nv; v++) if (mmDirty[v]) mmDirty[v] = !(mmAdd(v, 1, mmLastAsk0[v]) & mmBidComplete[v]);
        emitQuotes();
    }

    /** Drops filled orders from the MM's list and deletes live ones outside the target band. side 0 = bid. */
    private void mmCancel(int v, int side, int best) {
        int k = 2 * v + side;
        MatchingBook b = books[v];
        int n = mmCount[k];
        for (int j = 0; j < n; ) {
            int s = mmSlot[k][j];
            long id = mmId[k][j];
            int t = mmTick[k][j];
            boolean live = b.isLive(s, id);
            boolean inBand = side == 0 ? t <= best && t > best - mmL : t >= best && t < best + mmL;
            if (live && inBand) { j++; continue; }
            if (live) {
                emitOrder(v, OrderEvent.Type.DELETE, id, b.side(s), t, b.qty(s));
                b.delete(s);
            }
            n--;
            mmTick[k][j] = mmTick[k][n]; mmSlot[k][j] = mmSlot[k][n]; mmId[k][j] = mmId[k][n];
        }
        mmCount[k] = n;
    }

    /** Posts missing orders in the target band, capped by the NBBO; false if a level had to be skipped. */
    private boolean mmAdd(int v, int side, int best) {
        int k = 2 * v + side;
        MatchingBook b = books[v];
        boolean complete = true;
        if (side == 0) {
            int cap = nbo() - 1; // Reg NMS: never lock or cross any venue's offer
            for (int lv = 0; lv < mmL; lv++) {
                int t = best - lv;
                if (t < 1) break;
                if (t > cap) { complete = false; continue; }
                if (mmHas(k, t)) continue;
                mmPlace(v, k, MatchingBook.BUY, t, lv);
            }
        } else {
            int cap = nbb() + 1;
            for (int lv = 0; lv < mmL; lv++) {
                int t = best + lv;
                if (t >= levels - 1) break;
                if (t < cap) { complete = false; continue; }
                if (mmHas(k, t)) continue;
                mmPlace(v, k, MatchingBook.SELL, t, lv);
            }
        }
        return complete;
    }

    private boolean mmHas(int k, int t) {
        for (int j = 0; j < mmCount[k]; j++) if (mmTick[k][j] == t) return true;
        return false;
    }

    private void mmPlace(int v, int k, byte side, int t, int lv) {
        long lots = Math.max(1, Math.round(vscale[v] * (1 + lv * 0.6 + rng.nextInt(4))));
        long qty = 100 * lots;
        MatchingBook b = books[v];
        int s = b.add(side, t, qty, OWNER_MM, k);
        int n = mmCount[k]++;
        mmTick[k][n] = t; mmSlot[k][n] = s; mmId[k][n] = b.orderId(s);
        emitOrder(v, OrderEvent.Type.ADD, b.orderId(s), side, t, qty);
    }

    // ------------------------------------------------------------------ noise traders

    private long limitSize() {
        double u = rng.nextDouble();
        if (u < 0.22) return 1 + rng.nextInt(99);
        if (u < 0.55) return 100;
        if (u < 0.85) return 100L * (2 + rng.nextInt(4));
        if (u < 0.97) return 100L * (5 + rng.nextInt(16));
        return Math.min(50_000, 100L * (long) (10 / StrictMath.pow(1 - rng.nextDouble(), 1 / 1.3)));
    }

    private long marketSize() {
        double u = rng.nextDouble();
        if (u < 0.25) return 1 + rng.nextInt(99);
        if (u < 0.65) return 100;
        if (u < 0.90) return 100L * (2 + rng.nextInt(4));
        if (u < 0.985) return 100L * (5 + rng.nextInt(16));
        return Math.min(30_000, 100L * (long) (10 / StrictMath.pow(1 - rng.nextDouble(), 1 / 1.4)));
    }

    private void noiseLimit() {
        byte side = rng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
        int v = pickVenue();
        long qty = limitSize();
        if (cfg.hiddenMidpointShare() > 0 && rng.nextDouble() < cfg.hiddenMidpointShare()) {
            addHidden(2 * v + (side == MatchingBook.BUY ? 0 : 1), qty);
            return;
        }
        int nbb = nbb(), nbo = nbo();
        double ft = fairTicks();
        int ref = side == MatchingBook.BUY ? (nbb >= 0 ? nbb : (int) Math.floor(ft) - 1) : (nbo < levels ? nbo : (int) Math.ceil(ft) + 1);
        double u = rng.nextDouble();
        int tick;
        if (u < 0.06) {
            // marketable limit order: route first, rest the remainder at the limit
            int far = side == MatchingBook.BUY ? (nbo < levels ? nbo : (int) Math.ceil(ft) + 1) : (nbb >= 0 ? nbb : (int) Math.floor(ft) - 1);
            int limit = far + side * rng.nextInt(3);
            long left = qty - route(side, qty, limit, Agent.NOISE, -1, true);
            if (left <= 0) return;
            emitQuotes();
            tick = limit;
            qty = left;
        } else if (u < 0.18 && nbb >= 0 && nbo < levels && nbo - nbb > 1) {
            tick = side == MatchingBook.BUY ? nbb + 1 + rng.nextInt(nbo - nbb - 1) : nbo - 1 - rng.nextInt(nbo - nbb - 1);
        } else if (u < 0.45) {
            tick = ref;
        } else {
            int depth = 1 + (int) Math.min(60, Math.floor(StrictMath.log(1 - rng.nextDouble()) / StrictMath.log(0.8)));
            tick = ref - side * depth;
        }
        // passive noise orders do not rest through the latent price, and (Reg NMS price slide) never lock or
        // cross any venue
        if (side == MatchingBook.BUY) tick = Math.min(Math.min(tick, (int) Math.floor(ft)), nbo() - 1);
        else tick = Math.max(Math.max(tick, (int) Math.ceil(ft)), nbb() + 1);
        if (tick < 1 || tick >= levels - 1) return;
        restNoise(v, side, tick, qty);
    }

    private void restNoise(int v, byte side, int tick, long qty) {
        MatchingBook b = books[v];
        int s = b.add(side, tick, qty, OWNER_NOISE, nzCount);
        if (nzCount == nzSlot.length) {
            int c = nzCount * 2;
            nzVenue = Arrays.copyOf(nzVenue, c); nzSlot = Arrays.copyOf(nzSlot, c); nzId = Arrays.copyOf(nzId, c);
        }
        nzVenue[nzCount] = v; nzSlot[nzCount] = s; nzId[nzCount] = b.orderId(s);
        nzCount++;
        emitOrder(v, OrderEvent.Type.ADD, b.orderId(s), side, tick, qty);
    }

    private void removeNoise(int idx) {
        int last = --nzCount;
        if (idx != last) {
            nzVenue[idx] = nzVenue[last]; nzSlot[idx] = nzSlot[last]; nzId[idx] = nzId[last];
            books[nzVenue[idx]].setOwnerRef(nzSlot[idx], idx);
        }
    }

    private void addHidden(int k, long qty) {
        if (hidN[k] == hidQty[k].length) {
            int n = hidN[k], cap = n * 2;
            long[] q2 = new long[cap], e2 = new long[cap];
            for (int j = 0; j < n; j++) {
                int i = (hidHead[k] + j) % n;
                q2[j] = hidQty[k][i]; e2[j] = hidExpiry[k][i];
            }
            hidQty[k] = q2; hidExpiry[k] = e2; hidHead[k] = 0;
        }
        int i = (hidHead[k] + hidN[k]) % hidQty[k].length;
        hidQty[k][i] = qty;
        hidExpiry[k][i] = now + hiddenLifetimeNanos;
        hidN[k]++;
    }

    /**
     * Executes an aggressor against hidden midpoint-peg orders resting on the opposite side of every lit venue
     * (venue order), at the NBBO midpoint, oldest first; expired pegs are dropped. Returns shares filled. The L3
     * venue reports these as EXECUTE_HIDDEN with order id 0, as LOBSTER does.
     */
    private long takeHidden(byte aggSide, long qty, int limitTick, Agent agent, int metaId) {
        int nbb = nbb(), nbo = nbo();
        if (nbb < 0 || nbo >= levels) return 0;
        long mid2 = (long) nbb + nbo; // twice the midpoint, in ticks
        if (aggSide == MatchingBook.BUY ? mid2 > 2L * limitTick : mid2 < 2L * limitTick) return 0;
        long midPx = mid2 * tickPx / 2;
        byte restSide = (byte) -aggSide;
        long done = 0;
        for (int v = 0; v < nv && done < qty; v++) {
            int k = 2 * v + (restSide == MatchingBook.BUY ? 0 : 1);
            while (hidN[k] > 0 && done < qty) {
                int h = hidHead[k];
                if (hidExpiry[k][h] <= now) { popHidden(k); continue; }
                long f = Math.min(qty - done, hidQty[k][h]);
                emitOrderAt(v, OrderEvent.Type.EXECUTE_HIDDEN, 0, restSide, midPx, f);
                long cond = (isExtended() ? T : 0) | (f < 100 ? I : 0);
                emitTrade(midPx, f, vcode[v], cond == 0 ? SaleCondition.REGULAR_MASK : cond, aggSide, agent, metaId, -1);
                done += f;
                hidQty[k][h] -= f;
                if (hidQty[k][h] == 0) popHidden(k);
            }
        }
        return done;
    }

    private void popHidden(int k) {
        hidHead[k] = (hidHead[k] + 1) % hidQty[k].length;
        hidN[k]--;
    }

    private void noiseMarket() {
        byte side = rng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
        long qty = marketSize();
        int far = side == MatchingBook.BUY ? nbo() : nbb();
        if (far < 0 || far >= levels) return;
        route(side, qty, far + side * MARKET_COLLAR_TICKS, Agent.NOISE, -1, true);
    }

    private void noiseCancel() {
        if (nzCount == 0) return;
        int idx = rng.nextInt(nzCount);
        int v = nzVenue[idx], s = nzSlot[idx];
        MatchingBook b = books[v];
        if (!b.isLive(s, nzId[idx])) throw new IllegalStateException("stale noise order " + nzId[idx]);
        long q = b.qty(s);
        if (q >= 200 && rng.nextDouble() < 0.15) {
            long cut = 100L * (1 + rng.nextInt((int) (q / 100) - 1));
            if (cut < q) {
                emitOrder(v, OrderEvent.Type.CANCEL, nzId[idx], b.side(s), b.tick(s), cut);
                b.reduce(s, cut);
                return;
            }
        }
        emitOrder(v, OrderEvent.Type.DELETE, nzId[idx], b.side(s), b.tick(s), q);
        b.delete(s);
        removeNoise(idx);
    }

    // ------------------------------------------------------------------ routing and fills

    /**
     * Smart-order-routes an aggressive order: half the time first meets hidden midpoint liquidity on the lit venues
     * ({@link #takeHidden}), then repeatedly takes the best price available on any lit venue (ties
     * broken by routing weight) up to {@code limitTick}, one venue level at a time, so it never trades through
     * another venue's better price. Returns shares filled. Applies permanent impact when {@code impact}.
     */
    private long route(byte side, long qty, int limitTick, Agent agent, int metaId, boolean impact) {
        curParent = ++parentSeq;
        long done = routeParent(side, qty, limitTick, agent, metaId, impact);
        curParent = 0;
        return done;
    }

    private long routeParent(byte side, long qty, int limitTick, Agent agent, int metaId, boolean impact) {
        // half of the routers are midpoint-seeking: they ping hidden midpoint liquidity before the displayed book
        long done = cfg.hiddenMidpointShare() > 0 && rng.nextBoolean() ? takeHidden(side, qty, limitTick, agent, metaId) : 0;
        while (done < qty) {
            int best = side == MatchingBook.BUY ? nbo() : nbb();
            if (best < 0 || best >= levels || (side == MatchingBook.BUY ? best > limitTick : best < limitTick)) break;
            int v = pickAmongBest(side, best);
            fills.clear();
            long got = books[v].takeBestLevel(side, qty - done, limitTick, fills);
            if (got == 0) break;
            done += got;
            processFills(side, 0, agent, metaId);
        }
        if (impact && done > 0) jump(side * cfg.impactPerShare() * done);
        return done;
    }

    private int pickAmongBest(byte side, int best) {
        double tot = 0;
        for (int v = 0; v < nv; v++) if (top(v, side) == best) tot += weight(v);
        double u = rng.nextDouble() * tot;
        int last = -1;
        for (int v = 0; v < nv; v++) {
            if (top(v, side) != best) continue;
            last = v;
            if ((u -= weight(v)) < 0) return v;
        }
        return last;
    }

    private int top(int v, byte aggSide) { return aggSide == MatchingBook.BUY ? books[v].bestAsk() : books[v].bestBid(); }

    private double weight(int v) { return v == 0 ? vcum[0] : vcum[v] - vcum[v - 1]; }

    /**
     * Intermarket sweep: sends ISO orders to every lit venue at once, taking each venue's displayed liquidity level
     * by level up to {@code limitTick} (venues in fixed order at each price), until {@code qty} is filled.
     */
    private long sweep(byte side, long qty, int limitTick, Agent agent, boolean impact) {
        return sweepAs(++parentSeq, side, qty, limitTick, agent, impact);
    }

    /** {@link #sweep} as part of parent order {@code parent} (ground truth: one parent id per economic order). */
    private long sweepAs(int parent, byte side, long qty, int limitTick, Agent agent, boolean impact) {
        curParent = parent;
        long done = sweepParent(side, qty, limitTick, agent, impact);
        curParent = 0;
        return done;
    }

    private long sweepParent(byte side, long qty, int limitTick, Agent agent, boolean impact) {
        long done = 0;
        while (done < qty) {
            int best = side == MatchingBook.BUY ? nbo() : nbb();
            if (best < 0 || best >= levels || (side == MatchingBook.BUY ? best > limitTick : best < limitTick)) break;
            for (int v = 0; v < nv && done < qty; v++) {
                if (top(v, side) != best) continue;
                fills.clear();
                done += books[v].takeBestLevel(side, qty - done, best, fills);
                processFills(side, F, agent, -1);
            }
        }
        if (impact && done > 0) jump(side * cfg.impactPerShare() * done);
        return done;
    }

    private void processFills(byte aggSide, long flags, Agent agent, int metaId) {
        long ext = isExtended() ? T : 0;
        for (int i = 0; i < fills.size(); i++) {
            int v = venueIndex(fills.venue(i));
            long q = fills.qty(i);
            emitOrder(v, OrderEvent.Type.EXECUTE, fills.orderId(i), fills.restSide(i), fills.tick(i), q);
            long cond = flags | ext | (q < 100 ? I : 0);
            int tagP = fills.owner(i) == OWNER_PLANT ? planters[fills.ownerRef(i)].tag : -1;
            emitTrade(fills.tick(i) * tickPx, q, vcode[v], cond == 0 ? SaleCondition.REGULAR_MASK : cond, aggSide, agent, metaId, tagP);
            if (fills.owner(i) == OWNER_MM) mmDirty[v] = true;
            else if (fills.owner(i) == OWNER_PLANT) planters[fills.ownerRef(i)].onFill(fills.orderId(i), q, fills.remaining(i));
            // the book's owner ref is kept current by removeNoise (the fill record's copy may be stale)
            else if (fills.owner(i) == OWNER_NOISE && fills.remaining(i) == 0) removeNoise(books[v].ownerRef(fills.slot(i)));
        }
        fills.clear();
        if (pendingRefill) {
            pendingRefill = false;
            for (Planter p : planters) p.afterFills();
        }
    }

    private int venueIndex(char c) {
        for (int v = 0; v < nv; v++) if (vcode[v] == c) return v;
        throw new IllegalStateException("venue " + c);
    }

    // the arbitrageur's current episode: parent order id, side and the step of its last ISO
    private int arbParent;
    private byte arbSide;
    private long arbStep = Long.MIN_VALUE;

    /**
     * Takes stale quotes left beyond the latent price by more than {@link #ARB_EDGE_TICKS} (ISO, at most
     * {@link #ARB_MAX_SHARES} per step). While stale quotes remain it sends the next ISO at the next step: ISOs on
     * the same side in consecutive steps are one episode, one parent order in the ground truth.
     */
    private boolean arbitrage() {
        double ft = fairTicks();
        int nbo = nbo(), nbb = nbb();
        int buyLimit = (int) Math.floor(ft - ARB_EDGE_TICKS);
        if (nbo < levels && nbo <= buyLimit) return arbitrageSweep(MatchingBook.BUY, buyLimit);
        int sellLimit = (int) Math.ceil(ft + ARB_EDGE_TICKS);
        if (nbb >= 0 && nbb >= sellLimit) return arbitrageSweep(MatchingBook.SELL, sellLimit);
        return false;
    }

    private boolean arbitrageSweep(byte side, int limitTick) {
        int parent = arbSide == side && arbStep >= steps - 1 ? arbParent : ++parentSeq;
        if (sweepAs(parent, side, ARB_MAX_SHARES, limitTick, Agent.ARBITRAGE, false) == 0) return false;
        arbParent = parent;
        arbSide = side;
        arbStep = steps;
        return true;
    }

    // ------------------------------------------------------------------ off-exchange

    private void offExchange() {
        int nbb = nbb(), nbo = nbo();
        if (nbb < 0 || nbo >= levels) return;
        byte side = rng.nextBoolean() ? Aggressor.BUY : Aggressor.SELL;
        long bid = nbb * tickPx, ask = nbo * tickPx;
        double u = rng.nextDouble();
        long qty, price;
        Agent agent;
        if (u < 0.62) {
            agent = Agent.RETAIL;
            double s = rng.nextDouble();
            qty = s < 0.40 ? 1 + rng.nextInt(99) : s < 0.65 ? 100 : s < 0.92 ? 100 + rng.nextInt(400) : 500 + rng.nextInt(4500);
            // wholesaler price improvement: 0 to 0.4 cents, never beyond the far side of the NBBO
            long improve = rng.nextDouble() < 0.3 ? 0 : Px.SCALE / 10_000 * (1 + rng.nextInt(40));
            if (improve >= ask - bid) improve = 0;
            price = side == Aggressor.BUY ? ask - improve : bid + improve;
        } else if (u < 0.92) {
            agent = Agent.DARK;
            double s = rng.nextDouble();
            qty = s < 0.5 ? 100 : s < 0.85 ? 100L * (2 + rng.nextInt(9)) : 100L * (10 + rng.nextInt(40));
            price = (bid + ask) / 2;
        } else {
            agent = Agent.DARK;
            qty = 100L * (1 + rng.nextInt(10));
            price = side == Aggressor.BUY ? ask : bid;
        }
        long cond = (qty < 100 ? I : 0) | (isExtended() ? T : 0);
        emitTrade(price, qty, OFF_EXCHANGE, cond == 0 ? SaleCondition.REGULAR_MASK : cond, side, agent, -1, -1);
    }

    // ------------------------------------------------------------------ scheduled events

    private void runScheduled() {
        int k = schedNext++;
        long size = schedSize[k];
        int nbb = nbb(), nbo = nbo();
        switch (schedKind[k]) {
            case S_META -> metaChild(schedArg[k], size, nbb, nbo);
            case S_SWEEP -> {
                byte side = (byte) schedArg[k];
                jump(side * (0.003 + 0.003 * rng.nextDouble()));
                int far = side == MatchingBook.BUY ? nbo : nbb;
                GroundTruth.Planted p = new GroundTruth.Planted("sweep", side, now, now);
                p.note = "news-driven ISO sweep, limit " + SWEEP_DEPTH_TICKS + " ticks through the far side";
                curTag = truth.plant(p);
                if (far >= 0 && far < levels) sweep(side, size, far + side * SWEEP_DEPTH_TICKS, Agent.SWEEP, true);
                curTag = -1;
            }
            case S_BLOCK -> {
                if (nbb < 0 || nbo >= levels) return;
                long cond = isExtended() ? T : SaleCondition.REGULAR_MASK;
                GroundTruth.Planted p = new GroundTruth.Planted("off-exchange-block", (byte) schedArg[k], now, now);
                p.note = "negotiated block at the NBBO midpoint";
                curTag = truth.plant(p);
                emitTrade((nbb + nbo) * tickPx / 2, size, OFF_EXCHANGE, cond, (byte) schedArg[k], Agent.BLOCK, -1, -1);
                curTag = -1;
            }
            case S_AVGPX -> {
                if (vwapDen == 0) return;
                long price = Px.ofDouble(Math.round(vwapNum / vwapDen * 10_000) / 10_000.0);
                emitTrade(price, size, OFF_EXCHANGE, W, Aggressor.UNKNOWN, Agent.AVERAGE_PRICE, -1, -1);
            }
            case S_PLANT -> planters[schedArg[k]].start();
            default -> {
                double basis = 1 + (rng.nextDouble() - 0.5) * 0.004;
                long price = Px.ofDouble(Math.round(fair * basis * 10_000) / 10_000.0);
                emitTrade(price, size, OFF_EXCHANGE, D4, Aggressor.UNKNOWN, Agent.DERIVATIVELY_PRICED, -1, -1);
            }
        }
    }

    /** One child of meta-order {@code m}: a quarter go to a dark pool at the midpoint, the rest are routed lit. */
    private void metaChild(int m, long size, int nbb, int nbo) {
        byte side = metaSide[m];
        curTag = metaTag[m];
        if (rng.nextDouble() < 0.25 && nbb >= 0 && nbo < levels) {
            emitTrade((nbb + nbo) * tickPx / 2, size, OFF_EXCHANGE, SaleCondition.REGULAR_MASK, side, Agent.META, m, -1);
        } else {
            int far = side == MatchingBook.BUY ? nbo : nbb;
            if (far >= 0 && far < levels) route(side, size, far + side, Agent.META, m, true);
        }
        curTag = -1;
    }

    // ------------------------------------------------------------------ technical traders

    /**
     * Updates the EMAs of the NBBO midpoint (continuous-time: weight {@code 1 - exp(-dt/tau)}) and the z-scores of
     * the mid's deviation from them; false until both moving averages have seen one time constant of data.
     */
    private boolean updateSignals() {
        int nbb = nbb(), nbo = nbo();
        if (nbb < 0 || nbo >= levels) return false;
        double mid = 0.5 * (nbb + nbo);
        if (sigT0 == Long.MIN_VALUE) {
            sigT0 = sigLast = now;
            emaTrend = emaMean = mid;
            varTrend = varMean = 1.0; // one tick squared, until data replaces it
            return false;
        }
        double dt = (now - sigLast) / (double) NANOS;
        sigLast = now;
        if (dt > 0) {
            double aT = 1 - StrictMath.exp(-dt / strat.trendSeconds()), aM = 1 - StrictMath.exp(-dt / strat.meanSeconds());
            emaTrend += aT * (mid - emaTrend);
            emaMean += aM * (mid - emaMean);
            double dT = mid - emaTrend, dM = mid - emaMean;
            varTrend += aT * (dT * dT - varTrend);
            varMean += aM * (dM * dM - varMean);
        }
        zTrend = (mid - emaTrend) / Math.sqrt(Math.max(varTrend, 0.25));
        zMean = (mid - emaMean) / Math.sqrt(Math.max(varMean, 0.25));
        return now - sigT0 >= (long) (Math.max(strat.trendSeconds(), strat.meanSeconds()) * NANOS);
    }

    /** Trader's order size: the marketable-order size distribution, from the traders' own stream. */
    private long traderSize() {
        double u = arng.nextDouble();
        if (u < 0.15) return 1 + arng.nextInt(99);
        if (u < 0.50) return 100;
        if (u < 0.85) return 100L * (2 + arng.nextInt(4));
        return 100L * (5 + arng.nextInt(16));
    }

    /** Momentum trader: a marketable order in the direction of the mid's deviation from its trend EMA. */
    private void momentumOrder() {
        byte side = zTrend > 0 ? MatchingBook.BUY : MatchingBook.SELL;
        int far = side == MatchingBook.BUY ? nbo() : nbb();
        if (far < 0 || far >= levels) return;
        route(side, traderSize(), far + side * MARKET_COLLAR_TICKS, Agent.MOMENTUM, -1, true);
    }

    /**
     * Mean-reversion trader: against the mid's deviation from its slow EMA; half the orders are marketable, half
     * rest at the trader's own side of the NBBO on a venue drawn by routing weight (cancelled like noise orders).
     */
    private void meanReversionOrder() {
        byte side = zMean > 0 ? MatchingBook.SELL : MatchingBook.BUY;
        long qty = traderSize();
        int nbb = nbb(), nbo = nbo();
        if (nbb < 0 || nbo >= levels) return;
        if (arng.nextBoolean()) {
            int far = side == MatchingBook.BUY ? nbo : nbb;
            route(side, qty, far + side * MARKET_COLLAR_TICKS, Agent.MEAN_REVERSION, -1, true);
            return;
        }
        double ft = fairTicks();
        int tick = side == MatchingBook.BUY ? Math.min(Math.min(nbb, (int) Math.floor(ft)), nbo - 1)
                : Math.max(Math.max(nbo, (int) Math.ceil(ft)), nbb + 1);
        if (tick < 1 || tick >= levels - 1) return;
        double u = arng.nextDouble();
        int v = nv - 1;
        for (int i = 0; i < nv; i++) if (u < vcum[i]) { v = i; break; }
        restNoise(v, side, tick, qty);
    }

    // ------------------------------------------------------------------ planted L3 patterns

    /**
     * A planted agent on the L3 venue: posts and cancels its own orders (owner {@link #OWNER_PLANT}), is told of
     * its fills by {@link #processFills}, and acts again at {@link #wake}. Its ground truth is {@link #label}.
     */
    private abstract class Planter {
        final int idx;
        int tag = -1;
        long wake = Long.MAX_VALUE;
        GroundTruth.Planted label;

        Planter(int idx) { this.idx = idx; }

        /** Scheduled start. */
        abstract void start();

        /** Called at {@link #wake} (reset to never before the call). */
        abstract void onWake();

        /** Called after a batch of fills has been processed (the book's slots are settled). */
        void afterFills() {}

        /** One of this agent's orders traded {@code qty} shares and has {@code remaining} left. */
        abstract void onFill(long orderId, long qty, long remaining);

        void open(String kind, byte side) {
            label = new GroundTruth.Planted(kind, side, now, now);
            tag = truth.plant(label);
        }

        /** True if a resting order at {@code tick} would neither lock nor cross any venue (Reg NMS). */
        boolean canRest(byte side, int tick) {
            return tick >= 1 && tick < levels - 1 && (side == MatchingBook.BUY ? tick < nbo() : tick > nbb());
        }

        /** Posts a displayed order on the L3 venue; returns its slot. */
        int post(byte side, int tick, long qty) {
            MatchingBook b = books[l3];
            int s = b.add(side, tick, qty, OWNER_PLANT, idx);
            emitOrder(l3, OrderEvent.Type.ADD, b.orderId(s), side, tick, qty);
            label.order(b.orderId(s), vcode[l3], tick * tickPx, now);
            return s;
        }

        /** Deletes an order if it is still live. */
        void cancel(int slot, long id) {
            MatchingBook b = books[l3];
            if (slot < 0 || !b.isLive(slot, id)) return;
            emitOrder(l3, OrderEvent.Type.DELETE, id, b.side(slot), b.tick(slot), b.qty(slot));
            b.delete(slot);
            label.until(now);
        }

        void finish() {
            wake = Long.MAX_VALUE;
            if (label != null) label.until(now);
        }

        long ms(double lo, double hi) { return (long) ((lo + (hi - lo) * prng.nextDouble()) * 1_000_000L); }
    }

    /**
     * POV (percentage-of-volume) execution of meta-order {@link #meta}: from its start it checks every 5-15 s
     * (1-3 s after sending a child) whether its own volume is behind {@link SimConfig.Strategies#povRate} of all
     * volume printed since the start (its own included), and if so sends a child of up to 900 shares (the same
     * dark/lit mix as VWAP children). It stops when the shares are done or its window ends. Timers and child sizes
     * come from the traders' random stream.
     */
    private final class PovExecutor extends Planter {
        final int meta;
        final long end;
        long volume0, done0;

        PovExecutor(int idx, int meta, long end) {
            super(idx);
            this.meta = meta;
            this.end = end;
        }

        @Override void start() {
            tag = metaTag[meta];
            label = truth.planted(tag);
            volume0 = volumeAll;
            done0 = metaDone[meta];
            wake = now + secs(5, 15);
        }

        @Override void onWake() {
            long own = metaDone[meta] - done0, left = cfg.metaOrderShares() - own;
            if (left <= 0 || now >= end) return; // finished: never wakes again
            double target = strat.povRate() * (volumeAll - volume0);
            long behind = (long) (target - own);
            if (behind < 100) { wake = now + secs(5, 15); return; }
            long child = Math.min(left, Math.min(behind / 100 * 100, 100L * (1 + arng.nextInt(9))));
            metaChild(meta, child, nbb(), nbo());
            wake = now + secs(1, 3);
        }

        @Override void onFill(long orderId, long qty, long remaining) { /* never rests an order */ }

        long secs(double lo, double hi) { return (long) ((lo + (hi - lo) * arng.nextDouble()) * NANOS); }
    }

    /**
     * Iceberg: a small displayed order (100-300 shares) at one price backed by a hidden reserve (3,000-12,000 shares
     * in all), refilled with a new order id at the same price, side and display size 1-5 ms after each full execution.
     * Until its first execution it re-pegs to the touch whenever the touch has moved 3 ticks away (the label starts
     * at the last peg). It stops when the reserve is used up, when the touch has moved more than 20 ticks away after
     * executions, or after 5-15 minutes; a refill that would lock or cross another venue waits (retried every
     * 50-200 ms).
     */
    private final class Iceberg extends Planter {
        byte side;
        int tick, slot = -1;
        long id, display, left, deadline;
        boolean executed;

        Iceberg(int idx) { super(idx); }

        @Override void start() {
            int nb = nbb(), no = nbo();
            if (nb < 0 || no >= levels) return;
            side = prng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
            display = 100L * (1 + prng.nextInt(3));
            left = 100L * (30 + prng.nextInt(91));
            deadline = now + (long) ((5 + 10 * prng.nextDouble()) * 60 * NANOS);
            open("iceberg", side);
            peg();
        }

        int touch() { return side == MatchingBook.BUY ? nbb() : nbo(); }

        /** Ticks the touch has moved away from the iceberg's price (0 if at or through it). */
        int away() {
            int t = touch();
            if (t < 0 || t >= levels) return 0;
            return Math.max(0, side == MatchingBook.BUY ? t - tick : tick - t);
        }

        void peg() {
            tick = touch();
            label.restart(now);
            label.price(tick * tickPx);
            label.note = "display " + display + ", reserve " + left + " shares in all";
            refill();
        }

        void refill() {
            if (left <= 0 || now >= deadline) { finish(); return; }
            if (!canRest(side, tick)) { wake = now + ms(50, 200); return; }
            slot = post(side, tick, Math.min(display, left));
            id = books[l3].orderId(slot);
            wake = Math.min(deadline, now + NANOS);
        }

        @Override void onFill(long orderId, long qty, long remaining) {
            left -= qty;
            executed = true;
            label.until(now);
            if (remaining == 0) { slot = -1; if (left > 0) wake = now + ms(1, 5); else finish(); }
        }

        @Override void onWake() {
            if (slot < 0) { refill(); return; }
            int away = away();
            if (now >= deadline || (executed && away > ICEBERG_GIVE_UP_TICKS)) { cancel(slot, id); slot = -1; finish(); return; }
            if (!executed && away >= 3) { cancel(slot, id); slot = -1; peg(); return; }
            wake = Math.min(deadline, now + NANOS);
        }
    }

    /**
     * Spoofing / layering: 1-3 large orders (5,000-20,000 shares) 2-5 ticks behind the touch on one side, and one
     * genuine order joining the opposite touch; the spoof orders push the latent price their way by 1.5 bp (other
     * traders read the book pressure). When the genuine order has filled (or a spoof order was hit, or after 5-30 s)
     * everything still resting is cancelled within 20-300 ms and the push reverts.
     */
    private final class Spoof extends Planter {
        byte side;
        int n, gSlot = -1;
        final int[] slots = new int[3];
        final long[] ids = new long[3];
        long gId;
        double push;

        Spoof(int idx) { super(idx); }

        @Override void start() {
            int nb = nbb(), no = nbo();
            if (nb < 0 || no >= levels) return;
            side = prng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
            n = 1 + prng.nextInt(3);
            int off = 2 + prng.nextInt(4 - n);
            int ref = side == MatchingBook.BUY ? nb : no;
            open("spoof", side);
            label.pricesFromPrints = false;
            long shares = 0;
            for (int j = 0; j < n; j++) {
                int t = ref - side * (off + j);
                long q = 100L * (50 + prng.nextInt(151));
                if (!canRest(side, t)) continue;
                slots[j] = post(side, t, q);
                ids[j] = books[l3].orderId(slots[j]);
                label.price(t * tickPx);
                shares += q;
            }
            label.explicitShares = shares;
            byte gSide = (byte) -side;
            int gTick = side == MatchingBook.BUY ? no : nb;
            long gq = 100L * (5 + prng.nextInt(16));
            label.note = (n > 1 ? "layering, " : "") + n + " spoof order(s) then 1 genuine " + (gSide > 0 ? "buy" : "sell") + " of " + gq;
            if (canRest(gSide, gTick)) { gSlot = post(gSide, gTick, gq); gId = books[l3].orderId(gSlot); }
            push = side * 0.00015;
            jump(push);
            wake = now + ms(5_000, 30_000);
        }

        @Override void onFill(long orderId, long qty, long remaining) {
            label.until(now);
            if (orderId == gId && remaining > 0) return;
            wake = Math.min(wake, now + ms(20, 300));
        }

        @Override void onWake() {
            for (int j = 0; j < n; j++) cancel(slots[j], ids[j]);
            cancel(gSlot, gId);
            jump(-push);
            finish();
        }
    }

    /**
     * Absorption: a large passive buyer or seller rests 1,000-2,000 shares at the touch of the L3 venue (one tick
     * better when the spread is wider than a tick) and refills
     * them (new order id, same price) at once after each full execution (retried after 1-5 ms if that would lock), while a burst of aggressive orders from the
     * other side (300-2,000 shares every 100-500 ms, 20,000-50,000 in all, limit = the absorber's price, with the usual
     * permanent impact on the latent price) trades into it; the price does not move through the absorber. Until its
     * first execution it re-pegs to the touch when the touch has moved 2 ticks away (the label restarts). Ends
     * when the burst is done, when its reserve (1.0-1.5 x the burst) is used up, when the touch has moved 2 ticks away
     * from it after executions, or after 3 minutes.
     */
    private final class Absorber extends Planter {
        byte side;
        int tick, slot = -1;
        long id, chunk, burstLeft, burstShares, deadline, refillAt = Long.MAX_VALUE, burstAt = Long.MAX_VALUE;
        int refills;
        long reserve;
        boolean filled, refillNow;

        @Override void afterFills() {
            if (!refillNow) return;
            refillNow = false;
            if (slot < 0 && canRest(side, tick)) { slot = post(side, tick, Math.min(chunk, reserve)); id = books[l3].orderId(slot); }
            else { refillAt = now + ms(1, 5); rewake(); }
        }

        Absorber(int idx) { super(idx); }

        @Override void start() {
            int nb = nbb(), no = nbo();
            if (nb < 0 || no >= levels) return;
            side = prng.nextBoolean() ? MatchingBook.BUY : MatchingBook.SELL;
            tick = pegTick();
            chunk = 100L * (10 + prng.nextInt(11));
            burstShares = burstLeft = 100L * (200 + prng.nextInt(301));
            reserve = burstShares * (10 + prng.nextInt(6)) / 10;
            deadline = now + 180 * NANOS;
            open("absorption", side);
            label.price(tick * tickPx);
            label.note = "passive " + (side > 0 ? "buyer" : "seller") + " refilling " + chunk + " against a burst of " + burstShares;
            if (!canRest(side, tick)) { finish(); return; }
            slot = post(side, tick, chunk);
            id = books[l3].orderId(slot);
            burstAt = now + ms(50, 200);
            rewake();
        }

        /** The touch, one tick better when the spread allows (the absorber steps ahead of the queue). */
        int pegTick() {
            int nb = nbb(), no = nbo();
            int t = side == MatchingBook.BUY ? nb : no;
            return no - nb > 1 ? t + side : t;
        }

        void rewake() { wake = Math.min(Math.min(refillAt, burstAt), deadline); }

        @Override void onFill(long orderId, long qty, long remaining) {
            label.until(now);
            filled = true;
            reserve -= qty;
            if (reserve <= 0) { slot = -1; finish(); return; }
            if (remaining == 0) {
                slot = -1;
                refills++;
                // a reserve order: the next chunk is there at once (after this fill batch), before anyone else
                // can step in
                refillNow = true;
                pendingRefill = true;
            }
        }

        @Override void onWake() {
            if (now >= deadline || burstLeft <= 0) { cancel(slot, id); slot = -1; finish(); return; }
            if (now >= refillAt) {
                refillAt = Long.MAX_VALUE;
                if (slot < 0 && canRest(side, tick)) { slot = post(side, tick, Math.min(chunk, reserve)); id = books[l3].orderId(slot); }
            }
            int t = side == MatchingBook.BUY ? nbb() : nbo();
            int away = t < 0 || t >= levels ? 0 : side == MatchingBook.BUY ? t - tick : tick - t;
            if (filled && away >= 2) { cancel(slot, id); slot = -1; finish(); return; }
            if (now >= burstAt && !filled && slot >= 0) {
                // nothing traded yet and the touch ran away: re-peg at the touch (the label restarts)
                if (away >= 2) {
                    cancel(slot, id);
                    tick = pegTick();
                    label.restart(now);
                    label.price(tick * tickPx);
                    slot = post(side, tick, chunk);
                    id = books[l3].orderId(slot);
                }
            }
            if (now >= burstAt) {
                long q = Math.min(burstLeft, 100L * (3 + prng.nextInt(18)));
                burstLeft -= q;
                route((byte) -side, q, tick, Agent.BURST, -1, true);
                burstAt = burstLeft > 0 ? now + ms(100, 500) : now + ms(50, 200);
            }
            rewake();
        }
    }

    // ------------------------------------------------------------------ test hooks

    /** The matching book of a lit venue (tests). */
    MatchingBook book(char venue) { return books[venueIndex(venue)]; }

    /** Checks every venue's book invariants; null when all hold (tests). */
    String checkBookInvariants() {
        for (MatchingBook b : books) {
            String err = b.checkInvariants();
            if (err != null) return b.venue() + ": " + err;
        }
        int nbb = nbb(), nbo = nbo();
        if (nbb >= 0 && nbo < levels && nbb >= nbo) return "NBBO locked or crossed: " + nbb + " / " + nbo;
        return null;
    }
}
