package dev.periscope.bench;

import dev.periscope.io.crypto.SymbolStats;
import dev.periscope.io.crypto.binance.BinanceBookSync;
import dev.periscope.io.crypto.binance.BinanceDecoder;
import dev.periscope.io.crypto.recording.CryptoRecordings;
import dev.periscope.io.crypto.recording.Recording;
import dev.periscope.model.event.BookDeltaEvent;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Binance depthUpdate JSON through a Binance {@link Recording} (v1 capture lines → {@link BinanceDecoder} →
 * {@link BinanceBookSync}; strict byte scanner for depthUpdate with the Jackson
 * non-blocking streaming parser as fallback and for the other messages, fixed-point prices, per-symbol sequence
 * checks), bytes per second, on the real USD-M futures recording of
 * {@code shared/data/crypto-ws} (cryptofeed sample: 764 depthUpdate messages of 4 symbols, 2021-07-22).
 * One operation = one input byte, so the score is bytes/s (divide by 10^9 for GB/s) and
 * {@code gc.alloc.rate.norm} is bytes allocated per input byte.
 * <ul>
 * <li>{@code depthParse}: the 764 depthUpdate lines ({@code <recv s>: {"stream":..,"data":{..}}}, 264,713 bytes)
 *     repeated 16 times in memory (4.2 MB). The repeated copies break the update-id sequence, so after the first
 *     pass every symbol is UNSYNCED (checked at setup): each message is split, fully parsed (all fields, every
 *     price level to fixed point), sequence-checked and then dropped, i.e. this is parsing without the book.
 *     {@code depthParseJackson}: the same with {@code fastDepth(false)} (all through Jackson, the path before the
 *     byte scanner).</li>
 * <li>{@code fullReplay}: the whole recording as recorded (ws file, all message types: depth, bookTicker,
 *     aggTrade, kline) with its REST snapshot file (1000-level snapshots), synced books on the replay's default
 *     fast {@code L2Book}, every book delta and trade delivered to a handler; a new replay per
 *     invocation. Bytes = ws + http file.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BinanceDepthBench {
    static final String WS = "crypto-ws/BINANCE_FUTURES.ws.1.0";
    static final String HTTP = "crypto-ws/BINANCE_FUTURES.http.0.0";
    static final int DEPTH_LINE_BYTES = 264_713;
    static final int REPEAT = 16;
    static final int DEPTH_BYTES = DEPTH_LINE_BYTES * REPEAT;
    static final int WS_BYTES = 424_126, HTTP_BYTES = 98_561;
    static final int RECORDING_BYTES = WS_BYTES + HTTP_BYTES;

    private byte[] depth, ws, http;
    private Recording<BinanceBookSync, BinanceDecoder> steady, steadyJackson;
    private final Sink sink = new Sink();

    /** Folds every book delta and trade into a checksum. */
    static final class Sink implements MarketDataHandler {
        long h;

        @Override
        public void onBookDelta(BookDeltaEvent d) { h = h * 31 + d.price + d.size + d.flags; }

        @Override
        public void onTrade(TradeEvent t) { h = h * 31 + t.price + t.size; }
    }

    @Setup
    public void setup() throws IOException {
        ws = TaqSample.bytes(WS);
        http = TaqSample.bytes(HTTP);
        TaqSample.check("ws bytes", WS_BYTES, ws.length);
        TaqSample.check("http bytes", HTTP_BYTES, http.length);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        int count = 0;
        for (String line : new String(ws, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.contains("\"e\":\"depthUpdate\"")) {
                lines.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                count++;
            }
        }
        TaqSample.check("depthUpdate lines", 764, count);
        TaqSample.check("depthUpdate bytes", DEPTH_LINE_BYTES, lines.size());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int r = 0; r < REPEAT; r++) lines.writeTo(all);
        depth = all.toByteArray();

        steady = CryptoRecordings.binance(true, "depth-repeated", sink, new DataIssueLog());
        CryptoRecordings.loadSnapshots(steady, new ByteArrayInputStream(http), "http");
        steady.replay(new ByteArrayInputStream(depth));
        steady.replay(new ByteArrayInputStream(depth));
        for (SymbolStats s : steady.stats()) {
            if (s.synced) throw new IllegalStateException("expected every symbol unsynced after the repeats: " + s);
        }
        long before = depthIgnored();
        depthParse();
        TaqSample.check("depth messages parsed and dropped per pass", (long) 764 * REPEAT, depthIgnored() - before);

        if (steady.decoder().depthFallbacks() != 0 || steady.decoder().fastDepthMessages() == 0)
            throw new IllegalStateException("byte scanner fell back " + steady.decoder().depthFallbacks() + " times");

        steadyJackson = CryptoRecordings.binance(true, "depth-repeated-jackson", sink, new DataIssueLog());
        steadyJackson.decoder().fastDepth(false);
        CryptoRecordings.loadSnapshots(steadyJackson, new ByteArrayInputStream(http), "http");
        steadyJackson.replay(new ByteArrayInputStream(depth));
        steadyJackson.replay(new ByteArrayInputStream(depth));
        for (SymbolStats s : steadyJackson.stats()) {
            if (s.synced) throw new IllegalStateException("expected every symbol unsynced after the repeats: " + s);
        }
        if (steadyJackson.decoder().fastDepthMessages() != 0) throw new IllegalStateException("Jackson variant used the scanner");

        long deltas = fullReplay();
        System.out.printf("%n[BinanceDepthBench] %d depthUpdate lines x %d = %d bytes; full replay checksum %d%n",
                count, REPEAT, depth.length, deltas);
    }

    private long depthIgnored() {
        long n = 0;
        for (SymbolStats s : steady.stats()) n += s.ignoredUnsynced;
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(DEPTH_BYTES)
    public long depthParse() {
        steady.replay(new ByteArrayInputStream(depth));
        return sink.h + steady.sync().symbols().get(0).stats.messages;
    }

    /** {@code depthParse} with the byte scanner switched off: every message through Jackson (the old path). */
    @Benchmark
    @OperationsPerInvocation(DEPTH_BYTES)
    public long depthParseJackson() {
        steadyJackson.replay(new ByteArrayInputStream(depth));
        return sink.h + steadyJackson.sync().symbols().get(0).stats.messages;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDING_BYTES)
    public long fullReplay() throws IOException {
        Sink out = new Sink();
        Recording<BinanceBookSync, BinanceDecoder> r = CryptoRecordings.binance(true, "ws", out, new DataIssueLog());
        CryptoRecordings.loadSnapshots(r, new ByteArrayInputStream(http), "http");
        r.replay(new ByteArrayInputStream(ws));
        r.finish();
        return out.h;
    }
}
