package dev.periscope.io.crypto.recording;

import dev.periscope.io.crypto.Text;
import dev.periscope.io.crypto.binance.BinanceBookSync;
import dev.periscope.io.crypto.binance.BinanceDecoder;
import dev.periscope.io.crypto.binance.BinanceDiff;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * cryptofeed v1 HTTP capture of Binance REST depth snapshots ({@code <EXCHANGE>.http.<n>.<m>}): lines
 * {@code <url with symbol=SYM> -> <recv epoch seconds>: <JSON body>}. Each body is decoded by
 * {@link BinanceDecoder#decodeSnapshot} and handed to {@link BinanceBookSync#addSnapshot}, as a live connector
 * would after its REST call. Malformed lines are reported with file and line and skipped. Allocates (done once).
 */
public final class BinanceHttpCapture {
    private static final byte[] ARROW = " -> ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON = ": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SYMBOL_EQ = "symbol=".getBytes(StandardCharsets.US_ASCII);

    private BinanceHttpCapture() {}

    /** Loads every snapshot of {@code in} (file {@code name}); returns how many were handed to {@code sync}. */
    public static int load(InputStream in, String name, BinanceDecoder decoder, BinanceBookSync sync, DataIssueLog issues) {
        int loaded = 0;
        try (LineReader r = new LineReader(in)) {
            while (r.next()) {
                long line = r.lineNo();
                sync.at(name, line);
                byte[] b = r.buf();
                int arrow = r.indexOf(ARROW, r.start());
                if (arrow < 0) continue;
                int colon = r.indexOf(COLON, arrow + ARROW.length);
                int sym = r.indexOf(SYMBOL_EQ, r.start());
                if (colon < 0 || sym < 0 || sym > arrow) {
                    issues.report(name, line, "url", "format", "http line without symbol= or timestamp");
                    continue;
                }
                int symEnd = sym + SYMBOL_EQ.length;
                while (symEnd < arrow && b[symEnd] != '&') symEnd++;
                String symbol = new String(b, sym + SYMBOL_EQ.length, symEnd - sym - SYMBOL_EQ.length, StandardCharsets.US_ASCII);
                BinanceDiff snap;
                try {
                    snap = BinanceDiff.snapshot(Text.epochSecondsToNanos(b, arrow + ARROW.length, colon));
                    decoder.decodeSnapshot(b, colon + 2, r.end(), snap);
                } catch (DataException e) {
                    throw e; // STRICT policy: stop at the first issue
                } catch (IOException | RuntimeException e) {
                    decoder.reset();
                    issues.report(name, line, "snapshot", "parse", Recording.cut(String.valueOf(e.getMessage())));
                    continue;
                }
                sync.addSnapshot(symbol, snap);
                loaded++;
            }
        }
        return loaded;
    }
}
