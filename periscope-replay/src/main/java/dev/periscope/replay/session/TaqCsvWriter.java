package dev.periscope.replay.session;

import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Minimal writer of NYSE-TAQ-style CSV in the layout of the {@code hf-taq-sample} files (see
 * {@code shared/data/README.md}): trades {@code DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR} and quotes
 * {@code DT_EST,EX,BID,BIDSIZ,OFR,OFRSIZ,SYMBOL}. DT_EST is exchange wall-clock time with milliseconds (truncated);
 * COND is TAQ's four-character sale-condition field (settlement, trade-through exemption, extended hours, SRO
 * detail) with blanks trimmed, written {@code ""} when regular; SIZE is shares; quote sizes are round lots of 100
 * (floor, but at least 1 when the side has any shares: the simulator's quote is the literal top of book, which may
 * be an odd lot); an absent side is written as price 0, size 0. NBBO quotes ({@code '*'}) are not written.
 *
 * <p>Interim: this belongs in {@code periscope-io} ({@code dev.periscope.io.taq}); replace it with the io writers
 * when they are merged. Allocation per row is limited to the reused StringBuilder. Not thread-safe.
 */
public final class TaqCsvWriter implements MarketDataHandler, AutoCloseable {
    public static final String TRADE_HEADER = "DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR";
    public static final String QUOTE_HEADER = "DT_EST,EX,BID,BIDSIZ,OFR,OFRSIZ,SYMBOL";

    private final Writer trades, quotes;
    private final String symbol;
    private final EtClock clock;
    private final StringBuilder sb = new StringBuilder(96);
    private final char[] cond = new char[8];
    private long tradeRows, quoteRows;

    /** Writes to the given files (either may be null to skip that stream), creating or truncating them. */
    public TaqCsvWriter(Path tradesFile, Path quotesFile, String symbol, ZoneId zone) throws IOException {
        this.symbol = symbol;
        this.clock = new EtClock(zone);
        this.trades = tradesFile == null ? null : open(tradesFile, TRADE_HEADER);
        this.quotes = quotesFile == null ? null : open(quotesFile, QUOTE_HEADER);
    }

    private static Writer open(Path p, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII);
        w.write(header);
        w.write('\n');
        return w;
    }

    public long tradeRows() { return tradeRows; }

    public long quoteRows() { return quoteRows; }

    @Override
    public void onTrade(TradeEvent t) {
        if (trades == null) return;
        sb.setLength(0);
        clock.appendTaqTime(sb, t.tsEvent);
        sb.append(',').append(t.venue).append(',').append(symbol).append(',');
        appendCondition(sb, t.conditions);
        sb.append(',').append(t.size / Px.SCALE).append(',');
        Px.appendTo(sb, t.price);
        sb.append(",0\n");
        write(trades, sb);
        tradeRows++;
    }

    @Override
    public void onQuote(QuoteEvent q) {
        if (quotes == null || q.venue == QuoteEvent.NBBO) return;
        sb.setLength(0);
        clock.appendTaqTime(sb, q.tsEvent);
        sb.append(',').append(q.venue).append(',');
        side(q.bidPrice, q.bidSize);
        sb.append(',');
        side(q.askPrice, q.askSize);
        sb.append(',').append(symbol).append('\n');
        write(quotes, sb);
        quoteRows++;
    }

    private void side(long price, long size) {
        if (price == Px.NONE || size <= 0) { sb.append("0,0"); return; }
        Px.appendTo(sb, price);
        long shares = size / Px.SCALE;
        sb.append(',').append(Math.max(1, shares / 100));
    }

    /** TAQ's 4-character condition field from a mask, blanks trimmed, {@code ""} when empty. */
    void appendCondition(StringBuilder out, long mask) {
        java.util.Arrays.fill(cond, ' ');
        int extra = 4;
        for (SaleCondition c : SaleCondition.values()) {
            if (c == SaleCondition.REGULAR || !SaleCondition.has(mask, c)) continue;
            int pos = position(c.code());
            if (cond[pos] == ' ') cond[pos] = c.code();
            else if (extra < cond.length) cond[extra++] = c.code();
        }
        int from = 0, to = extra;
        while (from < to && cond[from] == ' ') from++;
        while (to > from && cond[to - 1] == ' ') to--;
        if (from == to) out.append("\"\"");
        else out.append(cond, from, to - from);
    }

    /** Byte of the TAQ condition field a code belongs in: settlement, exemption/reason, extended hours, SRO detail. */
    private static int position(char c) {
        return switch (c) {
            case 'C', 'N', 'R' -> 0;
            case 'T', 'U', 'Z' -> 2;
            case 'I', 'W', 'B', 'K', 'V', 'L', 'G', 'H', 'A', 'D', 'E', 'S', 'Y', '1' -> 3;
            default -> 1;
        };
    }

    private static void write(Writer w, StringBuilder sb) {
        try {
            w.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (trades != null) trades.close();
        if (quotes != null) quotes.close();
    }
}
