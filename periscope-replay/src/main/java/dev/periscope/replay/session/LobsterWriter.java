package dev.periscope.replay.session;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Minimal writer of LOBSTER message and order-book files (lobsterdata.com format, as in the
 * {@code shared/data/lobster} samples) for one venue's {@link OrderEvent}s. Message rows:
 * {@code time,type,orderId,size,price,direction} with time in seconds after local midnight with 9 decimals,
 * type 1 submit / 2 partial cancel / 3 delete / 4 visible execution / 5 hidden execution / 6 cross / 7 halt,
 * price in dollars x 10000 and direction 1 buy / -1 sell (the side of the resting order). No header. After each
 * message the order-book file gets one row {@code askPx1,askSz1,bidPx1,bidSz1,...} for {@code levels} levels;
 * empty levels are {@code 9999999999,0} (ask) and {@code -9999999999,0} (bid), LOBSTER's dummy values.
 *
 * <p>Interim: this belongs in {@code periscope-io} ({@code dev.periscope.io.lobster}); replace it with the io
 * writer when merged. Keeps its own price-level book (TreeMaps; allocates). Not thread-safe.
 */
public final class LobsterWriter implements MarketDataHandler, AutoCloseable {
    public static final long DUMMY_ASK = 9_999_999_999L, DUMMY_BID = -9_999_999_999L;

    private final Writer messages, book;
    private final char venue;
    private final int levels;
    private final EtClock clock;
    private final TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder()), asks = new TreeMap<>();
    private final StringBuilder sb = new StringBuilder(512);
    private long rows;

    public LobsterWriter(Path messageFile, Path orderbookFile, char venue, int levels, ZoneId zone) throws IOException {
        if (levels < 1) throw new IllegalArgumentException("levels >= 1");
        this.venue = venue;
        this.levels = levels;
        this.clock = new EtClock(zone);
        this.messages = Files.newBufferedWriter(messageFile, StandardCharsets.US_ASCII);
        this.book = Files.newBufferedWriter(orderbookFile, StandardCharsets.US_ASCII);
    }

    /** LOBSTER file name: {@code SYMBOL_yyyy-MM-dd_startMs_endMs_kind_levels.csv} (ms after midnight). */
    public static String fileName(String symbol, java.time.LocalDate date, long startMs, long endMs, String kind, int levels) {
        return symbol + "_" + date + "_" + startMs + "_" + endMs + "_" + kind + "_" + levels + ".csv";
    }

    public long rows() { return rows; }

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
        TreeMap<Long, Long> side = o.side == Side.BUY ? bids : asks;
        if (type == 1) side.merge(o.price, o.size, Long::sum);
        else if (type >= 2 && type <= 4) {
            Long cur = side.get(o.price);
            if (cur == null || cur < o.size) throw new IllegalStateException("LOBSTER book underflow at " + o);
            if (cur == o.size) side.remove(o.price); else side.put(o.price, cur - o.size);
        }
        sb.setLength(0);
        long ns = clock.nanosOfDay(o.tsEvent);
        sb.append(ns / 1_000_000_000L).append('.');
        String frac = Long.toString(ns % 1_000_000_000L);
        for (int i = frac.length(); i < 9; i++) sb.append('0');
        sb.append(frac).append(',').append(type).append(',').append(o.orderId).append(',').append(o.size / Px.SCALE)
                .append(',').append(Px.toScaled(o.price, 4)).append(',').append(o.side == Side.BUY ? 1 : -1).append('\n');
        write(messages);
        sb.setLength(0);
        Iterator<Map.Entry<Long, Long>> a = asks.entrySet().iterator(), b = bids.entrySet().iterator();
        for (int l = 0; l < levels; l++) {
            if (l > 0) sb.append(',');
            level(a, DUMMY_ASK);
            sb.append(',');
            level(b, DUMMY_BID);
        }
        sb.append('\n');
        write(book);
        rows++;
    }

    private void level(Iterator<Map.Entry<Long, Long>> it, long dummy) {
        if (it.hasNext()) {
            Map.Entry<Long, Long> e = it.next();
            sb.append(Px.toScaled(e.getKey(), 4)).append(',').append(e.getValue() / Px.SCALE);
        } else sb.append(dummy).append(",0");
    }

    private void write(Writer w) {
        try {
            w.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        messages.close();
        book.close();
    }
}
