package dev.periscope.replay;

import dev.periscope.model.event.EventSource;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.quality.DataIssueLog;

import java.util.List;

/**
 * Merges any number of time-ordered {@link EventSource}s into one stream by event time and dispatches each event
 * to a {@link MarketDataHandler}. Deterministic: equal timestamps are ordered by source position in the list
 * given to the constructor (the stable tie rule), and each source's own order is preserved, so the same inputs
 * always produce the same sequence.
 *
 * <p>Each source must be non-decreasing in time. An event earlier than the previous event of the same source by
 * more than {@code backwardsToleranceNanos} is reported ("time-backwards", with source and line) and skipped; a
 * smaller step back is delivered in source order. Allocation-free per event: a binary heap of source indices;
 * {@link #run} keeps dispatching from the leading source without touching the heap while its next event still
 * precedes every other source's head, and drains the last source without merging.
 */
public final class ReplayMerger {
    private final EventSource[] sources;
    private final MarketEvent[] heads;
    private final long[] lastTs;
    private final int[] heap;
    private int heapSize;
    private final long backwardsToleranceNanos;
    private final DataIssueLog issues;
    private long dispatched;

    public ReplayMerger(List<? extends EventSource> sources, long backwardsToleranceNanos, DataIssueLog issues) {
        this.sources = sources.toArray(new EventSource[0]);
        this.heads = new MarketEvent[this.sources.length];
        this.lastTs = new long[this.sources.length];
        this.heap = new int[this.sources.length];
        this.backwardsToleranceNanos = backwardsToleranceNanos;
        this.issues = issues;
        java.util.Arrays.fill(lastTs, Long.MIN_VALUE);
        for (int i = 0; i < this.sources.length; i++) {
            if (pull(i)) push(i);
        }
    }

    /** Replays everything into {@code handler}, then calls {@link MarketDataHandler#onEnd()}. Returns the event count. */
    public long run(MarketDataHandler handler) {
        while (heapSize > 0) {
            int s = heap[0];
            if (heapSize == 1) {
                // one source left: no merging, no heap
                do {
                    heads[s].dispatchTo(handler);
                    dispatched++;
                } while (pull(s));
                heapSize = 0;
                break;
            }
            // runner-up among the root's children; the root's source keeps the lead while its next event is
            // earlier than the runner-up's head, or equal with a lower source index (the stable tie rule)
            int o = heap[1];
            if (heapSize > 2 && less(heap[2], o)) o = heap[2];
            long bound = heads[o].tsEvent;
            boolean winsTies = s < o;
            MarketEvent e = heads[s];
            while (true) {
                e.dispatchTo(handler);
                dispatched++;
                if (!pull(s)) {
                    heap[0] = heap[--heapSize];
                    if (heapSize > 0) siftDown(0);
                    break;
                }
                e = heads[s];
                long ts = e.tsEvent;
                if (ts > bound || (ts == bound && !winsTies)) {
                    siftDown(0);
                    break;
                }
            }
        }
        handler.onEnd();
        return dispatched;
    }

    /** Dispatches one event; false when all sources are exhausted (onEnd is not called). */
    public boolean step(MarketDataHandler handler) {
        if (heapSize == 0) return false;
        int s = heap[0];
        heads[s].dispatchTo(handler);
        dispatched++;
        if (pull(s)) siftDown(0);
        else {
            heap[0] = heap[--heapSize];
            if (heapSize > 0) siftDown(0);
        }
        return true;
    }

    public long dispatched() { return dispatched; }

    private boolean pull(int s) {
        while (true) {
            MarketEvent e = sources[s].next();
            if (e == null) { heads[s] = null; return false; }
            if (lastTs[s] != Long.MIN_VALUE && e.tsEvent < lastTs[s] - backwardsToleranceNanos) {
                issues.report(sources[s].name(), e.sourceSeq, "time", "time-backwards",
                        "event time " + e.tsEvent + " is " + (lastTs[s] - e.tsEvent) + " ns before the previous event");
                continue;
            }
            if (e.tsEvent > lastTs[s]) lastTs[s] = e.tsEvent;
            heads[s] = e;
            return true;
        }
    }

    private boolean less(int a, int b) {
        long ta = heads[a].tsEvent, tb = heads[b].tsEvent;
        return ta < tb || (ta == tb && a < b);
    }

    private void push(int s) {
        int i = heapSize++;
        heap[i] = s;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(heap[i], heap[p])) break;
            int t = heap[i]; heap[i] = heap[p]; heap[p] = t;
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < heapSize && less(heap[l], heap[m])) m = l;
            if (r < heapSize && less(heap[r], heap[m])) m = r;
            if (m == i) return;
            int t = heap[i]; heap[i] = heap[m]; heap[m] = t;
            i = m;
        }
    }
}
