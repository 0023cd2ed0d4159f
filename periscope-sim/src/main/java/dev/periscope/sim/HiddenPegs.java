package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.sim.GroundTruth.Agent;

/**
 * Hidden midpoint-peg orders per venue and side (index 2v for bids, 2v+1 for offers): FIFO rings of (remaining
 * shares, expiry). All have the same lifetime (1 / {@link SimConfig#cancelRate()}), so expiries are FIFO too.
 */
final class HiddenPegs {
    private final Market market;
    private final long[][] qty, expiry;
    private final int[] head, n;
    private final long lifetimeNanos;

    HiddenPegs(Market market) {
        this.market = market;
        int k = 2 * market.venues.count;
        qty = new long[k][64];
        expiry = new long[k][64];
        head = new int[k];
        n = new int[k];
        lifetimeNanos = (long) (SessionClock.NANOS / market.cfg.cancelRate());
    }

    /** Ring index of venue {@code v}'s pegs on {@code side}. */
    static int ring(int v, byte side) { return 2 * v + (side == MatchingBook.BUY ? 0 : 1); }

    void add(int k, long shares) {
        if (n[k] == qty[k].length) {
            int cnt = n[k], cap = cnt * 2;
            long[] q2 = new long[cap], e2 = new long[cap];
            for (int j = 0; j < cnt; j++) {
                int i = (head[k] + j) % cnt;
                q2[j] = qty[k][i]; e2[j] = expiry[k][i];
            }
            qty[k] = q2; expiry[k] = e2; head[k] = 0;
        }
        int i = (head[k] + n[k]) % qty[k].length;
        qty[k][i] = shares;
        expiry[k][i] = market.clock.now + lifetimeNanos;
        n[k]++;
    }

    /**
     * Executes an aggressor against hidden midpoint-peg orders resting on the opposite side of every lit venue
     * (venue order), at the NBBO midpoint, oldest first; expired pegs are dropped. Returns shares filled. The L3
     * venue reports these as EXECUTE_HIDDEN with order id 0, as LOBSTER does.
     */
    long take(byte aggSide, long shares, int limitTick, Agent agent, int metaId) {
        Venues venues = market.venues;
        int nbb = venues.nbb(), nbo = venues.nbo();
        if (!venues.twoSided(nbb, nbo)) return 0;
        long mid2 = (long) nbb + nbo; // twice the midpoint, in ticks
        if (aggSide == MatchingBook.BUY ? mid2 > 2L * limitTick : mid2 < 2L * limitTick) return 0;
        long midPx = mid2 * venues.tickPx / 2;
        byte restSide = (byte) -aggSide;
        long done = 0;
        long now = market.clock.now;
        for (int v = 0; v < venues.count && done < shares; v++) {
            int k = ring(v, restSide);
            while (n[k] > 0 && done < shares) {
                int h = head[k];
                if (expiry[k][h] <= now) { pop(k); continue; }
                long f = Math.min(shares - done, qty[k][h]);
                market.emitOrderAt(v, OrderEvent.Type.EXECUTE_HIDDEN, 0, restSide, midPx, f);
                market.emitTrade(midPx, f, venues.code[v], market.printConditions(0, f), aggSide, agent, metaId, -1);
                done += f;
                qty[k][h] -= f;
                if (qty[k][h] == 0) pop(k);
            }
        }
        return done;
    }

    private void pop(int k) {
        head[k] = (head[k] + 1) % qty[k].length;
        n[k]--;
    }
}
