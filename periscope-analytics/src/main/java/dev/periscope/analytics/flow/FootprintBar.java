package dev.periscope.analytics.flow;

import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;

import java.util.Arrays;

/**
 * One footprint (numbers/cluster) bar: OHLC, volume split by aggressor, delta, trade count, and the same per price
 * row. Mutable and reused by {@link FootprintBarBuilder}: a bar handed to a {@link FootprintBarListener} is valid
 * only until the listener returns; keep it with {@link #copy()} or {@link #copyTo(FootprintBar)}.
 *
 * <p>Rows: a print at fixed-point price p goes to row {@code floorDiv(p, rowSize)}; the row's price is
 * {@code row * rowSize} (its lower edge). With {@code rowSize} = the instrument tick every row is one exact price.
 * Levels are reported sorted ascending. While a bar's rows span at most {@value #MAX_DENSE_SPAN} rows, prints go
 * into a dense window indexed by {@code row - base} (re-based or grown when a print falls outside it; no search) and
 * the sorted levels are built from it when first read; a bar whose rows spread wider switches to sorted arrays with
 * binary search and insertion for the rest of the bar.
 *
 * <p>Conventions (Sierra Chart "Numbers Bars" definitions): <i>ask volume</i> = volume of buyer-initiated prints
 * (they lift the ask), <i>bid volume</i> = seller-initiated volume, <i>delta</i> = ask - bid volume. Prints with an
 * unknown aggressor count in volume and trade count but in neither side (audit OF-4). Only prints with
 * {@link PrintFlags#VOLUME} count in volumes, deltas and trade counts; open/close come from
 * {@link PrintFlags#LAST} prints and high/low from {@link PrintFlags#HIGH_LOW} prints; an OHLC field with no
 * eligible print is {@link Px#NONE}. Units: prices and sizes fixed point ({@link Px}), times epoch ns.
 */
public final class FootprintBar {
    private final long rowSize;
    int sessionKey;
    long index;
    long startTime, endTime, firstTradeTime, lastTradeTime;
    long open, high, low, close;
    long volume, buyVolume, sellVolume, unknownVolume, trades;
    boolean started;

    private int n;
    private long[] rows, bid, ask, unk, tot, cnt;

    /** Widest row span kept in the dense window; wider bars use the sorted arrays. */
    static final int MAX_DENSE_SPAN = 1024;
    /** Dense window: slot {@code row - dBase} of dBid..dCnt; rows with volume lie in [dLo, dHi] (dLo > dHi: none). */
    private long[] dBid, dAsk, dUnk, dTot, dCnt;
    private long dBase, dLo, dHi;
    /** True while this bar's prints go to the dense window; false once it spread wider (sorted arrays). */
    private boolean dense;
    /** True when the dense window has prints not yet copied into the sorted arrays. */
    private boolean stale;

    public FootprintBar(long rowSize) { this(rowSize, 64); }

    public FootprintBar(long rowSize, int initialRows) {
        if (rowSize <= 0) throw new IllegalArgumentException("row size must be > 0: " + rowSize);
        this.rowSize = rowSize;
        int c = Math.max(4, initialRows);
        rows = new long[c]; bid = new long[c]; ask = new long[c]; unk = new long[c]; tot = new long[c]; cnt = new long[c];
        int d = 64;
        dBid = new long[d]; dAsk = new long[d]; dUnk = new long[d]; dTot = new long[d]; dCnt = new long[d];
        dLo = Long.MAX_VALUE;
        dHi = Long.MIN_VALUE;
        reset();
    }

    /** Clears the bar for reuse (keeps its arrays). */
    public void reset() {
        clearDense();
        dense = true;
        n = 0;
        started = false;
        open = high = low = close = Px.NONE;
        volume = buyVolume = sellVolume = unknownVolume = trades = 0;
        startTime = endTime = firstTradeTime = lastTradeTime = 0;
    }

