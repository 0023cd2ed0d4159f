package dev.periscope.io.taq;

import dev.periscope.io.csv.CsvLineReader;
import dev.periscope.model.quality.DataException;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The TAQ-style CSV layout (see {@code docs/formats-equity.md}): which file kind a header describes, where each
 * column is, and the timestamp zone implied by the time column's name. Columns are found by name
 * (case-insensitive, any order); extra columns are ignored.
 */
public final class TaqFormat {
    /** What a TAQ-style file holds. */
    public enum Kind { TRADES, QUOTES }

    /** The fixed UTC-5 offset of {@code DT_EST} columns (no daylight saving). */
    public static final ZoneOffset EST = ZoneOffset.ofHours(-5);
    /** America/New_York, for {@code DT_ET} columns. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final Kind kind;
    final String[] names;
    final int time, ex, symbol;
    // trades
    final int cond, size, price, corr;
    // quotes
    final int bid, bidSize, ofr, ofrSize;
    final ZoneId headerZone;

    private TaqFormat(String[] names) {
        this.names = names;
        time = find("DT_EST", "DT_UTC", "DT_ET", "DT");
        ex = find("EX");
        symbol = find("SYMBOL", "SYM_ROOT", "SYM");
        cond = find("COND", "TR_SCOND");
        size = find("SIZE");
        price = find("PRICE");
        corr = find("CORR", "TR_CORR");
        bid = find("BID");
        bidSize = find("BIDSIZ", "BIDSIZE");
        ofr = find("OFR", "ASK");
        ofrSize = find("OFRSIZ", "OFRSIZE", "ASKSIZ", "ASKSIZE");
        if (time >= 0 && ex >= 0 && symbol >= 0 && price >= 0 && size >= 0 && bid < 0) kind = Kind.TRADES;
        else if (time >= 0 && ex >= 0 && symbol >= 0 && bid >= 0 && bidSize >= 0 && ofr >= 0 && ofrSize >= 0) kind = Kind.QUOTES;
        else kind = null;
        headerZone = time < 0 ? null : switch (names[time]) {
            case "DT_EST" -> EST;
            case "DT_UTC" -> ZoneOffset.UTC;
            case "DT_ET" -> NEW_YORK;
            default -> null;
        };
    }

    private int find(String... candidates) {
        for (String c : candidates) {
            for (int i = 0; i < names.length; i++) if (names[i].equals(c)) return i;
        }
        return -1;
    }

    /** Parses the header on the reader's current line; throws {@link DataException} if it is neither kind. */
    static TaqFormat ofHeader(CsvLineReader csv, String source) {
        String[] n = new String[csv.fieldCount()];
        for (int i = 0; i < n.length; i++) n[i] = csv.text(i).trim().toUpperCase(Locale.ROOT);
        TaqFormat f = new TaqFormat(n);
        if (f.kind == null) {
            throw new DataException(source + ": not a TAQ-style trades or quotes header: " + String.join(",", n), null);
        }
        return f;
    }

    /** The kind of TAQ-style file {@code file} is, from its header line. */
    public static Kind detect(Path file) {
        try (CsvLineReader csv = CsvLineReader.open(file, (byte) ',')) {
            if (!csv.nextLine()) throw new DataException(file + ": empty file", null);
            return ofHeader(csv, file.getFileName().toString()).kind;
        }
    }

    /**
     * Opens {@code file} with the reader its header calls for: a {@link TaqTradeReader} or a {@link TaqQuoteReader}.
     */
    public static dev.periscope.model.event.EventSource open(Path file, TaqOptions options,
                                                              dev.periscope.model.quality.DataIssueLog issues) {
        return switch (detect(file)) {
            case TRADES -> new TaqTradeReader(file, options, issues);
            case QUOTES -> new TaqQuoteReader(file, options, issues);
        };
    }

    ZoneId zone(TaqOptions o, String source) {
        if (o.zone() != null) return o.zone();
        if (headerZone != null) return headerZone;
        throw new DataException(source + ": time column '" + names[time] + "' does not say its zone; "
                + "set TaqOptions.withZone(...)", null);
    }

    public Kind kind() { return kind; }
}
