package dev.periscope.analytics.signing;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;

/**
 * Signs trades of one instrument with every {@link SigningMethod} in one pass (audit OF-1). Feed quotes with
 * {@link #onQuote} and trades, in time order, with {@link #classify(long, long)}; then read {@link #side} (or the
 * per-method getters) for that trade. Each {@code classify} call advances the tick state exactly once, so all
 * methods see the same tick history; {@link #sign} is a shortcut for {@code classify} + {@code side} and must
 * therefore be called once per trade, not once per method.
 *
 * <p><b>Quote timing.</b> The prevailing quote for a trade at {@code ts} is the last quote recorded at or before
 * {@code ts - quoteLagNanos} ({@link QuoteHistory}). With modern exchange timestamps (ms to ns) use lag 0
 * ({@link #NO_LAG}) and feed the quote state strictly <em>before</em> the trade (for LOBSTER: the order-book row
 * preceding the execution message), since a quote stamped with the trade's own time may already reflect it.
 * {@link #LEE_READY_1991_LAG_NANOS} (5 s) reproduces Lee &amp; Ready's (1991) rule for 1988 NYSE data; Holden
 * &amp; Jacobsen (2014, J. Finance 69(4)) show that such lags are wrong for modern data. Callers that already
 * know the prevailing quote use {@link #classify(long, long, long)} instead.
 *
 * <p><b>Rules and ties</b> (B = bid, A = ask, P = trade price; see {@link SigningRules} for quote states):
 * <ul>
 * <li>TICK: {@link TickRule}; UNKNOWN for the first trade and until the first price change.</li>
 * <li>QUOTE: +1 if P &gt; (A+B)/2, -1 if below; UNKNOWN at the mid exactly, or when the quote is crossed or
 *     missing (a locked quote has mid = A = B).</li>
 * <li>LEE_READY: QUOTE when it decides, else TICK (mid trades; also crossed/missing quotes, as in tclf).</li>
 * <li>EMO: +1 if P == A, -1 if P == B for a usable quote (B &lt; A); else TICK (inside, outside, locked,
 *     crossed, missing).</li>
 * <li>CLNV: QUOTE in [B + 0.7(A-B), A] and [B, B + 0.3(A-B)], boundaries inclusive, for a usable quote; else
 *     TICK (middle 40%, outside the quotes, locked, crossed, missing).</li>
 * </ul>
 * A hybrid rule is UNKNOWN only when its tick fallback is too. Results are {@link Aggressor} bytes.
 *
 * <p>Mutable, single-threaded, allocation-free after construction.
 */
public final class TradeSigner {
    /** Quote lag for modern timestamps: the quote in force at the trade's own time. */
    public static final long NO_LAG = 0L;
    /** Lee &amp; Ready's (1991) 5-second lag, for data with coarse, delayed quote timestamps. */
    public static final long LEE_READY_1991_LAG_NANOS = 5_000_000_000L;

    private final QuoteHistory quotes;
    private final long quoteLagNanos;
    private final TickRule tickRule = new TickRule();

    private long bid = Px.NONE, ask = Px.NONE;
    private byte tick, quote, leeReady, emo, clnv;
    private long quoteMisses;
    /** Runs of consecutive equal trade prices: id of the current run (-1 before the first trade) and a ring of
     *  each run's price, so that deferred rules (reverse tick) can look up the next different price. */
    private static final int RUN_RING = 1024;
    private long runId = -1;
    private final long[] runPrices = new long[RUN_RING];

    /** A signer with its own quote history of {@code historyCapacity} quote changes and the given lag (ns, &gt;= 0). */
    public TradeSigner(int historyCapacity, long quoteLagNanos) {
        this(new QuoteHistory(historyCapacity), quoteLagNanos);
    }

    /** A signer reading the given history (which the caller may also feed) with the given lag (ns, &gt;= 0). */
    public TradeSigner(QuoteHistory quotes, long quoteLagNanos) {
        if (quoteLagNanos < 0) throw new IllegalArgumentException("quote lag must be >= 0 ns: " + quoteLagNanos);
        this.quotes = quotes;
        this.quoteLagNanos = quoteLagNanos;
    }

    public long quoteLagNanos() { return quoteLagNanos; }

    public QuoteHistory quotes() { return quotes; }

    /** Records a top-of-book change; false if it is older than the newest quote (not recorded). */
    public boolean onQuote(long tsNanos, long bidPrice, long askPrice) {
        return quotes.onQuote(tsNanos, bidPrice, askPrice);
    }

