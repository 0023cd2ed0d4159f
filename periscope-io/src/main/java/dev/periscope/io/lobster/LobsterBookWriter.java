package dev.periscope.io.lobster;

import dev.periscope.book.OrderBookView;
import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.quality.DataException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes books in LOBSTER's orderbook-file format (see {@link LobsterBookReader}): per row the top N levels as
 * {@code askPx,askSz,bidPx,bidSz} for level 1..N, prices in dollars x 10000, sizes in whole shares, absent levels
 * as LOBSTER's placeholders ({@link LobsterBookReader#EMPTY_ASK} / {@link LobsterBookReader#EMPTY_BID}, size 0),
 * every row ending with {@code \n}. Formats digits into a reused buffer: no allocation per row. A price finer
 * than $0.0001 or a fractional size cannot be written and throws {@link ArithmeticException}.
 */
public final class LobsterBookWriter implements AutoCloseable {
    private final OutputStream out;
    private final int levels;
    private final byte[] row;
    private final byte[] digits = new byte[20];
    private int len;
    private long rows;

    public LobsterBookWriter(Path file, int levels) {
        this(openOut(file), levels);
    }

    public LobsterBookWriter(OutputStream out, int levels) {
        if (levels <= 0) throw new IllegalArgumentException("levels must be > 0: " + levels);
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.levels = levels;
        this.row = new byte[levels * 4 * 21 + 1];
    }

    private static OutputStream openOut(Path p) {
        try {
            return Files.newOutputStream(p);
        } catch (IOException e) {
            throw new DataException("cannot create " + p, e);
        }
    }

    /** Writes the top N levels of {@code book} as one row. */
    public void writeRow(OrderBookView book) {
        len = 0;
        for (int k = 0; k < levels; k++) {
            level(book, Side.SELL, k, LobsterBookReader.EMPTY_ASK);
            level(book, Side.BUY, k, LobsterBookReader.EMPTY_BID);
        }
        row[len - 1] = '\n';
        try {
            out.write(row, 0, len);
        } catch (IOException e) {
            throw new DataException("cannot write orderbook row " + (rows + 1), e);
        }
        rows++;
    }

    private void level(OrderBookView book, Side side, int k, long empty) {
        if (k < book.depth(side)) {
            append(Px.toScaled(book.price(side, k), 4));
            append(Px.toScaled(book.size(side, k), 0));
        } else {
            append(empty);
            append(0);
        }
    }

    private void append(long v) {
        if (v < 0) { row[len++] = '-'; v = -v; }
        int n = 0;
        do { digits[n++] = (byte) ('0' + v % 10); v /= 10; } while (v != 0);
        while (n > 0) row[len++] = digits[--n];
        row[len++] = ',';
    }

    /** Rows written so far. */
    public long rows() { return rows; }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new DataException("cannot close orderbook output", e);
        }
    }
}