    /** Adds one print (see class Javadoc for which fields each flag updates). Allocates only when rows grow. */
    void add(long ts, long price, long size, byte aggressor, int flags) {
        if (!started) { started = true; firstTradeTime = ts; }
        lastTradeTime = ts;
        if (PrintFlags.last(flags)) {
            if (open == Px.NONE) open = price;
            close = price;
        }
        if (PrintFlags.highLow(flags)) {
            if (high == Px.NONE || price > high) high = price;
            if (low == Px.NONE || price < low) low = price;
        }
        if (!PrintFlags.volume(flags) || size == 0) return;
        long row = rowOf(price);
        if (dense) {
            long off = row - dBase;
            if (off < 0 || off >= dCnt.length) off = rebase(row);
            if (off >= 0) {
                int j = (int) off;
                if (row < dLo) dLo = row;
                if (row > dHi) dHi = row;
                if (dCnt[j]++ == 0) n++;
                stale = true;
                trades++;
                volume = Math.addExact(volume, size);
                dTot[j] += size;
                if (aggressor == Aggressor.BUY) { buyVolume += size; dAsk[j] += size; }
                else if (aggressor == Aggressor.SELL) { sellVolume += size; dBid[j] += size; }
                else { unknownVolume += size; dUnk[j] += size; }
                return;
            }
        }
        int i = rowSlot(row);
        trades++;
        cnt[i]++;
        volume = Math.addExact(volume, size);
        tot[i] += size;
        if (aggressor == Aggressor.BUY) { buyVolume += size; ask[i] += size; }
        else if (aggressor == Aggressor.SELL) { sellVolume += size; bid[i] += size; }
        else { unknownVolume += size; unk[i] += size; }
    }

    /** Row and lower edge of the previous print's row: neighbouring prints find their row without a division. */
    private long lastRow, lastRowLow = -1;

    /** {@code floorDiv(price, rowSize)}, from the previous print's row when the price is in it or a neighbour. */
    private long rowOf(long price) {
        long lo = lastRowLow;
        if (price >= 0 && lo >= 0) {            // no overflow: 0 <= lo, price
            long d = price - lo;
            if (d >= 0) {
                if (d < rowSize) return lastRow;
                if (d - rowSize < rowSize) { lastRowLow = lo + rowSize; return ++lastRow; }
            } else if (d >= -rowSize) {
                lastRowLow = lo - rowSize;
                return --lastRow;
            }
        }
        long row = Math.floorDiv(price, rowSize);
        lastRow = row;
        lastRowLow = row >= 0 && row <= Long.MAX_VALUE / rowSize ? row * rowSize : -1;
        return row;
    }

    /**
     * Makes room for {@code row} in the dense window (moving, growing or first placing it) and returns its slot, or
     * -1 after switching the bar to the sorted arrays because its rows would span more than MAX_DENSE_SPAN.
     */
    private long rebase(long row) {
        if (dLo > dHi) {                       // empty window: centre it on the row
            dBase = row - (dCnt.length >> 1);
            return row - dBase;
        }
        long lo = Math.min(dLo, row), hi = Math.max(dHi, row);
        long span = hi - lo + 1;
        if (span > MAX_DENSE_SPAN || span <= 0) {
            materialize();
            clearDense();
            dense = false;
            return -1;
        }
        int cap = dCnt.length;
        if (span * 2 > cap) {                  // grow to twice the span (power of two), keep the data
            int c = cap;
            while (c < span * 2) c <<= 1;
            long newBase = lo - ((c - span) >> 1);
            dBid = moved(dBid, c, newBase); dAsk = moved(dAsk, c, newBase); dUnk = moved(dUnk, c, newBase);
            dTot = moved(dTot, c, newBase); dCnt = moved(dCnt, c, newBase);
            dBase = newBase;
        } else {                               // shift in place so that the used span is centred
            long newBase = lo - ((cap - span) >> 1);
            int from = (int) (dLo - dBase), to = (int) (dLo - newBase), len = (int) (dHi - dLo + 1);
            shift(dBid, from, to, len); shift(dAsk, from, to, len); shift(dUnk, from, to, len);
            shift(dTot, from, to, len); shift(dCnt, from, to, len);
            dBase = newBase;
        }
        return row - dBase;
    }

    /** A new array of capacity {@code c} holding this window's rows [dLo, dHi] at their slots for {@code newBase}. */
    private long[] moved(long[] a, int c, long newBase) {
        long[] b = new long[c];
        System.arraycopy(a, (int) (dLo - dBase), b, (int) (dLo - newBase), (int) (dHi - dLo + 1));
        return b;
    }

    /** Moves {@code len} slots from {@code from} to {@code to} and zeroes the vacated slots. */
    private static void shift(long[] a, int from, int to, int len) {
        System.arraycopy(a, from, a, to, len);
        if (to > from) Arrays.fill(a, from, Math.min(to, from + len), 0L);
        else Arrays.fill(a, Math.max(to + len, from), from + len, 0L);
    }

