package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Base rates on unlabelled (real) data: alarms per hour of session time per detector. An alert counts when its
 * {@code tsEnd} (the moment its evidence is complete) lies inside a session; alerts outside every session are
 * counted separately and excluded, and time outside sessions is not in the denominator. Stateless, pure.
 */
public final class AlarmRate {
    private AlarmRate() {}

    /**
     * One detector's base rate.
     *
     * @param detector     detector name
     * @param inSession    alerts whose tsEnd lies in a session
     * @param outside      alerts outside every session (excluded from the rate)
     * @param sessionNanos session time, ns
     * @param byKind       in-session alerts per alert kind, kinds sorted
     */
    public record Row(String detector, long inSession, long outside, long sessionNanos, Map<String, Long> byKind) {
        /** In-session alerts per session hour; empty for zero session time. */
        public OptionalDouble perHour() {
            return sessionNanos == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(inSession / (sessionNanos / 3_600_000_000_000.0));
        }

        /**
         * Exact Poisson (Garwood 1936) interval of the rate per hour, treating in-session alerts as a Poisson count
         * over the session hours ({@link Stats#poissonExact}); empty for zero session time. Alerts that cluster
         * (one event raising several alerts) make it too narrow.
         */
        public java.util.Optional<Stats.Interval> perHourCi(double confidence) {
            if (sessionNanos == 0) return java.util.Optional.empty();
            Stats.Interval c = Stats.poissonExact(inSession, confidence);
            double h = sessionNanos / 3_600_000_000_000.0;
            return java.util.Optional.of(new Stats.Interval(c.low() / h, c.high() / h));
        }
    }

    /**
     * Rates per detector (name order) over {@code sessions}. Detectors in {@code detectors} that raised no alert
     * get a row with zero counts, so a silent detector shows rate 0 rather than being absent.
     */
    public static List<Row> compute(List<Alert> alerts, SessionTime sessions, List<String> detectors) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> kinds = new TreeMap<>();
        for (String d : detectors) {
            counts.computeIfAbsent(d, k -> new long[2]);
            kinds.computeIfAbsent(d, k -> new TreeMap<>());
        }
        for (Alert a : alerts) {
            long[] c = counts.computeIfAbsent(a.detector(), k -> new long[2]);
            Map<String, Long> byKind = kinds.computeIfAbsent(a.detector(), k -> new TreeMap<>());
            if (sessions.contains(a.tsEnd())) {
                c[0]++;
                byKind.merge(a.kind(), 1L, Long::sum);
            } else {
                c[1]++;
            }
        }
        List<Row> out = new ArrayList<>();
        counts.forEach((d, c) -> out.add(new Row(d, c[0], c[1], sessions.totalNanos(),
                java.util.Collections.unmodifiableMap(kinds.get(d)))));
        return out;
    }

    /** {@link #toText(List, double)} at 95%. */
    public static String toText(List<Row> rows) {
        return toText(rows, 0.95);
    }

    /**
     * Fixed-width table: detector, alerts in session, outside, session hours, alarms per hour with its exact
     * Poisson interval, per-kind counts.
     */
    public static String toText(List<Row> rows, double confidence) {
        String ci = Render.num(confidence * 100, 1).replace(".0", "") + "% CI";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %8s %8s %9s %10s  %-21s  %s%n", "detector",
                "alerts", "outside", "hours", "alarms/h", ci, "by kind"));
        for (Row r : rows) {
            StringBuilder k = new StringBuilder();
            r.byKind().forEach((kind, n) -> k.append(k.isEmpty() ? "" : " ").append(kind).append('=').append(n));
            sb.append(String.format(Locale.ROOT, "%-20s %8d %8d %9s %10s  %-21s  %s", r.detector(), r.inSession(),
                    r.outside(), Render.num(r.sessionNanos() / 3_600_000_000_000.0, 3), Render.text(r.perHour(), 3),
                    Render.text(r.perHourCi(confidence), 3), k).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** {@link #toCsv(List, double)} at 95%. */
    public static String toCsv(List<Row> rows) {
        return toCsv(rows, 0.95);
    }

    /**
     * CSV with header {@code detector,alerts,outside,session_hours,alarms_per_hour,alarms_per_hour_low,
     * alarms_per_hour_high,confidence}; undefined values empty.
     */
    public static String toCsv(List<Row> rows, double confidence) {
        StringBuilder sb = new StringBuilder("detector,alerts,outside,session_hours,alarms_per_hour,alarms_per_hour_low,"
                + "alarms_per_hour_high,confidence\n");
        for (Row r : rows) {
            java.util.Optional<Stats.Interval> ci = r.perHourCi(confidence);
            sb.append(Render.csvField(r.detector())).append(',').append(r.inSession()).append(',').append(r.outside())
                    .append(',').append(Render.num(r.sessionNanos() / 3_600_000_000_000.0, 6)).append(',')
                    .append(Render.csv(r.perHour(), 6)).append(',').append(Render.csv(Render.low(ci), 6)).append(',')
                    .append(Render.csv(Render.high(ci), 6)).append(',').append(Render.num(confidence, 4)).append('\n');
        }
        return sb.toString();
    }
}
