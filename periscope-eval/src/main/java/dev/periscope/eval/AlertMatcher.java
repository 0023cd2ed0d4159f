package dev.periscope.eval;

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
 * alerts are false alarms, unless explained by an incidental label (below).
 *
 * <p><b>Incidental labels ("don't care").</b> A simulator knows more than it planted: e.g. every arbitrage ISO or
 * routed market order that took several venues is a real sweep nobody planted. Such labels, passed as
 * {@code incidental}, are never hits and never misses; an alert that matched no planted label and is no duplicate
 * is <em>explained</em> (neither hit nor false alarm, like a "difficult" object in the PASCAL VOC protocol,
 * Everingham et al. 2010 §4.4) iff an incidental label of one of its rule's kinds overlaps it in time without
 * tolerance, has a compatible side, and holds at least half the alert's size ({@code label.size >= alert.totalSize
 * / 2}; any size when the alert has none): one real pattern accounts for most of what the alert saw, so alerts
 * that glue unrelated orders together stay false alarms.
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
        return match(detector, alerts, labels, List.of(), sessionNanos);
    }

    /**
     * Scores one detector against planted {@code labels}, with {@code incidental} labels as "don't care" truth (see
     * the class comment).
     */
    public DetectorResult match(String detector, List<Alert> alerts, List<GroundTruthLabel> labels,
                                List<GroundTruthLabel> incidental, long sessionNanos) {
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
        Incidental inc = new Incidental(incidental, rule);

        int[][] adj = eligible(as, ls, rule.sides());
        int[] labelOf = new int[as.size()];
        Arrays.fill(labelOf, -1);
        int[] alertOf = new int[ls.size()];
        Arrays.fill(alertOf, -1);
        if (config.assignment() == MatchConfig.Assignment.GREEDY) greedy(adj, labelOf, alertOf);
        else maximum(adj, labelOf, alertOf);

        List<DetectorResult.Hit> hits = new ArrayList<>();
        List<Alert> dups = new ArrayList<>(), fas = new ArrayList<>(), explained = new ArrayList<>();
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
            } else if (inc.explains(a)) {
                explained.add(a);
            } else {
                fas.add(a);
            }
        }
        List<GroundTruthLabel> misses = new ArrayList<>();
        for (int j = 0; j < ls.size(); j++) if (alertOf[j] < 0) misses.add(ls.get(j));
        long fp = fas.size() + (config.duplicatesAreFalseAlarms() ? dups.size() : 0);
        DetectionCounts c = new DetectionCounts(tp, fp, misses.size(), dups.size(), sessionNanos, Arrays.copyOf(delays, tp),
                explained.size());
        return new DetectorResult(detector, params(as), c, hits, dups, fas, misses, explained);
    }

    /** The incidental labels of one rule, sorted by start, with the longest duration for a bounded backward scan. */
    private final class Incidental {
        final List<GroundTruthLabel> ls = new ArrayList<>();
        final long[] starts;
        final SideRelation sides;
        long maxLen;

        Incidental(List<GroundTruthLabel> all, KindMapping.Rule rule) {
            sides = rule.sides();
            for (GroundTruthLabel l : all) {
                if (rule.labelKinds().contains(l.kind())
                        && (config.instrument().isEmpty() || config.instrument().equals(l.instrument()))) ls.add(l);
            }
            ls.sort(Comparator.comparingLong(GroundTruthLabel::tsStart));
            starts = new long[ls.size()];
            for (int j = 0; j < starts.length; j++) {
                starts[j] = ls.get(j).tsStart();
                maxLen = Math.max(maxLen, ls.get(j).tsEnd() - ls.get(j).tsStart());
            }
        }

        boolean explains(Alert a) {
            // labels with tsStart <= a.tsEnd, scanned backwards while they can still reach a.tsStart
            for (int j = lowerBound(starts, satAdd(a.tsEnd(), 1)) - 1; j >= 0 && starts[j] >= satSub(a.tsStart(), maxLen); j--) {
                GroundTruthLabel l = ls.get(j);
                if (l.tsEnd() < a.tsStart() || !sides.compatible(a.side(), l.side())) continue;
                if (2 * l.size() >= a.totalSize()) return true;
            }
            return false;
        }
    }

    private static String params(List<Alert> as) {
        Set<String> p = new LinkedHashSet<>();
        for (Alert a : as) p.add(a.params());
        return String.join(" | ", p);
    }

    /**
     * Eligible label indices of each alert, ascending (= label order). Labels are sorted by start; those starting
     * by {@code a.tsEnd + tol} form a prefix, and within it a max-tree over label ends enumerates exactly the labels
     * ending at or after {@code a.tsStart − tol}: O((k + 1) log n) per alert for k candidates, however long the
     * labels (meta-orders) are.
     */
    private int[][] eligible(List<Alert> as, List<GroundTruthLabel> ls, SideRelation sides) {
        long tol = config.toleranceNanos();
        int nl = ls.size();
        long[] starts = new long[nl];
        int size = 1;
        while (size < nl) size <<= 1;
        long[] maxEnd = new long[2 * size];
        Arrays.fill(maxEnd, Long.MIN_VALUE);
        for (int j = 0; j < nl; j++) {
            starts[j] = ls.get(j).tsStart();
            maxEnd[size + j] = ls.get(j).tsEnd();
        }
        for (int i = size - 1; i >= 1; i--) maxEnd[i] = Math.max(maxEnd[2 * i], maxEnd[2 * i + 1]);
        int[][] adj = new int[as.size()][];
        int[] buf = new int[Math.max(1, nl)];
        int[] cand = new int[Math.max(1, nl)];
        for (int i = 0; i < as.size(); i++) {
            Alert a = as.get(i);
            int to = lowerBound(starts, satAdd(satAdd(a.tsEnd(), tol), 1));
            int k = collect(maxEnd, 1, 0, size, to, satSub(a.tsStart(), tol), cand, 0);
            int n = 0;
            for (int c = 0; c < k; c++) {
                GroundTruthLabel l = ls.get(cand[c]);
                if (sides.compatible(a.side(), l.side()) && pricesCompatible(a, l)) buf[n++] = cand[c];
            }
            adj[i] = Arrays.copyOf(buf, n);
        }
        return adj;
    }

    /** Appends, ascending, the leaves j &lt; {@code to} under {@code node} with end &ge; {@code minEnd}. */
    private static int collect(long[] maxEnd, int node, int lo, int width, int to, long minEnd, int[] out, int n) {
        if (lo >= to || maxEnd[node] < minEnd) return n;
        if (width == 1) {
            out[n++] = lo;
            return n;
        }
        int half = width >> 1;
        n = collect(maxEnd, 2 * node, lo, half, to, minEnd, out, n);
        return collect(maxEnd, 2 * node + 1, lo + half, half, to, minEnd, out, n);
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
