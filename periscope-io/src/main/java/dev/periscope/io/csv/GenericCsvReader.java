package dev.periscope.io.csv;

import dev.periscope.model.event.EventSource;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.BarEvent;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;

import java.nio.file.Path;

/**
 * Streams a user's own CSV of trades, quotes or bars, with columns mapped by a {@link CsvMapping} (see
 * {@code docs/formats-equity.md}). Emits {@link TradeEvent}, {@link QuoteEvent} or {@link BarEvent} flyweights
 * with {@code sourceSeq} = line number; prices and sizes are fixed point ({@link Px}), sizes multiplied by the
 * mapping's {@code lot}. Constant memory, no String per row.
 *
 * <p>Bad input is reported to the {@link DataIssueLog} with file, line, column and reason and the row skipped
 * (STRICT throws): wrong field count, bad or missing time or number (NaN, "NA", blanks), size &le; 0, price &le; 0
 * (unless {@code negprices=true}), an unknown side value or condition code, a crossed quote, a bar whose high/low
 * do not contain its open and close. In quotes an empty or zero price means "no quote on that side". A mapping
 * naming a column the header lacks is a configuration error ({@link IllegalArgumentException} at open).
 * Not thread-safe.
 */
public final class GenericCsvReader implements EventSource {
    private final CsvLineReader csv;
    private final CsvMapping m;
    private final String source;
    private final DataIssueLog issues;
    private final TimestampParser time;
    private final InstrumentTable instruments;
    private final Instrument fixedInstrument;
    private final AsciiSequence view = new AsciiSequence();
    private final String[] headerNames;
    private final int expectedFields;
    private final int cTs, cPrice, cSize, cBid, cBidSize, cAsk, cAskSize, cOpen, cHigh, cLow, cClose, cVolume;
    private final int cSide, cVenue, cCond, cSymbol;
    private final int maxIndex;
    private final TradeEvent trade = new TradeEvent();
    private final QuoteEvent quote = new QuoteEvent();
    private final BarEvent bar = new BarEvent();
    private boolean bad;
    private long rowsRead, skipped;

