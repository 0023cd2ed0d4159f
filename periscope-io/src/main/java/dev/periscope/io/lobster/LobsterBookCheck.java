package dev.periscope.io.lobster;

import dev.periscope.book.L2Book;
import dev.periscope.book.L3Book;
import dev.periscope.book.L3Status;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a LOBSTER message file through an {@link L3Book} and compares the rebuilt top N levels with LOBSTER's
 * own orderbook file at every event.
 *
 * <p>What is derivable. A LOBSTER file starts mid-session (orders submitted earlier are unknown) and shows only
 * N levels; its message file holds only the events that change those N levels. So after row t the check knows
 * the book exactly in the <em>visible window</em>: on each side every price at or better than the worst shown
 * level (the whole side when fewer than N levels are shown). For event t+1 the message is applied to the rebuilt
 * book (known orders through the L3 book's own level change; orders never seen, at the message's price and
 * size); then every level slot (N per side) of row t+1 is classified:
 * <ul>
 *   <li><b>seeded from depth</b>: the row's level lies outside the window known after row t (it entered the
 *       window from deeper in the book, or this is the first row), or the slot is empty while the side was not
 *       known whole (that nothing lies deeper is news from the file); it cannot be derived from messages, so it
 *       is taken from the orderbook file into the rebuilt book, and counted;</li>
 *   <li><b>matched</b>: otherwise, when the rebuilt level (price and size, or both absent) equals the row's;</li>
 *   <li><b>mismatched</b>: otherwise. The rebuilt book is never overwritten with the file inside the known
 *       window, so a wrong message shows as mismatches from exactly its event on.</li>
 * </ul>
 * With {@code out} the rebuilt book's top N is written after every event in LOBSTER's orderbook format; with
 * zero mismatches it reproduces the orderbook file. Bad rows in either file go to the {@link DataIssueLog}; an
 * event whose orderbook row is bad or missing is applied but not compared ({@link Result#unchecked}); after a
 * skipped (bad) message row or an uncompared event nothing is known, so the next row is seeded whole.
 * Streaming, constant memory apart from the book itself.
 */
public final class LobsterBookCheck {
    /** One level slot that differs: LOBSTER line, side, 1-based level, expected (file) and rebuilt price/size ({@link Px}; NONE/0 = empty). */
    public record Mismatch(long line, Side side, int level, long expectedPrice, long expectedSize, long gotPrice, long gotSize) {
        @Override
        public String toString() {
            return "line " + line + " " + (side == Side.BUY ? "bid" : "ask") + " level " + level + ": expected "
                    + lvl(expectedPrice, expectedSize) + ", got " + lvl(gotPrice, gotSize);
        }

        private static String lvl(long p, long s) {
            return p == Px.NONE ? "empty" : Px.format(s) + " @ " + Px.format(p);
        }
    }

    /**
     * Counts of one check. Level counts are per slot: each compared event has {@code 2 x levels} slots.
     *
     * @param events             valid message rows replayed
     * @param unchecked          events without a valid orderbook row (not compared)
     * @param levels             N, levels per side
     * @param matched            slots equal to the file and derivable from messages
     * @param seededFromDepth    slots taken from the file because they entered the known window from deeper
     * @param mismatched         slots that differ from the file
     * @param eventsWithMismatch events with at least one mismatched slot
     * @param firstMismatches    the first few mismatches in file order
     * @param l3Statuses         how the L3 book took each message
     * @param staleDeletes       deletes of known orders whose size differs from the L3 book's remaining size (the
     *                           order changed while outside the window, by events the file omits)
     */
    public record Result(long events, long unchecked, int levels, long matched, long seededFromDepth, long mismatched,
                         long eventsWithMismatch, List<Mismatch> firstMismatches, Map<L3Status, Long> l3Statuses,
                         long staleDeletes) {
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append("events: ").append(events).append('\n');
            sb.append("levels per side: ").append(levels).append('\n');
            sb.append("level slots matched: ").append(matched).append('\n');
            sb.append("level slots seeded-from-depth: ").append(seededFromDepth).append('\n');
            sb.append("level slots mismatched: ").append(mismatched).append('\n');
            sb.append("events with a mismatch: ").append(eventsWithMismatch).append('\n');
            if (unchecked > 0) sb.append("events not compared (bad or missing orderbook row): ").append(unchecked).append('\n');
            sb.append("L3 book:");
            l3Statuses.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append("\nL3 deletes with a size other than the order's remaining (changed outside the window): ").append(staleDeletes);
            for (Mismatch m : firstMismatches) sb.append("\n  mismatch ").append(m);
            return sb.toString();
        }
    }

    private final int keepMismatches;

    /** @param keepMismatches how many mismatches to keep verbatim in the result */
    public LobsterBookCheck(int keepMismatches) {
        this.keepMismatches = keepMismatches;
    }

    public LobsterBookCheck() {
        this(10);
    }

    /** Runs the check; {@code out} may be null. Trading date and ticker from the message file's LOBSTER name. */
    public Result run(Path messageFile, Path orderbookFile, Path out, DataIssueLog issues) {
        return runWriting(messageFile, orderbookFile, null, open(out), issues);
    }

    /** Runs the check with an explicit trading date (New York) for files without a LOBSTER name; {@code out} may be null. */
    public Result run(Path messageFile, Path orderbookFile, java.time.LocalDate date, Path out, DataIssueLog issues) {
        return runWriting(messageFile, orderbookFile, date, open(out), issues);
    }

    /**
     * Runs the check, writing the rebuilt book to {@code out} (may be null; closed at the end). {@code date} may be
     * null: then the trading date comes from the message file's LOBSTER name.
     */
    public Result runWriting(Path messageFile, Path orderbookFile, java.time.LocalDate date, OutputStream out, DataIssueLog issues) {
        try (LobsterReader msgs = date == null ? new LobsterReader(messageFile, issues) : dated(messageFile, date, issues);
             LobsterBookReader rows = new LobsterBookReader(orderbookFile, issues)) {
            return runWriting(msgs, rows, out, issues);
        }
    }

    private static LobsterReader dated(Path messageFile, java.time.LocalDate date, DataIssueLog issues) {
        String ticker = LobsterFileName.parse(messageFile.getFileName().toString()).map(LobsterFileName::ticker).orElse("UNKNOWN");
        return new LobsterReader(messageFile, date, LobsterReader.NEW_YORK, dev.periscope.model.Instrument.usEquity(ticker), issues);
    }

    private static OutputStream open(Path out) {
        if (out == null) return null;
        try {
            return Files.newOutputStream(out);
        } catch (IOException e) {
            throw new DataException("cannot create " + out, e);
        }
    }

    /** Runs the check over open readers; {@code out} may be null. */
    public Result run(LobsterReader msgs, LobsterBookReader rows, Path out, DataIssueLog issues) {
        return runWriting(msgs, rows, open(out), issues);
    }

    /** Runs the check over open readers, writing the rebuilt book to {@code out} (may be null; closed at the end). */
    public Result runWriting(LobsterReader msgs, LobsterBookReader rows, OutputStream out, DataIssueLog issues) {
        L3Book l3 = new L3Book(1 << 16);
        L2Book book = new L2Book();
        Map<L3Status, Long> statuses = new EnumMap<>(L3Status.class);
        long[] statusCount = new long[L3Status.values().length];
        List<Mismatch> kept = new ArrayList<>();
        long lastLine = 0, staleDeletes = 0, events = 0, unchecked = 0, matched = 0, seeded = 0, mismatched = 0, eventsWithMismatch = 0;
        // Known window per side: bids known at prices >= knownBid, asks at prices <= knownAsk. Nothing known at first.
        long knownBid = Long.MAX_VALUE, knownAsk = Long.MIN_VALUE;
        boolean haveRow = rows.next();
        int n = haveRow ? rows.levels() : Math.max(1, rows.levels());
        LobsterBookWriter writer = out == null ? null : new LobsterBookWriter(out, n);
        boolean missingReported = false;
        try {
            for (OrderEvent e; (e = (OrderEvent) msgs.next()) != null; ) {
                events++;
                L3Status st = l3.apply(e);
                statusCount[st.ordinal()]++;
                if (e.type == OrderEvent.Type.DELETE && st != L3Status.UNKNOWN_ORDER && -l3.lastLevelDelta() != e.size)
                    staleDeletes++;
                applyToBook(book, e);
                long line = msgs.line();
                if (line != lastLine + 1) {
                    // a bad message row was skipped: its change is unknown, so nothing is known for sure any more
                    knownBid = Long.MAX_VALUE;
                    knownAsk = Long.MIN_VALUE;
                }
                lastLine = line;
                while (haveRow && rows.line() < line) haveRow = rows.next();
                if (haveRow && rows.line() == line) {
                    long before = mismatched;
                    for (Side s : Side.values()) {
                        long known = s == Side.BUY ? knownBid : knownAsk;
                        seed(book, rows, s, known, n);
                        for (int k = 0; k < n; k++) {
                            long ep = rows.price(s, k), es = rows.size(s, k);
                            long gp = book.price(s, k), gs = book.size(s, k);
                            // an empty slot says "nothing deeper": derivable only if the whole side was known
                            boolean fromDepth = ep != Px.NONE ? !isKnown(s, ep, known)
                                    : known != (s == Side.BUY ? Long.MIN_VALUE : Long.MAX_VALUE);
                            if (ep == gp && es == gs) {
                                if (fromDepth) seeded++;
                                else matched++;
                            } else {
                                mismatched++;
                                if (kept.size() < keepMismatches) kept.add(new Mismatch(line, s, k + 1, ep, es, gp, gs));
                            }
                        }
                        long worst = rows.depth(s) == n ? rows.price(s, n - 1) : Px.NONE;
                        if (s == Side.BUY) knownBid = worst == Px.NONE ? Long.MIN_VALUE : worst;
                        else knownAsk = worst == Px.NONE ? Long.MAX_VALUE : worst;
                    }
                    if (mismatched > before) eventsWithMismatch++;
                } else {
                    unchecked++;
                    if (!haveRow && !missingReported) {
                        issues.report(rows.name(), line, "", "missing-row", "orderbook file has no row for message line " + line);
                        missingReported = true;
                    }
                    // nothing is known for sure any more
                    knownBid = Long.MAX_VALUE;
                    knownAsk = Long.MIN_VALUE;
                }
                if (writer != null) writer.writeRow(book);
            }
        } finally {
            if (writer != null) writer.close();
        }
        for (L3Status s : L3Status.values()) if (statusCount[s.ordinal()] > 0) statuses.put(s, statusCount[s.ordinal()]);
        return new Result(events, unchecked, n, matched, seeded, mismatched, eventsWithMismatch,
                Collections.unmodifiableList(kept), Collections.unmodifiableMap(statuses), staleDeletes);
    }

    private static boolean isKnown(Side s, long price, long known) {
        return s == Side.BUY ? price >= known : price <= known;
    }

    /**
     * The visible book change of one message: +size for a submission, -size (clamped at zero) for a cancel,
     * delete or visible execution, at the message's price and side. The message's size, not the L3 book's
     * remaining size, is used: an order whose level left the window may have been reduced by events the file
     * omits, and LOBSTER's delete message carries the true remaining size.
     */
    private static void applyToBook(L2Book book, OrderEvent e) {
        switch (e.type) {
            case ADD -> book.add(e.side, e.price, e.size);
            case CANCEL, EXECUTE, DELETE -> book.set(e.side, e.price, Math.max(0, book.sizeAt(e.side, e.price) - e.size));
            default -> { }
        }
    }

    /**
     * Makes the rebuilt book equal to the row outside the known window and inside the row's span (down to the
     * row's worst level, or the whole side when the row shows fewer than N levels).
     */
    private static void seed(L2Book book, LobsterBookReader row, Side s, long known, int n) {
        int rowDepth = row.depth(s);
        long rowWorst = rowDepth == n ? row.price(s, n - 1) : Px.NONE;
        // drop rebuilt levels in (unknown region) and (within the row's span)
        int k = 0;
        while (k < book.depth(s)) {
            long p = book.price(s, k);
            if (isKnown(s, p, known)) { k++; continue; }
            if (rowWorst != Px.NONE && (s == Side.BUY ? p < rowWorst : p > rowWorst)) break;
            book.set(s, p, 0);
        }
        for (int j = 0; j < rowDepth; j++) {
            long p = row.price(s, j);
            if (!isKnown(s, p, known)) book.set(s, p, row.size(s, j));
        }
    }
}
