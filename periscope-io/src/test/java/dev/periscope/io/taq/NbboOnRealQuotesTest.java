package dev.periscope.io.taq;

import dev.periscope.book.nbbo.NbboBuilder;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NbboBuilder} over the real TAQ quote sample, compared at every quote with a brute-force recomputation
 * over all venues; locked/crossed counts and the final NBBO were computed independently with Python (Decimal).
 */
class NbboOnRealQuotesTest {
    @Test
    void nbboMatchesBruteForceAtEveryQuote() {
        NbboBuilder nbbo = new NbboBuilder();
        QuoteEvent out = new QuoteEvent();
        TreeMap<Character, long[]> venues = new TreeMap<>();
        long n = 0, locked = 0, crossed = 0, changes = 0, mismatches = 0;
        long firstMismatch = -1;
        try (TaqQuoteReader r = new TaqQuoteReader(SharedData.path("hf-taq-sample/XXX_quotes_2018-01-02_03_taq.csv"),
                new DataIssueLog())) {
            for (MarketEvent e = r.next(); e != null; e = r.next()) {
                QuoteEvent q = (QuoteEvent) e;
                n++;
                if (nbbo.onQuote(q, out)) changes++;
                venues.put(q.venue, new long[] {q.bidPrice, q.bidSize, q.askPrice, q.askSize});
                long bb = Px.NONE, ba = Px.NONE, bs = 0, as = 0;
                for (long[] v : venues.values()) {
                    if (v[0] != Px.NONE) bb = bb == Px.NONE ? v[0] : Math.max(bb, v[0]);
                    if (v[2] != Px.NONE) ba = ba == Px.NONE ? v[2] : Math.min(ba, v[2]);
                }
                for (long[] v : venues.values()) {
                    if (v[0] != Px.NONE && v[0] == bb) bs += v[1];
                    if (v[2] != Px.NONE && v[2] == ba) as += v[3];
                }
                if (nbbo.bidPrice() != bb || nbbo.bidSize() != bs || nbbo.askPrice() != ba || nbbo.askSize() != as) {
                    mismatches++;
                    if (firstMismatch < 0) firstMismatch = q.sourceSeq;
                }
                if (bb != Px.NONE && ba != Px.NONE && bb == ba) locked++;
                if (bb != Px.NONE && ba != Px.NONE && bb > ba) crossed++;
                assertThat(nbbo.isLocked()).isEqualTo(bb != Px.NONE && ba != Px.NONE && bb == ba);
                assertThat(nbbo.isCrossed()).isEqualTo(bb != Px.NONE && ba != Px.NONE && bb > ba);
            }
        }
        assertThat(firstMismatch).as("line of first mismatch").isEqualTo(-1);
        assertThat(mismatches).isZero();
        assertThat(n).isEqualTo(131_401);
        // oracle (Python): the NBBO changes at 47,192 quotes; locked after 18,681, crossed after 66,600 of them.
        // The sample is a thinned quote file, so stale venue quotes cross the NBBO often (see docs/formats-equity.md).
        assertThat(changes).isEqualTo(47_192);
        assertThat(locked).isEqualTo(18_681);
        assertThat(crossed).isEqualTo(66_600);
        assertThat(out.venue).isEqualTo(QuoteEvent.NBBO);
        assertThat(out.bidPrice).isEqualTo(Px.parse("157.26"));
        assertThat(out.bidSize).isEqualTo(Px.ofUnits(100));
        assertThat(out.askPrice).isEqualTo(Px.parse("157.28"));
        assertThat(out.askSize).isEqualTo(Px.ofUnits(200));
    }
}
