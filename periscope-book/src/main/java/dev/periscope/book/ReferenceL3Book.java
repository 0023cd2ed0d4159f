package dev.periscope.book;

import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * The slow, obviously-correct market-by-order book: a {@link HashMap} of orders and a {@link ReferenceL2Book}
 * of aggregate levels. Same semantics and statuses as {@link L3Book}, written independently; the twin that the
 * fast book is compared with by {@link BookHash} in tests. Allocates per event; never use on a hot path.
 */
public final class ReferenceL3Book implements OrderBookView {
    private static final class Order {
        final Side side;
        final long price;
        long size;

        Order(Side side, long price, long size) {
            this.side = side;
            this.price = price;
            this.size = size;
        }
    }

    private final Map<Long, Order> orders = new HashMap<>();
    private final ReferenceL2Book levels = new ReferenceL2Book();

    public L3Status apply(OrderEvent e) {
        switch (e.type) {
            case ADD -> {
                if (e.size <= 0 || e.price == dev.periscope.model.Px.NONE) return L3Status.BAD_SIZE;
                if (orders.containsKey(e.orderId)) return L3Status.DUPLICATE_ORDER;
                orders.put(e.orderId, new Order(e.side, e.price, e.size));
                levels.set(e.side, e.price, levels.sizeAt(e.side, e.price) + e.size);
                return L3Status.OK;
            }
            case CANCEL, EXECUTE -> {
                if (e.size <= 0) return L3Status.BAD_SIZE;
                Order o = orders.get(e.orderId);
                if (o == null) return L3Status.UNKNOWN_ORDER;
                L3Status st = o.side != e.side || o.price != e.price ? L3Status.PRICE_OR_SIDE_MISMATCH : L3Status.OK;
                long removed;
                if (e.size >= o.size) {
                    if (e.size > o.size) st = L3Status.OVERFILL;
                    removed = o.size;
                    orders.remove(e.orderId);
                } else {
                    removed = e.size;
                    o.size -= e.size;
                }
                levels.set(o.side, o.price, levels.sizeAt(o.side, o.price) - removed);
                return st;
            }
            case DELETE -> {
                Order o = orders.remove(e.orderId);
                if (o == null) return L3Status.UNKNOWN_ORDER;
                levels.set(o.side, o.price, levels.sizeAt(o.side, o.price) - o.size);
                return o.side != e.side || o.price != e.price ? L3Status.PRICE_OR_SIDE_MISMATCH : L3Status.OK;
            }
            default -> {
                return L3Status.NO_BOOK_CHANGE;
            }
        }
    }

    /** Same value as {@code BookHash.of(this)}, computed in one pass. */
    public long stateHash() { return levels.stateHash(); }

    public int orderCount() { return orders.size(); }

    public long orderSize(long orderId) {
        Order o = orders.get(orderId);
        return o == null ? 0 : o.size;
    }

    /** Sum of the remaining sizes of resting orders at a level, recomputed from the orders (for invariant tests). */
    public long sumOfOrders(Side side, long price) {
        long s = 0;
        for (Order o : orders.values()) if (o.side == side && o.price == price) s += o.size;
        return s;
    }

    @Override
    public int depth(Side side) { return levels.depth(side); }

    @Override
    public long price(Side side, int level) { return levels.price(side, level); }

    @Override
    public long size(Side side, int level) { return levels.size(side, level); }

    @Override
    public long sizeAt(Side side, long price) { return levels.sizeAt(side, price); }
}
