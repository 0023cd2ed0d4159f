package dev.periscope.tape.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.periscope.model.Px;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes flat records with a fixed column list as CSV (header line, RFC 4180 quoting where needed) or JSON (one
 * array of objects, one object per line). Values are written in column order: {@link #str}, {@link #num},
 * {@link #px} (fixed point as a plain decimal), {@link #dbl}; then {@link #end()}. Output is deterministic
 * (no locale, no timestamps of the run).
 */
public abstract class RecordWriter implements Closeable {
    public enum Format { CSV, JSON }

    protected final String[] columns;
    protected int col;

    protected RecordWriter(String[] columns) {
        this.columns = columns;
    }

    public static RecordWriter open(Path file, Format format, String... columns) {
        try {
            return format == Format.CSV ? new Csv(file, columns) : new Json(file, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public abstract RecordWriter str(String v);

    public abstract RecordWriter num(long v);

    /** Fixed-point value ({@link Px}); {@link Px#NONE} is written as empty (CSV) or null (JSON). */
    public abstract RecordWriter px(long v);

    /** A finite double; a non-finite value is a programming error and throws. */
    public abstract RecordWriter dbl(double v);

    /** Writes null/empty for the next column. */
    public abstract RecordWriter empty();

    public abstract void end();

    protected void checkCol() {
        if (col >= columns.length) throw new IllegalStateException("more values than columns " + columns.length);
    }

    protected static double finite(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite output value " + v);
        return v;
    }

    private static final class Csv extends RecordWriter {
        private final BufferedWriter out;
        private final StringBuilder sb = new StringBuilder(256);

        Csv(Path file, String[] columns) throws IOException {
            super(columns);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(String.join(",", columns));
            out.write('\n');
        }

        private void sep() {
            checkCol();
            if (col++ > 0) sb.append(',');
        }

        @Override public RecordWriter str(String v) {
            sep();
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else sb.append(v);
            return this;
        }

        @Override public RecordWriter num(long v) { sep(); sb.append(v); return this; }

        @Override public RecordWriter px(long v) { sep(); if (v != Px.NONE) Px.appendTo(sb, v); return this; }

        @Override public RecordWriter dbl(double v) { sep(); sb.append(finite(v)); return this; }

        @Override public RecordWriter empty() { sep(); return this; }

        @Override public void end() {
            if (col != columns.length) throw new IllegalStateException("row has " + col + " values, expected " + columns.length);
            sb.append('\n');
            try {
                out.append(sb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sb.setLength(0);
            col = 0;
        }

        @Override public void close() throws IOException { out.close(); }
    }

    private static final class Json extends RecordWriter {
        private final OutputStream os;
        private final JsonGenerator g;
        private final StringBuilder sb = new StringBuilder(32);
        private boolean first = true;

        Json(Path file, String[] columns) throws IOException {
            super(columns);
            os = Files.newOutputStream(file);
            g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8);
            g.writeRaw('[');
        }

        private void field() throws IOException {
            checkCol();
            if (col == 0) {
                g.writeRaw(first ? "\n" : ",\n");
                first = false;
                g.writeStartObject();
            }
            g.writeFieldName(columns[col++]);
        }

        @Override public RecordWriter str(String v) {
            try { field(); g.writeString(v); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        @Override public RecordWriter num(long v) {
            try { field(); g.writeNumber(v); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        @Override public RecordWriter px(long v) {
            try {
                field();
                if (v == Px.NONE) g.writeNull();
                else { sb.setLength(0); Px.appendTo(sb, v); g.writeNumber(sb.toString()); }
            } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        @Override public RecordWriter dbl(double v) {
            try { field(); g.writeNumber(finite(v)); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        @Override public RecordWriter empty() {
            try { field(); g.writeNull(); } catch (IOException e) { throw new UncheckedIOException(e); }
            return this;
        }

        @Override public void end() {
            if (col != columns.length) throw new IllegalStateException("row has " + col + " values, expected " + columns.length);
            try { g.writeEndObject(); } catch (IOException e) { throw new UncheckedIOException(e); }
            col = 0;
        }

        @Override public void close() throws IOException {
            g.writeRaw("\n]\n");
            g.close();
            os.close();
        }
    }
}
