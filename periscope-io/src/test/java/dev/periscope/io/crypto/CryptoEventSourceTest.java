package dev.periscope.io.crypto;

import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CryptoEventSourceTest {
    static final String[] FILES = {"BINANCE.ws.1.0", "BINANCE_FUTURES.ws.1.0", "KRAKEN.ws.50.0", "KRAKEN.ws.48.0",
            "COINBASE.ws.28.0", "COINBASE_advanced_trade_v3.jsonl.zst"};

    /** Counts events and a rolling hash of their content, and the largest backwards step of tsEvent. */
    static final class Digest implements MarketDataHandler {
        long deltas, trades, statuses, hash = 17, lastTs = Long.MIN_VALUE, maxBack;

        void ts(MarketEvent e) {
            if (lastTs != Long.MIN_VALUE && e.tsEvent < lastTs) maxBack = Math.max(maxBack, lastTs - e.tsEvent);
            lastTs = Math.max(lastTs, e.tsEvent);
        }

        @Override public void onBookDelta(BookDeltaEvent d) {
            deltas++; ts(d);
            hash = hash * 31 + d.price * 7 + d.size + d.flags + (d.side == null ? 0 : d.side.sign()) + d.tsEvent;
        }

        @Override public void onTrade(TradeEvent t) { trades++; ts(t); hash = hash * 31 + t.price + t.size * 3 + t.aggressor + t.tradeId; }

        @Override public void onFeedStatus(FeedStatusEvent f) { statuses++; ts(f); hash = hash * 31 + (f.synced ? 1 : 2) + f.reason.hashCode(); }
    }

    @Test
    void pulledEventsEqualPushedEventsForEveryRecording() throws IOException {
        for (String name : FILES) {
            Path file = SharedData.path("crypto-ws/" + name);
            Digest push = new Digest();
            CryptoReplay.Result res = CryptoReplay.replay(file, push, new DataIssueLog());
            Digest pull = new Digest();
            try (CryptoEventSource src = CryptoReplay.source(file, new DataIssueLog())) {
                MarketEvent e;
                while ((e = src.next()) != null) e.dispatchTo(pull);
                assertThat(src.next()).isNull();
                assertThat(src.recording().stats().stream().mapToLong(s -> s.bookUpdates).sum())
                        .isEqualTo(res.total(s -> s.bookUpdates));
            }
            assertThat(pull.deltas).as(name).isEqualTo(push.deltas);
            if (!name.equals("KRAKEN.ws.48.0")) assertThat(pull.deltas).as(name).isPositive();
            assertThat(pull.trades).as(name).isEqualTo(push.trades);
            assertThat(pull.statuses).as(name).isEqualTo(push.statuses);
            assertThat(pull.hash).as(name).isEqualTo(push.hash);
            assertThat(pull.trades).as(name).isEqualTo(res.total(s -> s.trades));
            System.out.printf("%s: %d deltas, %d trades, %d status, max tsEvent step back %.3f s%n",
                    name, pull.deltas, pull.trades, pull.statuses, pull.maxBack / 1e9);
        }
    }
}
