package dev.periscope.io.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.periscope.model.Px;
import dev.periscope.model.truth.GroundTruthLabel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes ground-truth labels as CSV or JSON Lines (docs/evaluation.md), in the order given, one label per line,
 * LF line ends, UTF-8. Output is canonical: prices and sizes in {@link Px#format} form, side as 1/-1/0, so writing
 * what {@link LabelReader} read reproduces the file byte for byte when it was written here. Files whose name ends
 * in {@code .gz} are gzipped.
 */
public final class LabelWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private LabelWriter() {}

    /** Writes {@code labels} to {@code file} in the format its name implies ({@link LabelFormat#ofFileName}). */
    public static void write(Path file, Iterable<GroundTruthLabel> labels) {
        write(file, LabelFormat.ofFileName(file), labels);
    }

    /** Writes {@code labels} to {@code file} in {@code format}. */
    public static void write(Path file, LabelFormat format, Iterable<GroundTruthLabel> labels) {
        try (OutputStream os = open(file);
             Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
            write(w, format, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code labels} to {@code w} (not closed). */
    public static void write(Writer w, LabelFormat format, Iterable<GroundTruthLabel> labels) throws IOException {
        if (format == LabelFormat.CSV) w.write(LabelFormat.HEADER + "\n");
        for (GroundTruthLabel l : labels) {
            w.write(format == LabelFormat.CSV ? csvLine(l) : jsonLine(l));
            w.write('\n');
        }
    }

    private static OutputStream open(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(os, 1 << 16) : os;
    }

    /** One CSV row (no line end). The note is quoted (RFC 4180) when it has a comma, a quote or outer spaces. */
    public static String csvLine(GroundTruthLabel l) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(l.kind()).append(',').append(l.instrument()).append(',').append(l.venue()).append(',')
                .append(l.side()).append(',').append(l.tsStart()).append(',').append(l.tsEnd()).append(',');
        Px.appendTo(sb, l.size());
        sb.append(',');
        Px.appendTo(sb, l.priceLow());
        sb.append(',');
        Px.appendTo(sb, l.priceHigh());
        sb.append(',');
        appendIds(sb, l.orderIds());
        sb.append(',');
        appendIds(sb, l.tradeIds());
        sb.append(',');
        String n = l.note();
        if (n.indexOf(',') >= 0 || n.indexOf('"') >= 0 || (!n.isEmpty() && n.strip().length() != n.length())) {
            sb.append('"').append(n.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(n);
        }
        return sb.toString();
    }

    private static void appendIds(StringBuilder sb, long[] ids) {
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) sb.append(';');
            sb.append(ids[i]);
        }
    }

    /**
     * One JSON object (no line end), keys in {@link LabelFormat#COLUMNS} order: size and prices as JSON numbers
     * in canonical decimal form (null when unknown), ids as arrays of integers.
     */
    public static String jsonLine(GroundTruthLabel l) {
        StringWriter sw = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("kind", l.kind());
            g.writeStringField("instrument", l.instrument());
            g.writeStringField("venue", l.venue());
            g.writeNumberField("side", l.side());
            g.writeNumberField("ts_start_ns", l.tsStart());
            g.writeNumberField("ts_end_ns", l.tsEnd());
            g.writeFieldName("size");
            g.writeNumber(Px.format(l.size()));
            g.writeFieldName("price_low");
            if (l.hasPrices()) g.writeNumber(Px.format(l.priceLow())); else g.writeNull();
            g.writeFieldName("price_high");
            if (l.hasPrices()) g.writeNumber(Px.format(l.priceHigh())); else g.writeNull();
            g.writeFieldName("order_ids");
            writeIds(g, l.orderIds());
            g.writeFieldName("trade_ids");
            writeIds(g, l.tradeIds());
            g.writeStringField("note", l.note());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void writeIds(JsonGenerator g, long[] ids) throws IOException {
        g.writeStartArray();
        for (long id : ids) g.writeNumber(id);
        g.writeEndArray();
    }
}
