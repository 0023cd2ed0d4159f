package dev.periscope.io.taq;

import dev.periscope.io.csv.AsciiSequence;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams a TAQ-style trades CSV ({@code DT_EST,EX,SYMBOL,COND,SIZE,PRICE,CORR}; see
 * {@code docs/formats-equity.md}) as {@link TradeEvent}s: time converted to epoch ns UTC, {@code EX} as the
 * participant code ({@link dev.periscope.model.Participant}), {@code COND} as a {@link SaleCondition} mask, size in
 * shares and price, both fixed point ({@link Px}), {@code sourceSeq} = line number, aggressor unknown.
 *
 * <p>Constant memory and no allocation per row: fields are parsed from byte ranges of one reusable buffer and
 * one {@link TradeEvent} flyweight is returned for every row. Rows with a bad time, number, size or price (&le; 0),
 * an unknown participant or condition code, or {@code CORR != 0} (under {@link TaqOptions.CorrectionPolicy#SKIP})
 * are reported to the {@link DataIssueLog} with file, line, field and reason and skipped; under STRICT the report
 * throws. Not thread-safe.
 */
public final class TaqTradeReader extends TaqReaderBase {
    private final TradeEvent event = new TradeEvent();
    private final AsciiSequence cond = new AsciiSequence();

    public TaqTradeReader(Path file, TaqOptions options, DataIssueLog issues) {
        super(file, options, issues, TaqFormat.Kind.TRADES);
    }

    public TaqTradeReader(Path file, DataIssueLog issues) {
        this(file, TaqOptions.DEFAULT, issues);
    }

    /**
     * Reads TAQ trades CSV text from {@code in} (plain text, not gunzipped; e.g. a {@link java.io.ByteArrayInputStream}
     * of a file held in memory); {@code sourceName} stands for the file name in issue reports. The stream is
     * closed by {@link #close()}.
     */
    public TaqTradeReader(InputStream in, String sourceName, TaqOptions options, DataIssueLog issues) {
        super(in, sourceName, options, issues, TaqFormat.Kind.TRADES);
    }

    @Override
    MarketEvent event() { return event; }

    @Override
    boolean parse() {
        long ts = timestamp();
        if (bad) return false;
        char venue = participant();
        if (bad) return false;
        Instrument ins = instrument();
        if (bad) return false;
        long conditions = SaleCondition.REGULAR_MASK;
        int cc = format.cond;
        if (cc >= 0) {
            conditions = SaleCondition.maskOf(cond.set(csv.buffer(), csv.start(cc), csv.end(cc)), 0, cond.length());
            if (conditions < 0) {
                report(cc, "unknown-condition", "unknown sale condition in '" + cond + "'");
                return false;
            }
        }
        long size = number(format.size);
        if (bad) return false;
        if (size <= 0) { report(format.size, "bad-size", "size must be > 0: " + Px.format(size)); return false; }
        long price = number(format.price);
        if (bad) return false;
        if (price <= 0) { report(format.price, "bad-price", "price must be > 0: " + Px.format(price)); return false; }
        if (format.corr >= 0) {
            int c = format.corr;
            int v = smallInt(c);
            if (bad) return false;
            if (v != 0 && options.corrections() == TaqOptions.CorrectionPolicy.SKIP) {
                report(c, "corrected-print", "CORR=" + v + " (" + corrMeaning(v) + "): excluded by the correction policy");
                return false;
            }
        }
        event.set(ts, price, size, venue, conditions, Aggressor.UNKNOWN);
        event.instrument = ins;
        event.sourceSeq = csv.lineNumber();
        event.tradeId = 0;
        return true;
    }

    private int smallInt(int c) {
        int s = csv.start(c), e = csv.end(c);
        byte[] b = csv.buffer();
        if (e - s < 1 || e - s > 4) {
            report(c, e == s ? "missing-value" : "bad-number", "CORR must be a small integer: '" + csv.text(c) + "'");
            return 0;
        }
        int v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) { report(c, "bad-number", "CORR must be a small integer: '" + csv.text(c) + "'"); return 0; }
            v = v * 10 + d;
        }
        return v;
    }

    /** Meaning of a TAQ correction indicator (NYSE Daily TAQ Client Specification). */
    static String corrMeaning(int corr) {
        return switch (corr) {
            case 0 -> "regular";
            case 1 -> "original trade later corrected";
            case 2 -> "symbol correction";
            case 7 -> "original trade later marked erroneous";
            case 8 -> "original trade later cancelled";
            case 10 -> "cancel record";
            case 11 -> "error record";
            case 12 -> "correction record";
            default -> "non-zero correction indicator";
        };
    }
}
