package dev.periscope.io.taq;

import dev.periscope.io.csv.LineBuilder;
import dev.periscope.model.Instrument;
import dev.periscope.model.event.MarketDataHandler;

import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Shared plumbing of the TAQ writers: output stream, time column name for the zone, symbol bytes cache. */
abstract class TaqWriterBase implements MarketDataHandler, AutoCloseable, Flushable {
    final OutputStream out;
    final TaqOptions options;
    final TaqLayout layout;
    final ZoneId zone;
    final String timeColumn;
    final LineBuilder line = new LineBuilder();
    private Instrument lastInstrument;
    private byte[] lastSymbol;
    long written;

    TaqWriterBase(OutputStream out, TaqOptions options, TaqLayout layout) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        this.options = options;
        this.layout = TaqLayout.orDefault(layout);
        this.zone = options.zone() == null ? TaqFormat.EST : options.zone();
        if (zone.equals(TaqFormat.EST)) timeColumn = "DT_EST";
        else if (zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") || zone.getId().equals("Z")) timeColumn = "DT_UTC";
        else if (zone.equals(TaqFormat.NEW_YORK)) timeColumn = "DT_ET";
        else timeColumn = "DT"; // readers then need TaqOptions.withZone(zone)
    }

    static OutputStream open(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a row with its timestamp in the writer's zone and layout. */
    final LineBuilder row(long tsNanos) {
        return line.reset().appendTimestamp(tsNanos, zone, layout.millisOnly());
    }

    final void header(String rest) {
        line.reset().append(timeColumn).append(rest).writeLine(out);
    }

    final byte[] symbol(Instrument ins) {
        if (ins == null) throw new IllegalArgumentException("event without instrument");
        if (ins != lastInstrument) {
            lastInstrument = ins;
            lastSymbol = ins.symbol().getBytes(StandardCharsets.UTF_8);
            for (byte b : lastSymbol) {
                if (b == ',' || b == '"' || b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("symbol not writable in CSV: " + ins.symbol());
                }
            }
        }
        return lastSymbol;
    }

    /** Rows written (excluding the header). */
    public long written() { return written; }

    @Override
    public void onEnd() { flush(); }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
