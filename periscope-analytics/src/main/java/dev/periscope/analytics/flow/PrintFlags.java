package dev.periscope.analytics.flow;

import dev.periscope.model.SaleCondition;

/**
 * Which consolidated statistics a print may update, as a small {@code int} bit set passed by the caller with each
 * trade: {@link #VOLUME} (volume, delta, footprint levels, VWAP weight), {@link #LAST} (open/close/last price)
 * and {@link #HIGH_LOW} (bar high and low). A print with flags 0 only advances event time.
 *
 * <p>For US equities derive the flags from the sale-condition mask with {@link #ofConditions(long)} (CTA/UTP
 * update rules, "most restrictive condition wins", see {@link SaleCondition}); venues without conditions pass
 * {@link #ALL}. Stateless.
 */
public final class PrintFlags {
    /** Print counts in volume, delta and the footprint's per-level volumes. */
    public static final int VOLUME = 1;
    /** Print may set open, close and last price. */
    public static final int LAST = 2;
    /** Print may set bar high and low. */
    public static final int HIGH_LOW = 4;
    /** A regular print: updates everything. */
    public static final int ALL = VOLUME | LAST | HIGH_LOW;

    private PrintFlags() {}

    /** Flags of a print carrying the {@link SaleCondition} mask {@code conditions}. Allocation-free. */
    public static int ofConditions(long conditions) {
        int f = 0;
        if (SaleCondition.updatesVolume(conditions)) f |= VOLUME;
        if (SaleCondition.updatesLast(conditions)) f |= LAST;
        if (SaleCondition.updatesHighLow(conditions)) f |= HIGH_LOW;
        return f;
    }

    public static boolean volume(int flags) { return (flags & VOLUME) != 0; }

    public static boolean last(int flags) { return (flags & LAST) != 0; }

    public static boolean highLow(int flags) { return (flags & HIGH_LOW) != 0; }
}
