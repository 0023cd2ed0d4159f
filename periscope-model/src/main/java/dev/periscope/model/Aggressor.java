package dev.periscope.model;

/**
 * Tri-state aggressor side of a trade, as a primitive byte so it can sit in hot-path event objects:
 * {@link #BUY} (+1, buyer-initiated), {@link #SELL} (-1, seller-initiated), {@link #UNKNOWN} (0).
 * Unknown is never folded into either side (audit OF-4). The same +1/−1 as {@link Side}.
 */
public final class Aggressor {
    public static final byte BUY = Side.BUY_CODE;
    public static final byte SELL = Side.SELL_CODE;
    public static final byte UNKNOWN = 0;

    private Aggressor() {}

    public static String label(byte a) {
        return a > 0 ? "buy" : a < 0 ? "sell" : "unknown";
    }
}
