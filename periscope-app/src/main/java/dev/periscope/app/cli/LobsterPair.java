package dev.periscope.app.cli;

import dev.periscope.io.csv.FileInput;
import dev.periscope.io.lobster.LobsterFileName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that {@code --lobster MESSAGE_FILE ORDERBOOK_FILE} names one message file and the orderbook file that
 * belongs to it, before {@code book} or {@code classify} reads them: exactly one pair; by name (when both follow
 * LOBSTER's {@code TICKER_DATE_START_END_KIND_LEVELS.csv}) same ticker, date, period and levels, message first; by
 * content, no header line, 6 fields per message row, 4 per level in an orderbook row, and one orderbook row per
 * message row (LOBSTER writes them in lockstep). A failure is a {@link CliError} (exit code 2). Reads both files
 * once; constant memory.
 */
public final class LobsterPair {
    /** The first row and the number of non-blank rows of a file. */
    record Shape(String firstRow, long rows) {}

    private LobsterPair() {}

    /** The message and orderbook file of {@code files} if they belong together; the message file's name holds the date. */
    public static List<Path> check(List<Path> files) {
        return check(files, null, false);
    }

    /**
     * As {@link #check(List)} for a command with a {@code --date} option: {@code date} is its value, or null (then
     * the message file's LOBSTER name must hold the date).
     */
    public static List<Path> check(List<Path> files, java.time.LocalDate date) {
        return check(files, date, true);
    }

    private static List<Path> check(List<Path> files, java.time.LocalDate date, boolean dateOption) {
        if (files.size() != 2) {
            throw CliError.usage("--lobster", "takes one MESSAGE_FILE ORDERBOOK_FILE pair, got " + files.size() / 2
                    + " pairs; run the command once per pair");
        }
        Path msg = InputFile.check(files.get(0)), book = InputFile.check(files.get(1));
        Optional<LobsterFileName> m = name(msg), b = name(book);
        if (m.isEmpty() && date == null) {
            throw CliError.file(msg, "not a LOBSTER file name (TICKER_YYYY-MM-DD_start_end_message_N.csv) that holds "
                    + "the trading date; rename it" + (dateOption ? " or give --date YYYY-MM-DD" : ""));
        }
        if (m.isPresent() && b.isPresent()) checkNames(msg, m.get(), book, b.get());
        Shape ms = shape(msg), bs = shape(book);
        checkRow(msg, ms, "message");
        checkRow(book, bs, "orderbook");
        int fields = fields(ms.firstRow()), bookFields = fields(bs.firstRow());
        if (fields != 6) {
            throw CliError.file(msg, "not a LOBSTER message file: its first row has " + fields + " fields, a message row has 6"
                    + (fields % 4 == 0 && bookFields == 6 ? " (message and orderbook files swapped?)" : ""));
        }
        if (bookFields % 4 != 0) {
            throw CliError.file(book, "not a LOBSTER orderbook file: its first row has " + bookFields + " fields, "
                    + "an orderbook row has 4 per level");
        }
        if (b.isPresent() && bookFields != 4 * b.get().levels()) {
            throw CliError.file(book, "rows have " + bookFields / 4 + " levels but the name says " + b.get().levels());
        }
        if (ms.rows() != bs.rows()) {
            throw CliError.usage(msg + ", " + book, String.format(Locale.ROOT, "do not belong together: %,d message rows "
                    + "but %,d orderbook rows (LOBSTER writes one orderbook row per message)", ms.rows(), bs.rows()));
        }
        return files;
    }

    private static Optional<LobsterFileName> name(Path p) {
        return LobsterFileName.parse(p.getFileName().toString());
    }

    private static void checkNames(Path msg, LobsterFileName m, Path book, LobsterFileName b) {
        if (m.kind().equals("orderbook") && b.kind().equals("message"))
            throw CliError.usage("--lobster", "give the message file first, then the orderbook file (swapped: " + msg + ", " + book + ")");
        if (!m.kind().equals("message")) throw CliError.file(msg, "is not a message file by its name (" + m.kind() + ")");
        if (!b.kind().equals("orderbook")) throw CliError.file(book, "is not an orderbook file by its name (" + b.kind() + ")");
        String diff = !m.ticker().equals(b.ticker()) ? "ticker " + m.ticker() + " vs " + b.ticker()
                : !m.date().equals(b.date()) ? "date " + m.date() + " vs " + b.date()
                : !m.period().equals(b.period()) ? "period " + m.period() + " vs " + b.period()
                : m.levels() != b.levels() ? "levels " + m.levels() + " vs " + b.levels() : null;
        if (diff != null) throw CliError.usage(msg + ", " + book, "do not belong together: " + diff);
    }

    private static void checkRow(Path file, Shape s, String kind) {
        if (s.rows() == 0) throw CliError.file(file, "has no rows");
        String first = s.firstRow().split(",", -1)[0].trim();
        if (!isNumber(first)) {
            throw CliError.file(file, "line 1 is a header (" + s.firstRow().substring(0, Math.min(80, s.firstRow().length()))
                    + "); LOBSTER " + kind + " files have none: remove it");
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int fields(String row) {
        return row.split(",", -1).length;
    }

    /** First non-blank row (up to 4 KB) and the count of non-blank rows; gzip is read decompressed. */
    static Shape shape(Path file) {
        StringBuilder first = new StringBuilder();
        long rows = 0;
        boolean inRow = false, firstDone = false;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = FileInput.open(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte c = buf[i];
                    if (c == '\n' || c == '\r') {
                        if (inRow) { rows++; firstDone = true; }
                        inRow = false;
                    } else if (c != ' ' || inRow) {
                        inRow = true;
                        if (!firstDone && first.length() < 4096) first.append((char) (c & 0xff));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (inRow) rows++;
        return new Shape(first.toString(), rows);
    }
}
