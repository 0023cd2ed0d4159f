package dev.periscope.io.crypto;

import dev.periscope.model.Px;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CryptoReplayTest {
    static Path f(String name) { return SharedData.path("crypto-ws/" + name); }

    @Test
    void detectsEveryRecordingFormat() throws IOException {
        assertThat(CryptoReplay.detect(f("BINANCE.ws.1.0"))).isEqualTo(CryptoReplay.Format.BINANCE_SPOT);
        assertThat(CryptoReplay.detect(f("BINANCE_FUTURES.ws.1.0"))).isEqualTo(CryptoReplay.Format.BINANCE_FUTURES);
        assertThat(CryptoReplay.detect(f("BINANCE.http.0.0"))).isEqualTo(CryptoReplay.Format.BINANCE_HTTP);
        assertThat(CryptoReplay.detect(f("KRAKEN.ws.50.0"))).isEqualTo(CryptoReplay.Format.KRAKEN);
        assertThat(CryptoReplay.detect(f("KRAKEN.ws.48.0"))).isEqualTo(CryptoReplay.Format.KRAKEN);
        assertThat(CryptoReplay.detect(f("COINBASE.ws.28.0"))).isEqualTo(CryptoReplay.Format.COINBASE_LEGACY);
        assertThat(CryptoReplay.detect(f("COINBASE_advanced_trade_v3.jsonl.zst"))).isEqualTo(CryptoReplay.Format.COINBASE_ADVANCED_V3);
        assertThat(CryptoReplay.detect(SharedData.path("lobster/AAPL_2012-06-21_head999_message_10.csv"))).isEqualTo(CryptoReplay.Format.UNKNOWN);
        assertThatThrownBy(() -> CryptoReplay.replay(f("BINANCE.http.0.0"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void binanceFindsItsCompanionSnapshotFile() throws IOException {
        CryptoReplay.Result r = CryptoReplay.replay(f("BINANCE.ws.1.0"));
        assertThat(r.snapshotFiles()).extracting(p -> p.getFileName().toString()).containsExactly("BINANCE.http.0.0");
        assertThat(r.symbols()).extracting(s -> s.symbol).containsExactly("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR");
        assertThat(r.total(s -> s.bookUpdates)).isEqualTo(177 - 5);
        assertThat(r.total(s -> s.gaps)).isZero();
        CryptoReplay.Result fut = CryptoReplay.replay(f("BINANCE_FUTURES.ws.1.0"));
        assertThat(fut.snapshotFiles()).extracting(p -> p.getFileName().toString()).containsExactly("BINANCE_FUTURES.http.0.0");
        assertThat(fut.total(s -> s.bookUpdates)).isEqualTo(764 - 12);
    }

    @Test
    void tableListsEverySymbolWithCountsAndTopOfBook() throws IOException {
        CryptoReplay.Result r = CryptoReplay.replay(f("KRAKEN.ws.50.0"), null, new DataIssueLog());
        String t = r.table();
        assertThat(t).startsWith("KRAKEN.ws.50.0 (KRAKEN)");
        assertThat(t.lines().filter(l -> l.startsWith("KRAKEN "))).hasSize(10);
        assertThat(t).contains("XMR/USD").contains("353.64 x 30.3 / 354.48 x 6.86050247");
        assertThat(t.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow()).contains(" 4279 ").contains(" 4269 ");
        assertThat(t).endsWith("data issues: none");
        SymbolStats xbt = r.symbol("XBT/CHF");
        assertThat(xbt.bestBid).isEqualTo(Px.parse("56060.3"));
    }

    @Test
    void epochAndIsoTimestampsParseExactly() {
        assertThat(Text.epochSecondsToNanos("1633998512.0633569", 0, 18)).isEqualTo(1_633_998_512_063_356_900L);
        assertThat(Text.epochSecondsToNanos("1618678132", 0, 10)).isEqualTo(1_618_678_132_000_000_000L);
        // java.time as the independent oracle
        String iso = "2021-04-17T16:43:37.075687Z";
        java.time.Instant i = java.time.Instant.parse(iso);
        assertThat(Text.isoToNanos(iso, 0, iso.length())).isEqualTo(i.getEpochSecond() * 1_000_000_000L + i.getNano());
        String iso9 = "2026-08-09T21:05:48.228568804Z";
        i = java.time.Instant.parse(iso9);
        assertThat(Text.isoToNanos(iso9, 0, iso9.length())).isEqualTo(i.getEpochSecond() * 1_000_000_000L + i.getNano());
        String iso0 = "2024-02-29T00:00:00Z";
        assertThat(Text.isoToNanos(iso0, 0, iso0.length())).isEqualTo(java.time.Instant.parse(iso0).getEpochSecond() * 1_000_000_000L);
    }
}
