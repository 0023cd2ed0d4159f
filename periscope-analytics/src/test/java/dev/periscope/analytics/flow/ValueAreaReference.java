package dev.periscope.analytics.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The slow, obviously-correct twin of {@link ValueArea} (STYLE habit 9): expands the profile to a dense ladder of
 * every row and walks it one pair at a time, with fractions compared in exact long arithmetic on small inputs.
 */
final class ValueAreaReference {
    record Va(long poc, long val, long vah, long volume) {}

    static Va compute(TreeMap<Long, Long> profile, int basisPoints) {
        long first = profile.firstKey(), last = profile.lastKey();
        List<Long> vol = new ArrayList<>();
        for (long r = first; r <= last; r++) vol.add(profile.getOrDefault(r, 0L));
        long total = vol.stream().mapToLong(Long::longValue).sum();
        if (total == 0) return null;
        long max = vol.stream().mapToLong(Long::longValue).max().orElseThrow();
        // POC: among max rows, the nearest to the midpoint; equal distance -> side with more volume; else lower
        double mid = (first + last) / 2.0;
        long poc = Long.MIN_VALUE;
        for (int i = 0; i < vol.size(); i++) {
            if (vol.get(i) != max) continue;
            long r = first + i;
            if (poc == Long.MIN_VALUE || Math.abs(r - mid) < Math.abs(poc - mid)) poc = r;
            else if (Math.abs(r - mid) == Math.abs(poc - mid)) {
                long above = 0, below = 0;
                for (int j = 0; j < vol.size(); j++) {
                    if (first + j > mid) above += vol.get(j);
                    if (first + j < mid) below += vol.get(j);
                }
                if (above > below) poc = r;
            }
        }
        int lo = (int) (poc - first), hi = lo;
        long va = vol.get(lo);
        while (va * 10_000 < total * basisPoints) {
            long up = 0, down = 0;
            int upN = Math.min(2, vol.size() - 1 - hi), downN = Math.min(2, lo);
            for (int k = 1; k <= upN; k++) up += vol.get(hi + k);
            for (int k = 1; k <= downN; k++) down += vol.get(lo - k);
            if (upN > 0 && (downN == 0 || up >= down)) { hi += upN; va += up; }
            else { lo -= downN; va += down; }
        }
        return new Va(poc, first + lo, first + hi, va);
    }
}
