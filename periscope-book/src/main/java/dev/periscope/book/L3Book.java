package dev.periscope.book;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;

import java.util.Arrays;

/**
 * Fast market-by-order (L3) book. Orders live in an open-addressing hash table keyed by order id (linear
 * probing, backward-shift deletion, parallel primitive arrays: no boxing, no per-order objects); per-price
 * aggregate sizes live in an {@link L2Book}, which is what the {@link OrderBookView} methods read. Invariant:
 * every level size equals the sum of the remaining sizes of its orders, and no size is negative.
 *
 * <p>Event semantics ({@link OrderEvent}): ADD rests a new order; CANCEL reduces it by {@code size} (removes it
 * at 0); DELETE removes it whatever its remaining size; EXECUTE reduces it by the executed size;
 * EXECUTE_HIDDEN, CROSS and HALT change nothing visible. Problems are returned as an {@link L3Status}, never
 * thrown. After each {@link #apply} the changed level is available from {@link #lastSide()},
 * {@link #lastPrice()} and {@link #lastLevelDelta()}.
 *
 * <p>Allocation: none per event; the table doubles at half load. Single-threaded.
 */
public final class L3Book implements OrderBookView {
    private static final byte EMPTY = 0, BID = 1, ASK = 2;

    private final L2Book levels = new L2Book();
    private long[] ids;
    private long[] prices;
    private long[] sizes;
    private byte[] sides;
    private int mask;
    private int count;
    private Side lastSide;
    private long lastPrice = Px.NONE;
    private long lastDelta;

    public L3Book() {
        this(1024);
    }

    /** @param expectedOrders initial capacity hint (resting orders) */
    public L3Book(int expectedOrders) {
        int cap = Integer.highestOneBit(Math.max(16, expectedOrders) * 2 - 1) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        ids = new long[cap];
        prices = new long[cap];
        sizes = new long[cap];
        sides = new byte[cap];
        mask = cap - 1;
    }

    /** Applies one event and returns what happened. */
    public L3Status apply(OrderEvent e) {
        lastDelta = 0;
        lastSide = e.side;
        lastPrice = e.price;
        switch (e.type) {
            case ADD:
                return add(e.orderId, e.side, e.price, e.size);
            case CANCEL:
            case EXECUTE:
                return reduce(e.orderId, e.side, e.price, e.size);
            case DELETE:
                return delete(e.orderId, e.side, e.price);
            default:
                return L3Status.NO_BOOK_CHANGE;
        }
    }

    /** Rests a new order. */
    public L3Status add(long orderId, Side side, long price, long size) {
        lastDelta = 0; lastSide = side; lastPrice = price;
        if (size <= 0 || price == Px.NONE) return L3Status.BAD_SIZE;
        int slot = slotOf(orderId);
        if (slot >= 0) return L3Status.DUPLICATE_ORDER;
        if ((count + 1) * 2 > ids.length) {
            grow();
            slot = slotOf(orderId);
        }
        int i = -slot - 1;
        ids[i] = orderId;
        prices[i] = price;
        sizes[i] = size;
        sides[i] = side == Side.BUY ? BID : ASK;
        count++;
        levels.add(side, price, size);
        lastDelta = size;
        return L3Status.OK;
    }

    /** Reduces an order by {@code size} (partial cancel or visible execution); removes it at 0. */
    public L3Status reduce(long orderId, Side side, long price, long size) {
        lastDelta = 0; lastSide = side; lastPrice = price;
        if (size <= 0) return L3Status.BAD_SIZE;
        int i = slotOf(orderId);
        if (i < 0) return L3Status.UNKNOWN_ORDER;
        L3Status st = matches(i, side, price) ? L3Status.OK : L3Status.PRICE_OR_SIDE_MISMATCH;
        long rem = sizes[i];
        long take = Math.min(size, rem);
        if (size > rem) st = L3Status.OVERFILL;
        Side s = sideAt(i);
        long p = prices[i];
        lastSide = s; lastPrice = p; lastDelta = -take;
        levels.add(s, p, -take);
        if (take == rem) removeSlot(i);
        else sizes[i] = rem - take;
        return st;
    }

