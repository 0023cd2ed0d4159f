package dev.periscope.book.nbbo;

import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.event.QuoteEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NbboBuilderTest {
    static final Instrument XXX = Instrument.usEquity("XXX");
    final QuoteEvent in = new QuoteEvent();
    final QuoteEvent out = new QuoteEvent();

    private boolean quote(NbboBuilder b, long ts, char venue, String bid, long bidSz, String ask, long askSz) {
        in.set(ts, venue, bid == null ? Px.NONE : Px.parse(bid), Px.ofUnits(bidSz),
                ask == null ? Px.NONE : Px.parse(ask), Px.ofUnits(askSz));
        in.instrument = XXX;
        in.sourceSeq = ts;
        return b.onQuote(in, out);
    }

    private static void assertNbbo(NbboBuilder b, String bid, long bidSz, String ask, long askSz) {
        assertThat(b.bidPrice()).isEqualTo(bid == null ? Px.NONE : Px.parse(bid));
        assertThat(b.bidSize()).isEqualTo(Px.ofUnits(bidSz));
        assertThat(b.askPrice()).isEqualTo(ask == null ? Px.NONE : Px.parse(ask));
        assertThat(b.askSize()).isEqualTo(Px.ofUnits(askSz));
    }

    @Test
    void bestPriceAcrossVenuesWithSizesSummedAtTheBest() {
        NbboBuilder b = new NbboBuilder();
        assertNbbo(b, null, 0, null, 0);
        assertThat(quote(b, 1, 'N', "10.00", 100, "10.05", 200)).isTrue();
        assertNbbo(b, "10.00", 100, "10.05", 200);
        assertThat(out.venue).isEqualTo(QuoteEvent.NBBO);
        assertThat(out.tsEvent).isEqualTo(1);
        assertThat(out.instrument).isSameAs(XXX);

        assertThat(quote(b, 2, 'P', "10.01", 300, "10.05", 100)).isTrue();
        assertNbbo(b, "10.01", 300, "10.05", 300); // ask: N 200 + P 100 at 10.05
        assertThat(b.venuesAtAsk()).isEqualTo(2);

        assertThat(quote(b, 3, 'Q', "10.01", 50, "10.06", 900)).isTrue();
        assertNbbo(b, "10.01", 350, "10.05", 300);
        assertThat(b.venuesAtBid()).isEqualTo(2);

        // a venue's new quote replaces its old one: P backs off its bid
        assertThat(quote(b, 4, 'P', "9.99", 300, "10.05", 100)).isTrue();
        assertNbbo(b, "10.01", 50, "10.05", 300);

        // an update at a non-best price changes nothing
        out.tsEvent = -1;
        assertThat(quote(b, 5, 'P', "9.98", 300, "10.05", 100)).isFalse();
        assertThat(out.tsEvent).isEqualTo(-1); // out untouched when unchanged
        assertNbbo(b, "10.01", 50, "10.05", 300);
    }

    @Test
    void aMissingSideClearsThatVenueOnThatSide() {
        NbboBuilder b = new NbboBuilder();
        quote(b, 1, 'N', "10.00", 100, "10.05", 200);
        quote(b, 2, 'Z', "10.02", 100, "10.04", 100);
        assertNbbo(b, "10.02", 100, "10.04", 100);
        quote(b, 3, 'Z', null, 0, "10.04", 100); // Z withdraws its bid
        assertNbbo(b, "10.00", 100, "10.04", 100);
        assertThat(b.venueBidPrice('Z')).isEqualTo(Px.NONE);
        quote(b, 4, 'N', null, 0, null, 0);
        assertNbbo(b, null, 0, "10.04", 100);
        assertThat(b.hasBid()).isFalse();
        assertThat(b.isLocked()).isFalse();
        assertThat(b.isCrossed()).isFalse();
        assertThat(out.bidPrice).isEqualTo(Px.NONE);
        assertThat(out.bidSize).isZero();
    }

    @Test
    void lockedAndCrossedAcrossVenues() {
        NbboBuilder b = new NbboBuilder();
        quote(b, 1, 'N', "10.00", 1, "10.02", 1);
        quote(b, 2, 'P', "10.02", 2, "10.03", 1);
        assertThat(b.isLocked()).isTrue();
        assertThat(b.isCrossed()).isFalse();
        assertThat(out.isCrossed()).isFalse();
        quote(b, 3, 'Q', "10.03", 4, "10.04", 1);
        assertThat(b.isCrossed()).isTrue();
        assertThat(b.isLocked()).isFalse();
        assertThat(out.isCrossed()).isTrue();
        assertNbbo(b, "10.03", 4, "10.02", 1);
    }

    @Test
    void excludedVenuesAreIgnored() {
        NbboBuilder b = new NbboBuilder("D");
        quote(b, 1, 'N', "10.00", 1, "10.02", 1);
        assertThat(quote(b, 2, 'D', "10.01", 5, "10.015", 5)).isFalse();
        assertNbbo(b, "10.00", 1, "10.02", 1);
        NbboBuilder all = new NbboBuilder();
        quote(all, 1, 'N', "10.00", 1, "10.02", 1);
        quote(all, 2, 'D', "10.01", 5, "10.015", 5);
        assertNbbo(all, "10.01", 5, "10.015", 5);
    }

    @Test
    void clearAndMisuse() {
        NbboBuilder b = new NbboBuilder();
        quote(b, 1, 'N', "10.00", 1, "10.02", 1);
        b.clear();
        assertNbbo(b, null, 0, null, 0);
        in.venue = QuoteEvent.NBBO;
        assertThatThrownBy(() -> b.onQuote(in)).isInstanceOf(IllegalArgumentException.class);
        QuoteEvent other = new QuoteEvent().set(1, 'N', Px.ofUnits(1), Px.ofUnits(1), Px.ofUnits(2), Px.ofUnits(1));
        other.instrument = Instrument.usEquity("YYY");
        assertThatThrownBy(() -> b.onQuote(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesBruteForceOnRandomSequences() {
        java.util.Random rnd = new java.util.Random(42);
        char[] codes = {'A', 'B', 'N', 'P', 'Q', 'Z', 'D'};
        for (int run = 0; run < 50; run++) {
            NbboBuilder b = new NbboBuilder();
            long[][] book = new long[128][];
            for (int i = 0; i < 500; i++) {
                char v = codes[rnd.nextInt(codes.length)];
                long bid = rnd.nextInt(5) == 0 ? Px.NONE : Px.ofUnits(100) + rnd.nextInt(6) * Px.SCALE / 100;
                long ask = rnd.nextInt(5) == 0 ? Px.NONE : Px.ofUnits(100) + (3 + rnd.nextInt(6)) * Px.SCALE / 100;
                long bs = Px.ofUnits(1 + rnd.nextInt(9)), as = Px.ofUnits(1 + rnd.nextInt(9));
                in.set(i, v, bid, bs, ask, as);
                in.instrument = XXX;
                b.onQuote(in);
                book[v] = new long[] {bid, bid == Px.NONE ? 0 : bs, ask, ask == Px.NONE ? 0 : as};
                long bb = Px.NONE, bbs = 0, ba = Px.NONE, bas = 0;
                for (long[] q : book) {
                    if (q == null) continue;
                    if (q[0] != Px.NONE && (bb == Px.NONE || q[0] > bb)) bb = q[0];
                    if (q[2] != Px.NONE && (ba == Px.NONE || q[2] < ba)) ba = q[2];
                }
                for (long[] q : book) {
                    if (q == null) continue;
                    if (q[0] != Px.NONE && q[0] == bb) bbs += q[1];
                    if (q[2] != Px.NONE && q[2] == ba) bas += q[3];
                }
                if (b.bidPrice() != bb || b.bidSize() != bbs || b.askPrice() != ba || b.askSize() != bas) {
                    throw new AssertionError("run " + run + " step " + i);
                }
            }
        }
    }

    /**
     * The incremental update (O(1) unless the last venue at the best leaves) against a full scan, with the change
     * flag and occasional clears; many venues share the best, so venues leaving a shared best are exercised.
     */
    @Test
    void incrementalUpdateMatchesFullScanWithManyVenuesAndChangeFlag() {
        java.util.Random rnd = new java.util.Random(7);
        char[] codes = "ABCDHIJKLMNPQVXYZ".toCharArray();
        for (int run = 0; run < 100; run++) {
            NbboBuilder b = new NbboBuilder();
            long[][] book = new long[128][];
            long pb = Px.NONE, pbs = 0, pa = Px.NONE, pas = 0;
            for (int i = 0; i < 1000; i++) {
                if (rnd.nextInt(250) == 0) {          // clear mid-run: the venue counts at the best restart too
                    b.clear();
                    book = new long[128][];
                    pb = Px.NONE; pbs = 0; pa = Px.NONE; pas = 0;
                    assertThat(b.hasBid() || b.hasAsk()).isFalse();
                }
                char v = codes[rnd.nextInt(codes.length)];
                long bid = rnd.nextInt(10) == 0 ? Px.NONE : Px.ofUnits(100) + rnd.nextInt(4) * Px.SCALE / 100;
                long ask = rnd.nextInt(10) == 0 ? Px.NONE : Px.ofUnits(100) + (2 + rnd.nextInt(4)) * Px.SCALE / 100;
                long bs = Px.ofUnits(1 + rnd.nextInt(3)), as = Px.ofUnits(1 + rnd.nextInt(3));
                in.set(i, v, bid, bs, ask, as);
                in.instrument = XXX;
                boolean changed = b.onQuote(in);
                book[v] = new long[] {bid, bid == Px.NONE ? 0 : bs, ask, ask == Px.NONE ? 0 : as};
                long bb = Px.NONE, bbs = 0, ba = Px.NONE, bas = 0;
                for (long[] q : book) {
                    if (q == null) continue;
                    if (q[0] != Px.NONE && (bb == Px.NONE || q[0] > bb)) bb = q[0];
                    if (q[2] != Px.NONE && (ba == Px.NONE || q[2] < ba)) ba = q[2];
                }
                for (long[] q : book) {
                    if (q == null) continue;
                    if (q[0] != Px.NONE && q[0] == bb) bbs += q[1];
                    if (q[2] != Px.NONE && q[2] == ba) bas += q[3];
                }
                assertThat(new long[] {b.bidPrice(), b.bidSize(), b.askPrice(), b.askSize()})
                        .as("run %d step %d", run, i).containsExactly(bb, bbs, ba, bas);
                assertThat(changed).as("change flag, run %d step %d", run, i)
                        .isEqualTo(bb != pb || bbs != pbs || ba != pa || bas != pas);
                pb = bb; pbs = bbs; pa = ba; pas = bas;
            }
        }
    }
}
