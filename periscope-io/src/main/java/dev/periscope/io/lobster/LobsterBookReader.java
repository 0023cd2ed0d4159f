package dev.periscope.io.lobster;

import dev.periscope.book.OrderBookView;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.quality.DataIssueLog;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams a LOBSTER orderbook file: one row per message, {@code 4 x N} columns
 * {@code askPx1,askSz1,bidPx1,bidSz1,askPx2,...} with prices in dollars x 10000 and sizes in shares. Empty
 * levels are LOBSTER's placeholders: ask price {@value #EMPTY_ASK}, bid price {@value #EMPTY_BID}, size 0
 * (LOBSTER sample-files readme, "Unoccupied Price Levels").
 *
 * <p>After {@link #next()} the row is readable through {@link OrderBookView} (level 0 = best; prices and sizes in
 * {@link Px} fixed point; placeholders read as absent levels) or through the raw LOBSTER integers
 * ({@link #rawPrice}, {@link #rawSize}). Rows are held in reused primitive arrays: no allocation per row.
 * A row with the wrong field count, a non-integer field, a placeholder with a size, a real level after a
 * placeholder, or prices not strictly ordered away from the touch is reported to the {@link DataIssueLog} and
 * skipped; {@link #line()} tells which file line the current row is. Not thread-safe.
 */
public final class LobsterBookReader implements OrderBookView, AutoCloseable {
    /** LOBSTER's price for an unoccupied ask level (dollars x 10000). */
    public static final long EMPTY_ASK = 9_999_999_999L;
    /** LOBSTER's price for an unoccupied bid level (dollars x 10000). */
    public static final long EMPTY_BID = -9_999_999_999L;

    private final CsvLineScanner in;
    private final String name;
    private final DataIssueLog issues;
    private int levels;
    private long[] rawAskPx, rawAskSz, rawBidPx, rawBidSz;
    private int askDepth, bidDepth;

    /** Reads {@code file}; the number of levels from its LOBSTER name if it has one, else from the first row. */
    public LobsterBookReader(Path file, DataIssueLog issues) {
        this(open(file), file.getFileName().toString(),
                LobsterFileName.parse(file.getFileName().toString()).map(LobsterFileName::levels).orElse(0), issues);
    }

    /** Reads a stream; {@code levels} &lt;= 0 means: take it from the first row's field count / 4. */
    public LobsterBookReader(InputStream in, String name, int levels, DataIssueLog issues) {
        this.in = new CsvLineScanner(in, name);
        this.name = name;
        this.issues = issues;
        if (levels > 0) allocate(levels);
    }

    private void allocate(int n) {
        levels = n;
        rawAskPx = new long[n]; rawAskSz = new long[n]; rawBidPx = new long[n]; rawBidSz = new long[n];
    }

    private static InputStream open(Path p) {
        return dev.periscope.io.csv.FileInput.open(p);
    }

    /** Advances to the next valid row; false at end of input. */
    public boolean next() {
        while (in.nextLine()) {
            if (parseRow()) return true;
        }
        return false;
    }

    private boolean parseRow() {
        long line = in.line();
        if (in.isBlank()) return bad(line, "", "empty-line", "empty line");
        if (levels == 0) {
            if (in.fieldCount % 4 != 0)
                return bad(line, "", "field-count", "field count must be a multiple of 4, got " + in.fieldCount);
            allocate(in.fieldCount / 4);
        }
        if (in.fieldCount != 4 * levels)
            return bad(line, "", "field-count", "expected " + 4 * levels + " fields, got " + in.fieldCount);
        for (int f = 0; f < in.fieldCount; f++) {
            if (in.parseLong(f) == Long.MIN_VALUE)
                return bad(line, field(f), "bad-number", "not an integer: '" + in.text(f) + "'");
        }
        int ad = levels, bd = levels;
        for (int k = 0; k < levels; k++) {
            long ap = in.parseLong(4 * k), as = in.parseLong(4 * k + 1);
            long bp = in.parseLong(4 * k + 2), bs = in.parseLong(4 * k + 3);
            if (ap == EMPTY_ASK) {
                if (as != 0) return bad(line, field(4 * k + 1), "bad-level", "empty ask level with size " + as);
                if (ad == levels) ad = k;
            } else {
                if (ad < levels) return bad(line, field(4 * k), "bad-level", "ask level after an empty ask level");
                if (ap <= 0 || as <= 0) return bad(line, field(4 * k), "bad-level", "ask level " + ap + " x " + as);
                if (k > 0 && ap <= rawAskPx[k - 1]) return bad(line, field(4 * k), "bad-level-order", "ask prices not increasing");
            }
            if (bp == EMPTY_BID) {
                if (bs != 0) return bad(line, field(4 * k + 3), "bad-level", "empty bid level with size " + bs);
                if (bd == levels) bd = k;
            } else {
                if (bd < levels) return bad(line, field(4 * k + 2), "bad-level", "bid level after an empty bid level");
                if (bp <= 0 || bs <= 0) return bad(line, field(4 * k + 2), "bad-level", "bid level " + bp + " x " + bs);
                if (k > 0 && bp >= rawBidPx[k - 1]) return bad(line, field(4 * k + 2), "bad-level-order", "bid prices not decreasing");
            }
            rawAskPx[k] = ap; rawAskSz[k] = as; rawBidPx[k] = bp; rawBidSz[k] = bs;
        }
        askDepth = ad;
        bidDepth = bd;
        return true;
    }

    private static String field(int f) {
        int k = f / 4 + 1;
        return switch (f % 4) {
            case 0 -> "askPx" + k;
            case 1 -> "askSz" + k;
            case 2 -> "bidPx" + k;
            default -> "bidSz" + k;
        };
    }

    private boolean bad(long line, String field, String kind, String reason) {
        issues.report(name, line, field, kind, reason);
        return false;
    }

    /** 1-based file line of the current row. */
    public long line() { return in.line(); }

    /** Number of levels per side in the file (N), 0 before the first row when not known from the name. */
    public int levels() { return levels; }

    /** Raw LOBSTER price (x10000, placeholders included) of level {@code level} (0-based). */
    public long rawPrice(Side side, int level) { return side == Side.BUY ? rawBidPx[level] : rawAskPx[level]; }

    /** Raw LOBSTER size (shares, 0 for placeholders) of level {@code level} (0-based). */
    public long rawSize(Side side, int level) { return side == Side.BUY ? rawBidSz[level] : rawAskSz[level]; }

    @Override
    public int depth(Side side) { return side == Side.BUY ? bidDepth : askDepth; }

    @Override
    public long price(Side side, int level) {
        if (level < 0 || level >= depth(side)) return Px.NONE;
        return Px.ofScaled(rawPrice(side, level), 4);
    }

    @Override
    public long size(Side side, int level) {
        if (level < 0 || level >= depth(side)) return 0;
        return Px.ofUnits(rawSize(side, level));
    }

    @Override
    public long sizeAt(Side side, long price) {
        for (int k = 0, n = depth(side); k < n; k++) if (price(side, k) == price) return size(side, k);
        return 0;
    }

    public String name() { return name; }

    @Override
    public void close() { in.close(); }
}
