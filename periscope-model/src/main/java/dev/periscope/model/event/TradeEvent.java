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

    /** A new event equal to this one in every field (allocates). */
    public TradeEvent copy() {
        return new TradeEvent().copyFrom(this);
    }

    /** Overwrites every field of this event with {@code o}'s (header included); returns this. No allocation. */
    public TradeEvent copyFrom(TradeEvent o) {
        copyHeaderFrom(o);
        price = o.price; size = o.size; venue = o.venue; conditions = o.conditions; aggressor = o.aggressor;
        tradeId = o.tradeId;
        return this;
    }

    @Override
    public void dispatchTo(MarketDataHandler h) { h.onTrade(this); }

    @Override
    public String toString() {
        return "Trade[" + tsEvent + " " + Px.format(price) + " x " + Px.format(size) + " @" + venue + " "
                + SaleCondition.codes(conditions) + " " + Aggressor.label(aggressor) + "]";
    }
}
