package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;

/** Test helper: feeds hand-built L3 events (decimal strings, ms timestamps) to an order detector. */
final class OFeed {
    final OrderEventDetector d;
    final AlertCollector out = new AlertCollector();
    long session = 1;

    OFeed(OrderEventDetector d) { this.d = d; }

    static long ms(double ms) { return Math.round(ms * 1_000_000d); }

    int ev(double tMs, OrderEvent.Type type, long id, Side side, String price, String size) {
        int before = out.size();
        d.onOrder(session, ms(tMs), type, id, side, Px.parse(price), Px.parse(size), 'Q', out);
        return out.size() - before;
    }

    int add(double tMs, long id, Side side, String price, String size) { return ev(tMs, OrderEvent.Type.ADD, id, side, price, size); }

    int exec(double tMs, long id, Side side, String price, String size) { return ev(tMs, OrderEvent.Type.EXECUTE, id, side, price, size); }

    int hidden(double tMs, Side side, String price, String size) { return ev(tMs, OrderEvent.Type.EXECUTE_HIDDEN, 0, side, price, size); }

    int cancel(double tMs, long id, Side side, String price, String size) { return ev(tMs, OrderEvent.Type.CANCEL, id, side, price, size); }

    int delete(double tMs, long id, Side side, String price, String size) { return ev(tMs, OrderEvent.Type.DELETE, id, side, price, size); }

    int flush() {
        int before = out.size();
        d.flush(out);
        return out.size() - before;
    }

    Alert last() { return out.alerts().get(out.size() - 1); }

    /** The value of a {@code key=value} token in an alert's description. */
    static String field(Alert a, String key) {
        for (String tok : a.description().split("[ ,;()]+")) {
            if (tok.startsWith(key + "=")) return tok.substring(key.length() + 1);
        }
        throw new AssertionError("no " + key + " in " + a.description());
    }
}
