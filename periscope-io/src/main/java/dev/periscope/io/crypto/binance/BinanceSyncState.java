package dev.periscope.io.crypto.binance;

/**
 * Sync state of one Binance symbol's local book, after "How to manage a local order book correctly"
 * (binance-spot-api-docs {@code web-socket-streams.md}; Binance USD-M futures docs, same title). The transitions
 * are listed in {@link Transition} and tabulated in {@link BinanceBookSync}.
 */
public enum BinanceSyncState {
    /** No usable snapshot yet (start, or after a gap with a later snapshot): diffs are buffered. */
    AWAIT_SNAPSHOT,
    /** Snapshot applied; waiting for the first diff that spans its {@code lastUpdateId}; older diffs are dropped. */
    BRIDGING,
    /** Every diff continues the previous one and is applied. */
    SYNCED,
    /** A gap with no later snapshot in the recording: diffs are counted and ignored; the book is not shown. */
    UNSYNCED;

    /** Every transition of the state machine, with its source and target state. */
    public enum Transition {
        BUFFER(AWAIT_SNAPSHOT, AWAIT_SNAPSHOT),
        SNAPSHOT(AWAIT_SNAPSHOT, BRIDGING),
        STALE(BRIDGING, BRIDGING),
        BRIDGE(BRIDGING, SYNCED),
        APPLY(SYNCED, SYNCED),
        /** From BRIDGING or SYNCED; {@link #from} is the usual one (SYNCED). */
        GAP_RESYNC(SYNCED, AWAIT_SNAPSHOT),
        /** From BRIDGING or SYNCED; {@link #from} is the usual one (SYNCED). */
        GAP_UNSYNCED(SYNCED, UNSYNCED),
        IGNORE(UNSYNCED, UNSYNCED);

        public final BinanceSyncState from, to;

        Transition(BinanceSyncState from, BinanceSyncState to) {
            this.from = from;
            this.to = to;
        }
    }
}
