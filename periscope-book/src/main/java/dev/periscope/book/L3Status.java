package dev.periscope.book;

/**
 * Outcome of applying one market-by-order event to an L3 book. Expected data problems are values, not
 * exceptions: LOBSTER and ITCH files start mid-session, so cancels and executions of orders submitted before the
 * file began are normal ({@link #UNKNOWN_ORDER}).
 */
public enum L3Status {
    /** Applied. */
    OK,
    /** Valid event that changes no visible order (hidden execution, cross trade, halt). */
    NO_BOOK_CHANGE,
    /** Cancel, delete or execution of an order id the book does not hold; nothing changed. */
    UNKNOWN_ORDER,
    /** Add with an id that is already resting; nothing changed. */
    DUPLICATE_ORDER,
    /** Cancel or execution larger than the remaining size: the order was removed (remaining taken to 0, never negative). */
    OVERFILL,
    /** Event price or side differs from the resting order's; applied to the resting order as it is held. */
    PRICE_OR_SIDE_MISMATCH,
    /** Add, cancel or execution with size &lt;= 0, or an add without a price; nothing changed. */
    BAD_SIZE
}
