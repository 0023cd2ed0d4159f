package dev.periscope.io.crypto.recording;

import dev.periscope.io.crypto.binance.BinanceBookSync;
import dev.periscope.io.crypto.binance.BinanceDecoder;
import dev.periscope.io.crypto.coinbase.CoinbaseAdvancedBookSync;
import dev.periscope.io.crypto.coinbase.CoinbaseAdvancedDecoder;
import dev.periscope.io.crypto.coinbase.CoinbaseLegacyBookSync;
import dev.periscope.io.crypto.coinbase.CoinbaseLegacyDecoder;
import dev.periscope.io.crypto.kraken.KrakenBookSync;
import dev.periscope.io.crypto.kraken.KrakenDecoder;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Wires each venue's decoder and book synchroniser to its cryptofeed recording format: v1 WebSocket captures for
 * Binance, Kraken and legacy Coinbase, v3 JSON Lines for Coinbase Advanced Trade. {@code source} names the file in
 * data issues; {@code handler} may be null.
 */
public final class CryptoRecordings {
    private CryptoRecordings() {}

    public static Recording<BinanceBookSync, BinanceDecoder> binance(boolean futures, String source, MarketDataHandler handler,
                                                                     DataIssueLog issues) {
        BinanceBookSync sync = new BinanceBookSync(futures, source, handler, issues);
        return new Recording<>(new WsCaptureLine(), new BinanceDecoder(futures, sync), sync, issues);
    }

    public static Recording<KrakenBookSync, KrakenDecoder> kraken(String source, MarketDataHandler handler, DataIssueLog issues) {
        KrakenBookSync sync = new KrakenBookSync(source, handler, issues);
        return new Recording<>(new WsCaptureLine(), new KrakenDecoder(sync), sync, issues);
    }

    public static Recording<CoinbaseLegacyBookSync, CoinbaseLegacyDecoder> coinbaseLegacy(String source, MarketDataHandler handler,
                                                                                          DataIssueLog issues) {
        CoinbaseLegacyBookSync sync = new CoinbaseLegacyBookSync(source, handler, issues);
        return new Recording<>(new WsCaptureLine(), new CoinbaseLegacyDecoder(sync), sync, issues);
    }

    public static Recording<CoinbaseAdvancedBookSync, CoinbaseAdvancedDecoder> coinbaseAdvanced(String source, MarketDataHandler handler,
                                                                                                DataIssueLog issues) {
        CoinbaseAdvancedBookSync sync = new CoinbaseAdvancedBookSync(source, handler, issues);
        return new Recording<>(new JsonlV3Line(), new CoinbaseAdvancedDecoder(sync), sync, issues);
    }

    /** Loads a Binance REST snapshot capture into {@code r}'s synchroniser; returns the snapshots loaded. */
    public static int loadSnapshots(Recording<BinanceBookSync, BinanceDecoder> r, InputStream http, String name) {
        return BinanceHttpCapture.load(http, name, r.decoder(), r.sync(), r.issues());
    }

    /** Replays Binance {@code ws} with the snapshots in {@code http} (may be null), uncompressed files. */
    public static Recording<BinanceBookSync, BinanceDecoder> runBinance(Path ws, Path http, boolean futures,
                                                                        MarketDataHandler handler, DataIssueLog issues) throws IOException {
        Recording<BinanceBookSync, BinanceDecoder> r = binance(futures, ws.getFileName().toString(), handler, issues);
        if (http != null) {
            try (InputStream in = Files.newInputStream(http)) { loadSnapshots(r, in, http.getFileName().toString()); }
        }
        return run(r, List.of(ws));
    }

    /** Replays the uncompressed {@code files} in order through {@code r}, then finishes it. */
    public static <S extends dev.periscope.io.crypto.VenueBookSync, D extends dev.periscope.io.crypto.FrameDecoder> Recording<S, D> run(
            Recording<S, D> r, List<Path> files) throws IOException {
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                r.open(in, f.getFileName().toString());
                while (r.step()) { /* loop */ }
            }
        }
        r.finish();
        return r;
    }
}