    /** Removes an order entirely. */
    public L3Status delete(long orderId, Side side, long price) {
        lastDelta = 0; lastSide = side; lastPrice = price;
        int i = slotOf(orderId);
        if (i < 0) return L3Status.UNKNOWN_ORDER;
        L3Status st = matches(i, side, price) ? L3Status.OK : L3Status.PRICE_OR_SIDE_MISMATCH;
        Side s = sideAt(i);
        long p = prices[i];
        long rem = sizes[i];
        lastSide = s; lastPrice = p; lastDelta = -rem;
        levels.add(s, p, -rem);
        removeSlot(i);
        return st;
    }

    private boolean matches(int i, Side side, long price) {
        return sideAt(i) == side && (price == Px.NONE || prices[i] == price);
    }

    private Side sideAt(int i) { return sides[i] == BID ? Side.BUY : Side.SELL; }

    public void clear() {
        Arrays.fill(sides, EMPTY);
        count = 0;
        levels.clear();
    }

    /** Number of resting orders. */
    public int orderCount() { return count; }

    public boolean contains(long orderId) { return slotOf(orderId) >= 0; }

    /** Remaining size of a resting order, 0 if unknown. */
    public long orderSize(long orderId) {
        int i = slotOf(orderId);
        return i >= 0 ? sizes[i] : 0;
    }

    /** Price of a resting order, {@link Px#NONE} if unknown. */
    public long orderPrice(long orderId) {
        int i = slotOf(orderId);
        return i >= 0 ? prices[i] : Px.NONE;
    }

    /** Side of a resting order, null if unknown. */
    public Side orderSide(long orderId) {
        int i = slotOf(orderId);
        return i >= 0 ? sideAt(i) : null;
    }

    /** Side of the level the last {@link #apply} touched (the resting order's side when known). */
    public Side lastSide() { return lastSide; }

    /** Price of the level the last {@link #apply} touched. */
    public long lastPrice() { return lastPrice; }

    /** Signed change of that level's aggregate size by the last {@link #apply} (0 when nothing changed). */
    public long lastLevelDelta() { return lastDelta; }

    /** The aggregate price levels (read-only use). */
    public OrderBookView levels() { return levels; }

    @Override
    public int depth(Side side) { return levels.depth(side); }

    @Override
    public long price(Side side, int level) { return levels.price(side, level); }

    @Override
    public long size(Side side, int level) { return levels.size(side, level); }

    @Override
    public long sizeAt(Side side, long price) { return levels.sizeAt(side, price); }

    // ---- open addressing ----

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        return (int) (h ^ (h >>> 16));
    }

    /** Slot of {@code id}, or -(free slot) - 1. */
    private int slotOf(long id) {
        int i = hash(id) & mask;
        while (sides[i] != EMPTY) {
            if (ids[i] == id) return i;
            i = (i + 1) & mask;
        }
        return -i - 1;
    }

    private void removeSlot(int i) {
        count--;
        // backward-shift deletion (Knuth 6.4 Algorithm R): no tombstones
        int j = i;
        while (true) {
            sides[i] = EMPTY;
            while (true) {
                j = (j + 1) & mask;
                if (sides[j] == EMPTY) return;
                int home = hash(ids[j]) & mask;
                // move j into i unless home lies cyclically in (i, j]
                if (i <= j ? (i < home && home <= j) : (i < home || home <= j)) continue;
                break;
            }
            ids[i] = ids[j];
            prices[i] = prices[j];
            sizes[i] = sizes[j];
            sides[i] = sides[j];
            i = j;
        }
    }

    private void grow() {
        long[] oi = ids, op = prices, os = sizes;
        byte[] osd = sides;
        allocate(oi.length * 2);
        for (int k = 0; k < oi.length; k++) {
            if (osd[k] == EMPTY) continue;
            int i = -slotOf(oi[k]) - 1;
            ids[i] = oi[k];
            prices[i] = op[k];
            sizes[i] = os[k];
            sides[i] = osd[k];
        }
    }
}
