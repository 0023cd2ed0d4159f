package dev.periscope.tape;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.flow.FootprintBar;
import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.model.event.TradeEvent;

/**
 * Receives what {@link TapeProcessor} computes. Arguments are flyweights valid only during the call.
 */
public interface TapeListener {
    /**
     * One print, in input order, including prints that were not signed or not counted.
     *
     * @param trade   the print as read
     * @param row     the derived fields for it (side, eligibility, CVD, prevailing NBBO)
     */
    default void onTrade(TradeEvent trade, TapeRow row) {}

    /** A closed footprint bar with its value area ({@code va.isValid()} false for a bar without volume). */
    default void onBar(FootprintBar bar, ValueArea.Result va, TapeRow atClose) {}

    /** An alert from one of the detectors. */
    default void onAlert(Alert alert) {}

    /** End of input, after the last bar and alerts. */
    default void onEnd() {}
}
