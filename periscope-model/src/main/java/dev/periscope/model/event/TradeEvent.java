package dev.periscope.model.event;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;

/**
 * A print. Prices and sizes are fixed point ({@link Px}). {@link #venue} is the participant code character for
 * US equities (see {@link dev.periscope.model.Participant}) or a venue tag otherwise. {@link #conditions} is a
 * {@link SaleCondition} mask. {@link #aggressor} is the side published by the source (crypto venues and LOBSTER
 * executions publish it) or {@link Aggressor#UNKNOWN}; inferred sides are produced by the signing analytics, not
 * stored here.
 */
public final class TradeEvent extends MarketEvent {
    public long price;
    public long size;
    public char venue;
    public long conditions = SaleCondition.REGULAR_MASK;
    public byte aggressor = Aggressor.UNKNOWN;
    /** Venue trade id or 0. */
    public long tradeId;

    public TradeEvent set(long tsEvent, long price, long size, char venue, long conditions, byte aggressor) {
        this.tsEvent = tsEvent;
        this.tsRecv = tsEvent;
        this.price = price;
        this.size = size;
        this.venue = venue;
        this.conditions = conditions;
        this.aggressor = aggressor;
        return this;
    }

    public TradeEvent copy() {
        TradeEvent t = new TradeEvent();
        copyHeaderTo(t);
        t.price = price; t.size = size; t.venue = venue; t.conditions = conditions; t.aggressor = aggressor;
        t.tradeId = tradeId;
        return t;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onTrade(this); }

    @Override
    public String toString() {
        return "Trade[" + tsEvent + " " + Px.format(price) + " x " + Px.format(size) + " @" + venue + " "
                + SaleCondition.codes(conditions) + " " + Aggressor.label(aggressor) + "]";
    }
}
