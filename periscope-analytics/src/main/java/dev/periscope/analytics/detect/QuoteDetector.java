package dev.periscope.analytics.detect;

import dev.periscope.model.event.QuoteEvent;

/**
 * The quote role of a {@link Detector}: fed every venue quote (a reused {@link QuoteEvent} flyweight, valid only
 * during the call) of a session, after the market state has applied it. {@code session} is the calendar's session
 * key of the quote (quotes outside every session are not fed).
 */
public interface QuoteDetector extends Detector {
    void onQuote(long session, QuoteEvent quote, AlertSink sink);
}
