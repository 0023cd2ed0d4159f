package dev.periscope.io.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.periscope.model.Px;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.truth.GroundTruthLabel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads ground-truth label files (CSV or JSON Lines, docs/evaluation.md) into {@link GroundTruthLabel}s, in file
 * order. A row with a problem is reported to the {@link DataIssueLog} with file name, 1-based line, field (column
 * or JSON key) and reason, and skipped (or thrown under STRICT); the first problem of a row is the one reported.
 * Issue kinds: {@code bad-header}, {@code bad-row} (field count, quoting, JSON syntax), {@code missing-field},
 * {@code duplicate-field}, {@code unknown-field} (reported, row kept), {@code bad-number}, {@code bad-value}.
 *
 * <p>Labels are few (thousands per simulated day), so this reader creates Strings per row; it is not a hot path.
 */
public final class LabelReader {
    private static final JsonFactory JSON = new JsonFactory();

    private LabelReader() {}

    /** Reads {@code file} in the format its name implies ({@link LabelFormat#ofFileName}); gzip content (magic bytes 1f 8b) is unzipped. */
    public static List<GroundTruthLabel> read(Path file, DataIssueLog log) {
        return read(file, LabelFormat.ofFileName(file), log);
    }

    public static List<GroundTruthLabel> read(Path file, LabelFormat format, DataIssueLog log) {
        try (InputStream in = dev.periscope.io.csv.FileInput.decompressed(
                     new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(r, file.getFileName().toString(), format, log);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads labels from {@code r} (not closed); {@code source} names it in issues. */
    public static List<GroundTruthLabel> read(BufferedReader r, String source, LabelFormat format, DataIssueLog log) {
        Parser p = new Parser(source, log);
        List<GroundTruthLabel> out = new ArrayList<>();
        try {
            boolean headerSeen = format == LabelFormat.JSONL;
            long lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
                if (line.isBlank() || line.startsWith("#")) continue;
                p.line = lineNo;
                if (!headerSeen) {
                    if (!line.strip().equals(LabelFormat.HEADER)) {
                        log.report(source, lineNo, "", "bad-header",
                                "expected header '" + LabelFormat.HEADER + "', found '" + abbreviate(line) + "'");
                        return out;
                    }
                    headerSeen = true;
                    continue;
                }
                GroundTruthLabel l = format == LabelFormat.CSV ? p.csv(line) : p.json(line);
                if (l != null) out.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** Per-file parsing state; the first problem of a row is reported and the row yields null. */
    private static final class Parser {
        final String source;
        final DataIssueLog log;
        long line;
        // the row being built
        String kind, instrument, venue, note;
        byte side;
        long tsStart, tsEnd, size, priceLow, priceHigh;
        long[] orderIds, tradeIds;

        Parser(String source, DataIssueLog log) {
            this.source = source;
            this.log = log;
        }

        /** Reports a problem with {@code field} and returns false, so callers can write {@code return fail(..)}. */
        private boolean fail(String field, String kind, String reason) {
            log.report(source, line, field, kind, reason);
            return false;
        }

        private void reset() {
            kind = instrument = null;
            venue = note = "";
            side = 0;
            tsStart = tsEnd = Long.MIN_VALUE;
            size = 0;
            priceLow = priceHigh = Px.NONE;
            orderIds = tradeIds = null;
        }

        // ---------------------------------------------------------------- CSV

        GroundTruthLabel csv(String text) {
            List<String> f = split(text);
            if (f == null) return null;
            if (f.size() != LabelFormat.COLUMNS.length) {
                fail("", "bad-row", "expected " + LabelFormat.COLUMNS.length + " fields, found " + f.size());
                return null;
            }
            reset();
            for (int c = 0; c < f.size(); c++) {
                if (!setField(LabelFormat.COLUMNS[c], f.get(c), true)) return null;
            }
            return build();
        }

        /** RFC 4180 split of one line; a quoted field may hold commas and doubled quotes. Null (reported) if bad. */
        private List<String> split(String s) {
            List<String> out = new ArrayList<>(LabelFormat.COLUMNS.length);
            int i = 0, n = s.length();
            while (true) {
                if (i < n && s.charAt(i) == '"') {
                    StringBuilder sb = new StringBuilder();
                    int j = i + 1;
                    while (true) {
                        if (j >= n) {
                            fail(columnName(out.size()), "bad-row", "unterminated quoted field");
                            return null;
                        }
                        char c = s.charAt(j);
                        if (c == '"') {
                            if (j + 1 < n && s.charAt(j + 1) == '"') { sb.append('"'); j += 2; continue; }
                            j++;
                            break;
                        }
                        sb.append(c);
                        j++;
                    }
                    out.add(sb.toString());
                    if (j == n) return out;
                    if (s.charAt(j) != ',') {
                        fail(columnName(out.size() - 1), "bad-row", "text after closing quote");
                        return null;
                    }
                    i = j + 1;
                } else {
                    int j = s.indexOf(',', i);
                    if (j < 0) {
                        out.add(s.substring(i));
                        return out;
                    }
                    out.add(s.substring(i, j));
                    i = j + 1;
                }
            }
        }

        private static String columnName(int i) {
            return i < LabelFormat.COLUMNS.length ? LabelFormat.COLUMNS[i] : "";
        }

        // ---------------------------------------------------------------- shared field rules

        /**
         * Sets one field from its text. {@code csv}: empty text means "not given" for optional fields (venue, size,
         * prices, ids, note); in JSON an optional field is simply absent or null.
         */
        private boolean setField(String name, String v, boolean csv) {
            switch (name) {
                case "kind" -> {
                    String p = GroundTruthLabel.kindProblem(v);
                    if (p != null) return fail(name, "bad-value", p);
                    kind = v;
                }
                case "instrument" -> {
                    String p = GroundTruthLabel.instrumentProblem(v);
                    if (p != null) return fail(name, "bad-value", p);
                    instrument = v;
                }
                case "venue" -> {
                    String p = GroundTruthLabel.venueProblem(v);
                    if (p != null) return fail(name, "bad-value", p);
                    venue = v;
                }
                case "side" -> {
                    switch (v.toLowerCase(Locale.ROOT)) {
                        case "1", "+1", "buy" -> side = 1;
                        case "-1", "sell" -> side = -1;
                        case "0", "unknown" -> side = 0;
                        default -> { return fail(name, "bad-value", "side must be 1, -1, 0, buy, sell or unknown: '" + v + "'"); }
                    }
                }
                case "ts_start_ns", "ts_end_ns" -> {
                    long t;
                    try {
                        t = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        return fail(name, "bad-number", "not an integer epoch-ns time: '" + v + "'");
                    }
                    if (t < 0) return fail(name, "bad-value", "negative time: " + t);
                    if (name.equals("ts_start_ns")) tsStart = t; else tsEnd = t;
                }
                case "size" -> {
                    if (csv && v.isEmpty()) { size = 0; return true; }
                    long x = decimal(name, v);
                    if (x == Px.NONE) return false;
                    if (x < 0) return fail(name, "bad-value", "negative size: " + v);
                    size = x;
                }
                case "price_low", "price_high" -> {
                    if (csv && v.isEmpty()) return true;
                    long x = decimal(name, v);
                    if (x == Px.NONE) return false;
                    if (name.equals("price_low")) priceLow = x; else priceHigh = x;
                }
                case "order_ids", "trade_ids" -> {
                    long[] ids = ids(name, v);
                    if (ids == null) return false;
                    if (name.equals("order_ids")) orderIds = ids; else tradeIds = ids;
                }
                case "note" -> {
                    String p = GroundTruthLabel.noteProblem(v);
                    if (p != null) return fail(name, "bad-value", p);
                    note = v;
                }
                default -> throw new IllegalStateException(name);
            }
            return true;
        }

        /** Fixed-point value of decimal text, or {@link Px#NONE} after reporting. */
        private long decimal(String field, String v) {
            try {
                long x = Px.parse(v);
                if (x == Px.NONE) throw new NumberFormatException("out of range");
                return x;
            } catch (RuntimeException e) {
                fail(field, "bad-number", "not a decimal with at most " + Px.DECIMALS + " places: '" + v + "'");
                return Px.NONE;
            }
        }

        /** {@code ;}-separated non-negative integers ("" = none), or null after reporting. */
        private long[] ids(String field, String v) {
            if (v.isEmpty()) return new long[0];
            String[] parts = v.split(";", -1);
            long[] out = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    out[i] = Long.parseLong(parts[i]);
                } catch (NumberFormatException e) {
                    fail(field, "bad-number", "id " + (i + 1) + " is not an integer: '" + parts[i] + "'");
                    return null;
                }
                if (out[i] < 0) {
                    fail(field, "bad-value", "negative id: " + out[i]);
                    return null;
                }
            }
            return out;
        }

        /** Cross-field checks, then the label (or null after reporting). */
        private GroundTruthLabel build() {
            if (kind == null) return missing("kind");
            if (instrument == null) return missing("instrument");
            if (tsStart == Long.MIN_VALUE) return missing("ts_start_ns");
            if (tsEnd == Long.MIN_VALUE) return missing("ts_end_ns");
            if (tsEnd < tsStart) {
                fail("ts_end_ns", "bad-value", "end before start: " + tsEnd + " < " + tsStart);
                return null;
            }
            String p = GroundTruthLabel.priceProblem(priceLow, priceHigh);
            if (p != null) {
                fail(priceLow == Px.NONE ? "price_low" : "price_high", "bad-value", p);
                return null;
            }
            return new GroundTruthLabel(kind, instrument, venue, side, tsStart, tsEnd, size, priceLow, priceHigh,
                    orderIds, tradeIds, note);
        }

        private GroundTruthLabel missing(String field) {
            fail(field, "missing-field", "required field '" + field + "' is missing");
            return null;
        }

        // ---------------------------------------------------------------- JSON Lines

        GroundTruthLabel json(String text) {
            reset();
            boolean[] seen = new boolean[LabelFormat.COLUMNS.length];
            String field = "";
            try (JsonParser jp = JSON.createParser(text)) {
                if (jp.nextToken() != JsonToken.START_OBJECT) {
                    fail("", "bad-row", "line is not a JSON object");
                    return null;
                }
                JsonToken t;
                while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
                    field = jp.currentName();
                    int c = Arrays.asList(LabelFormat.COLUMNS).indexOf(field);
                    JsonToken v = jp.nextToken();
                    if (c < 0) {
                        log.report(source, line, field, "unknown-field", "unknown key '" + field + "' ignored");
                        jp.skipChildren();
                        continue;
                    }
                    if (seen[c]) {
                        fail(field, "duplicate-field", "key '" + field + "' appears twice");
                        return null;
                    }
                    seen[c] = true;
                    if (!jsonValue(jp, field, v)) return null;
                }
                if (t != JsonToken.END_OBJECT) {
                    fail(field, "bad-row", "malformed JSON object");
                    return null;
                }
                field = "";
                if (jp.nextToken() != null) {
                    fail("", "bad-row", "text after the JSON object");
                    return null;
                }
            } catch (JsonProcessingException e) {
                fail(field, "bad-row", "malformed JSON: " + e.getOriginalMessage());
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return build();
        }

        private boolean jsonValue(JsonParser jp, String name, JsonToken v) throws IOException {
            switch (name) {
                case "kind", "instrument", "venue", "note" -> {
                    if (v != JsonToken.VALUE_STRING) return fail(name, "bad-value", "must be a string");
                    return setField(name, jp.getText(), false);
                }
                case "side" -> {
                    if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_STRING)
                        return fail(name, "bad-value", "must be 1, -1, 0 or \"buy\"/\"sell\"/\"unknown\"");
                    return setField(name, jp.getText(), false);
                }
                case "ts_start_ns", "ts_end_ns" -> {
                    if (v != JsonToken.VALUE_NUMBER_INT)
                        return fail(name, "bad-number", "must be an integer epoch-ns time: " + jp.getText());
                    return setField(name, jp.getText(), false);
                }
                case "size", "price_low", "price_high" -> {
                    if (v == JsonToken.VALUE_NULL) return true;
                    if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_STRING)
                        return fail(name, "bad-number", "must be a decimal number");
                    return setField(name, jp.getText(), false);
                }
                case "order_ids", "trade_ids" -> {
                    if (v == JsonToken.VALUE_NULL) return true;
                    if (v != JsonToken.START_ARRAY) return fail(name, "bad-value", "must be an array of integers");
                    long[] ids = new long[8];
                    int n = 0;
                    JsonToken e;
                    while ((e = jp.nextToken()) != JsonToken.END_ARRAY) {
                        if (e != JsonToken.VALUE_NUMBER_INT) return fail(name, "bad-number", "id " + (n + 1) + " is not an integer");
                        long id;
                        try {
                            id = jp.getLongValue();
                        } catch (IOException ex) {
                            return fail(name, "bad-number", "id " + (n + 1) + " out of range: " + jp.getText());
                        }
                        if (id < 0) return fail(name, "bad-value", "negative id: " + id);
                        if (n == ids.length) ids = Arrays.copyOf(ids, n * 2);
                        ids[n++] = id;
                    }
                    if (name.equals("order_ids")) orderIds = Arrays.copyOf(ids, n); else tradeIds = Arrays.copyOf(ids, n);
                    return true;
                }
                default -> throw new IllegalStateException(name);
            }
        }
    }
}
