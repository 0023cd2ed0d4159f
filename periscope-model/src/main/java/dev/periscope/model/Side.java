package dev.periscope.model;

/** Side of an order or of a book level. {@link #sign()} is +1 for BUY (bid) and -1 for SELL (ask). */
public enum Side {
    BUY(1), SELL(-1);

    private final int sign;

    Side(int sign) { this.sign = sign; }

    public int sign() { return sign; }

    public Side opposite() { return this == BUY ? SELL : BUY; }

    /** +1 to BUY, -1 to SELL; anything else is an error. */
    public static Side ofSign(int sign) {
        if (sign == 1) return BUY;
        if (sign == -1) return SELL;
        throw new IllegalArgumentException("side sign must be +1 or -1: " + sign);
    }
}
