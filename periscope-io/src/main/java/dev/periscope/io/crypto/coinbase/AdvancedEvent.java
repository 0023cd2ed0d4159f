package dev.periscope.io.crypto.coinbase;

import dev.periscope.model.Side;

import java.util.Arrays;

/**
 * One decoded event of a Coinbase Advanced Trade message (reused): an {@code l2_data} snapshot/update (product and
 * level changes) and/or {@code market_trades} (trades in wire order, newest first).
 */
public final class AdvancedEvent {
    public boolean snapshot, hasUpdates, hasTrades;
    /** Interned product id of an l2 event, or null. */
    public String product;
    /** The message's {@code timestamp} (or receive time when absent) and receive time, epoch ns. */
    public long msgTime, recvNs;
    final Levels levels = new Levels();
    /** Number of trades. */
    public int nt;
    long[] tPrice = new long[16], tSize = new long[16], tTime = new long[16], tId = new long[16];
    Side[] tSide = new Side[16];
    String[] tProd = new String[16];

    void clear(long msgTime, long recv) {
        snapshot = false; hasUpdates = false; hasTrades = false; product = null;
        this.msgTime = msgTime; recvNs = recv;
        levels.clear();
        nt = 0;
    }

    /** Makes room for trade {@link #nt} and clears its product, side and id. */
    void nextTrade() {
        if (nt == tPrice.length) {
            int m = nt * 2;
            tPrice = Arrays.copyOf(tPrice, m); tSize = Arrays.copyOf(tSize, m); tTime = Arrays.copyOf(tTime, m);
            tId = Arrays.copyOf(tId, m); tSide = Arrays.copyOf(tSide, m); tProd = Arrays.copyOf(tProd, m);
        }
        tSide[nt] = null; tProd[nt] = null; tId[nt] = -1;
    }
}
