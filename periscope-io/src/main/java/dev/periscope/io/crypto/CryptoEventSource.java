package dev.periscope.io.crypto;

import dev.periscope.model.event.EventSource;
import dev.periscope.io.crypto.recording.Recording;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.TradeEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pull adapter over a {@link Recording} for {@link dev.periscope.replay.ReplayMerger}: the recording is
 * stepped one recorded line at a time and the events of that line are handed out one by one from pooled
 * flyweights (the pools grow to the largest message, e.g. a snapshot, then are reused: no allocation per event in
 * the steady state). Events come in recording (receive) order; {@code tsEvent} is the venue's time, which can step
 * back between messages (e.g. a Kraken book message carries its newest level's time), so give the merger a
 * backwards tolerance (measured steps in docs/formats-crypto.md). Single-threaded.
 */
public final class CryptoEventSource implements EventSource {
    private final Recording<?, ?> recording;
    private final String name;
    private final Collector collector;
    private boolean finished;

    /** A source stepping {@code recording} (already opened), whose synchroniser pushes to {@code collector}. */
    CryptoEventSource(Recording<?, ?> recording, String name, Collector collector) {
        this.recording = recording;
        this.name = name;
        this.collector = collector;
    }

    /** The wrapped recording (its statistics are final once {@link #next()} returned null). */
    public Recording<?, ?> recording() { return recording; }

    @Override
    public MarketEvent next() {
        Collector c = collector;
        while (c.read == c.size) {
            c.reset();
            if (!recording.step()) {
                if (finished) return null;
                finished = true;
                recording.finish();
                if (c.size == 0) return null;
            }
        }
        return c.queue[c.read++];
    }

    @Override
    public String name() { return name; }

    @Override
    public void close() { recording.close(); }

    /** Copies pushed events into pooled instances, in order. */
    static final class Collector implements MarketDataHandler {
        MarketEvent[] queue = new MarketEvent[64];
        int size;
        int read;
        private final List<BookDeltaEvent> deltas = new ArrayList<>();
        private final List<TradeEvent> trades = new ArrayList<>();
        private final List<FeedStatusEvent> statuses = new ArrayList<>();
        private int nd, nt, ns;

        void reset() { size = 0; read = 0; nd = 0; nt = 0; ns = 0; }

        private void add(MarketEvent e) {
            if (size == queue.length) queue = Arrays.copyOf(queue, size * 2);
            queue[size++] = e;
        }

        @Override
        public void onBookDelta(BookDeltaEvent d) {
            if (nd == deltas.size()) deltas.add(new BookDeltaEvent());
            BookDeltaEvent c = deltas.get(nd++);
            add(c.copyFrom(d));
        }

        @Override
        public void onTrade(TradeEvent t) {
            if (nt == trades.size()) trades.add(new TradeEvent());
            TradeEvent c = trades.get(nt++);
            add(c.copyFrom(t));
        }

        @Override
        public void onFeedStatus(FeedStatusEvent f) {
            if (ns == statuses.size()) statuses.add(new FeedStatusEvent());
            FeedStatusEvent c = statuses.get(ns++);
            add(c.copyFrom(f));
        }
    }
}
