package dev.periscope.app;

import dev.periscope.analytics.flow.FootprintBarBuilder;
import dev.periscope.app.cli.CliError;
import dev.periscope.analytics.signing.SigningMethod;
import dev.periscope.model.Px;

import java.util.Locale;

/** Parsing of the small option languages shared by commands (bar specs, methods). */
final class Options {
    private Options() {}

    /** A bar spec: {@code 30s}, {@code 5m}, {@code 1h}, {@code 250ms} (time), {@code 10000v} (volume), {@code 500t} (ticks). */
    record BarSpec(FootprintBarBuilder.Kind kind, long size, String text) {}

    static BarSpec bar(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) return new BarSpec(FootprintBarBuilder.Kind.TIME, pos(t, 2) * 1_000_000L, s);
            if (t.endsWith("s")) return new BarSpec(FootprintBarBuilder.Kind.TIME, pos(t, 1) * 1_000_000_000L, s);
            if (t.endsWith("m")) return new BarSpec(FootprintBarBuilder.Kind.TIME, pos(t, 1) * 60_000_000_000L, s);
            if (t.endsWith("h")) return new BarSpec(FootprintBarBuilder.Kind.TIME, pos(t, 1) * 3_600_000_000_000L, s);
            if (t.endsWith("v")) return new BarSpec(FootprintBarBuilder.Kind.VOLUME, Px.parse(t.substring(0, t.length() - 1)), s);
            if (t.endsWith("t")) return new BarSpec(FootprintBarBuilder.Kind.TICK, pos(t, 1), s);
        } catch (NumberFormatException e) {
            // fall through
        }
        throw CliError.option("--bar", s, "must be a positive time (250ms, 30s, 5m, 1h), volume (10000v) or tick count (500t)");
    }

    private static long pos(String t, int suffix) {
        long v = Long.parseLong(t.substring(0, t.length() - suffix));
        if (v <= 0) throw new NumberFormatException("not positive");
        return v;
    }

    static SigningMethod method(String s) {
        for (SigningMethod m : SigningMethod.values()) {
            if (m.label().equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s.replace('-', '_'))) {
                if (m.isDeferred()) throw CliError.option("--classify", s, "needs future trades; must be one of tick, quote, lee-ready, emo, clnv");
                return m;
            }
        }
        throw CliError.option("--classify", s, "must be one of tick, quote, lee-ready, emo, clnv");
    }

    /** A positive decimal ({@link Px} fixed point), e.g. {@code --row 0.01}. */
    static long positivePx(String option, String s) {
        long v;
        try {
            v = Px.parse(s);
        } catch (NumberFormatException e) {
            v = 0;
        }
        if (v <= 0) throw CliError.option(option, s, "must be a positive decimal, e.g. 0.01");
        return v;
    }
}
