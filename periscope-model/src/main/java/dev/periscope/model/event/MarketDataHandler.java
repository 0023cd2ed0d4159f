package dev.periscope.model.event;

/**
 * The one callback interface through which every source (file replay, simulator, live feed) drives analytics.
 * Events are flyweights valid only during the call (see {@link MarketEvent}). Default methods ignore the event,
 * so a handler implements only what it consumes. Implementations are single-threaded.
 */
public interface MarketDataHandler {
    default void onTrade(TradeEvent trade) {}

    default void onQuote(QuoteEvent quote) {}

    default void onBookDelta(BookDeltaEvent delta) {}

    default void onOrder(OrderEvent order) {}

    default void onFeedStatus(FeedStatusEvent status) {}

    default void onBar(BarEvent bar) {}

    /** End of input: flush partial bars and state. */
    default void onEnd() {}
}
