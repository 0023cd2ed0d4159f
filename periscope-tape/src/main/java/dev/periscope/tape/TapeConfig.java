package dev.periscope.tape;

import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.analytics.signing.SigningMethod;
import dev.periscope.model.Px;
import dev.periscope.model.time.TradingCalendar;

import java.util.Objects;

/**
 * Parameters of a tape run.
 *
 * @param method          trade-signing method for prints whose source publishes no aggressor (default Lee-Ready)
 * @param quoteLagNanos   quote lag for the signer (default 0: modern timestamps)
 * @param calendar        session calendar: session aggregates (CVD, VWAP) reset at its session boundaries
 * @param barKind         TIME, VOLUME or TICK bars
 * @param barSize         bar length: nanoseconds (TIME), fixed-point volume (VOLUME) or prints (TICK)
 * @param rowSize         footprint price row height, fixed point (default one cent)
 * @param valueArea       value-area calculator (default 70%)
 * @param regularHoursOnly when true, prints outside regular trading hours are passed through but not counted
 * @param excludedNbboVenues venue codes whose quotes do not form the NBBO ("" = none)
 * @param l3Venue         venue whose L3 order events build the market state's order book and feed the order
 *                        detectors; {@code '\0'} = every venue's
 * @param l3Book          keep that venue's L3 book in the market state (for readers of {@code market().l3()});
 *                        order events reach the order detectors either way
 */
public record TapeConfig(SigningMethod method, long quoteLagNanos, TradingCalendar calendar,
                         dev.periscope.analytics.flow.FootprintBarBuilder.Kind barKind, long barSize, long rowSize,
                         ValueArea valueArea, boolean regularHoursOnly, String excludedNbboVenues, char l3Venue, boolean l3Book) {
    public TapeConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(barKind, "barKind");
        Objects.requireNonNull(valueArea, "valueArea");
        Objects.requireNonNull(excludedNbboVenues, "excludedNbboVenues");
        if (quoteLagNanos < 0) throw new IllegalArgumentException("quote lag must be >= 0");
        if (barSize <= 0) throw new IllegalArgumentException("bar size must be > 0");
        if (rowSize <= 0) throw new IllegalArgumentException("row size must be > 0");
    }

    /** Lee-Ready without lag, 5-minute time bars, 1-cent rows, 70% value area, all sessions, every venue's L3 events, no L3 book kept. */
    public static TapeConfig defaults(TradingCalendar calendar) {
        return new TapeConfig(SigningMethod.LEE_READY, 0, calendar,
                dev.periscope.analytics.flow.FootprintBarBuilder.Kind.TIME, 5L * 60 * 1_000_000_000L,
                Px.SCALE / 100, ValueArea.DEFAULT, false, "", '\0', false);
    }

    public TapeConfig withMethod(SigningMethod m) {
        return new TapeConfig(m, quoteLagNanos, calendar, barKind, barSize, rowSize, valueArea, regularHoursOnly, excludedNbboVenues, l3Venue, l3Book);
    }

    public TapeConfig withQuoteLag(long nanos) {
        return new TapeConfig(method, nanos, calendar, barKind, barSize, rowSize, valueArea, regularHoursOnly, excludedNbboVenues, l3Venue, l3Book);
    }

    public TapeConfig withBars(dev.periscope.analytics.flow.FootprintBarBuilder.Kind kind, long size) {
        return new TapeConfig(method, quoteLagNanos, calendar, kind, size, rowSize, valueArea, regularHoursOnly, excludedNbboVenues, l3Venue, l3Book);
    }

    public TapeConfig withRowSize(long row) {
        return new TapeConfig(method, quoteLagNanos, calendar, barKind, barSize, row, valueArea, regularHoursOnly, excludedNbboVenues, l3Venue, l3Book);
    }

    public TapeConfig withValueArea(ValueArea va) {
        return new TapeConfig(method, quoteLagNanos, calendar, barKind, barSize, rowSize, va, regularHoursOnly, excludedNbboVenues, l3Venue, l3Book);
    }

    public TapeConfig withRegularHoursOnly(boolean rth) {
        return new TapeConfig(method, quoteLagNanos, calendar, barKind, barSize, rowSize, valueArea, rth, excludedNbboVenues, l3Venue, l3Book);
    }

    public TapeConfig withL3Venue(char venue) {
        return new TapeConfig(method, quoteLagNanos, calendar, barKind, barSize, rowSize, valueArea, regularHoursOnly, excludedNbboVenues, venue, l3Book);
    }

    public TapeConfig withL3Book(boolean keep) {
        return new TapeConfig(method, quoteLagNanos, calendar, barKind, barSize, rowSize, valueArea, regularHoursOnly, excludedNbboVenues, l3Venue, keep);
    }
}
