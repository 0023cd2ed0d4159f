package dev.periscope.analytics.detect;

/**
 * Whose side an {@link Alert#side()} is: one meaning of "side" across detectors.
 *
 * <ul>
 *   <li>{@link #AGGRESSOR}: the side of the orders that took liquidity (a block's or sweep's buyer/seller, the
 *       aggressor absorbed by passive orders, the side that hit an iceberg, a meta-order's children);</li>
 *   <li>{@link #RESTING}: the side the resting (passive) orders are on (spoofed or cancelled orders: +1 = bids);</li>
 *   <li>{@link #PRICE_MOVE}: not an order side but the direction of a price move (divergence: +1 = a new high).</li>
 * </ul>
 */
public enum SideRole {
    AGGRESSOR, RESTING, PRICE_MOVE
}
