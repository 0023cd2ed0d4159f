package dev.periscope.io.crypto;

import dev.periscope.book.L2Book;
import dev.periscope.book.MutableL2Book;
import dev.periscope.io.crypto.binance.BinanceBookSync;
import dev.periscope.io.crypto.binance.BinanceDecoder;
import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.io.crypto.recording.Recording;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.quality.DataIssueLog;
import io.airlift.compress.zstd.ZstdInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Engine-free replay of one crypto WebSocket recording: detects the venue from the file's first line, wires the
 * matching recording format, venue decoder and book synchroniser ({@link CryptoRecordings}: Binance spot/futures
 * with its companion {@code *.http.*} snapshot file from the same folder, Kraken v1, Coinbase legacy ws-feed,
 * Coinbase Advanced Trade v3 JSONL, zstd-compressed or not) and returns
 * per-symbol statistics with the final top of book. Events go to an optional {@link MarketDataHandler}.
 * Backs the {@code periscope crypto FILE...} command.
 */
public final class CryptoReplay {
    private CryptoReplay() {}

    /** Recording formats recognised by {@link #detect}. */
    public enum Format { BINANCE_SPOT, BINANCE_FUTURES, BINANCE_HTTP, KRAKEN, COINBASE_LEGACY, COINBASE_ADVANCED_V3, UNKNOWN }

    /** The outcome of replaying one file. */
    public record Result(Path file, Format format, List<SymbolStats> symbols, List<Path> snapshotFiles, DataIssueLog issues) {
        public long total(java.util.function.ToLongFunction<SymbolStats> f) {
            return symbols.stream().mapToLong(f).sum();
        }

        public SymbolStats symbol(String s) {
            return symbols.stream().filter(x -> x.symbol.equals(s)).findFirst().orElse(null);
        }

        /** A fixed-width table, one row per symbol, then a totals line and the data-issue summary. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(file.getFileName()).append(" (").append(format).append(')');
            if (!snapshotFiles.isEmpty()) sb.append(" snapshots from ").append(snapshotFiles.stream().map(p -> p.getFileName().toString()).toList());
            sb.append('\n');
            sb.append(String.format(Locale.ROOT, "%-17s %-11s %6s %5s %6s %5s %4s %6s %6s %6s %6s %6s %6s %6s %6s %-3s  %s%n",
                    "venue", "symbol", "msgs", "snaps", "upds", "stale", "gaps", "resync", "ignord", "ckOK", "ckFail", "trades",
                    "idGaps", "crossd", "topChk", "ok", "final best bid x size / best ask x size"));
            for (SymbolStats s : symbols) {
                sb.append(String.format(Locale.ROOT, "%-17s %-11s %6d %5d %6d %5d %4d %6d %6d %6d %6d %6d %6d %6d %6d %-3s  %s%n",
                        s.venue, s.symbol, s.messages, s.snapshots, s.bookUpdates, s.staleDropped, s.gaps, s.resyncs,
                        s.ignoredUnsynced, s.checksumOk, s.checksumFail, s.trades, s.tradeIdGaps, s.crossedAfterUpdate, s.topChecks,
                        !s.hasBook() ? "-" : s.synced ? "yes" : "NO", s.shownTop()));
            }
            sb.append(String.format(Locale.ROOT, "%-29s %6d %5d %6d %5d %4d %6d %6d %6d %6d %6d %6d %6d %6d%n", "total",
                    total(s -> s.messages), total(s -> s.snapshots), total(s -> s.bookUpdates), total(s -> s.staleDropped),
                    total(s -> s.gaps), total(s -> s.resyncs), total(s -> s.ignoredUnsynced), total(s -> s.checksumOk),
                    total(s -> s.checksumFail), total(s -> s.trades), total(s -> s.tradeIdGaps),
                    total(s -> s.crossedAfterUpdate), total(s -> s.topChecks)));
            sb.append(issues.summary());
            return sb.toString();
        }

        @Override
        public String toString() { return table(); }
    }

    /**
     * A file that cannot be replayed: missing, a directory, not a crypto recording, a Binance snapshot file given
     * alone, or a Binance stream without its REST snapshots. The message is {@code FILE: reason}.
     */
    public static final class RecordingRejected extends IllegalArgumentException {
        public RecordingRejected(Path file, String reason) {
            super(file + ": " + reason);
        }
    }

    /** Replays one recording with a fresh skip-policy issue log and no handler. */
    public static Result replay(Path file) throws IOException {
        return replay(file, null, new DataIssueLog());
    }

    /** Replays one recording, pushing events to {@code handler} (may be null) and issues to {@code issues}. */
    public static Result replay(Path file, MarketDataHandler handler, DataIssueLog issues) throws IOException {
        return replay(file, handler, issues, L2Book::new);
    }

    /**
     * Replays one recording into books made by {@code books} (e.g. {@code ReferenceL2Book::new} for the twin
     * comparison). Throws {@link RecordingRejected} for a file that is not a replayable recording.
     */
    public static Result replay(Path file, MarketDataHandler handler, DataIssueLog issues, Supplier<MutableL2Book> books)
            throws IOException {
        Format f = detect(file);
        List<Path> snaps = new ArrayList<>();
        Recording<?, ?> r = build(file, f, handler, issues, snaps, books);
        try (InputStream in = open(file)) {
            r.open(in, file.getFileName().toString());
            while (r.step()) { /* loop */ }
        }
        r.finish();
        return new Result(file, f, r.stats(), snaps, issues);
    }

