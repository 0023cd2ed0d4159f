package dev.periscope.io.taq;

import java.util.Objects;

/**
 * How the TAQ writers lay out what the format leaves open. {@link #EXACT} (the default) writes what
 * {@link TaqTradeReader}/{@link TaqQuoteReader} read back to the same events; {@link #TAQ_EXTRACT} writes the layout
 * of real TAQ extracts such as the highfrequency sample in {@code shared/data/hf-taq-sample}: times truncated to the
 * millisecond, the four-byte TAQ sale-condition field, and quote sizes as whole round lots.
 *
 * @param millisOnly        times with exactly 3 fractional digits, truncated (otherwise 3, 6 or 9: the fewest exact)
 * @param taqConditionField COND as TAQ's positional four-character field — byte 1 settlement (C, N, R), byte 2
 *                          trade-through exemption and others (e.g. F, O, 4, 6, 7), byte 3 extended hours (T, U, Z),
 *                          byte 4 SRO detail (I, W, B, …) — with surrounding blanks trimmed and {@code ""} for a
 *                          regular print; otherwise the codes in {@link dev.periscope.model.SaleCondition} order
 *                          and a blank field for a regular print
 * @param quoteLotsFloor    quote sizes as {@code max(1, floor(shares / lot))} for a side with shares (an odd-lot top
 *                          of book still shows as 1 lot); otherwise a size that is not whole lots is written as a
 *                          decimal number of lots
 */
public record TaqLayout(boolean millisOnly, boolean taqConditionField, boolean quoteLotsFloor) {
    /** Round-trip exact: what the readers read back to the same events. */
    public static final TaqLayout EXACT = new TaqLayout(false, false, false);
    /** The layout of real TAQ extracts (milliseconds, TAQ condition field, whole round lots). */
    public static final TaqLayout TAQ_EXTRACT = new TaqLayout(true, true, true);

    /** The layout for {@code options}' writers: {@link #EXACT} unless asked otherwise. */
    static TaqLayout orDefault(TaqLayout l) {
        return Objects.requireNonNullElse(l, EXACT);
    }
}