    /** Zeroes the dense window's used slots and empties it. */
    private void clearDense() {
        if (dLo <= dHi) {
            int a = (int) (dLo - dBase), b = (int) (dHi - dBase) + 1;
            Arrays.fill(dBid, a, b, 0L); Arrays.fill(dAsk, a, b, 0L); Arrays.fill(dUnk, a, b, 0L);
            Arrays.fill(dTot, a, b, 0L); Arrays.fill(dCnt, a, b, 0L);
        }
        dLo = Long.MAX_VALUE;
        dHi = Long.MIN_VALUE;
        stale = false;
    }

    /** Copies the dense window's rows with volume into the sorted level arrays (ascending), if not done yet. */
    private void materialize() {
        if (!stale) return;
        stale = false;
        while (rows.length < n) grow();
        int k = 0;
        int b = (int) (dHi - dBase);
        for (int j = (int) (dLo - dBase); j <= b; j++) {
            if (dCnt[j] == 0) continue;
            rows[k] = dBase + j; bid[k] = dBid[j]; ask[k] = dAsk[j]; unk[k] = dUnk[j]; tot[k] = dTot[j]; cnt[k] = dCnt[j];
            k++;
        }
        lastSlot = 0;
    }

    /** Level of the previous print: consecutive prints mostly share a price, so this skips the binary search. */
    private int lastSlot;

    private int rowSlot(long row) {
        int last = lastSlot;
        if (last < n && rows[last] == row) return last;
        int i = Arrays.binarySearch(rows, 0, n, row);
        if (i >= 0) return lastSlot = i;
        i = -i - 1;
        if (n == rows.length) grow();
        int move = n - i;
        if (move > 0) {
            System.arraycopy(rows, i, rows, i + 1, move);
            System.arraycopy(bid, i, bid, i + 1, move);
            System.arraycopy(ask, i, ask, i + 1, move);
            System.arraycopy(unk, i, unk, i + 1, move);
            System.arraycopy(tot, i, tot, i + 1, move);
            System.arraycopy(cnt, i, cnt, i + 1, move);
        }
        rows[i] = row; bid[i] = 0; ask[i] = 0; unk[i] = 0; tot[i] = 0; cnt[i] = 0;
        n++;
        return lastSlot = i;
    }

    private void grow() {
        int c = rows.length * 2;
        rows = Arrays.copyOf(rows, c); bid = Arrays.copyOf(bid, c); ask = Arrays.copyOf(ask, c);
        unk = Arrays.copyOf(unk, c); tot = Arrays.copyOf(tot, c); cnt = Arrays.copyOf(cnt, c);
    }

    /** Row size (fixed point). */
    public long rowSize() { return rowSize; }
    /** Session key of the bar. */
    public int sessionKey() { return sessionKey; }
    /** 0-based sequence number of the bar within its session. */
    public long index() { return index; }
    /** Time bars: bucket start (inclusive). Volume/tick bars: time of the first print. Epoch ns. */
    public long startTime() { return startTime; }
    /** Time bars: bucket end (exclusive). Volume/tick bars: time of the last print (inclusive). Epoch ns. */
    public long endTime() { return endTime; }
    public long firstTradeTime() { return firstTradeTime; }
    public long lastTradeTime() { return lastTradeTime; }
    /** True once any print with a non-zero flag entered the bar. */
    public boolean isStarted() { return started; }

    public long open() { return open; }
    public long high() { return high; }
    public long low() { return low; }
    public long close() { return close; }
    /** Volume of volume-eligible prints (buy + sell + unknown). */
    public long volume() { return volume; }
    /** Buyer-initiated ("ask") volume. */
    public long buyVolume() { return buyVolume; }
    /** Seller-initiated ("bid") volume. */
    public long sellVolume() { return sellVolume; }
    /** Volume with unknown aggressor. */
    public long unknownVolume() { return unknownVolume; }
    /** Delta = buy volume - sell volume. */
    public long delta() { return buyVolume - sellVolume; }
    /** Number of volume-eligible prints. */
    public long tradeCount() { return trades; }

