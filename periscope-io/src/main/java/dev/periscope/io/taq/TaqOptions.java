package dev.periscope.io.taq;

import dev.periscope.model.Instrument;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * Options of the TAQ-style CSV readers and writers. Immutable; use {@link #DEFAULT} and the {@code with...}
 * methods.
 *
 * @param zone        zone of the printed timestamps, or {@code null} for "auto": taken from the time column's
 *                    name ({@code DT_EST} = fixed UTC-05:00 all year, {@code DT_UTC} = UTC, {@code DT_ET} =
 *                    America/New_York with daylight saving); a plain {@code DT} column then needs an explicit zone
 * @param lotSize     shares per round lot; quote sizes ({@code BIDSIZ}, {@code OFRSIZ}) are in round lots and are
 *                    multiplied by this (default 100, the classic US round lot; under the round-lot tiers of
 *                    the 2024 Reg NMS amendments, SEC Release 34-101070, in force from late 2025, stocks above
 *                    $250 have smaller round lots, so set this per file for such data)
 * @param corrections what to do with trades whose {@code CORR} is not 0
 * @param instruments creates the {@link Instrument} for a new symbol (called once per distinct symbol)
 */
public record TaqOptions(ZoneId zone, long lotSize, CorrectionPolicy corrections,
                         Function<String, Instrument> instruments) {

    /** Treatment of corrected, cancelled and erroneous prints ({@code CORR != 0}). */
    public enum CorrectionPolicy {
        /**
         * Default. Report the row as data issue kind {@code corrected-print} and skip it (so, under a STRICT
         * issue policy, the first such row stops the run). This removes both the original print and the
         * cancel/correction record, the standard cleaning step T1 of Barndorff-Nielsen, Hansen, Lunde and Shephard
         * (2009).
         */
        SKIP,
        /** Emit every row as printed, whatever its CORR (for users who apply corrections themselves). */
        KEEP
    }

    /** Auto zone, 100-share lots, skip corrections, {@link Instrument#usEquity}. */
    public static final TaqOptions DEFAULT = new TaqOptions(null, 100, CorrectionPolicy.SKIP, Instrument::usEquity);

    public TaqOptions {
        if (lotSize <= 0) throw new IllegalArgumentException("lotSize must be > 0: " + lotSize);
        Objects.requireNonNull(corrections, "corrections");
        Objects.requireNonNull(instruments, "instruments");
    }

    public TaqOptions withZone(ZoneId z) { return new TaqOptions(z, lotSize, corrections, instruments); }

    public TaqOptions withLotSize(long lot) { return new TaqOptions(zone, lot, corrections, instruments); }

    public TaqOptions withCorrections(CorrectionPolicy c) { return new TaqOptions(zone, lotSize, c, instruments); }

    public TaqOptions withInstruments(Function<String, Instrument> f) { return new TaqOptions(zone, lotSize, corrections, f); }
}
