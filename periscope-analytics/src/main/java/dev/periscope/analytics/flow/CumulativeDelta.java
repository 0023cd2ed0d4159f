package dev.periscope.analytics.flow;

import dev.periscope.model.Aggressor;

/**
 * Session cumulative volume delta (CVD): {@code cvd += signedSize} per trade, where the signed size is
 * {@code +size} for a buyer-initiated print, {@code -size} for a seller-initiated one and 0 for an unknown side;
 * reset when the session key changes. Source: the standard footprint/CVD definition as corrected in the playbook
 * audit OF-3 (a single running sum, not a sum of running sums; oracle +100,+100,-50,-50 gives 100,200,150,100).
 *
 * <p>Unknown-side volume is never folded into either side; it is accumulated separately in
 * {@link #unknownVolume()} (audit OF-4). {@link #imbalance()} is the bounded normalised imbalance
 * {@code (B - S) / (B + S)} in [-1, 1] of the session's buy and sell volume, valid only when
 * {@link #isImbalanceReady()} (B + S &gt; 0).
 *
 * <p>Units: sizes are fixed point ({@link dev.periscope.model.Px}, 10<sup>-8</sup> shares/contracts/coins).
 * Sums use {@link Math#addExact} so overflow fails loudly. Allocation-free; single-threaded.
 */
public final class CumulativeDelta {
    private static final int NO_SESSION = Integer.MIN_VALUE;

    private int sessionKey = NO_SESSION;
    private long cvd, buyVolume, sellVolume, unknownVolume, lastSigned;
    private long trades;

    /**
     * Adds one print. Prints without {@link PrintFlags#VOLUME} and zero-size prints change nothing except the
     * session (a new session key still resets the totals).
     *
     * @param size       fixed-point size, &ge; 0
     * @param aggressor  {@link Aggressor#BUY}, {@link Aggressor#SELL} or {@link Aggressor#UNKNOWN}
     * @param flags      {@link PrintFlags} of the print
     * @param sessionKey session of the print ({@link dev.periscope.model.time.TradingCalendar#sessionKey(long)})
     * @return the signed size this print contributed (0 if it contributed nothing)
     */
    public long onTrade(long size, byte aggressor, int flags, int sessionKey) {
        if (size < 0) throw new IllegalArgumentException("negative size " + size);
        if (sessionKey != this.sessionKey) resetSession(sessionKey);
        lastSigned = 0;
        if (!PrintFlags.volume(flags) || size == 0) return 0;
        trades++;
        if (aggressor == Aggressor.BUY) {
            buyVolume = Math.addExact(buyVolume, size);
            lastSigned = size;
        } else if (aggressor == Aggressor.SELL) {
            sellVolume = Math.addExact(sellVolume, size);
            lastSigned = -size;
        } else if (aggressor == Aggressor.UNKNOWN) {
            unknownVolume = Math.addExact(unknownVolume, size);
        } else {
            throw new IllegalArgumentException("aggressor must be +1, -1 or 0: " + aggressor);
        }
        cvd = Math.addExact(cvd, lastSigned);
        return lastSigned;
    }

    /** Clears the totals and starts session {@code key}. */
    public void resetSession(int key) {
        sessionKey = key;
        cvd = buyVolume = sellVolume = unknownVolume = lastSigned = 0;
        trades = 0;
    }

    /** Session key of the current totals ({@code Integer.MIN_VALUE} before the first trade). */
    public int sessionKey() { return sessionKey; }

    /** Session CVD = buy volume - sell volume (fixed point). */
    public long cvd() { return cvd; }

    /** Signed size of the last print (+size buy, -size sell, 0 unknown or ineligible). */
    public long lastSignedSize() { return lastSigned; }

    /** Session buyer-initiated volume (fixed point). */
    public long buyVolume() { return buyVolume; }

    /** Session seller-initiated volume (fixed point). */
    public long sellVolume() { return sellVolume; }

    /** Session volume of prints whose aggressor is unknown (fixed point); not in {@link #cvd()}. */
    public long unknownVolume() { return unknownVolume; }

    /** Session volume of all eligible prints: buy + sell + unknown. */
    public long totalVolume() { return buyVolume + sellVolume + unknownVolume; }

    /** Number of volume-eligible prints this session. */
    public long tradeCount() { return trades; }

    /** True when buy + sell volume &gt; 0, i.e. {@link #imbalance()} is defined. */
    public boolean isImbalanceReady() { return buyVolume + sellVolume > 0; }

    /** (B - S) / (B + S) in [-1, 1]; throws {@link IllegalStateException} if not {@link #isImbalanceReady()}. */
    public double imbalance() {
        long d = buyVolume + sellVolume;
        if (d <= 0) throw new IllegalStateException("no signed volume yet");
        return (double) (buyVolume - sellVolume) / d;
    }
}
