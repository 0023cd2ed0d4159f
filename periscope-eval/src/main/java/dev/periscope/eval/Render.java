package dev.periscope.eval;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Deterministic number formatting for evaluation reports: fixed decimals, {@link Locale#ROOT}, "n/a" for undefined. */
final class Render {
    static final String NA = "n/a";

    private Render() {}

    static String num(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.startsWith("-") && s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** Text: value or "n/a". */
    static String text(OptionalDouble v, int decimals) {
        return v.isPresent() ? num(v.getAsDouble(), decimals) : NA;
    }

    /** Text: "[lo, hi]" or "n/a". */
    static String text(Optional<Stats.Interval> ci, int decimals) {
        return ci.map(i -> "[" + num(i.low(), decimals) + ", " + num(i.high(), decimals) + "]").orElse(NA);
    }

    /** CSV: value or empty. */
    static String csv(OptionalDouble v, int decimals) {
        return v.isPresent() ? num(v.getAsDouble(), decimals) : "";
    }

    /** JSON: value or null. */
    static String json(OptionalDouble v, int decimals) {
        return v.isPresent() ? num(v.getAsDouble(), decimals) : "null";
    }

    static OptionalDouble low(Optional<Stats.Interval> ci) {
        return ci.map(i -> OptionalDouble.of(i.low())).orElse(OptionalDouble.empty());
    }

    static OptionalDouble high(Optional<Stats.Interval> ci) {
        return ci.map(i -> OptionalDouble.of(i.high())).orElse(OptionalDouble.empty());
    }

    static OptionalDouble scale(OptionalDouble v, double f) {
        return v.isPresent() ? OptionalDouble.of(v.getAsDouble() * f) : v;
    }

    static Optional<Stats.Interval> scale(Optional<Stats.Interval> ci, double f) {
        return ci.map(i -> new Stats.Interval(i.low() * f, i.high() * f));
    }

    /** A JSON string literal. */
    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c)); else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A CSV field, quoted (RFC 4180) if it holds a comma, quote or line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    static String padRight(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
