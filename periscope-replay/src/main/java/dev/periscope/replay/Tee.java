package dev.periscope.replay;

import dev.periscope.model.event.BarEvent;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;

/** Fans every event out to several handlers, in the given order (deterministic). Allocation-free per event. */
public final class Tee implements MarketDataHandler {
    private final MarketDataHandler[] handlers;

    public Tee(MarketDataHandler... handlers) {
        this.handlers = handlers.clone();
    }

    @Override public void onTrade(TradeEvent e) { for (MarketDataHandler h : handlers) h.onTrade(e); }

    @Override public void onQuote(QuoteEvent e) { for (MarketDataHandler h : handlers) h.onQuote(e); }

    @Override public void onBookDelta(BookDeltaEvent e) { for (MarketDataHandler h : handlers) h.onBookDelta(e); }

    @Override public void onOrder(OrderEvent e) { for (MarketDataHandler h : handlers) h.onOrder(e); }

    @Override public void onFeedStatus(FeedStatusEvent e) { for (MarketDataHandler h : handlers) h.onFeedStatus(e); }

    @Override public void onBar(BarEvent e) { for (MarketDataHandler h : handlers) h.onBar(e); }

    @Override public void onEnd() { for (MarketDataHandler h : handlers) h.onEnd(); }
}
