package dev.periscope.io.crypto.coinbase;

import dev.periscope.io.crypto.FrameDecoder;
import dev.periscope.io.crypto.VenueBookSync;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the Coinbase synchronisers' state tables ({@link CoinbaseAdvancedBookSync},
 * {@link CoinbaseLegacyBookSync}), driven by frames through their decoders as a live connector would.
 */
class CoinbaseSyncTransitionsTest {
    final List<String> statuses = new ArrayList<>();
    final DataIssueLog issues = new DataIssueLog();
    final MarketDataHandler handler = new MarketDataHandler() {
        @Override public void onFeedStatus(FeedStatusEvent f) { statuses.add(f.instrument.symbol() + " " + f.synced + " " + f.reason); }
    };
    long frame;

    void feed(FrameDecoder d, VenueBookSync s, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.US_ASCII);
        s.at("live", ++frame);
        d.decode(b, 0, b.length, frame * 1_000_000_000L);
    }

    static String l2(long seq, String type, String side, String px, String qty) {
        return "{\"channel\":\"l2_data\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\",\"sequence_num\":" + seq
                + ",\"events\":[{\"type\":\"" + type + "\",\"product_id\":\"BTC-USD\",\"updates\":[{\"side\":\"" + side
                + "\",\"event_time\":\"1970-01-01T00:00:00Z\",\"price_level\":\"" + px + "\",\"new_quantity\":\"" + qty + "\"}]}]}";
    }

    @Test
    void advancedTradeSnapshotUpdateGapIgnoreResync() throws IOException {
        CoinbaseAdvancedBookSync sync = new CoinbaseAdvancedBookSync("live", handler, issues);
        CoinbaseAdvancedDecoder dec = new CoinbaseAdvancedDecoder(sync);
        feed(dec, sync, l2(0, "update", "bid", "10.0", "1"));       // before any snapshot: ignored
        CoinbaseAdvancedBookSync.Product p = sync.product("BTC-USD");
        assertThat(p.stats.ignoredUnsynced).isEqualTo(1);
        feed(dec, sync, l2(1, "snapshot", "bid", "10.0", "2"));
        feed(dec, sync, l2(2, "update", "offer", "11.0", "3"));
        assertThat(p.book.bestAsk()).isEqualTo(Px.parse("11.0"));
        assertThat(p.stats.bookUpdates).isEqualTo(1);
        feed(dec, sync, l2(5, "update", "offer", "11.0", "4"));     // sequence_num 5 after 2: gap, then ignored
        assertThat(sync.sequenceGaps).isEqualTo(1);
        assertThat(p.stats.ignoredUnsynced).isEqualTo(2);
        assertThat(p.book.sizeAt(Side.SELL, Px.parse("11.0"))).isEqualTo(Px.parse("3"));
        assertThat(issues.firstIssues()).extracting(DataIssue::toString)
                .containsExactly("live:4 [sequence_num] sequence-gap: sequence_num 5 after 2");
        feed(dec, sync, l2(6, "snapshot", "bid", "9.5", "1"));
        assertThat(p.book.bestAsk()).isEqualTo(Px.NONE);
        assertThat(p.book.bestBid()).isEqualTo(Px.parse("9.5"));
        sync.finish();
        assertThat(statuses).containsExactly("BTC-USD true snapshot", "BTC-USD false gap", "BTC-USD true resync");
        assertThat(p.stats.synced).isTrue();
        assertThat(p.stats.resyncs).isEqualTo(1);
    }

    @Test
    void legacyUpdateBeforeSnapshotThenSnapshotUpdateAndResync() throws IOException {
        CoinbaseLegacyBookSync sync = new CoinbaseLegacyBookSync("live", handler, issues);
        CoinbaseLegacyDecoder dec = new CoinbaseLegacyDecoder(sync);
        feed(dec, sync, "{\"type\":\"l2update\",\"product_id\":\"X-USD\",\"changes\":[[\"buy\",\"1.5\",\"2\"]]}");
        CoinbaseLegacyBookSync.Product p = sync.product("X-USD");
        assertThat(p.l2BeforeSnapshot).isEqualTo(1);
        feed(dec, sync, "{\"type\":\"snapshot\",\"product_id\":\"X-USD\",\"bids\":[[\"1.4\",\"3\"]],\"asks\":[[\"1.6\",\"4\"]]}");
        feed(dec, sync, "{\"type\":\"l2update\",\"product_id\":\"X-USD\",\"changes\":[[\"sell\",\"1.6\",\"0\"]]}");
        assertThat(p.book.bestAsk()).isEqualTo(Px.NONE);
        feed(dec, sync, "{\"type\":\"snapshot\",\"product_id\":\"X-USD\",\"bids\":[[\"1.3\",\"3\"]],\"asks\":[[\"1.7\",\"4\"]]}");
        sync.finish();
        assertThat(p.book.bestBid()).isEqualTo(Px.parse("1.3"));
        assertThat(statuses).containsExactly("X-USD true snapshot", "X-USD true resync");
        assertThat(p.stats.resyncs).isEqualTo(1);
        assertThat(p.stats.bookUpdates).isEqualTo(1);
        assertThat(issues.firstIssues()).extracting(DataIssue::toString).containsExactly("live:1 [l2update] order: X-USD: l2update before snapshot");
    }
}
