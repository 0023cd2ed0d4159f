package dev.periscope.analytics.detect;

import dev.periscope.model.Px;
import dev.periscope.model.Side;
import dev.periscope.model.event.OrderEvent;

import java.util.Arrays;
import java.util.Locale;

/**
 * <b>BASELINE, not a recommended detector.</b> The naive cancel-ratio "spoofing" rule that the product brief measures
 * {@link SpoofingDetector} against: an order is flagged when it leaves the book with
 * {@code cancelled / size >= minCancelRatio}. Without participant ids the ratio can only be taken per order, and
 * since almost all orders in modern markets are cancelled rather than filled, this flags almost every ordinary
 * order (the brief quotes 93-99 %; audit MS-2). It exists so the scorecard can show that.
 *
 * <p>Definition. For each order added in the data, {@code cancelled} accumulates CANCEL sizes plus the remaining
 * size at DELETE; executions accumulate separately. When the order leaves the book by CANCEL/DELETE (not by full
 * execution) and {@code size >= minSize} and {@code cancelled / size >= minCancelRatio}, one alert
 * {@code "cancel-ratio"} is raised at once. {@code side} is the order's side as a sign (+1 bid, -1 ask), like
 * {@link SpoofingDetector}. Orders resting before the data started are never flagged (their size is unknown).
 */
public final class NaiveCancelRatioDetector implements OrderEventDetector {

    /**
     * @param minCancelRatio cancelled fraction of the order's size; default 0.9 (a typical "90 % cancel rate" rule)
     * @param minSize        only orders at least this large (fixed point); default 0 = all
     */
    public record Params(double minCancelRatio, long minSize) {
        public Params {
            if (!(minCancelRatio > 0 && minCancelRatio <= 1)) throw new IllegalArgumentException("minCancelRatio in (0,1]");
            if (minSize < 0) throw new IllegalArgumentException("minSize >= 0");
        }

        public static final Params DEFAULT = new Params(0.9, 0);

        public String describe() { return "minCancelRatio=" + minCancelRatio + ",minSize=" + Px.format(minSize); }
    }

    private final Params p;
    private final String paramsText;
    private final LongIndexMap orders = new LongIndexMap(4096);
    private long[] oTs = new long[4096], oPx = new long[4096], oSize = new long[4096], oRem = new long[4096], oCancelled = new long[4096];
    private long session;
    private boolean inSession;
    private long seen, flagged;

    public NaiveCancelRatioDetector(Params p) {
        this.p = p;
        this.paramsText = p.describe();
    }

    public NaiveCancelRatioDetector() { this(Params.DEFAULT); }

    @Override public String name() { return "naive-cancel-ratio"; }

    @Override public String params() { return paramsText; }

    /** Orders that left the book by cancel/delete so far (all sessions). */
    public long cancelledOrders() { return seen; }

    /** Of those, how many were flagged. */
    public long flaggedOrders() { return flagged; }

    @Override
    public void onOrder(long sessionKey, long ts, OrderEvent.Type type, long orderId, Side side, long price,
                        long size, char venue, AlertSink sink) {
        if (!inSession || sessionKey != session) {
            orders.clear();
            session = sessionKey;
            inSession = true;
        }
        if (type == null || side == null) return;
        switch (type) {
            case ADD -> {
                if (orders.get(orderId) >= 0 || size <= 0) return;
                int i = orders.put(orderId);
                if (i >= oTs.length) grow(i);
                oTs[i] = ts; oPx[i] = price; oSize[i] = size; oRem[i] = size; oCancelled[i] = 0;
            }
            case CANCEL -> {
                int i = orders.get(orderId);
                if (i < 0) return;
                long take = Math.min(size, oRem[i]);
                oCancelled[i] += take;
                oRem[i] -= take;
                if (oRem[i] == 0) left(i, orderId, ts, side, sink);
            }
            case DELETE -> {
                int i = orders.get(orderId);
                if (i < 0) return;
                oCancelled[i] += oRem[i];
                oRem[i] = 0;
                left(i, orderId, ts, side, sink);
            }
            case EXECUTE -> {
                int i = orders.get(orderId);
                if (i < 0) return;
                oRem[i] -= Math.min(size, oRem[i]);
                if (oRem[i] == 0) orders.remove(orderId);   // filled away
            }
            default -> { }
        }
    }

    private void left(int i, long orderId, long ts, Side side, AlertSink sink) {
        orders.remove(orderId);
        seen++;
        if (oSize[i] < p.minSize() || oCancelled[i] < p.minCancelRatio() * oSize[i]) return;
        flagged++;
        double ratio = (double) oCancelled[i] / oSize[i];
        String desc = "Order cancelled: cancelRatio=" + String.format(Locale.ROOT, "%.3f", ratio) + " lifetime="
                + DetectSupport.duration(ts - oTs[i]) + " (baseline rule; flags most ordinary orders)";
        sink.accept(new Alert(name(), paramsText, "cancel-ratio", oTs[i], ts, (byte) side.sign(), SideRole.RESTING,
                oPx[i], oPx[i], oPx[i], oSize[i], DetectSupport.notional(oPx[i], oSize[i]), 0, 0, 1, 1,
                Alert.constant(desc)));
    }

    private void grow(int i) {
        int n = Math.max(i + 1, oTs.length * 2);
        oTs = Arrays.copyOf(oTs, n); oPx = Arrays.copyOf(oPx, n); oSize = Arrays.copyOf(oSize, n);
        oRem = Arrays.copyOf(oRem, n); oCancelled = Arrays.copyOf(oCancelled, n);
    }

    /** Alerts are raised at the cancel itself; nothing is pending. */
    @Override public void flush(AlertSink sink) {}
}
