package dev.periscope.replay;

import dev.periscope.model.event.EventSource;
import dev.periscope.io.crypto.CryptoEventSource;
import dev.periscope.io.crypto.CryptoReplay;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two recordings of one venue (Kraken book and trades) merged into one event-time ordered stream. */
class CryptoRecordingMergeTest {
    static final class Counts implements MarketDataHandler {
        long deltas, trades, statuses;

        @Override public void onBookDelta(BookDeltaEvent d) { deltas++; }
        @Override public void onTrade(TradeEvent t) { trades++; }
        @Override public void onFeedStatus(FeedStatusEvent f) { statuses++; }
    }

    @Test
    void krakenBookAndTradeRecordingsMergeByEventTime() throws IOException {
        DataIssueLog issues = new DataIssueLog();
        try (CryptoEventSource book = CryptoReplay.source(SharedData.path("crypto-ws/KRAKEN.ws.50.0"), issues);
             CryptoEventSource trades = CryptoReplay.source(SharedData.path("crypto-ws/KRAKEN.ws.48.0"), issues)) {
            Counts d = new Counts();
            long n = new ReplayMerger(List.of(book, trades), 1_000_000_000L, issues).run(d);
            assertThat(issues.total()).isZero();
            assertThat(d.trades).isEqualTo(10);
            assertThat(d.statuses).isEqualTo(10);
            assertThat(n).isEqualTo(d.deltas + d.trades + d.statuses);
        }
    }
}
