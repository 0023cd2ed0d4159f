package dev.periscope.io.crypto.binance;

import java.util.Arrays;

/**
 * One decoded depthUpdate (or REST depth snapshot): ids and the changed levels as fixed point. Reused by the
 * decoder; the book synchroniser {@link #copy()}s it to keep it (buffering before a snapshot).
 */
public final class BinanceDiff {
    long recvNs;
    long eventMs;
    long firstId;      // U
    long lastId;       // u (or the snapshot's lastUpdateId)
    long prevLastId;   // pu (futures), Long.MIN_VALUE when absent
    long line;
    int nb;
    int na;
    long[] bidPx = new long[16];
    long[] bidSz = new long[16];
    long[] askPx = new long[16];
    long[] askSz = new long[16];

    /** A new, empty snapshot received at {@code recvNs} (epoch ns), for {@link BinanceDecoder#decodeSnapshot}; allocates. */
    public static BinanceDiff snapshot(long recvNs) {
        BinanceDiff d = new BinanceDiff();
        d.reset();
        d.recvNs = recvNs;
        return d;
    }

    /** Update id {@code u} (the snapshot's {@code lastUpdateId}). */
    public long lastUpdateId() { return lastId; }

    void reset() {
        recvNs = 0; eventMs = 0; firstId = 0; lastId = 0; prevLastId = Long.MIN_VALUE; nb = 0; na = 0; line = 0;
    }

    void addBid(long p, long s) {
        if (nb == bidPx.length) { bidPx = Arrays.copyOf(bidPx, nb * 2); bidSz = Arrays.copyOf(bidSz, nb * 2); }
        bidPx[nb] = p; bidSz[nb++] = s;
    }

    void addAsk(long p, long s) {
        if (na == askPx.length) { askPx = Arrays.copyOf(askPx, na * 2); askSz = Arrays.copyOf(askSz, na * 2); }
        askPx[na] = p; askSz[na++] = s;
    }

    /** Allocates (used while buffering before a snapshot). */
    BinanceDiff copy() {
        BinanceDiff d = new BinanceDiff();
        d.recvNs = recvNs; d.eventMs = eventMs; d.firstId = firstId; d.lastId = lastId; d.prevLastId = prevLastId;
        d.line = line; d.nb = nb; d.na = na;
        d.bidPx = Arrays.copyOf(bidPx, Math.max(nb, 1)); d.bidSz = Arrays.copyOf(bidSz, Math.max(nb, 1));
        d.askPx = Arrays.copyOf(askPx, Math.max(na, 1)); d.askSz = Arrays.copyOf(askSz, Math.max(na, 1));
        return d;
    }
}
