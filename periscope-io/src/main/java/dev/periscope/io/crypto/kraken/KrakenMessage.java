package dev.periscope.io.crypto.kraken;

import java.util.Arrays;

/**
 * One decoded Kraken v1 channel message (reused): the book levels of a snapshot or update, or the trades of a trade
 * message, in wire order, as fixed point, with the decimals of each price and volume string (for the checksum).
 */
public final class KrakenMessage {
    public static final int BOOK = 1, TRADE = 2;

    /** {@link #BOOK}, {@link #TRADE} or 0 (neither). */
    public int kind;
    /** Book snapshot ({@code as}/{@code bs}) rather than update. */
    public boolean snapshot;
    /** The checksum {@code c}, or -1 when absent. */
    public long checksum;
    /** Depth from the channel name ({@code "book-1000"}), 0 when not a book message. */
    public int depthFromName;
    public long recvNs;
    /** Number of levels or trades. */
    public int n;
    boolean[] bid = new boolean[64];
    long[] price = new long[64];
    long[] size = new long[64];
    long[] time = new long[64];
    int[] pdec = new int[64];
    int[] vdec = new int[64];
    /** Trades: the taker side character ('b', 's'); levels: 'r' for a republish, else 0. */
    char[] flag = new char[64];

    void clear(long recv) {
        n = 0;
        kind = 0;
        snapshot = false;
        checksum = -1;
        depthFromName = 0;
        recvNs = recv;
    }

    void grow() {
        if (n < price.length) return;
        int m = n * 2;
        bid = Arrays.copyOf(bid, m); price = Arrays.copyOf(price, m); size = Arrays.copyOf(size, m);
        time = Arrays.copyOf(time, m); pdec = Arrays.copyOf(pdec, m); vdec = Arrays.copyOf(vdec, m);
        flag = Arrays.copyOf(flag, m);
    }
}
