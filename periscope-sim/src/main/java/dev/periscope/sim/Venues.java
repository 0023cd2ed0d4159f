package dev.periscope.sim;

import dev.periscope.book.match.MatchingBook;
import dev.periscope.model.Px;

/**
 * The lit venues of a session in config order: participant codes, routing weights, market-maker size scales and
 * spreads, tape-latency factors, and one {@link MatchingBook} each over ticks {@code 0 .. levels-1} (3x the start
 * price); the NBBO over them. Venue k's order ids start at (k + 1) x 10^9 + 1.
 */
final class Venues {
    final int count;
    final char[] code;
    /** Cumulative routing weights (shares of lit flow), the last exactly 1. */
    final double[] cumWeight;
    /** Market-maker size scale: the venue's share times the number of venues, at least 0.3. */
    final double[] mmScale;
    /** Extra market-maker half spread in ticks: smaller venues quote one tick wider. */
    final double[] extraHalfSpread;
    /** Tape-latency factor ({@link SimConfig.Venue#latencyFactor()}). */
    final double[] latencyFactor;
    final MatchingBook[] books;
    /** Index of {@link SimConfig#l3Venue()}. */
    final int l3;
    final int levels;
    /** Tick size, {@code Px} fixed point and dollars. */
    final long tickPx;
    final double tickDollars;

    Venues(SimConfig cfg) {
        tickPx = cfg.tick();
        tickDollars = tickPx / (double) Px.SCALE;
        long startTicks = Px.ofDouble(cfg.startPrice()) / tickPx;
        levels = (int) Math.min(Integer.MAX_VALUE - 8, startTicks * 3);
        count = cfg.venues().size();
        code = new char[count];
        cumWeight = new double[count];
        mmScale = new double[count];
        extraHalfSpread = new double[count];
        latencyFactor = new double[count];
        books = new MatchingBook[count];
        double total = 0;
        for (var v : cfg.venues()) total += v.share();
        int l3i = -1;
        double c = 0;
        for (int i = 0; i < count; i++) {
            var v = cfg.venues().get(i);
            code[i] = v.code();
            c += v.share() / total;
            cumWeight[i] = c;
            mmScale[i] = Math.max(0.3, v.share() / total * count);
            extraHalfSpread[i] = v.share() / total * count >= 0.99 ? 0 : 1;
            latencyFactor[i] = v.latencyFactor();
            books[i] = new MatchingBook(v.code(), levels, (i + 1) * 1_000_000_000L + 1);
            if (v.code() == cfg.l3Venue()) l3i = i;
        }
        cumWeight[count - 1] = 1.0;
        l3 = l3i;
    }

    /** National best bid tick over lit venues, -1 if none. */
    int nbb() {
        int b = -1;
        for (MatchingBook bk : books) b = Math.max(b, bk.bestBid());
        return b;
    }

    /** National best offer tick over lit venues, {@link #levels} if none. */
    int nbo() {
        int a = levels;
        for (MatchingBook bk : books) a = Math.min(a, bk.bestAsk());
        return a;
    }

    /** True if both sides of the NBBO exist. */
    boolean twoSided(int nbb, int nbo) { return nbb >= 0 && nbo < levels; }

    /** True if {@code tick} is a price on the ladder (a side's best can be -1 or {@link #levels}: none). */
    boolean onLadder(int tick) { return tick >= 0 && tick < levels; }

    /** The venue a uniform draw {@code u} in [0, 1) picks by routing weight. */
    int pick(double u) {
        for (int i = 0; i < count; i++) if (u < cumWeight[i]) return i;
        return count - 1;
    }

    /** Routing weight of venue {@code v}. */
    double weight(int v) { return v == 0 ? cumWeight[0] : cumWeight[v] - cumWeight[v - 1]; }

    /** Best opposite tick on venue {@code v} for an aggressor on {@code aggSide}. */
    int top(int v, byte aggSide) { return aggSide == MatchingBook.BUY ? books[v].bestAsk() : books[v].bestBid(); }

    int index(char c) {
        for (int v = 0; v < count; v++) if (code[v] == c) return v;
        throw new IllegalStateException("venue " + c);
    }
}
