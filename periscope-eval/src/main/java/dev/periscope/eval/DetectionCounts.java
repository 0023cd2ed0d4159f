package dev.periscope.eval;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Outcome counts of one detector on one evaluated span (a session, a seed, or several pooled), and the metrics
 * derived from them. Undefined metrics are {@link OptionalDouble#empty()} (rendered "n/a"), never NaN.
 *
 * <p>Definitions (van Rijsbergen 1979, ch. 7; Manning, Raghavan &amp; Schütze 2008, §8.3):
 * precision = TP / (TP + FP), undefined without alerts; recall = TP / (TP + FN), undefined without labels;
 * F1 = 2TP / (2TP + FP + FN) (the harmonic mean of precision and recall when both are defined; 0 when there are
 * labels but no alerts), undefined with neither; false alarms per hour = FP / session hours, undefined for zero
 * session time; detection delay per hit = alert tsEnd − label tsStart (ns), median over hits.
 *
 * @param tp           hits: labels matched one-to-one to an alert
 * @param fp           false positives: alerts matching no label (including duplicates when so configured)
 * @param fn           misses: labels no alert matched
 * @param duplicates   unmatched alerts that overlapped an already matched label (included in {@code fp} iff
 *                     {@link MatchConfig#duplicatesAreFalseAlarms})
 * @param sessionNanos session time evaluated, ns
 * @param delaysNanos  detection delay of each hit, ns, ascending
 * @param explained    alerts that hit no planted label but are explained by an incidental (unplanted, real)
 *                     pattern of their kind: "don't care", excluded from {@code fp} and from precision (evaluation.md §2)
 */
public record DetectionCounts(long tp, long fp, long fn, long duplicates, long sessionNanos, long[] delaysNanos,
                              long explained) {
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;

    public static final DetectionCounts ZERO = new DetectionCounts(0, 0, 0, 0, 0, new long[0]);

    /** Counts with no incidentally explained alerts. */
    public DetectionCounts(long tp, long fp, long fn, long duplicates, long sessionNanos, long[] delaysNanos) {
        this(tp, fp, fn, duplicates, sessionNanos, delaysNanos, 0);
    }

    public DetectionCounts {
        if (tp < 0 || fp < 0 || fn < 0 || duplicates < 0 || sessionNanos < 0 || explained < 0)
            throw new IllegalArgumentException("negative count or time");
        if (delaysNanos.length != tp) throw new IllegalArgumentException("one delay per hit: " + delaysNanos.length + " != " + tp);
        delaysNanos = delaysNanos.clone();
        Arrays.sort(delaysNanos);
    }

    @Override
    public long[] delaysNanos() {
        return delaysNanos.clone();
    }

    public long alerts() {
        return tp + fp;
    }

    public long labels() {
        return tp + fn;
    }

    public OptionalDouble precision() {
        return tp + fp == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) tp / (tp + fp));
    }

    public OptionalDouble recall() {
        return tp + fn == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) tp / (tp + fn));
    }

    /**
     * Share of alerts that saw something real: (TP + explained) / (TP + FP + explained), undefined without alerts.
     * With no incidental labels this is the precision.
     */
    public OptionalDouble realShare() {
        long n = tp + fp + explained;
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (tp + explained) / n);
    }

    public OptionalDouble f1() {
        long d = 2 * tp + fp + fn;
        return d == 0 ? OptionalDouble.empty() : OptionalDouble.of(2.0 * tp / d);
    }

    public OptionalDouble falseAlarmsPerHour() {
        return sessionNanos == 0 ? OptionalDouble.empty() : OptionalDouble.of(fp / (sessionNanos / NANOS_PER_HOUR));
    }

    /** Median detection delay over hits, ns (mean of the two middle values for an even count); empty without hits. */
    public OptionalDouble medianDelayNanos() {
        return Stats.median(delaysNanos);
    }

    /** Session time in hours. */
    public double sessionHours() {
        return sessionNanos / NANOS_PER_HOUR;
    }

    /** Sum of counts, session times and delay lists: the pooled counts of two spans. */
    public DetectionCounts plus(DetectionCounts o) {
        long[] d = Arrays.copyOf(delaysNanos, delaysNanos.length + o.delaysNanos.length);
        System.arraycopy(o.delaysNanos, 0, d, delaysNanos.length, o.delaysNanos.length);
        return new DetectionCounts(tp + o.tp, fp + o.fp, fn + o.fn, duplicates + o.duplicates,
                Math.addExact(sessionNanos, o.sessionNanos), d, explained + o.explained);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectionCounts c && tp == c.tp && fp == c.fp && fn == c.fn && duplicates == c.duplicates
                && sessionNanos == c.sessionNanos && Arrays.equals(delaysNanos, c.delaysNanos) && explained == c.explained;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(tp) * 31 + Long.hashCode(fp) * 17 + Long.hashCode(fn) + Arrays.hashCode(delaysNanos);
    }

    @Override
    public String toString() {
        return "TP=" + tp + " FP=" + fp + " FN=" + fn + " dup=" + duplicates + " explained=" + explained + " session=" + sessionNanos + "ns delays="
                + Arrays.toString(delaysNanos);
    }
}
