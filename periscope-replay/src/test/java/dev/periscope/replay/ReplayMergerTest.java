package dev.periscope.replay;

import dev.periscope.model.event.EventSource;
import dev.periscope.model.Aggressor;
import dev.periscope.model.SaleCondition;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataException;
import dev.periscope.model.quality.DataIssue;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.quality.IssuePolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayMergerTest {

    /** A source over fixed timestamps; like a file reader it reuses one flyweight and numbers lines from 1. */
    static final class ListSource implements EventSource {
        private final String name;
        private final char tag;
        private final long[] ts;
        private final TradeEvent flyweight = new TradeEvent();
        private int pos;

        ListSource(String name, char tag, long... ts) {
            this.name = name;
            this.tag = tag;
            this.ts = ts;
        }

        @Override
        public MarketEvent next() {
            if (pos == ts.length) return null;
            flyweight.set(ts[pos], 0, 0, tag, SaleCondition.REGULAR_MASK, Aggressor.UNKNOWN);
            flyweight.sourceSeq = ++pos;
            return flyweight;
        }

        @Override
        public String name() { return name; }
    }

    /** Records "tag:line@ts" per delivered event; counts onEnd. */
    static final class Recorder implements MarketDataHandler {
        final List<String> seen = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        int ends;

        @Override
        public void onTrade(TradeEvent t) {
            seen.add(t.venue + ":" + t.sourceSeq + "@" + t.tsEvent);
            times.add(t.tsEvent);
        }

        @Override
        public void onEnd() { ends++; }
    }

    private static Recorder run(long tolerance, DataIssueLog log, EventSource... sources) {
        Recorder r = new Recorder();
        long n = new ReplayMerger(List.of(sources), tolerance, log).run(r);
        assertThat(n).isEqualTo(r.seen.size());
        assertThat(r.ends).isEqualTo(1);
        return r;
    }

    @Test
    void mergesByEventTime() {
        Recorder r = run(0, new DataIssueLog(),
                new ListSource("a", 'A', 1, 4, 7),
                new ListSource("b", 'B', 2, 5, 8),
                new ListSource("c", 'C', 3, 6, 9, 10));
        assertThat(r.seen).containsExactly("A:1@1", "B:1@2", "C:1@3", "A:2@4", "B:2@5", "C:2@6", "A:3@7", "B:3@8",
                "C:3@9", "C:4@10");
    }

    @Test
    void equalTimesGoInSourceOrderAndEachSourceKeepsItsOwnOrder() {
        Recorder r = run(0, new DataIssueLog(),
                new ListSource("a", 'A', 5, 5, 9),
                new ListSource("b", 'B', 5, 9, 9),
                new ListSource("c", 'C', 1, 5));
        // the tie rule is the position in the source list, never arrival or heap order
        assertThat(r.seen).containsExactly("C:1@1", "A:1@5", "A:2@5", "B:1@5", "C:2@5", "A:3@9", "B:2@9", "B:3@9");
    }

    @Test
    void tieRuleFollowsListPositionNotName() {
        Recorder r = run(0, new DataIssueLog(), new ListSource("z", 'Z', 5), new ListSource("a", 'A', 5));
        assertThat(r.seen).containsExactly("Z:1@5", "A:1@5");
    }

    @Test
    void timeBackwardsBeyondToleranceIsReportedWithSourceAndLineAndSkipped() {
        DataIssueLog log = new DataIssueLog();
        Recorder r = run(10, log,
                new ListSource("trades.csv", 'T', 100, 120, 105, 95, 130),
                new ListSource("quotes.csv", 'Q', 110, 125));
        // 105 is 15 ns behind 120 (> 10): skipped; 95 likewise; line numbers 3 and 4 of trades.csv
        assertThat(r.seen).containsExactly("T:1@100", "Q:1@110", "T:2@120", "Q:2@125", "T:5@130");
        assertThat(log.count("time-backwards")).isEqualTo(2);
        DataIssue first = log.firstIssues().get(0);
        assertThat(first.source()).isEqualTo("trades.csv");
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.field()).isEqualTo("time");
        assertThat(first.reason()).contains("15 ns");
        assertThat(log.firstIssues().get(1).line()).isEqualTo(4);
    }

    @Test
    void smallStepsBackWithinToleranceAreDeliveredInSourceOrder() {
        DataIssueLog log = new DataIssueLog();
        Recorder r = run(10, log,
                new ListSource("a", 'A', 100, 120, 112, 110, 121),
                new ListSource("b", 'B', 111, 119));
        assertThat(log.total()).isZero();
        assertThat(r.seen).containsExactly("A:1@100", "B:1@111", "B:2@119", "A:2@120", "A:3@112", "A:4@110",
                "A:5@121");
        // the tolerance is measured from the latest time seen in the source (120), not from the previous event
        DataIssueLog log2 = new DataIssueLog();
        Recorder r2 = run(10, log2, new ListSource("a", 'A', 100, 120, 112, 109));
        assertThat(r2.seen).containsExactly("A:1@100", "A:2@120", "A:3@112");
        assertThat(log2.firstIssues()).extracting(DataIssue::line).containsExactly(4L);
    }

    @Test
    void strictPolicyStopsAtTheFirstBackwardsEvent() {
        DataIssueLog strict = new DataIssueLog(IssuePolicy.STRICT, 10, null);
        ReplayMerger m = new ReplayMerger(List.of(new ListSource("a", 'A', 5, 3)), 0, strict);
        Recorder r = new Recorder();
        assertThatThrownBy(() -> m.run(r)).isInstanceOf(DataException.class).hasMessageContaining("a:2");
        assertThat(r.seen).containsExactly("A:1@5");
    }

    @Test
    void emptyAndExhaustedSources() {
        Recorder r = run(0, new DataIssueLog(), new ListSource("e", 'E'), new ListSource("a", 'A', 1));
        assertThat(r.seen).containsExactly("A:1@1");
        Recorder none = run(0, new DataIssueLog());
        assertThat(none.seen).isEmpty();
        ReplayMerger m = new ReplayMerger(List.of(new ListSource("a", 'A', 1)), 0, new DataIssueLog());
        Recorder s = new Recorder();
        assertThat(m.step(s)).isTrue();
        assertThat(m.step(s)).isFalse();
        assertThat(m.step(s)).isFalse();
        assertThat(s.ends).isZero();
        assertThat(m.dispatched()).isEqualTo(1);
    }

    /** Random monotone sources against the obvious twin: a stable sort by (time, source index, line). */
    @Test
    void matchesAStableSortTwinAndIsDeterministic() {
        Random rnd = new Random(20261124L);
        for (int round = 0; round < 300; round++) {
            int k = 1 + rnd.nextInt(7);
            long[][] times = new long[k][];
            List<String> expected = new ArrayList<>();
            record Ev(long ts, int src, int line, String label) {}
            List<Ev> all = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                int n = rnd.nextInt(40);
                times[s] = new long[n];
                long t = rnd.nextInt(5);
                for (int i = 0; i < n; i++) {
                    t += rnd.nextInt(4);           // many equal timestamps within and across sources
                    times[s][i] = t;
                    all.add(new Ev(t, s, i + 1, (char) ('A' + s) + ":" + (i + 1) + "@" + t));
                }
            }
            all.sort(Comparator.comparingLong(Ev::ts).thenComparingInt(Ev::src).thenComparingInt(Ev::line));
            for (Ev e : all) expected.add(e.label());
            List<String> first = run(0, new DataIssueLog(), sources(times)).seen;
            List<String> second = run(0, new DataIssueLog(), sources(times)).seen;
            assertThat(first).as("round %d", round).isEqualTo(expected);
            assertThat(second).isEqualTo(first);
        }
    }

    private static EventSource[] sources(long[][] times) {
        EventSource[] out = new EventSource[times.length];
        for (int s = 0; s < times.length; s++) out[s] = new ListSource("s" + s, (char) ('A' + s), times[s]);
        return out;
    }

    /**
     * {@link ReplayMerger#run} (leading-source fast path and last-source drain) against {@link ReplayMerger#step}
     * (one heap operation per event) and against a stable sort by time, on random sources with long runs, many
     * equal timestamps across sources, small steps back within the tolerance, steps back beyond it, and sources
     * that end early.
     */
    @Test
    void runFastPathEqualsStepByStepAndStableSort() {
        int longRuns = 0;
        for (int seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            int k = 1 + r.nextInt(5);
            long[][] ts = new long[k][];
            for (int s = 0; s < k; s++) {
                int n = r.nextInt(seed % 7 == 0 ? 3 : 80);
                ts[s] = new long[n];
                long t = r.nextInt(20);
                for (int i = 0; i < n; i++) {
                    int m = r.nextInt(20);
                    if (m == 0) t -= 1 + r.nextInt(3);          // back, within or beyond the tolerance of 2
                    else if (m < 8) t += 0;                      // equal times
                    else t += r.nextInt(m < 12 ? 3 : 40);
                    ts[s][i] = t;
                }
            }
            List<ListSource> a = new ArrayList<>(), b = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                a.add(new ListSource("s" + s, (char) ('A' + s), ts[s]));
                b.add(new ListSource("s" + s, (char) ('A' + s), ts[s]));
            }
            DataIssueLog la = new DataIssueLog(), lb = new DataIssueLog();
            Recorder ra = new Recorder(), rb = new Recorder();
            long na = new ReplayMerger(a, 2, la).run(ra);
            ReplayMerger mb = new ReplayMerger(b, 2, lb);
            while (mb.step(rb)) { /* one event per step */ }
            assertThat(ra.seen).as("seed %d", seed).isEqualTo(rb.seen);
            assertThat(na).isEqualTo(mb.dispatched()).isEqualTo(ra.seen.size());
            assertThat(la.total()).isEqualTo(lb.total());
            assertThat(ra.ends).isEqualTo(1);
            // independent oracle: the delivered events sorted stably by time (ties by source tag) are unchanged
            // wherever no source stepped back
            if (la.total() == 0 && java.util.Arrays.stream(ts).allMatch(x -> isSorted(x))) {
                List<String> sorted = new ArrayList<>(ra.seen);
                sorted.sort(Comparator.comparingLong((String e) -> Long.parseLong(e.substring(e.indexOf('@') + 1)))
                        .thenComparing(e -> e.charAt(0)));
                assertThat(ra.seen).isEqualTo(sorted);
            }
            for (int i = 2; i < ra.seen.size(); i++) {
                if (ra.seen.get(i).charAt(0) == ra.seen.get(i - 1).charAt(0)
                        && ra.seen.get(i).charAt(0) == ra.seen.get(i - 2).charAt(0)) longRuns++;
            }
        }
        assertThat(longRuns).isGreaterThan(1_000);
    }

    private static boolean isSorted(long[] x) {
        for (int i = 1; i < x.length; i++) if (x[i] < x[i - 1]) return false;
        return true;
    }
}
