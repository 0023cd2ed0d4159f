package dev.periscope.io.lobster;

import dev.periscope.book.L2Book;
import dev.periscope.io.csv.LineBuilder;
import dev.periscope.io.csv.ZoneOffsetCache;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.quality.DataException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Writes one venue's {@link OrderEvent}s as a LOBSTER message file and, after each message, the book it leaves as
 * a row of the matching orderbook file ({@link LobsterBookWriter}), so that {@link LobsterReader} and
 * {@link LobsterBookReader} read them back (lobsterdata.com format; see {@code docs/books.md}). Message rows:
 * {@code time,type,orderId,size,price,direction} — time in seconds after local midnight in {@code zone} with 9
 * decimals; type 1 submit, 2 partial cancel, 3 delete, 4 visible execution, 5 hidden execution, 6 cross, 7 halt;
 * size in whole shares; price in dollars × 10000; direction 1 buy / −1 sell (the side of the resting order). No
 * header. Events of other venues are ignored. A cancel, delete or execution of more than rests at its price is an
 * {@link IllegalStateException} (the stream is not a consistent book). No allocation per row. Not thread-safe.
 */
public final class LobsterMessageWriter implements MarketDataHandler, AutoCloseable {
    private static final long DAY = 86_400_000_000_000L;
    private final OutputStream messages;
    private final LobsterBookWriter book;
    private final L2Book levels = new L2Book();
    private final char venue;
    private final ZoneId zone;
    private final ZoneOffsetCache offsets = new ZoneOffsetCache();
    private final LineBuilder line = new LineBuilder();

    public LobsterMessageWriter(Path messageFile, Path orderbookFile, char venue, int levels, ZoneId zone) {
        this.messages = open(messageFile);
        this.book = new LobsterBookWriter(orderbookFile, levels);
        this.venue = venue;
        this.zone = zone;
    }

    /** LOBSTER file name: {@code SYMBOL_yyyy-MM-dd_startMs_endMs_kind_levels.csv} (ms after midnight). */
    public static String fileName(String symbol, java.time.LocalDate date, long startMs, long endMs, String kind, int levels) {
        return symbol + "_" + date + "_" + startMs + "_" + endMs + "_" + kind + "_" + levels + ".csv";
    }

    private static OutputStream open(Path p) {
        try {
            return new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        } catch (IOException e) {
            throw new DataException("cannot create " + p, e);
        }
    }

    /** Message rows written (= orderbook rows). */
    public long rows() { return book.rows(); }

    @Override
    public void onOrder(OrderEvent o) {
        if (o.venue != venue) return;
        int type = switch (o.type) {
            case ADD -> 1;
            case CANCEL -> 2;
            case DELETE -> 3;
            case EXECUTE -> 4;
            case EXECUTE_HIDDEN -> 5;
            case CROSS -> 6;
            case HALT -> 7;
        };
        if (type == 1) levels.add(o.side, o.price, o.size);
        else if (type <= 4) {
            if (levels.sizeAt(o.side, o.price) < o.size) throw new IllegalStateException("LOBSTER book underflow at " + o);
            levels.add(o.side, o.price, -o.size);
        }
        long nod = Math.floorMod(o.tsEvent + offsets.offsetNanos(zone, o.tsEvent), DAY);
        line.reset().append(nod / 1_000_000_000L).append('.').appendPadded(nod % 1_000_000_000L, 9)
                .append(',').append(type).append(',').append(o.orderId).append(',').append(o.size / Px.SCALE)
                .append(',').append(Px.toScaled(o.price, 4)).append(',').append(o.side == Side.BUY ? 1 : -1);
        line.writeLine(messages);
        book.writeRow(levels);
    }

    @Override
    public void close() {
        try {
            messages.close();
        } catch (IOException e) {
            throw new DataException("cannot close LOBSTER message output", e);
        } finally {
            book.close();
        }
    }
}
