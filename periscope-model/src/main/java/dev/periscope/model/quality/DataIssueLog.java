package dev.periscope.model.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Collects data issues for one run: counts per kind (for the end-of-run summary), keeps the first
 * {@code keepFirst} issues verbatim, forwards every issue to an optional sink (e.g. stderr), and under
 * {@link IssuePolicy#STRICT} throws {@link DataException} on the first one. Nothing is dropped silently: every
 * issue is counted even when not kept. Not thread-safe (one per replay).
 */
public final class DataIssueLog {
    private final IssuePolicy policy;
    private final int keepFirst;
    private final Consumer<DataIssue> sink;
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<DataIssue> kept = new ArrayList<>();
    private long total;

    public DataIssueLog(IssuePolicy policy, int keepFirst, Consumer<DataIssue> sink) {
        this.policy = policy;
        this.keepFirst = keepFirst;
        this.sink = sink;
    }

    /** Skip policy, keeps the first 1000 issues, no sink. */
    public DataIssueLog() {
        this(IssuePolicy.SKIP, 1000, null);
    }

    /** Records an issue; throws under STRICT. Allocates (issues are rare by construction). */
    public void report(String source, long line, String field, String kind, String reason) {
        report(new DataIssue(source, line, field, kind, reason));
    }

    public void report(DataIssue issue) {
        total++;
        counts.merge(issue.kind(), 1L, Long::sum);
        if (kept.size() < keepFirst) kept.add(issue);
        if (sink != null) sink.accept(issue);
        if (policy == IssuePolicy.STRICT) throw new DataException(issue);
    }

    public IssuePolicy policy() { return policy; }

    public long total() { return total; }

    public long count(String kind) { return counts.getOrDefault(kind, 0L); }

    /** Counts per kind, sorted by kind. */
    public Map<String, Long> counts() { return Collections.unmodifiableMap(counts); }

    /** The first issues, in order of report. */
    public List<DataIssue> firstIssues() { return Collections.unmodifiableList(kept); }

    /** Multi-line summary: total and count per kind, or "no data issues". */
    public String summary() {
        if (total == 0) return "data issues: none";
        StringBuilder sb = new StringBuilder("data issues: ").append(total).append(" (skipped)");
        counts.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v));
        return sb.toString();
    }
}