    public GenericCsvReader(Path file, CsvMapping mapping, DataIssueLog issues) {
        this.m = mapping;
        this.issues = issues;
        this.source = file.getFileName().toString();
        this.csv = CsvLineReader.open(file, mapping.delimiter());
        try {
            if (mapping.header()) {
                if (!csv.nextLine()) throw new DataException(source + ": empty file (no header)", null);
                headerNames = new String[csv.fieldCount()];
                for (int i = 0; i < headerNames.length; i++) headerNames[i] = csv.text(i).trim();
                expectedFields = headerNames.length;
            } else {
                headerNames = null;
                expectedFields = -1;
            }
            cTs = idx(mapping.ts());
            cPrice = idx(mapping.price()); cSize = idx(mapping.size());
            cBid = idx(mapping.bid()); cBidSize = idx(mapping.bidSize());
            cAsk = idx(mapping.ask()); cAskSize = idx(mapping.askSize());
            cOpen = idx(mapping.open()); cHigh = idx(mapping.high()); cLow = idx(mapping.low());
            cClose = idx(mapping.close()); cVolume = idx(mapping.volume());
            cSide = idx(mapping.side()); cVenue = idx(mapping.venue()); cCond = idx(mapping.conditions());
            cSymbol = idx(mapping.symbol());
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
        int mx = 0;
        for (int c : new int[] {cTs, cPrice, cSize, cBid, cBidSize, cAsk, cAskSize, cOpen, cHigh, cLow, cClose, cVolume,
                cSide, cVenue, cCond, cSymbol}) mx = Math.max(mx, c);
        maxIndex = mx;
        this.time = new TimestampParser(mapping.zone());
        java.util.function.Function<String, Instrument> factory = s -> new Instrument(s, mapping.assetClass(), mapping.market(), mapping.tick());
        this.instruments = new InstrumentTable(factory);
        String fixed = mapping.instrument() != null ? mapping.instrument() : stem(source);
        this.fixedInstrument = cSymbol < 0 ? factory.apply(fixed) : null;
    }

    private static String stem(String name) {
        String s = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    private int idx(CsvMapping.Column c) {
        if (c == null) return -1;
        if (c.name() == null) {
            if (headerNames != null && c.index() >= headerNames.length) {
                throw new IllegalArgumentException(source + ": column " + c + " beyond the " + headerNames.length + " header columns");
            }
            return c.index();
        }
        if (headerNames == null) throw new IllegalArgumentException("column names need a header: " + c);
        for (int i = 0; i < headerNames.length; i++) if (headerNames[i].equals(c.name())) return i;
        throw new IllegalArgumentException(source + ": no column '" + c.name() + "' in header " + String.join(",", headerNames));
    }

    @Override
    public String name() { return source; }

    public long rowsRead() { return rowsRead; }

    public long rowsSkipped() { return skipped; }

    @Override
    public void close() { csv.close(); }

    @Override
    public MarketEvent next() {
        while (csv.nextLine()) {
            rowsRead++;
            bad = false;
            int n = csv.fieldCount();
            if ((expectedFields >= 0 && n != expectedFields) || n <= maxIndex) {
                report(-1, "bad-row", "expected " + (expectedFields >= 0 ? expectedFields : maxIndex + 1)
                        + " fields, found " + n + ": '" + csv.lineText() + "'");
                skipped++;
                continue;
            }
            MarketEvent e = switch (m.type()) {
                case TRADE -> parseTrade();
                case QUOTE -> parseQuote();
                case BAR -> parseBar();
            };
            if (e != null) return e;
            skipped++;
        }
        return null;
    }

    private void report(int col, String kind, String reason) {
        bad = true;
        String field = col < 0 ? "" : headerNames != null ? headerNames[col] : "#" + (col + 1);
        issues.report(source, csv.lineNumber(), field, kind, reason);
    }

    private long timestamp() {
        byte[] b = csv.buffer();
        int s = csv.start(cTs), e = csv.end(cTs);
        try {
            if (m.timeFormat().isEpoch()) return TimestampParser.parseEpoch(b, s, e, m.timeFormat().unitNanos);
            if (m.timeFormat() == CsvMapping.TimeFormat.DATE && e - s != 10) {
                throw new IllegalArgumentException("expected yyyy-MM-dd: '" + csv.text(cTs) + "'");
            }
            return time.parse(b, s, e);
        } catch (IllegalArgumentException | ArithmeticException ex) {
            report(cTs, "bad-time", ex.getMessage());
            return 0;
        }
    }

    private long number(int c) {
        if (csv.isEmpty(c)) { report(c, "missing-value", "empty value"); return 0; }
        try {
            return Px.parse(csv.buffer(), csv.start(c), csv.end(c));
        } catch (NumberFormatException e) {
            report(c, "bad-number", e.getMessage());
            return 0;
        }
    }

    private long size(int c) {
        long v = number(c);
        if (bad) return 0;
        try {
            return Math.multiplyExact(v, m.lot());
        } catch (ArithmeticException e) {
            report(c, "bad-number", "size out of range: " + csv.text(c));
            return 0;
        }
    }

    private boolean common(MarketEvent e) {
        long ts = timestamp();
        if (bad) return false;
        Instrument ins = fixedInstrument;
        if (ins == null) {
            if (csv.isEmpty(cSymbol)) { report(cSymbol, "missing-value", "empty symbol"); return false; }
            ins = instruments.get(csv.buffer(), csv.start(cSymbol), csv.end(cSymbol));
        }
        e.tsEvent = ts;
        e.tsRecv = ts;
        e.instrument = ins;
        e.sourceSeq = csv.lineNumber();
        return true;
    }

    private char venue() {
        if (cVenue < 0) return m.venueCode();
        int s = csv.start(cVenue), e = csv.end(cVenue);
        if (e == s || (csv.buffer()[s] & 0xFF) >= 128) {
            report(cVenue, "unknown-participant", "venue must start with an ASCII character: '" + csv.text(cVenue) + "'");
            return 0;
        }
        return (char) csv.buffer()[s];
    }

    private MarketEvent parseTrade() {
        if (!common(trade)) return null;
        long price = number(cPrice);
        if (bad) return null;
        if (price <= 0 && !m.negativePrices()) { report(cPrice, "bad-price", "price must be > 0: " + Px.format(price)); return null; }
        long size = size(cSize);
        if (bad) return null;
        if (size <= 0) { report(cSize, "bad-size", "size must be > 0: " + Px.format(size)); return null; }
        byte aggr = Aggressor.UNKNOWN;
        if (cSide >= 0) {
            aggr = side();
            if (bad) return null;
        }
        char v = venue();
        if (bad) return null;
        long cond = SaleCondition.REGULAR_MASK;
        if (cCond >= 0) {
            cond = SaleCondition.maskOf(view.set(csv.buffer(), csv.start(cCond), csv.end(cCond)), 0, view.length());
            if (cond < 0) { report(cCond, "unknown-condition", "unknown sale condition in '" + view + "'"); return null; }
        }
        long ts = trade.tsEvent;
        trade.set(ts, price, size, v, cond, aggr);
        trade.tradeId = 0;
        return trade;
    }

    /**
     * Aggressor from the side column. {@code sidetype=aggressor}: buy/b/bid/+1/1 → BUY; sell/s/ask/offer/-1 → SELL;
     * empty/u/unknown/0/n/none → UNKNOWN (case-insensitive). {@code maker}: the same values name the maker, so the
     * aggressor is the opposite. {@code buyermaker}: true/t/1/yes → SELL, false/f/0/no → BUY, empty → UNKNOWN.
     */
    private byte side() {
        int c = cSide;
        if (csv.isEmpty(c)) return Aggressor.UNKNOWN;
        if (m.sideType() == CsvMapping.SideType.BUYERMAKER) {
            if (is(c, "true") || is(c, "t") || is(c, "1") || is(c, "yes")) return Aggressor.SELL;
            if (is(c, "false") || is(c, "f") || is(c, "0") || is(c, "no")) return Aggressor.BUY;
            report(c, "bad-side", "expected true/false (buyer is maker): '" + csv.text(c) + "'");
            return 0;
        }
        byte a = aggressorWord(c);
        return m.sideType() == CsvMapping.SideType.MAKER ? (byte) -a : a;
    }

    private byte aggressorWord(int c) {
        if (is(c, "buy") || is(c, "b") || is(c, "bid") || is(c, "+1") || is(c, "1")) return Aggressor.BUY;
        if (is(c, "sell") || is(c, "s") || is(c, "ask") || is(c, "offer") || is(c, "-1")) return Aggressor.SELL;
        if (is(c, "u") || is(c, "unknown") || is(c, "0") || is(c, "n") || is(c, "none")) return Aggressor.UNKNOWN;
        report(c, "bad-side", "unknown side '" + csv.text(c) + "'");
        return 0;
    }

    private boolean is(int c, String s) { return csv.fieldEqualsIgnoreCase(c, s); }

    private long qBid, qBidSz, qAsk, qAskSz;

    private MarketEvent parseQuote() {
        if (!common(quote)) return null;
        if (!quoteSide(cBid, cBidSize, true) || !quoteSide(cAsk, cAskSize, false)) return null;
        if (qBid != Px.NONE && qAsk != Px.NONE && qBid > qAsk) {
            report(cBid, "crossed-quote", "quote crossed: bid " + Px.format(qBid) + " > ask " + Px.format(qAsk));
            return null;
        }
        char v = venue();
        if (bad) return null;
        long ts = quote.tsEvent;
        quote.set(ts, v, qBid, qBidSz, qAsk, qAskSz);
        return quote;
    }

    private boolean quoteSide(int pc, int sc, boolean isBid) {
        long px = 0;
        if (!csv.isEmpty(pc)) {
            px = number(pc);
            if (bad) return false;
        }
        long sz;
        if (px == 0) {
            px = Px.NONE;
            sz = 0;
        } else {
            if (px < 0) { report(pc, "bad-price", "negative price: " + Px.format(px)); return false; }
            sz = size(sc);
            if (bad) return false;
            if (sz <= 0) { report(sc, "bad-size", "size must be > 0 beside price " + Px.format(px) + ": " + Px.format(sz)); return false; }
        }
        if (isBid) { qBid = px; qBidSz = sz; } else { qAsk = px; qAskSz = sz; }
        return true;
    }

    private MarketEvent parseBar() {
        if (!common(bar)) return null;
        long o = number(cOpen);
        if (bad) return null;
        long h = number(cHigh);
        if (bad) return null;
        long l = number(cLow);
        if (bad) return null;
        long c = number(cClose);
        if (bad) return null;
        long v = 0;
        if (cVolume >= 0) {
            v = size(cVolume);
            if (bad) return null;
            if (v < 0) { report(cVolume, "bad-size", "negative volume: " + Px.format(v)); return null; }
        }
        if (!m.negativePrices() && (o <= 0 || h <= 0 || l <= 0 || c <= 0)) {
            report(cOpen, "bad-price", "prices must be > 0: O/H/L/C " + Px.format(o) + "/" + Px.format(h) + "/" + Px.format(l) + "/" + Px.format(c));
            return null;
        }
        if (l > Math.min(o, c) || h < Math.max(o, c)) {
            report(l > Math.min(o, c) ? cLow : cHigh, "bad-bar", "high/low do not contain open/close: O/H/L/C "
                    + Px.format(o) + "/" + Px.format(h) + "/" + Px.format(l) + "/" + Px.format(c));
            return null;
        }
        bar.durationNanos = m.durationNanos();
        bar.open = o; bar.high = h; bar.low = l; bar.close = c; bar.volume = v;
        return bar;
    }
}
