package dev.periscope.options;

/** Outcome of an implied-volatility solve: a value, never NaN, for every input. */
public enum IvStatus {
    /** Solved: the volatility reprices the input to the double resolution of the price. */
    OK,
    /** The price equals the intrinsic value (no time value): volatility 0. */
    AT_INTRINSIC,
    /** The price is below the discounted intrinsic value: no volatility reproduces it (arbitrage or stale data). */
    BELOW_INTRINSIC,
    /** The price is at or above the upper bound (discounted forward for a call, discounted strike for a put). */
    ABOVE_UPPER_BOUND,
    /** The iteration did not settle within its step limit (never seen on the tested domain; reported, not hidden). */
    NOT_CONVERGED,
    /** NaN, infinite or non-positive forward, strike or expiry, or a NaN price. */
    INVALID_INPUT
}
