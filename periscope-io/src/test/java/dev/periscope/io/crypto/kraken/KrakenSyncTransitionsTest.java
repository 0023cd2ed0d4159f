package dev.periscope.io.crypto.kraken;

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
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of {@link KrakenBookSync}'s state table, driven by v1 frames through {@link KrakenDecoder} as a live
 * connector would (no recording file). Checksums are computed independently here with {@link CRC32} over the
 * documented text (top 10 asks then bids, '.' removed, leading zeros stripped).
 */
class KrakenSyncTransitionsTest {
    final List<String> statuses = new ArrayList<>();
    final DataIssueLog issues = new DataIssueLog();
    final KrakenBookSync sync = new KrakenBookSync("live", new MarketDataHandler() {
        @Override public void onFeedStatus(FeedStatusEvent f) { statuses.add(f.synced + " " + f.reason); }
    }, issues);
    final KrakenDecoder decoder = new KrakenDecoder(sync);
    long frame;

    void frame(String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.US_ASCII);
        sync.at("live", ++frame);
        decoder.decode(b, 0, b.length, frame * 1_000_000_000L);
    }

    static long crc(String text) {
        CRC32 c = new CRC32();
        c.update(text.getBytes(StandardCharsets.US_ASCII));
        return c.getValue();
    }

    @Test
    void everyRowOfTheKrakenStateTableIsTaken() throws IOException {
        frame("[1,{\"a\":[[\"2.0\",\"3.0\",\"1.5\"]]},\"book-10\",\"P/USD\"]");                  // update before any snapshot
        KrakenBookSync.Pair p = sync.pair("P/USD");
        assertThat(p.stats.ignoredUnsynced).isEqualTo(1);
        assertThat(p.book.depth(Side.SELL)).isZero();

        frame("[1,{\"as\":[[\"2.0\",\"1.0\",\"1.0\"]],\"bs\":[[\"1.0\",\"1.0\",\"1.0\"]]},\"book-10\",\"P/USD\"]");
        assertThat(p.synced()).isTrue();

        // asks 2.0 x 3.0, bids 1.0 x 1.0 with one decimal each: "20" "30" then "10" "10"
        frame("[1,{\"a\":[[\"2.0\",\"3.0\",\"2.0\"]],\"c\":\"" + crc("20301010") + "\"},\"book-10\",\"P/USD\"]");
        assertThat(p.stats.checksumOk).isEqualTo(1);
        assertThat(p.book.sizeAt(Side.SELL, Px.parse("2.0"))).isEqualTo(Px.parse("3.0"));

        frame("[1,{\"b\":[[\"1.0\",\"4.0\",\"3.0\"]],\"c\":\"" + crc("20301010") + "\"},\"book-10\",\"P/USD\"]"); // stale checksum
        assertThat(p.synced()).isFalse();
        assertThat(p.stats.checksumFail).isEqualTo(1);
        assertThat(issues.firstIssues()).extracting(DataIssue::toString)
                .containsExactly("live:4 [c] checksum: P/USD: venue " + crc("20301010") + " != computed " + crc("20301040"));

        frame("[1,{\"b\":[[\"1.0\",\"5.0\",\"4.0\"]]},\"book-10\",\"P/USD\"]");                  // ignored while unsynced
        assertThat(p.stats.ignoredUnsynced).isEqualTo(2);
        assertThat(p.book.sizeAt(Side.BUY, Px.parse("1.0"))).isEqualTo(Px.parse("4.0"));

        frame("[1,{\"as\":[[\"2.5\",\"1.0\",\"1.0\"]],\"bs\":[[\"1.5\",\"1.0\",\"1.0\"]]},\"book-10\",\"P/USD\"]");
        assertThat(p.synced()).isTrue();
        assertThat(p.stats.resyncs).isEqualTo(1);
        assertThat(p.book.bestBid()).isEqualTo(Px.parse("1.5"));
        assertThat(p.book.depth(Side.BUY)).isEqualTo(1);

        sync.finish();
        assertThat(statuses).containsExactly("true snapshot", "false checksum", "true resync");
        assertThat(p.stats.snapshots).isEqualTo(2);
        assertThat(p.stats.bookUpdates).isEqualTo(2);
        assertThat(p.stats.synced).isTrue();
    }
}
