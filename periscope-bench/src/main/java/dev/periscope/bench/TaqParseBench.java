package dev.periscope.bench;

import dev.periscope.io.taq.TaqOptions;
import dev.periscope.io.taq.TaqQuoteReader;
import dev.periscope.io.taq.TaqTradeReader;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
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
import java.util.concurrent.TimeUnit;

/**
 * TAQ CSV parsing speed: the real trades (3.5 MB, 77,263 rows) and quotes (6.3 MB, 131,401 rows) files of the
 * shared sample, read once into memory at setup, then parsed in full by {@link TaqTradeReader} /
 * {@link TaqQuoteReader} per invocation (timestamp to epoch ns in America/New_York, participant, symbol lookup,
 * sale-condition mask, fixed-point prices and sizes, every validation). One operation = one CSV row, so the score
 * is rows/s and {@code gc.alloc.rate.norm} is bytes per row (it includes the per-file reader, its 64 KiB buffer and
 * the issue log, amortised over the file, and the two reported CORR rows of the trades file).
 * Every event field is folded into the returned checksum so nothing can be dead-code eliminated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TaqParseBench {
    private byte[] trades, quotes;

    @Setup
    public void load() {
        trades = TaqSample.bytes(TaqSample.TRADES);
        quotes = TaqSample.bytes(TaqSample.QUOTES);
        DataIssueLog log = new DataIssueLog();
        try (TaqTradeReader r = new TaqTradeReader(new ByteArrayInputStream(trades), "trades", TaqOptions.DEFAULT, log)) {
            while (r.next() != null) { /* count */ }
            TaqSample.check("trade rows", TaqSample.TRADE_ROWS, r.rowsRead());
        }
        try (TaqQuoteReader r = new TaqQuoteReader(new ByteArrayInputStream(quotes), "quotes", TaqOptions.DEFAULT, log)) {
            while (r.next() != null) { /* count */ }
            TaqSample.check("quote rows", TaqSample.QUOTE_ROWS, r.rowsRead());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TaqSample.TRADE_ROWS)
    public long trades() {
        long h = 0;
        try (TaqTradeReader r = new TaqTradeReader(new ByteArrayInputStream(trades), "trades", TaqOptions.DEFAULT,
                new DataIssueLog())) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) {
                TradeEvent t = (TradeEvent) e;
                h = h * 31 + t.tsEvent + t.price + t.size + t.venue + t.conditions + t.sourceSeq;
            }
            return h + r.rowsRead();
        }
    }

    @Benchmark
    @OperationsPerInvocation(TaqSample.QUOTE_ROWS)
    public long quotes() {
        long h = 0;
        try (TaqQuoteReader r = new TaqQuoteReader(new ByteArrayInputStream(quotes), "quotes", TaqOptions.DEFAULT,
                new DataIssueLog())) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) {
                QuoteEvent q = (QuoteEvent) e;
                h = h * 31 + q.tsEvent + q.venue + q.bidPrice + q.bidSize + q.askPrice + q.askSize + q.sourceSeq;
            }
            return h + r.rowsRead();
        }
    }
}
