package dev.periscope.eval;

import dev.periscope.model.time.TradingCalendar;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A set of session intervals {@code [start, end)} in epoch ns, merged so they do not overlap; the time base of
 * alarm rates. Immutable.
 */
public final class SessionTime {
    private final long[] starts, ends;
    private final long totalNanos;

    private SessionTime(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
        long t = 0;
        for (int i = 0; i < starts.length; i++) t = Math.addExact(t, ends[i] - starts[i]);
        this.totalNanos = t;
    }

    /** Intervals {@code [starts[i], ends[i])}, in any order, overlapping or touching ones merged. */
    public static SessionTime of(long[] starts, long[] ends) {
        if (starts.length != ends.length) throw new IllegalArgumentException("starts and ends differ in length");
        int n = starts.length;
        long[][] iv = new long[n][];
        for (int i = 0; i < n; i++) {
            if (ends[i] < starts[i]) throw new IllegalArgumentException("end < start: " + ends[i] + " < " + starts[i]);
            iv[i] = new long[]{starts[i], ends[i]};
        }
        Arrays.sort(iv, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long[] s = new long[n], e = new long[n];
        int m = 0;
        for (long[] x : iv) {
            if (x[1] == x[0]) continue;
            if (m > 0 && x[0] <= e[m - 1]) e[m - 1] = Math.max(e[m - 1], x[1]);
            else { s[m] = x[0]; e[m] = x[1]; m++; }
        }
        return new SessionTime(Arrays.copyOf(s, m), Arrays.copyOf(e, m));
    }

    /** One interval {@code [start, end)}. */
    public static SessionTime of(long start, long end) {
        return of(new long[]{start}, new long[]{end});
    }

    /**
     * The regular sessions (open to close, half days included) of every trading day of {@code calendar} from
     * {@code first} to {@code last} inclusive.
     */
    public static SessionTime regularSessions(TradingCalendar calendar, LocalDate first, LocalDate last) {
        int n = 0;
        long[] s = new long[16], e = new long[16];
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!calendar.isTradingDay(d)) continue;
            if (n == s.length) { s = Arrays.copyOf(s, n * 2); e = Arrays.copyOf(e, n * 2); }
            s[n] = calendar.regularOpen(d);
            e[n] = calendar.regularClose(d);
            n++;
        }
        return of(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }

    /** True if {@code ts} lies in a session ({@code start <= ts < end}). */
    public boolean contains(long ts) {
        int i = Arrays.binarySearch(starts, ts);
        if (i >= 0) return true;
        int k = -i - 2; // last start < ts
        return k >= 0 && ts < ends[k];
    }

    public long totalNanos() { return totalNanos; }

    public double totalHours() { return totalNanos / 3_600_000_000_000.0; }

    public int intervals() { return starts.length; }
}
