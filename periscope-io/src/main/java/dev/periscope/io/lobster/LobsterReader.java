package dev.periscope.io.lobster;

import dev.periscope.model.event.EventSource;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataIssueLog;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Streams a LOBSTER message file as {@link OrderEvent}s (format: LOBSTER sample-files readme and
 * lobsterdata.com/info/DataStructure.php). Each row is {@code time,type,orderId,size,price,direction}:
 * time in seconds after midnight (New York wall clock) with up to 9 decimals; type 1 submit, 2 partial cancel,
 * 3 delete, 4 visible execution, 5 hidden execution, 6 cross trade, 7 trading halt; size in shares; price in
 * dollars x 10000; direction 1 buy / -1 sell <em>limit order</em>, i.e. the side of the resting order, so for
 * executions (types 4 and 5) {@link OrderEvent#side} is the passive side and the aggressor is its opposite.
 *
 * <p>Mapping: 1 ADD, 2 CANCEL (size = cancelled shares), 3 DELETE, 4 EXECUTE, 5 EXECUTE_HIDDEN, 6 CROSS,
 * 7 HALT. Sizes become {@link Px#ofUnits} shares, prices {@link Px#ofScaled}(price, 4). For type 7 the price
 * field is LOBSTER's halt code (-1 halt, 0 quoting resumes, 1 trading resumes) and is emitted as
 * {@code Px.ofUnits(code)}; see also {@link #rawPrice()}.
 *
 * <p>Time: {@code tsEvent} = epoch ns of (trading date, wall-clock seconds after midnight) in the zone
 * (America/New_York by default), honouring a DST change inside the day. The date comes from the standard file
 * name {@code TICKER_YYYY-MM-DD_start_end_message_N.csv} or is given explicitly.
 *
 * <p>Bad rows (wrong field count, non-numeric fields, unknown type or direction, non-positive size or price,
 * time going backwards) are reported to the {@link DataIssueLog} with file, line, field and reason and skipped.
 * Constant memory, one reused event; no allocation per good row. Not thread-safe.
 */
public final class LobsterReader implements EventSource {
    /** LOBSTER time stamps are NASDAQ (New York) wall-clock time. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final OrderEvent.Type[] TYPES = {null, OrderEvent.Type.ADD, OrderEvent.Type.CANCEL,
            OrderEvent.Type.DELETE, OrderEvent.Type.EXECUTE, OrderEvent.Type.EXECUTE_HIDDEN, OrderEvent.Type.CROSS,
            OrderEvent.Type.HALT};

    private final CsvLineScanner in;
    private final String name;
    private final DataIssueLog issues;
    private final Instrument instrument;
    private final OrderEvent event = new OrderEvent();
    // Local midnight as epoch seconds "as if UTC"; offsets before/after a transition within the day.
    private final long localMidnightSec;
    private final int offsetBefore, offsetAfter;
    private final long transitionLocalSec;
    private long lastTs = Long.MIN_VALUE;
    private int rawType, rawDirection;
    private long rawPrice, rawSize, rawOrderId, timeOfDayNs;

    /** Reads {@code messageFile}; date and ticker from its LOBSTER file name, zone America/New_York. */
    public LobsterReader(Path messageFile, DataIssueLog issues) {
        this(messageFile, nameOf(messageFile).date(), NEW_YORK,
                Instrument.usEquity(nameOf(messageFile).ticker()), issues);
    }

    /** Reads {@code messageFile} with an explicit trading date, zone and instrument. */
    public LobsterReader(Path messageFile, LocalDate date, ZoneId zone, Instrument instrument, DataIssueLog issues) {
        this(open(messageFile), messageFile.getFileName().toString(), date, zone, instrument, issues);
    }

    /** Reads a stream named {@code name} in reports; closes it on {@link #close()}. */
    public LobsterReader(InputStream in, String name, LocalDate date, ZoneId zone, Instrument instrument,
                         DataIssueLog issues) {
        this.in = new CsvLineScanner(in, name);
        this.name = name;
        this.issues = issues;
        this.instrument = instrument;
        this.event.instrument = instrument;
        this.event.venue = 'Q';
        LocalDateTime midnight = date.atStartOfDay();
        this.localMidnightSec = midnight.toEpochSecond(ZoneOffset.UTC);
        ZoneRules rules = zone.getRules();
        long midnightInstant = midnight.atZone(zone).toEpochSecond();
        this.offsetBefore = rules.getOffset(java.time.Instant.ofEpochSecond(midnightInstant)).getTotalSeconds();
        ZoneOffsetTransition t = rules.nextTransition(java.time.Instant.ofEpochSecond(midnightInstant));
        long nextMidnightInstant = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
        if (t != null && t.getInstant().getEpochSecond() < nextMidnightInstant) {
            this.offsetAfter = t.getOffsetAfter().getTotalSeconds();
            this.transitionLocalSec = t.getInstant().getEpochSecond() + offsetBefore - localMidnightSec;
        } else {
            this.offsetAfter = offsetBefore;
            this.transitionLocalSec = Long.MAX_VALUE;
        }
    }

    private static LobsterFileName nameOf(Path p) {
        String n = p.getFileName().toString();
        return LobsterFileName.parse(n).orElseThrow(() -> new IllegalArgumentException(
                "not a LOBSTER file name (TICKER_YYYY-MM-DD_start_end_message_N.csv): " + n
                        + "; give the trading date explicitly"));
    }

    private static InputStream open(Path p) {
        return dev.periscope.io.csv.FileInput.open(p);
    }

    @Override
    public MarketEvent next() {
        while (in.nextLine()) {
            if (parseRow()) return event;
        }
        return null;
    }

    private boolean parseRow() {
        long line = in.line();
        if (in.isBlank()) return bad(line, "", "empty-line", "empty line");
        if (in.fieldCount != 6)
            return bad(line, "", "field-count", "expected 6 fields, got " + in.fieldCount + ": " + in.lineText());
        long tod = parseTime();
        if (tod < 0) return bad(line, "time", "bad-time", "not seconds after midnight: '" + in.text(0) + "'");
        long type = in.parseLong(1);
        if (type < 1 || type > 7) return bad(line, "type", "bad-type", "event type must be 1..7: '" + in.text(1) + "'");
        long id = in.parseLong(2);
        if (id < 0) return bad(line, "orderId", "bad-number", "order id must be an integer >= 0: '" + in.text(2) + "'");
        long size = in.parseLong(3);
        long price = in.parseLong(4);
        long dir = in.parseLong(5);
        if (dir != 1 && dir != -1) return bad(line, "direction", "bad-side", "direction must be 1 or -1: '" + in.text(5) + "'");
        if (type == 7) {
            if (price < -1 || price > 1) return bad(line, "price", "bad-halt", "halt code must be -1, 0 or 1: '" + in.text(4) + "'");
            if (size < 0) return bad(line, "size", "bad-number", "size must be an integer >= 0: '" + in.text(3) + "'");
        } else {
            if (size <= 0 || size > 9_000_000_000L)
                return bad(line, "size", "bad-size", "size must be a positive integer: '" + in.text(3) + "'");
            if (price <= 0 || price > 900_000_000_000L)
                return bad(line, "price", "bad-price", "price x10000 must be a positive integer: '" + in.text(4) + "'");
        }
        long ts = toEpochNs(tod);
        if (ts < lastTs) return bad(line, "time", "time-regression", "time goes backwards: '" + in.text(0) + "'");
        lastTs = ts;
        rawType = (int) type; rawOrderId = id; rawSize = size; rawPrice = price; rawDirection = (int) dir;
        timeOfDayNs = tod;
        event.set(ts, TYPES[(int) type], id, Side.ofSign((int) dir),
                type == 7 ? Px.ofUnits(price) : Px.ofScaled(price, 4), Px.ofUnits(size));
        event.sourceSeq = line;
        return true;
    }

    private boolean bad(long line, String field, String kind, String reason) {
        issues.report(name, line, field, kind, reason);
        return false;
    }

    /** Field 0 as nanoseconds after midnight, or -1 if malformed (digits, optional '.' and up to 9 decimals). */
    private long parseTime() {
        byte[] b = in.lineBuf;
        int i = in.fieldStart[0], end = in.fieldEnd[0];
        long sec = 0; int digits = 0;
        for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
            sec = sec * 10 + (b[i] - '0');
            if (++digits > 6) return -1;
        }
        if (digits == 0) return -1;
        long ns = 0; int fd = 0;
        if (i < end && b[i] == '.') {
            i++;
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                if (fd < 9) { ns = ns * 10 + (b[i] - '0'); fd++; }
                else if (b[i] != '0') return -1;
            }
        }
        if (i != end || sec > 172_800) return -1;
        for (; fd < 9; fd++) ns *= 10;
        return sec * 1_000_000_000L + ns;
    }

    private long toEpochNs(long todNs) {
        long sec = todNs / 1_000_000_000L;
        int off = sec < transitionLocalSec ? offsetBefore : offsetAfter;
        return (localMidnightSec + sec - off) * 1_000_000_000L + todNs % 1_000_000_000L;
    }

    /** 1-based line number of the current event (also in {@code event.sourceSeq}). */
    public long line() { return in.line(); }

    /** LOBSTER event type 1..7 of the current event. */
    public int rawType() { return rawType; }

    /** LOBSTER price field of the current event: dollars x 10000 (halt code for type 7). */
    public long rawPrice() { return rawPrice; }

    /** LOBSTER size field of the current event, in shares. */
    public long rawSize() { return rawSize; }

    /** LOBSTER order id of the current event. */
    public long rawOrderId() { return rawOrderId; }

    /** LOBSTER direction of the current event: 1 buy / -1 sell limit order. */
    public int rawDirection() { return rawDirection; }

    /** Nanoseconds after midnight (wall clock) of the current event, as written in the file. */
    public long timeOfDayNs() { return timeOfDayNs; }

    public Instrument instrument() { return instrument; }

    @Override
    public String name() { return name; }

    @Override
    public void close() { in.close(); }
}
