package dev.periscope.analytics.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.model.Px;
import dev.periscope.model.truth.GroundTruthLabel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Matches detector alerts to ground-truth labels and counts hits, false alarms and misses (docs/evaluation.md).
 * Stateless and thread-safe; pure (no I/O, no clock).
 *
 * <p><b>Eligibility.</b> Alert {@code a} of detector {@code d} may match label {@code l} iff (1) {@code l.kind} is
 * one of {@code d}'s label kinds in the {@link KindMapping} and {@code l.instrument} is the configured instrument
 * (if any); (2) the intervals overlap after widening the label by the tolerance τ:
 * {@code a.tsStart <= l.tsEnd + τ && a.tsEnd >= l.tsStart − τ}; (3) sides are compatible under the rule's
 * {@link SideRelation} when both are known; (4) if a price tolerance π is set and both carry prices, the price
 * ranges overlap after widening the label's by π.
 *
 * <p><b>Assignment.</b> One-to-one, per detector: {@link MatchConfig.Assignment#MAXIMUM} (default) finds a
 * maximum-cardinality bipartite matching by augmenting paths (Kuhn 1955, "The Hungarian method for the assignment
 * problem"; here unweighted), processing alerts in (tsStart, tsEnd, input index) order and trying labels in the
 * same order; {@link MatchConfig.Assignment#GREEDY} gives each alert, in that order, the first free eligible label.
 * Both are deterministic. An unmatched alert that was eligible for some label is a duplicate; other unmatched
 * alerts are false alarms.
 */
public final class AlertMatcher {
    private final KindMapping mapping;
    private final MatchConfig config;

    public AlertMatcher(KindMapping mapping, MatchConfig config) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.config = Objects.requireNonNull(config, "config");
    }

    public KindMapping mapping() { return mapping; }

    public MatchConfig config() { return config; }

    /**
     * Scores every detector of the mapping (in name order) on one span: {@code alerts} of any detectors (those of
     * unmapped detectors are ignored), the span's {@code labels}, and its session time {@code sessionNanos}.
     */
    public Map<String, DetectorResult> evaluate(List<Alert> alerts, List<GroundTruthLabel> labels, long sessionNanos) {
        Map<String, DetectorResult> out = new LinkedHashMap<>();
        for (KindMapping.Rule r : mapping.rules()) out.put(r.detector(), match(r.detector(), alerts, labels, sessionNanos));
        return out;
    }

    /** Scores one detector: its alerts among {@code alerts} against the labels its rule maps to. */
    public DetectorResult match(String detector, List<Alert> alerts, List<GroundTruthLabel> labels, long sessionNanos) {
        KindMapping.Rule rule = mapping.rule(detector);
        if (rule == null) throw new IllegalArgumentException("detector not in the kind mapping: " + detector);
        if (sessionNanos < 0) throw new IllegalArgumentException("sessionNanos < 0: " + sessionNanos);

        List<Alert> as = new ArrayList<>();
        for (Alert a : alerts) if (a.detector().equals(detector)) as.add(a);
        as.sort(Comparator.comparingLong(Alert::tsStart).thenComparingLong(Alert::tsEnd)); // stable: input order on ties
        List<GroundTruthLabel> ls = new ArrayList<>();
        for (GroundTruthLabel l : labels) {
            if (rule.labelKinds().contains(l.kind())
                    && (config.instrument().isEmpty() || config.instrument().equals(l.instrument()))) ls.add(l);
        }
        ls.sort(Comparator.comparingLong(GroundTruthLabel::tsStart).thenComparingLong(GroundTruthLabel::tsEnd));

        int[][] adj = eligible(as, ls, rule.sides());
        int[] labelOf = new int[as.size()];
        Arrays.fill(labelOf, -1);
        int[] alertOf = new int[ls.size()];
        Arrays.fill(alertOf, -1);
        if (config.assignment() == MatchConfig.Assignment.GREEDY) greedy(adj, labelOf, alertOf);
        else maximum(adj, labelOf, alertOf);

        List<DetectorResult.Hit> hits = new ArrayList<>();
        List<Alert> dups = new ArrayList<>(), fas = new ArrayList<>();
        long[] delays = new long[as.size()];
        int tp = 0;
        for (int i = 0; i < as.size(); i++) {
            Alert a = as.get(i);
            if (labelOf[i] >= 0) {
                GroundTruthLabel l = ls.get(labelOf[i]);
                long d = a.tsEnd() - l.tsStart();
                hits.add(new DetectorResult.Hit(a, l, d));
                delays[tp++] = d;
            } else if (adj[i].length > 0) {
                dups.add(a);
            } else {
                fas.add(a);
            }
        }
        List<GroundTruthLabel> misses = new ArrayList<>();
        for (int j = 0; j < ls.size(); j++) if (alertOf[j] < 0) misses.add(ls.get(j));
        long fp = fas.size() + (config.duplicatesAreFalseAlarms() ? dups.size() : 0);
        DetectionCounts c = new DetectionCounts(tp, fp, misses.size(), dups.size(), sessionNanos, Arrays.copyOf(delays, tp));
        return new DetectorResult(detector, params(as), c, hits, dups, fas, misses);
    }

    private static String params(List<Alert> as) {
        Set<String> p = new LinkedHashSet<>();
        for (Alert a : as) p.add(a.params());
        return String.join(" | ", p);
    }

    /** Eligible label indices of each alert, ascending (= label order). */
    private int[][] eligible(List<Alert> as, List<GroundTruthLabel> ls, SideRelation sides) {
        long tol = config.toleranceNanos();
        long maxDur = 0;
        long[] starts = new long[ls.size()];
        for (int j = 0; j < ls.size(); j++) {
            starts[j] = ls.get(j).tsStart();
            maxDur = Math.max(maxDur, ls.get(j).durationNanos());
        }
        int[][] adj = new int[as.size()][];
        int[] buf = new int[ls.size()];
        for (int i = 0; i < as.size(); i++) {
            Alert a = as.get(i);
            // a label can overlap only if l.tsStart <= a.tsEnd + tol and l.tsStart >= a.tsStart - tol - maxDur
            int from = lowerBound(starts, satSub(satSub(a.tsStart(), tol), maxDur));
            int to = lowerBound(starts, satAdd(satAdd(a.tsEnd(), tol), 1));
            int n = 0;
            for (int j = from; j < to; j++) {
                GroundTruthLabel l = ls.get(j);
                if (a.tsStart() <= satAdd(l.tsEnd(), tol) && a.tsEnd() >= satSub(l.tsStart(), tol)
                        && sides.compatible(a.side(), l.side()) && pricesCompatible(a, l)) buf[n++] = j;
            }
            adj[i] = Arrays.copyOf(buf, n);
        }
        return adj;
    }

    private boolean pricesCompatible(Alert a, GroundTruthLabel l) {
        long pt = config.priceTolerance();
        if (pt == Px.NONE || !l.hasPrices() || a.priceLow() == Px.NONE || a.priceHigh() == Px.NONE) return true;
        return a.priceLow() <= satAdd(l.priceHigh(), pt) && a.priceHigh() >= satSub(l.priceLow(), pt);
    }

    private static void greedy(int[][] adj, int[] labelOf, int[] alertOf) {
        for (int i = 0; i < adj.length; i++) {
            for (int j : adj[i]) {
                if (alertOf[j] < 0) {
                    alertOf[j] = i;
                    labelOf[i] = j;
                    break;
                }
            }
        }
    }

    /** Kuhn's augmenting-path maximum bipartite matching, iterative (no recursion depth limit). */
    private static void maximum(int[][] adj, int[] labelOf, int[] alertOf) {
        int na = adj.length;
        int[] seen = new int[alertOf.length];      // phase stamp per label
        int[] stack = new int[na + 1], cursor = new int[na], via = new int[na + 1];
        for (int root = 0; root < na; root++) {
            if (adj[root].length == 0) continue;
            int stamp = root + 1, top = 0;
            stack[0] = root;
            cursor[root] = 0;
            while (top >= 0) {
                int x = stack[top];
                if (cursor[x] == adj[x].length) { top--; continue; }
                int j = adj[x][cursor[x]++];
                if (seen[j] == stamp) continue;
                seen[j] = stamp;
                via[top] = j;
                int owner = alertOf[j];
                if (owner < 0) {
                    for (int k = top; k >= 0; k--) { // flip the path: stack[k] takes via[k]
                        int a = stack[k], l = via[k];
                        labelOf[a] = l;
                        alertOf[l] = a;
                    }
                    break;
                }
                stack[++top] = owner;
                cursor[owner] = 0;
            }
        }
    }

    private static int lowerBound(long[] sorted, long key) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static long satAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
    }

    private static long satSub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? (b > 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }
}
