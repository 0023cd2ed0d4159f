package dev.periscope.app.cli;

import dev.periscope.model.time.NyseCalendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Checks of option values that name the option, the value and what is allowed
 * ({@code --value-area 150: must be in 0.01..100 (percent)}), thrown as {@link CliError} (exit code 2). Stateless.
 */
public final class OptionCheck {
    private OptionCheck() {}

    /** {@code value} if it lies in {@code [min, max]}. */
    public static double range(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) throw CliError.option(name, fmt(value), "must be in " + fmt(min) + ".." + fmt(max) + " (" + unit + ")");
        return value;
    }

    /** {@code value} if it is at least {@code min}. */
    public static long atLeast(String name, long value, long min) {
        if (value < min) throw CliError.option(name, value, "must be >= " + min);
        return value;
    }

    /** The index in {@code allowed} of {@code value} (case-insensitive). */
    public static int oneOf(String name, String value, String... allowed) {
        for (int i = 0; i < allowed.length; i++) if (allowed[i].equalsIgnoreCase(value)) return i;
        throw CliError.option(name, value, "must be one of " + String.join(", ", allowed));
    }

    /** {@code date} if the NYSE trades on it (not a weekend or exchange holiday). */
    public static LocalDate nyseTradingDay(String name, LocalDate date) {
        if (date.isBefore(NyseCalendar.FIRST_DATE) || date.isAfter(NyseCalendar.LAST_DATE))
            throw CliError.option(name, date, "must be an NYSE trading day in " + NyseCalendar.FIRST_DATE + ".." + NyseCalendar.LAST_DATE);
        if (!NyseCalendar.instance().isTradingDay(date))
            throw CliError.option(name, date, "not an NYSE trading day (" + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                    + (date.getDayOfWeek().getValue() >= 6 ? "" : ", exchange holiday") + ")");
        return date;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
