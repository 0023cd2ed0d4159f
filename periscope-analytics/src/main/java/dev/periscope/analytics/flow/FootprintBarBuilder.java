package dev.periscope.analytics.flow;

import dev.periscope.model.Aggressor;

/**
 * Builds {@link FootprintBar}s from a stream of prints and hands each closed bar to a {@link FootprintBarListener}.
 * Event time only (no clock); allocation-free per print once the row arrays have grown to the widest bar.
 *
 * <p><b>Time bars</b> ({@link #time}): bucket = floorDiv(t - anchor, &Delta;); a bar covers the half-open interval
 * [anchor + bucket&middot;&Delta;, anchor + (bucket+1)&middot;&Delta;) (audit OF-8). The anchor is the session open
 * given to {@link #onSessionOpen(int, long)} for the current session key; without one it is the epoch (0), i.e.
 * bars are aligned to UTC wall-clock multiples of &Delta; (for US equities 1-30 minute buckets then coincide with
 * buckets from the 09:30 ET open; hourly bars do not). A bar closes when a print of a later bucket arrives, when
 * {@link #advanceTo(long)} passes its end, at a session change or on {@link #flush()}. Buckets without prints
 * produce no bar. A print older than the current bar's start (out of order) is added to the current bar and
 * counted in {@link #latePrints()}; if its bucket's bar was already emitted and no bar is open, it opens a new bar
 * for the last bucket (so bars never go back in time, but two bars may then share a start time).
 *
 * <p><b>Volume bars</b> ({@link #volume}): a bar closes after the print that brings its volume to &ge; V. The print
 * that crosses the boundary is <i>not split</i>: it stays whole in the bar it closes, so bar volume is &ge; V and
 * the next bar starts empty (the sampling rule of L&oacute;pez de Prado, <i>Advances in Financial Machine
 * Learning</i>, 2018, &sect;2.3.1.2; splitting would invent prints that did not happen).
 *
 * <p><b>Tick bars</b> ({@link #ticks}): a bar closes after its N-th volume-eligible print.
 *
 * <p>Sessions: each print carries a session key; when it changes the open bar is closed and emitted first and the
 * bar index restarts at 0. Prints update only what their {@link PrintFlags} allow; a print with flags 0 only moves
 * event time (it can close a time bar). Single-threaded.
 */
public final class FootprintBarBuilder {
    /** Bar type. */
    public enum Kind { TIME, VOLUME, TICK }

    private static final int NO_SESSION = Integer.MIN_VALUE;

    private final Kind kind;
    private final long param;            // nanos, fixed-point volume or print count
    private final FootprintBarListener listener;
    private final FootprintBar bar;

    private int sessionKey = NO_SESSION;
    private long anchor;
    private int openKey = NO_SESSION;
    private long openNanos;
    private long bucket;
    /** Anchor in force when the open time bar started (its bucket is only reused while the anchor is unchanged). */
    private long barAnchor;
    private long nextIndex;
    private long emitted, late;

    private FootprintBarBuilder(Kind kind, long param, long rowSize, FootprintBarListener listener) {
        if (param <= 0) throw new IllegalArgumentException(kind + " bar size must be > 0: " + param);
        if (listener == null) throw new IllegalArgumentException("listener");
        this.kind = kind;
        this.param = param;
        this.listener = listener;
        this.bar = new FootprintBar(rowSize);
    }

    /** Time bars of {@code barNanos} ns with rows of {@code rowSize} (fixed point, e.g. the tick). */
    public static FootprintBarBuilder time(long barNanos, long rowSize, FootprintBarListener listener) {
        return new FootprintBarBuilder(Kind.TIME, barNanos, rowSize, listener);
    }

    /** Volume bars of at least {@code volumePerBar} (fixed point) each. */
    public static FootprintBarBuilder volume(long volumePerBar, long rowSize, FootprintBarListener listener) {
        return new FootprintBarBuilder(Kind.VOLUME, volumePerBar, rowSize, listener);
    }

    /** Tick bars of {@code printsPerBar} volume-eligible prints each. */
    public static FootprintBarBuilder ticks(int printsPerBar, long rowSize, FootprintBarListener listener) {
        return new FootprintBarBuilder(Kind.TICK, printsPerBar, rowSize, listener);
    }

    public Kind kind() { return kind; }

    /**
     * Declares the open (epoch ns) of session {@code key}; time bars of that session are anchored there. Call it
     * before the session's first print (e.g. from {@code TradingCalendar.regularOpen}); if that session is already
     * running, bars opened after this call use the new anchor.
     */
    public void onSessionOpen(int key, long openEpochNanos) {
        openKey = key;
        openNanos = openEpochNanos;
        if (key == sessionKey) anchor = openEpochNanos;
    }

    /**
     * Adds one print.
     *
     * @param ts         event time, epoch ns
     * @param price      fixed-point price
     * @param size       fixed-point size, &ge; 0
     * @param aggressor  +1 buy, -1 sell, 0 unknown
     * @param flags      {@link PrintFlags}
     * @param sessionKey session of the print
     */
    public void onTrade(long ts, long price, long size, byte aggressor, int flags, int sessionKey) {
        if (size < 0) throw new IllegalArgumentException("negative size " + size);
        if (aggressor != Aggressor.BUY && aggressor != Aggressor.SELL && aggressor != Aggressor.UNKNOWN) {
            throw new IllegalArgumentException("aggressor must be +1, -1 or 0: " + aggressor);
        }
        if (sessionKey != this.sessionKey) startSession(sessionKey);
        if (kind == Kind.TIME) {
            // inside the open bar's [start, end) the bucket is known: no division per print
            long b = bar.started && anchor == barAnchor && ts >= bar.startTime && ts < bar.endTime
                    ? bucket : Math.floorDiv(ts - anchor, param);
            if (bar.started && b > bucket) emit();
            if (flags == 0) return;
            if (b < bucket) {
                late++;                 // older than the current (or last emitted) bucket of this session
                b = bucket;
            }
            if (!bar.started) {
                barAnchor = anchor;
                bucket = b;
                bar.startTime = anchor + b * param;
                bar.endTime = bar.startTime + param;
            }
        }
        if (flags == 0) return;
        bar.add(ts, price, size, aggressor, flags);
        if (kind != Kind.TIME) {
            bar.startTime = bar.firstTradeTime;
            bar.endTime = ts;
            if (kind == Kind.VOLUME ? bar.volume >= param : bar.trades >= param) emit();
        }
    }

    /** Event time has reached {@code ts}: closes a time bar whose end is &le; ts. No effect on other kinds. */
    public void advanceTo(long ts) {
        if (kind == Kind.TIME && bar.started && ts >= bar.endTime) emit();
    }

    /** Emits the open (partial) bar, if any, e.g. at session end or end of data. */
    public void flush() {
        if (bar.started) emit();
    }

    /** Bars emitted so far. */
    public long barsEmitted() { return emitted; }

    /** Out-of-order prints added to a later bar than their time (time bars). */
    public long latePrints() { return late; }

    /** The bar being built (read-only use; valid until the next call on this builder). */
    public FootprintBar currentBar() { return bar; }

    private void startSession(int key) {
        if (bar.started) emit();
        sessionKey = key;
        anchor = key == openKey ? openNanos : 0L;
        bucket = Long.MIN_VALUE;
        nextIndex = 0;
    }

    private void emit() {
        bar.sessionKey = sessionKey;
        bar.index = nextIndex++;
        emitted++;
        try {
            listener.onBar(bar);
        } finally {
            bar.reset();
        }
    }
}