    /** Number of price rows with volume, sorted ascending. */
    public int levelCount() { materialize(); return n; }
    /** Row index of level i ({@code floorDiv(price, rowSize)}). */
    public long row(int i) { checkLevel(i); return rows[i]; }
    /** Price (lower edge) of level i, fixed point. */
    public long levelPrice(int i) { checkLevel(i); return rows[i] * rowSize; }
    /** Seller-initiated volume at level i. */
    public long bidVolume(int i) { checkLevel(i); return bid[i]; }
    /** Buyer-initiated volume at level i. */
    public long askVolume(int i) { checkLevel(i); return ask[i]; }
    /** Unknown-aggressor volume at level i. */
    public long unknownVolume(int i) { checkLevel(i); return unk[i]; }
    /** Total volume at level i. */
    public long levelVolume(int i) { checkLevel(i); return tot[i]; }
    /** Ask - bid volume at level i. */
    public long levelDelta(int i) { checkLevel(i); return ask[i] - bid[i]; }
    /** Prints at level i. */
    public long levelTrades(int i) { checkLevel(i); return cnt[i]; }

    /** Level index of {@code row}, or -1 if the bar has no volume there. */
    public int levelOfRow(long row) {
        materialize();
        int i = Arrays.binarySearch(rows, 0, n, row);
        return i >= 0 ? i : -1;
    }

    /** Level index of the point of control (tie rule of {@link ValueArea#pocIndex}), or -1 for an empty bar. */
    public int pocLevel() { materialize(); return ValueArea.pocIndex(rows, tot, n); }

    /** POC price, or {@link Px#NONE} for a bar without volume. */
    public long pocPrice() {
        int i = pocLevel();
        return i < 0 ? Px.NONE : rows[i] * rowSize;
    }

    /** Value area of this bar's volume profile into {@code out}; false (and {@code out} invalid) if empty. */
    public boolean valueArea(ValueArea calculator, ValueArea.Result out) {
        materialize();
        return calculator.compute(rows, tot, n, out);
    }

    private void checkLevel(int i) {
        materialize();
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("level " + i + " of " + n);
    }

    /** A deep copy (allocates). */
    public FootprintBar copy() {
        materialize();
        FootprintBar b = new FootprintBar(rowSize, Math.max(4, n));
        copyTo(b);
        return b;
    }

    /** Copies this bar into {@code dst} (same row size required); allocates only if {@code dst} must grow. */
    public void copyTo(FootprintBar dst) {
        if (dst.rowSize != rowSize) throw new IllegalArgumentException("row size differs");
        materialize();
        dst.clearDense();
        dst.dense = false;                     // dst holds its levels in the sorted arrays until its next reset
        while (dst.rows.length < n) dst.grow();
        dst.sessionKey = sessionKey; dst.index = index;
        dst.startTime = startTime; dst.endTime = endTime; dst.firstTradeTime = firstTradeTime; dst.lastTradeTime = lastTradeTime;
        dst.open = open; dst.high = high; dst.low = low; dst.close = close;
        dst.volume = volume; dst.buyVolume = buyVolume; dst.sellVolume = sellVolume; dst.unknownVolume = unknownVolume;
        dst.trades = trades; dst.started = started; dst.n = n;
        System.arraycopy(rows, 0, dst.rows, 0, n); System.arraycopy(bid, 0, dst.bid, 0, n);
        System.arraycopy(ask, 0, dst.ask, 0, n); System.arraycopy(unk, 0, dst.unk, 0, n);
        System.arraycopy(tot, 0, dst.tot, 0, n); System.arraycopy(cnt, 0, dst.cnt, 0, n);
    }

    /** Debug text (allocates). */
    @Override
    public String toString() {
        materialize();
        StringBuilder sb = new StringBuilder("FootprintBar[#").append(index).append(" s=").append(sessionKey)
                .append(" [").append(startTime).append(',').append(endTime).append("] O=").append(Px.format(open))
                .append(" H=").append(Px.format(high)).append(" L=").append(Px.format(low)).append(" C=").append(Px.format(close))
                .append(" V=").append(Px.format(volume)).append(" D=").append(Px.format(delta())).append(" n=").append(trades);
        for (int i = n - 1; i >= 0; i--) {
            sb.append("\n  ").append(Px.format(rows[i] * rowSize)).append(": ").append(Px.format(bid[i])).append(" x ")
                    .append(Px.format(ask[i]));
            if (unk[i] != 0) sb.append(" ?").append(Px.format(unk[i]));
        }
        return sb.append(']').toString();
    }
}
