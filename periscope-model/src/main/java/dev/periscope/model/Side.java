package dev.periscope.model;

/**
 * Side of an order or of a book level. One meaning of side across Periscope: +1 is buy (bid), −1 is sell (ask) —
 * {@link #sign()} here, the byte codes {@link #BUY_CODE}/{@link #SELL_CODE} where a hot path keeps sides as bytes
 * (the matching book's orders), and {@link Aggressor} for a trade's aggressor, which adds 0 for unknown. Whether a
 * side is the aggressor's or the resting order's is said where it matters (an alert's {@code SideRole}; an L3
 * execution's side is the resting order's, its aggressor the opposite).
 */
public enum Side {
    BUY(1), SELL(-1);

    /** Byte code of {@link #BUY}: +1 (equal to {@link Aggressor#BUY}). */
    public static final byte BUY_CODE = 1;
    /** Byte code of {@link #SELL}: −1 (equal to {@link Aggressor#SELL}). */
    public static final byte SELL_CODE = -1;

    private final int sign;

    Side(int sign) { this.sign = sign; }

    public int sign() { return sign; }

    public Side opposite() { return this == BUY ? SELL : BUY; }

    /** {@link #BUY_CODE} or {@link #SELL_CODE}. */
    public byte code() { return (byte) sign; }

    /** +1 to BUY, -1 to SELL; anything else is an error. */
    public static Side ofSign(int sign) {
        if (sign == 1) return BUY;
        if (sign == -1) return SELL;
        throw new IllegalArgumentException("side sign must be +1 or -1: " + sign);
    }
}
