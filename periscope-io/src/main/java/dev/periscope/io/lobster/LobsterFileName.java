package dev.periscope.io.lobster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a LOBSTER file name, {@code TICKER_YYYY-MM-DD_StartTime_EndTime_(message|orderbook)_LEVEL.csv}
 * (also with {@code .gz} appended)
 * (LOBSTER sample-files readme, "Output Structure"). The part between the date and the kind is kept verbatim
 * ({@code "34200000_57600000"}, or e.g. {@code "head999"} for a truncated copy). Immutable.
 *
 * @param ticker  the symbol, e.g. "AAPL"
 * @param date    the trading date (local date in America/New_York)
 * @param period  the verbatim middle part (start and end in ms after midnight in original files)
 * @param kind    "message" or "orderbook"
 * @param levels  number of book levels requested (LEVEL)
 */
public record LobsterFileName(String ticker, LocalDate date, String period, String kind, int levels) {
    private static final Pattern NAME =
            Pattern.compile("^([A-Za-z0-9.\\-]+)_(\\d{4}-\\d{2}-\\d{2})_(.+)_(message|orderbook)_(\\d{1,4})\\.csv(?:\\.gz)?$");

    /** Parses a file name (no directories); empty if it does not follow the LOBSTER pattern. */
    public static Optional<LobsterFileName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new LobsterFileName(m.group(1), LocalDate.parse(m.group(2)), m.group(3), m.group(4),
                    Integer.parseInt(m.group(5))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
