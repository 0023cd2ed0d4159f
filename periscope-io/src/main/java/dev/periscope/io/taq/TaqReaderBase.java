package dev.periscope.io.taq;

import dev.periscope.model.event.MarketEvent;

import dev.periscope.model.event.EventSource;
import dev.periscope.io.csv.CsvLineReader;
import dev.periscope.io.csv.InstrumentTable;
import dev.periscope.io.csv.TimestampParser;
import dev.periscope.model.Instrument;
import dev.periscope.model.Participant;
import dev.periscope.model.Px;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssueLog;

import java.io.InputStream;
import java.nio.file.Path;

/** Shared plumbing of the TAQ readers: header, field parsing from byte ranges, issue reporting. */
abstract class TaqReaderBase implements EventSource {
    final CsvLineReader csv;
    final String source;
    final DataIssueLog issues;
    final TaqOptions options;
    final TaqFormat format;
    final TimestampParser time;
    final InstrumentTable instruments;
    /** Set by the parse helpers when the current row was reported bad. */
    boolean bad;
    long rowsRead, skipped;

    TaqReaderBase(Path file, TaqOptions options, DataIssueLog issues, TaqFormat.Kind expected) {
        this(CsvLineReader.open(file, (byte) ','), file.getFileName().toString(), options, issues, expected);
    }

    /** Reads from {@code in} (not decompressed; closed by {@link #close()}); {@code source} names it in reports. */
    TaqReaderBase(InputStream in, String source, TaqOptions options, DataIssueLog issues, TaqFormat.Kind expected) {
        this(new CsvLineReader(in, (byte) ','), source, options, issues, expected);
    }

    private TaqReaderBase(CsvLineReader csv, String source, TaqOptions options, DataIssueLog issues,
                          TaqFormat.Kind expected) {
        this.source = source;
        this.options = options;
        this.issues = issues;
        this.csv = csv;
        try {
            if (!csv.nextLine()) throw new DataException(source + ": empty file (no header)", null);
            this.format = TaqFormat.ofHeader(csv, source);
            if (format.kind != expected) {
                throw new DataException(source + ": a TAQ " + format.kind.name().toLowerCase() + " file, expected "
                        + expected.name().toLowerCase(), null);
            }
            this.time = new TimestampParser(format.zone(options, source));
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
        this.instruments = new InstrumentTable(options.instruments());
    }

    @Override
    public String name() { return source; }

    /** Data rows read (excluding the header), good or bad. */
    public long rowsRead() { return rowsRead; }

    /** Parses the current row into the subclass's flyweight; false (after reporting) if the row is bad. */
    abstract boolean parse();

    /** The subclass's event flyweight, valid after {@link #parse()} returned true. */
    abstract MarketEvent event();

    /** The next good row as an event, or null at the end; bad rows are reported and skipped. */
    @Override
    public final MarketEvent next() {
        while (nextRow()) {
            if (parse()) return event();
            skipped++;
        }
        return null;
    }

    /** Rows reported and skipped. */
    public long rowsSkipped() { return skipped; }

    /** The zone the timestamps are read in. */
    public java.time.ZoneId zone() { return time.zone(); }

    @Override
    public void close() { csv.close(); }

    final void report(int col, String kind, String reason) {
        bad = true;
        issues.report(source, csv.lineNumber(), col < 0 ? "" : format.names[col], kind, reason);
    }

    /** Advances to the next data row with the right number of fields; false at the end. */
    final boolean nextRow() {
        while (csv.nextLine()) {
            rowsRead++;
            bad = false;
            if (csv.fieldCount() != format.names.length) {
                report(-1, "bad-row", "expected " + format.names.length + " fields, found " + csv.fieldCount()
                        + ": '" + csv.lineText() + "'");
                skipped++;
                continue;
            }
            return true;
        }
        return false;
    }

    final long timestamp() {
        int c = format.time;
        try {
            return time.parse(csv.buffer(), csv.start(c), csv.end(c));
        } catch (IllegalArgumentException e) {
            report(c, "bad-time", e.getMessage());
            return 0;
        }
    }

    final char participant() {
        int c = format.ex;
        int s = csv.start(c), e = csv.end(c);
        if (e - s == 1) {
            char ch = (char) (csv.buffer()[s] & 0xFF);
            if (Participant.ofCode(ch) != null) return ch;
        }
        report(c, "unknown-participant", "unknown participant code '" + csv.text(c) + "'");
        return 0;
    }

    final Instrument instrument() {
        int c = format.symbol;
        if (csv.isEmpty(c)) {
            report(c, "missing-value", "empty symbol");
            return null;
        }
        return instruments.get(csv.buffer(), csv.start(c), csv.end(c));
    }

    /** A fixed-point number from column {@code c}; reports missing/bad numbers. */
    final long number(int c) {
        if (csv.isEmpty(c)) {
            report(c, "missing-value", "empty " + format.names[c]);
            return 0;
        }
        try {
            return Px.parse(csv.buffer(), csv.start(c), csv.end(c));
        } catch (NumberFormatException e) {
            report(c, "bad-number", e.getMessage());
            return 0;
        }
    }
}
