package dev.periscope.io.taq;

import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.TradeEvent;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes {@link TradeEvent}s as a TAQ-style trades CSV that {@link TaqTradeReader} reads back to the same events:
 * header {@code DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR} (the time column is {@code DT_UTC} / {@code DT_ET} /
 * {@code DT} for other {@link TaqOptions#zone()} values; default EST = UTC-5), times with 3, 6 or 9 fractional
 * digits (the fewest that are exact), conditions as TAQ characters in {@link SaleCondition} order (a regular-only
 * print is written blank), size and price in canonical decimal, CORR 0. Also a {@link
 * dev.periscope.model.event.MarketDataHandler}, so a replay or the simulator can write to it directly. No
 * allocation per row. {@link TaqLayout#TAQ_EXTRACT} writes the layout of real TAQ extracts instead. Not
 * thread-safe.
 */
public final class TaqTradeWriter extends TaqWriterBase {
    private static final SaleCondition[] CONDS = SaleCondition.values();

    private final TaqConditionField conditionField = new TaqConditionField();

    public TaqTradeWriter(OutputStream out, TaqOptions options, TaqLayout layout) {
        super(out, options, layout);
        header(",EX,SYMBOL,COND,SIZE,PRICE,CORR");
    }

    public TaqTradeWriter(OutputStream out, TaqOptions options) {
        this(out, options, TaqLayout.EXACT);
    }

    public TaqTradeWriter(Path file, TaqOptions options, TaqLayout layout) {
        this(open(file), options, layout);
    }

    public TaqTradeWriter(Path file, TaqOptions options) {
        this(open(file), options, TaqLayout.EXACT);
    }

    public TaqTradeWriter(Path file) {
        this(file, TaqOptions.DEFAULT);
    }

    /** Writes one print. Throws {@link IllegalArgumentException} for a size or price &le; 0 or a missing instrument. */
    public void write(TradeEvent t) {
        if (t.size <= 0 || t.price <= 0) throw new IllegalArgumentException("size and price must be > 0: " + t);
        byte[] sym = symbol(t.instrument);
        row(t.tsEvent).append(',').append(t.venue).append(',').append(sym).append(',');
        long m = t.conditions;
        if (layout.taqConditionField()) conditionField.append(line, m);
        else if (m != SaleCondition.REGULAR_MASK) {
            for (SaleCondition c : CONDS) if ((m & c.bit()) != 0) line.append(c.code());
        }
        line.append(',').appendPx(t.size).append(',').appendPx(t.price).append(",0");
        line.writeLine(out);
        written++;
    }

    @Override
    public void onTrade(TradeEvent trade) { write(trade); }
}
