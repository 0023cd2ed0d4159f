package dev.periscope.io.crypto.binance;

import dev.periscope.io.crypto.binance.BinanceSyncState.Transition;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.FeedStatusEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.periscope.io.crypto.binance.BinanceSyncState.AWAIT_SNAPSHOT;
import static dev.periscope.io.crypto.binance.BinanceSyncState.BRIDGING;
import static dev.periscope.io.crypto.binance.BinanceSyncState.SYNCED;
import static dev.periscope.io.crypto.binance.BinanceSyncState.UNSYNCED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition of the Binance spot sync state machine ({@link BinanceBookSync}'s table), driven the way a live
 * connector would: JSON frames into {@link BinanceDecoder}, REST snapshot bodies into
 * {@link BinanceBookSync#addSnapshot}, no recording file involved. States, transition counts, status events, data
 * issues and book contents are checked after each frame.
 */
class BinanceSyncTransitionsTest {
    final List<String> statuses = new ArrayList<>();
    final DataIssueLog issues = new DataIssueLog();
    final BinanceBookSync sync = new BinanceBookSync(false, "live", new MarketDataHandler() {
        @Override public void onFeedStatus(FeedStatusEvent f) { statuses.add(f.instrument.symbol() + " " + f.synced + " " + f.reason); }
    }, issues);
    final BinanceDecoder decoder = new BinanceDecoder(false, sync);
    long frame;

    void snapshot(String sym, long lastUpdateId, int recvSec, String bidPx) throws IOException {
        byte[] b = ("{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":[[\"" + bidPx + "\",\"5\"]],\"asks\":[[\"9.0\",\"5\"]]}")
                .getBytes(StandardCharsets.US_ASCII);
        BinanceDiff snap = BinanceDiff.snapshot(recvSec * 1_000_000_000L);
        decoder.decodeSnapshot(b, 0, b.length, snap);
        sync.addSnapshot(sym, snap);
    }

    /** A depthUpdate frame U..u setting bid {@code bidPx} to size u (so the applied diff is visible in the book). */
    void diff(String sym, long first, long last, int recvSec, String bidPx) throws IOException {
        byte[] b = ("{\"stream\":\"" + sym.toLowerCase() + "@depth\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + (recvSec * 1000L)
                + ",\"s\":\"" + sym + "\",\"U\":" + first + ",\"u\":" + last + ",\"b\":[[\"" + bidPx + "\",\"" + last + "\"]],\"a\":[]}}")
                .getBytes(StandardCharsets.US_ASCII);
        sync.at("live", ++frame);
        decoder.decode(b, 0, b.length, recvSec * 1_000_000_000L);
    }

    BinanceSyncState state(String sym) {
        return sync.symbols().stream().filter(s -> s.symbol.equals(sym)).findFirst().orElseThrow().state();
    }

    long bid(String sym, String px) {
        return sync.symbols().stream().filter(s -> s.symbol.equals(sym)).findFirst().orElseThrow().book.sizeAt(Side.BUY, Px.parse(px));
    }

    @Test
    void everyTransitionOfTheSpotProcedureIsTakenWithItsDocumentedEffect() throws IOException {
        snapshot("XUSDT", 100, 10, "1.0");
        snapshot("XUSDT", 300, 50, "1.5");
        snapshot("YUSDT", 100, 10, "1.0");

        diff("XUSDT", 95, 99, 5, "1.1"); // before any snapshot is available: buffered
        assertThat(state("XUSDT")).isEqualTo(AWAIT_SNAPSHOT);
        assertThat(sync.transitions(Transition.BUFFER)).isEqualTo(1);

        // t=11: both t=10 snapshots become usable, X's buffered u=99 <= 100 is stale, U=100 <= 101 <= u=102 bridges
        diff("XUSDT", 100, 102, 11, "1.2");
        assertThat(sync.transitions(Transition.SNAPSHOT)).isEqualTo(2);
        assertThat(sync.transitions(Transition.STALE)).isEqualTo(1);
        assertThat(sync.transitions(Transition.BRIDGE)).isEqualTo(1);
        assertThat(state("XUSDT")).isEqualTo(SYNCED);
        assertThat(state("YUSDT")).isEqualTo(BRIDGING);
        assertThat(bid("XUSDT", "1.1")).isZero();              // the stale diff was not applied
        assertThat(bid("XUSDT", "1.2")).isEqualTo(Px.ofUnits(102));

        diff("XUSDT", 103, 105, 12, "1.3");                     // U == previous u + 1
        assertThat(sync.transitions(Transition.APPLY)).isEqualTo(1);
        assertThat(bid("XUSDT", "1.3")).isEqualTo(Px.ofUnits(105));

        diff("XUSDT", 110, 112, 13, "1.4");                     // U=110 after u=105: gap, snapshot at t=50 follows
        assertThat(sync.transitions(Transition.GAP_RESYNC)).isEqualTo(1);
        assertThat(state("XUSDT")).isEqualTo(AWAIT_SNAPSHOT);
        assertThat(issues.firstIssues().get(0).toString()).isEqualTo("live:4 [U] sequence-gap: XUSDT: U=110 after u=105");

        diff("XUSDT", 113, 115, 14, "1.4");
        assertThat(sync.transitions(Transition.BUFFER)).isEqualTo(2);

        // t=51: snapshot 300 applied, both buffered diffs (u=112, 115 <= 300) stale, U=299 <= 301 <= 301 resyncs
        diff("XUSDT", 299, 301, 51, "1.6");
        assertThat(state("XUSDT")).isEqualTo(SYNCED);
        assertThat(sync.transitions(Transition.STALE)).isEqualTo(3);
        assertThat(sync.transitions(Transition.BRIDGE)).isEqualTo(2);
        assertThat(bid("XUSDT", "1.5")).isEqualTo(Px.ofUnits(5)); // from the second snapshot
        assertThat(bid("XUSDT", "1.2")).isZero();                 // the first book was replaced

        diff("XUSDT", 310, 311, 52, "1.7");                      // gap, no later snapshot
        assertThat(sync.transitions(Transition.GAP_UNSYNCED)).isEqualTo(1);
        assertThat(state("XUSDT")).isEqualTo(UNSYNCED);
        diff("XUSDT", 312, 313, 53, "1.8");
        assertThat(sync.transitions(Transition.IGNORE)).isEqualTo(1);
        assertThat(bid("XUSDT", "1.8")).isZero();

        diff("YUSDT", 105, 106, 54, "1.1");                      // first diff after lastUpdateId+1: gap while bridging
        assertThat(state("YUSDT")).isEqualTo(UNSYNCED);
        assertThat(sync.transitions(Transition.GAP_UNSYNCED)).isEqualTo(2);

        sync.finish();
        assertThat(statuses).containsExactly("XUSDT true snapshot", "XUSDT false gap", "XUSDT true resync",
                "XUSDT false gap", "YUSDT false gap");
        for (Transition t : Transition.values()) assertThat(sync.transitions(t)).as(t.name()).isPositive();
        var x = sync.symbols().get(0).stats;
        assertThat(x.gaps).isEqualTo(2);
        assertThat(x.resyncs).isEqualTo(1);
        assertThat(x.synced).isFalse();
        assertThat(x.shownTop()).isEqualTo("unsynced (book not shown)");
    }

    @Test
    void everyTransitionLeavesTheStateItsTableRowNames() {
        for (Transition t : Transition.values()) {
            assertThat(t.to).as(t.name()).isEqualTo(switch (t) {
                case BUFFER, GAP_RESYNC -> AWAIT_SNAPSHOT;
                case SNAPSHOT, STALE -> BRIDGING;
                case BRIDGE, APPLY -> SYNCED;
                case GAP_UNSYNCED, IGNORE -> UNSYNCED;
            });
        }
    }
}