    /**
     * Records the bid and ask of a quote event. The caller chooses which quotes to feed (for US equities the
     * NBBO, {@link QuoteEvent#NBBO}; a single venue's BBO only for that venue's trades).
     */
    public boolean onQuote(QuoteEvent q) {
        return quotes.onQuote(q.tsEvent, q.bidPrice, q.askPrice);
    }

    /**
     * Classifies a print at its {@code tsEvent} if its sale conditions allow signing
     * ({@link SaleCondition#isSignable}); otherwise leaves the tick state untouched, sets every side to
     * UNKNOWN and returns false. The print's published {@code aggressor} is ignored (compare with it instead).
     */
    public boolean classify(TradeEvent t) {
        if (!SaleCondition.isSignable(t.conditions)) {
            bid = ask = Px.NONE;
            tick = quote = leeReady = emo = clnv = Aggressor.UNKNOWN;
            return false;
        }
        classify(t.tsEvent, t.price);
        return true;
    }

    /** Classifies a trade at {@code tsNanos} and {@code price} against the quote prevailing at {@code tsNanos - lag}. */
    public void classify(long tsNanos, long price) {
        int slot = quotes.lookup(tsNanos - quoteLagNanos);
        if (slot >= 0) {
            classify(price, quotes.bid(slot), quotes.ask(slot));
        } else {
            if (slot == QuoteHistory.EVICTED) quoteMisses++;
            classify(price, Px.NONE, Px.NONE);
        }
    }

    /** Classifies a trade at {@code price} against an explicitly given prevailing quote ({@link Px#NONE} = absent). */
    public void classify(long price, long bidPrice, long askPrice) {
        bid = bidPrice;
        ask = askPrice;
        tick = tickRule.update(price);
        if (runId < 0 || price != runPrices[(int) (runId & (RUN_RING - 1))]) {
            runId++;
            runPrices[(int) (runId & (RUN_RING - 1))] = price;
        }
        quote = SigningRules.quoteRule(price, bidPrice, askPrice);
        leeReady = quote != Aggressor.UNKNOWN ? quote : tick;
        byte e = SigningRules.emoQuote(price, bidPrice, askPrice);
        emo = e != Aggressor.UNKNOWN ? e : tick;
        byte c = SigningRules.clnvQuote(price, bidPrice, askPrice);
        clnv = c != Aggressor.UNKNOWN ? c : tick;
    }

    /** {@link #classify(long, long)} then {@link #side}: call once per trade. */
    public byte sign(SigningMethod m, long tsNanos, long price) {
        classify(tsNanos, price);
        return side(m);
    }

    /**
     * The last classified trade's side under {@code m}. {@link SigningMethod#REVERSE_TICK} is deferred and throws
     * {@link IllegalArgumentException}; use {@link ReverseTickRule} or {@link #runId()} / {@link #runPrice(long)}.
     */
    public byte side(SigningMethod m) {
        return switch (m) {
            case TICK -> tick;
            case QUOTE -> quote;
            case LEE_READY -> leeReady;
            case EMO -> emo;
            case CLNV -> clnv;
            case REVERSE_TICK -> throw new IllegalArgumentException("reverse tick is deferred: it needs later trades");
        };
    }

    /** Id (0, 1, ...) of the run of equal consecutive prices the last trade belongs to; -1 before any trade. */
    public long runId() { return runId; }

    /**
     * Price of run {@code id}, or {@link Px#NONE} if that run has not started yet or is older than the last 1024
     * runs. The reverse tick sign of a trade in run r is the comparison with {@code runPrice(r + 1)}.
     */
    public long runPrice(long id) {
        if (id < 0 || id > runId || runId - id >= RUN_RING) return Px.NONE;
        return runPrices[(int) (id & (RUN_RING - 1))];
    }

    public byte tick() { return tick; }

    public byte quote() { return quote; }

    public byte leeReady() { return leeReady; }

    public byte emo() { return emo; }

    public byte clnv() { return clnv; }

    /** Bid used for the last trade ({@link Px#NONE} if none). */
    public long lastBid() { return bid; }

    /** Ask used for the last trade ({@link Px#NONE} if none). */
    public long lastAsk() { return ask; }

    /** Trades whose prevailing quote had already been evicted from the history (capacity too small for the lag). */
    public long quoteMisses() { return quoteMisses; }

    /** Forgets tick state and quotes (e.g. at a session boundary). */
    public void reset() {
        tickRule.reset();
        runId = -1;
        quotes.clear();
        bid = ask = Px.NONE;
        tick = quote = leeReady = emo = clnv = Aggressor.UNKNOWN;
    }
}
