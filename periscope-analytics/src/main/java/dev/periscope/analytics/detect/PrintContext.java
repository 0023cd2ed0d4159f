package dev.periscope.analytics.detect;

import dev.periscope.book.market.MarketState;
import dev.periscope.model.Px;

/**
 * One print as a {@link TradeDetector} sees it: a read-only view of a flyweight the pipeline refills per print
 * ({@link MutablePrintContext}), valid only during the call. Prices and sizes are {@link Px} fixed point.
 */
public interface PrintContext {
    /** Any key that changes when a session starts (e.g. {@code yyyymmdd}). */
    long session();

    /** Epoch ns UTC, event time, non-decreasing. */
    long ts();

    long price();

    long size();

    /** Participant code for US equities ({@code 'D'} = FINRA ADF/TRF, off-exchange), or a venue tag. */
    char venue();

    /** {@link dev.periscope.model.SaleCondition} mask. */
    long conditions();

    /** {@link dev.periscope.model.Aggressor} byte from the signing stage or the venue: +1 buy, -1 sell, 0 unknown. */
    byte aggressor();

    /** NBBO bid the print was signed against ({@link Px#NONE} if unknown). */
    long bid();

    /** NBBO ask the print was signed against ({@link Px#NONE} if unknown). */
    long ask();

    /** The instrument's market state (book, quotes, last sale) as of this print. */
    MarketState market();
}
