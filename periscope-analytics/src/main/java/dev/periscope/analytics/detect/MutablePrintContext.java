package dev.periscope.analytics.detect;

import dev.periscope.book.market.MarketState;

import java.util.Objects;

/**
 * The flyweight behind {@link PrintContext}: one per pipeline (per instrument), refilled by {@link #set} for each
 * print and handed to detectors as the read-only interface. Allocation-free. Not thread-safe.
 */
public final class MutablePrintContext implements PrintContext {
    private final MarketState market;
    private long session, ts, price, size, conditions, bid, ask;
    private char venue;
    private byte aggressor;

    /** A context over an empty market state (tests, detectors run on prints alone). */
    public MutablePrintContext() {
        this(new MarketState());
    }

    public MutablePrintContext(MarketState market) {
        this.market = Objects.requireNonNull(market, "market");
    }

    /** Refills every field; returns this. */
    public MutablePrintContext set(long session, long ts, long price, long size, char venue, long conditions,
                                   byte aggressor, long bid, long ask) {
        this.session = session;
        this.ts = ts;
        this.price = price;
        this.size = size;
        this.venue = venue;
        this.conditions = conditions;
        this.aggressor = aggressor;
        this.bid = bid;
        this.ask = ask;
        return this;
    }

    @Override public long session() { return session; }

    @Override public long ts() { return ts; }

    @Override public long price() { return price; }

    @Override public long size() { return size; }

    @Override public char venue() { return venue; }

    @Override public long conditions() { return conditions; }

    @Override public byte aggressor() { return aggressor; }

    @Override public long bid() { return bid; }

    @Override public long ask() { return ask; }

    @Override public MarketState market() { return market; }
}
