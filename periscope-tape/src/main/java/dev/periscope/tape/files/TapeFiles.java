package dev.periscope.tape.files;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.flow.FootprintBar;
import dev.periscope.analytics.flow.PrintFlags;
import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeRow;
import dev.periscope.model.Participant;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.TradeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a tape run to a directory: {@code trades}, {@code bars}, {@code footprint} and {@code alerts}, each as
 * {@code .csv} or {@code .json}. Columns are documented in docs/tape.md. Times are ISO-8601 UTC with nanoseconds
 * plus epoch nanoseconds; prices and sizes are plain decimals; side is +1/-1/0.
 */
public final class TapeFiles implements TapeListener, AutoCloseable {
    public static final String[] TRADE_COLUMNS = {"ts", "ts_ns", "symbol", "price", "size", "venue", "conditions",
            "off_exchange", "counts_volume", "counts_last", "signable", "session", "counted", "side", "bid", "ask", "cvd", "vwap"};
    public static final String[] BAR_COLUMNS = {"bar_start", "bar_end", "session", "symbol", "open", "high", "low", "close",
            "volume", "buy_volume", "sell_volume", "unknown_volume", "delta", "cvd", "trades", "poc", "vah", "val"};
    public static final String[] FOOTPRINT_COLUMNS = {"bar_start", "symbol", "price", "bid_volume", "ask_volume",
            "unknown_volume", "delta", "trades"};
    public static final String[] ALERT_COLUMNS = {"detector", "kind", "ts_start", "ts_end", "side", "price_low",
            "price_high", "level", "size", "notional", "venues", "prints", "levels", "params", "description"};

    private final RecordWriter trades, bars, footprint, alerts;
    private long tradeRows, barRows, footprintRows, alertRows;
    private String currentSymbol = "";
    private boolean closed;

    public TapeFiles(Path dir, RecordWriter.Format format) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        String ext = format == RecordWriter.Format.CSV ? ".csv" : ".json";
        trades = RecordWriter.open(dir.resolve("trades" + ext), format, TRADE_COLUMNS);
        bars = RecordWriter.open(dir.resolve("bars" + ext), format, BAR_COLUMNS);
        footprint = RecordWriter.open(dir.resolve("footprint" + ext), format, FOOTPRINT_COLUMNS);
        alerts = RecordWriter.open(dir.resolve("alerts" + ext), format, ALERT_COLUMNS);
    }

    static String iso(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L)).toString();
    }

    @Override
    public void onTrade(TradeEvent t, TapeRow row) {
        currentSymbol = t.instrument.id();
        Participant p = Participant.ofCode(t.venue);
        trades.str(iso(t.tsEvent)).num(t.tsEvent).str(currentSymbol).px(t.price).px(t.size)
                .str(String.valueOf(t.venue)).str(SaleCondition.codes(t.conditions))
                .num(p != null && p.isOffExchange() ? 1 : 0)
                .num(PrintFlags.volume(row.printFlags) ? 1 : 0).num(PrintFlags.last(row.printFlags) ? 1 : 0)
                .num(row.signable ? 1 : 0).num(row.sessionKey).num(row.counted ? 1 : 0).num(row.side).px(row.bid).px(row.ask).px(row.cvd);
        if (row.vwapReady && row.sessionKey >= 0) trades.dbl(round8(row.vwap));
        else trades.empty();
        trades.end();
        tradeRows++;
    }

    private static double round8(double v) {
        return Math.round(v * 1e8) / 1e8;
    }

    @Override
    public void onBar(FootprintBar bar, ValueArea.Result va, TapeRow atClose) {
        String start = iso(bar.startTime());
        bars.str(start).str(iso(bar.endTime())).num(bar.sessionKey()).str(currentSymbol).px(bar.open()).px(bar.high()).px(bar.low())
                .px(bar.close()).px(bar.volume()).px(bar.buyVolume()).px(bar.sellVolume()).px(bar.unknownVolume())
                .px(bar.delta()).px(atClose.cvd).num(bar.tradeCount());
        if (va.isValid()) {
            bars.px(va.pocRow() * bar.rowSize()).px(va.highRow() * bar.rowSize()).px(va.lowRow() * bar.rowSize());
        } else {
            bars.empty().empty().empty();
        }
        bars.end();
        barRows++;
        for (int i = 0; i < bar.levelCount(); i++) {
            footprint.str(start).str(currentSymbol).px(bar.levelPrice(i)).px(bar.bidVolume(i)).px(bar.askVolume(i))
                    .px(bar.unknownVolume(i)).px(bar.levelDelta(i)).num(bar.levelTrades(i)).end();
            footprintRows++;
        }
    }

    @Override
    public void onAlert(Alert a) {
        alerts.str(a.detector()).str(a.kind()).str(iso(a.tsStart())).str(iso(a.tsEnd())).num(a.side())
                .px(a.priceLow()).px(a.priceHigh()).px(a.level()).px(a.totalSize()).dbl(Math.round(a.notional() * 100) / 100.0)
                .str(a.venues()).num(a.prints()).num(a.levels()).str(a.params()).str(a.description()).end();
        alertRows++;
    }

    public long tradeRows() { return tradeRows; }

    public long barRows() { return barRows; }

    public long footprintRows() { return footprintRows; }

    public long alertRows() { return alertRows; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            trades.close();
            bars.close();
            footprint.close();
            alerts.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