    /**
     * The recording as a pull {@link dev.periscope.model.event.EventSource} (for {@code ReplayMerger}); the file
     * stays open until the source is exhausted or closed. Statistics: {@code source.recording().stats()} at the end.
     */
    public static CryptoEventSource source(Path file, DataIssueLog issues) throws IOException {
        Format f = detect(file);
        CryptoEventSource.Collector c = new CryptoEventSource.Collector();
        Recording<?, ?> r = build(file, f, c, issues, new ArrayList<>(), L2Book::new);
        r.open(open(file), file.getFileName().toString());
        return new CryptoEventSource(r, file.getFileName().toString(), c);
    }

    private static Recording<?, ?> build(Path file, Format f, MarketDataHandler handler, DataIssueLog issues, List<Path> snaps,
                                         Supplier<MutableL2Book> books) throws IOException {
        String name = file.getFileName().toString();
        switch (f) {
            case BINANCE_SPOT, BINANCE_FUTURES -> {
                Recording<BinanceBookSync, BinanceDecoder> b = CryptoRecordings.binance(f == Format.BINANCE_FUTURES, name, handler, issues);
                b.sync().bookFactory(books); // before the snapshots create the symbols
                snaps.addAll(companionSnapshots(file));
                if (snaps.isEmpty()) {
                    throw new RecordingRejected(file, "Binance depth stream without its REST depth snapshots: no "
                            + name.substring(0, Math.max(0, name.indexOf(".ws."))) + ".http.* file beside it (a local book cannot be synced without one)");
                }
                int loaded = 0;
                for (Path h : snaps) {
                    try (InputStream in = open(h)) { loaded += CryptoRecordings.loadSnapshots(b, in, h.getFileName().toString()); }
                }
                if (loaded == 0) {
                    throw new RecordingRejected(file, "no REST depth snapshot could be read from "
                            + snaps.stream().map(p -> p.getFileName().toString()).toList() + " (a local book cannot be synced without one)");
                }
                b.sync().at(name, 0);
                return b;
            }
            case KRAKEN -> { return withBooks(CryptoRecordings.kraken(name, handler, issues), books); }
            case COINBASE_LEGACY -> { return withBooks(CryptoRecordings.coinbaseLegacy(name, handler, issues), books); }
            case COINBASE_ADVANCED_V3 -> { return withBooks(CryptoRecordings.coinbaseAdvanced(name, handler, issues), books); }
            case BINANCE_HTTP -> throw new RecordingRejected(file, "a Binance REST snapshot file; replay its .ws. file instead");
            default -> throw new RecordingRejected(file, "not a crypto recording (first line does not name a supported venue)");
        }
    }

    private static Recording<?, ?> withBooks(Recording<?, ?> r, Supplier<MutableL2Book> books) {
        r.sync().bookFactory(books);
        return r;
    }

    /** Recognises the recording format from its first line. */
    public static Format detect(Path file) throws IOException {
        if (!Files.exists(file)) throw new RecordingRejected(file, "not found");
        if (Files.isDirectory(file)) throw new RecordingRejected(file, "is a directory, not a recording file");
        if (!Files.isReadable(file)) throw new RecordingRejected(file, "not readable");
        String first;
        try (InputStream in = open(file)) {
            byte[] b = in.readNBytes(512);
            first = new String(b, StandardCharsets.UTF_8);
        }
        if (first.startsWith("{\"t\":\"header\"") && first.contains("\"exchange\":\"COINBASE\"")) return Format.COINBASE_ADVANCED_V3;
        if (first.startsWith("wss://stream.binance.")) return Format.BINANCE_SPOT;
        if (first.startsWith("wss://fstream.binance.")) return Format.BINANCE_FUTURES;
        if (first.startsWith("https://api.binance.") || first.startsWith("https://fapi.binance.")) return Format.BINANCE_HTTP;
        if (first.startsWith("wss://ws.kraken.com")) return Format.KRAKEN;
        if (first.startsWith("wss://ws-feed.pro.coinbase.com") || first.startsWith("wss://ws-feed.exchange.coinbase.com")) return Format.COINBASE_LEGACY;
        return Format.UNKNOWN;
    }

    /** cryptofeed names a session's REST captures {@code <EXCHANGE>.http.<n>.<m>} beside {@code <EXCHANGE>.ws.<n>.<m>}. */
    static List<Path> companionSnapshots(Path ws) throws IOException {
        String name = ws.getFileName().toString();
        int i = name.indexOf(".ws.");
        if (i < 0) return List.of();
        String prefix = name.substring(0, i) + ".http.";
        Path dir = ws.toAbsolutePath().getParent();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    /** Opens a file, transparently decompressing zstd (by magic number). */
    static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xB5 && (magic[2] & 0xff) == 0x2F
                && (magic[3] & 0xff) == 0xFD) {
            return new BufferedInputStream(new ZstdInputStream(in), 1 << 16); // fixed-size reads: the decoder resizes its window on varying ones
        }
        return in;
    }

    /** Human-readable price for tables ("-" for none). */
    static String px(long v) { return v == Px.NONE ? "-" : Px.format(v); }
}
