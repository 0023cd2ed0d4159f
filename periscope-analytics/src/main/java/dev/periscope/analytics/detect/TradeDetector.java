package dev.periscope.analytics.detect;

/**
 * The print role of a {@link Detector}: fed one print at a time through a reused, read-only {@link PrintContext}
 * (session, time, price, size, venue, conditions, aggressor, the NBBO in force and the instrument's market state).
 * A session change flushes open events and resets session state. The context is only valid during the call: copy
 * what you keep.
 */
public interface TradeDetector extends Detector {
    void onTrade(PrintContext print, AlertSink sink);
}
