package dev.periscope.bench;

import dev.periscope.analytics.flow.CumulativeDelta;
import dev.periscope.analytics.flow.FootprintBar;
import dev.periscope.analytics.flow.FootprintBarBuilder;
import dev.periscope.analytics.flow.FootprintBarListener;
import dev.periscope.analytics.flow.PrintFlags;
import dev.periscope.analytics.signing.TradeSigner;
import dev.periscope.book.nbbo.NbboBuilder;
import dev.periscope.model.event.EventSource;
import dev.periscope.replay.ReplayMerger;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.tape.TapeRow;
import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.flow.ValueArea;
import dev.periscope.model.Aggressor;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.quality.DataIssueLog;
import dev.periscope.model.time.NyseCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The order-flow pipeline on the real TAQ sample replayed from memory ({@link EventTape}: 77,261 trades and
 * 131,401 per-venue quotes of one symbol over two days, merged in time order at setup):
 * per-venue quote &rarr; {@link NbboBuilder} &rarr; (NBBO change) {@link TradeSigner} quote history; trade &rarr;
 * session key ({@link NyseCalendar}) &rarr; sale-condition flags &rarr; {@link TradeSigner} (all five rules, Lee-Ready
 * side used) &rarr; {@link CumulativeDelta} and a 1-minute {@link FootprintBarBuilder} with 1-cent rows.
 *
 * <p>Every benchmark is normalised to one pipeline event ({@code @OperationsPerInvocation(EVENTS)}), so scores of
 * the stage benchmarks are directly comparable with the pipeline: 1/score is the stage's ns per pipeline event.
 * Stage inputs (NBBO changes, signs, flags, session keys) are computed once at setup by the full pipeline. Each
 * invocation replays the whole tape; the analytics objects are reused and restart on the session change from the
 * second day back to the first (the signer and NBBO are reset, as at a session boundary), so nothing allocates in
 * the loop. Results are folded into the returned value so nothing is dead code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FlowPipelineBench {
    private static final long BAR_NANOS = 60_000_000_000L;
    private static final long ROW = Px.parse("0.01");

    private EventTape tape;
    private final QuoteEvent q = new QuoteEvent();
    private final TradeEvent t = new TradeEvent();
    private final NyseCalendar calendar = NyseCalendar.instance();
    private NbboBuilder nbbo;
    private TradeSigner signer;
    private CumulativeDelta cvd;
    private FootprintBarBuilder footprint;
    private BarSink sink;

    // stage inputs computed at setup by one pipeline pass, in tape order
    private long[] nbboTs, nbboBid, nbboAsk;     // NBBO changes
    private int[] signerOrder;                   // >= 0: trade tape index; < 0: -(NBBO change index) - 1
    private byte[] side;                         // per trade (trade order)
    private int[] flags, session;                // per trade (trade order)
    private EventTape.Source quoteSource, tradeSource;

    /** Footprint listener: folds every closed bar into a checksum (no allocation). */
    static final class BarSink implements FootprintBarListener {
        long h;

        @Override
        public void onBar(FootprintBar bar) {
            h = h * 31 + bar.delta() + bar.volume() + bar.close() + bar.levelCount();
        }
    }

    @Setup
    public void setup() {
        tape = EventTape.load();
        sink = new BarSink();
        nbbo = new NbboBuilder();
        signer = new TradeSigner(1 << 16, TradeSigner.NO_LAG);
        cvd = new CumulativeDelta();
        footprint = FootprintBarBuilder.time(BAR_NANOS, ROW, sink);
        quoteSource = tape.new Source(true);
        tradeSource = tape.new Source(false);

        // one pass recording the stage inputs
        int n = tape.n;
        long[] cts = new long[n], cb = new long[n], ca = new long[n];
        int[] order = new int[n];
        side = new byte[EventTape.TRADES];
        flags = new int[EventTape.TRADES];
        session = new int[EventTape.TRADES];
        int changes = 0, m = 0, k = 0;
        for (int i = 0; i < n; i++) {
            if (tape.kind[i] == EventTape.QUOTE) {
                tape.quote(i, q);
                if (nbbo.onQuote(q)) {
                    cts[changes] = q.tsEvent; cb[changes] = nbbo.bidPrice(); ca[changes] = nbbo.askPrice();
                    signer.onQuote(q.tsEvent, nbbo.bidPrice(), nbbo.askPrice());
                    order[m++] = -changes - 1;
                    changes++;
                }
            } else {
                tape.trade(i, t);
                session[k] = calendar.sessionKey(t.tsEvent);
                flags[k] = PrintFlags.ofConditions(t.conditions);
                side[k] = signer.classify(t) ? signer.leeReady() : Aggressor.UNKNOWN;
                order[m++] = i;
                k++;
            }
        }
        nbboTs = java.util.Arrays.copyOf(cts, changes);
        nbboBid = java.util.Arrays.copyOf(cb, changes);
        nbboAsk = java.util.Arrays.copyOf(ca, changes);
        signerOrder = java.util.Arrays.copyOf(order, m);
        long pipelineCheck = pipeline();
        if (pipelineCheck == 0) throw new IllegalStateException("empty pipeline result");
        TapeSink probe = new TapeSink();
        runTape(probe, true);
        System.out.printf("%n[FlowPipelineBench] %d events (%d quotes, %d trades), %d NBBO changes; TapeProcessor: %d bars,"
                + " %d alerts per pass%n", tape.n, EventTape.QUOTES, EventTape.TRADES, changes, probe.bars, probe.alerts);
    }

    /** The whole chain, events replayed from the in-memory arrays into reusable flyweights. */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long pipeline() {
        final EventTape tp = tape;
        nbbo.clear();
        signer.reset();
        long h = 0;
        for (int i = 0, n = tp.n; i < n; i++) {
            if (tp.kind[i] == EventTape.QUOTE) {
                tp.quote(i, q);
                if (nbbo.onQuote(q)) signer.onQuote(q.tsEvent, nbbo.bidPrice(), nbbo.askPrice());
            } else {
                tp.trade(i, t);
                h += onTrade(t);
            }
        }
        footprint.flush();
        return h + cvd.cvd() + sink.h + footprint.barsEmitted();
    }

    private long onTrade(TradeEvent tr) {
        int s = calendar.sessionKey(tr.tsEvent);
        int f = PrintFlags.ofConditions(tr.conditions);
        byte sd = signer.classify(tr) ? signer.leeReady() : Aggressor.UNKNOWN;
        long signed = cvd.onTrade(tr.size, sd, f, s);
        footprint.onTrade(tr.tsEvent, tr.price, tr.size, sd, f, s);
        return signed;
    }

    /** The same chain driven by the engine: {@link ReplayMerger} over two in-memory sources and virtual dispatch. */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long pipelineViaReplayMerger() {
        nbbo.clear();
        signer.reset();
        quoteSource.rewind();
        tradeSource.rewind();
        Handler handler = new Handler();
        long dispatched = new ReplayMerger(List.<EventSource>of(quoteSource, tradeSource), 0, new DataIssueLog())
                .run(handler);
        return dispatched + handler.h + cvd.cvd() + sink.h + footprint.barsEmitted();
    }

    private final class Handler implements MarketDataHandler {
        long h;

        @Override
        public void onQuote(QuoteEvent quote) {
            if (nbbo.onQuote(quote)) signer.onQuote(quote.tsEvent, nbbo.bidPrice(), nbbo.askPrice());
        }

        @Override
        public void onTrade(TradeEvent trade) { h += FlowPipelineBench.this.onTrade(trade); }

        @Override
        public void onEnd() { footprint.flush(); }
    }

    /**
     * The product pipeline {@link TapeProcessor} (NBBO, Lee-Ready signing, session CVD and VWAP, 5-minute footprint
     * bars with value area, block/sweep/absorption detectors) fed from the in-memory tape. It has no reset, so a new
     * processor is built per invocation (its construction, about 0.1 MB of arrays, is included in the time and in
     * the allocation per event).
     */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long tapeProcessor() {
        return runTape(new TapeSink(), true);
    }

    /** {@link #tapeProcessor()} without detectors: NBBO, signing, CVD, VWAP and footprint bars with value area. */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long tapeProcessorNoDetectors() {
        return runTape(new TapeSink(), false);
    }

    /** One long-lived processor with the default detectors for {@link #tapeProcessorSteady()}. */
    private final TapeSink steadySink = new TapeSink();
    private TapeProcessor steady;
    private long steadyShift;

    /**
     * {@link #tapeProcessor()} without construction: one processor lives across invocations and each pass replays
     * the tape one week (7 x 86,400 s) later than the previous one, so sessions, bars and windows advance as on
     * consecutive days of data; what it allocates is what the processor allocates per event (alerts included).
     */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long tapeProcessorSteady() {
        if (steady == null) steady = new TapeProcessor(tapeConfig, steadySink);
        final EventTape tp = tape;
        final long shift = steadyShift;
        steadyShift += 7 * 86_400_000_000_000L;
        for (int i = 0, n = tp.n; i < n; i++) {
            if (tp.kind[i] == EventTape.QUOTE) {
                tp.quote(i, q);
                q.tsEvent += shift;
                q.tsRecv += shift;
                steady.onQuote(q);
            } else {
                tp.trade(i, t);
                t.tsEvent += shift;
                t.tsRecv += shift;
                steady.onTrade(t);
            }
        }
        return steadySink.h + steady.unsignedPrints();
    }

    private long runTape(TapeSink out, boolean detectors) {
        final EventTape tp = tape;
        TapeProcessor proc = detectors ? new TapeProcessor(tapeConfig, out)
                : new TapeProcessor(tapeConfig, out, ins -> new dev.periscope.analytics.detect.TradeDetector[0]);
        for (int i = 0, n = tp.n; i < n; i++) {
            if (tp.kind[i] == EventTape.QUOTE) {
                tp.quote(i, q);
                proc.onQuote(q);
            } else {
                tp.trade(i, t);
                proc.onTrade(t);
            }
        }
        proc.onEnd();
        return out.h + proc.unsignedPrints();
    }

    private final TapeConfig tapeConfig = TapeConfig.defaults(NyseCalendar.instance());

    /** Folds every print row, bar and alert into a checksum. */
    static final class TapeSink implements TapeListener {
        long h;

        @Override
        public void onTrade(TradeEvent trade, TapeRow row) { h += row.side + row.cvd; }

        @Override
        public void onBar(FootprintBar bar, ValueArea.Result va, TapeRow atClose) { h = h * 31 + bar.delta(); bars++; }

        long alerts, bars;

        @Override
        public void onAlert(Alert alert) { h++; alerts++; }
    }

    /** Stage: replay only, every event copied into its flyweight and folded into a checksum. */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long stageReplay() {
        final EventTape tp = tape;
        long h = 0;
        for (int i = 0, n = tp.n; i < n; i++) {
            if (tp.kind[i] == EventTape.QUOTE) {
                tp.quote(i, q);
                h += q.bidPrice ^ q.askSize;
            } else {
                tp.trade(i, t);
                h += t.price ^ t.size;
            }
        }
        return h;
    }

    /** Stage: per-venue quotes into the NBBO builder (131,401 quotes; normalised per pipeline event). */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long stageNbbo() {
        final EventTape tp = tape;
        final int[] qi = tp.quoteIdx;
        nbbo.clear();
        long h = 0;
        for (int i : qi) {
            tp.quote(i, q);
            if (nbbo.onQuote(q)) h += nbbo.bidPrice() - nbbo.askSize();
        }
        return h;
    }

    /** Stage: NBBO changes into the signer's quote history and trades classified (precomputed NBBO). */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long stageSigner() {
        final EventTape tp = tape;
        signer.reset();
        long h = 0;
        for (int o : signerOrder) {
            if (o < 0) {
                int c = -o - 1;
                signer.onQuote(nbboTs[c], nbboBid[c], nbboAsk[c]);
            } else {
                tp.trade(o, t);
                if (signer.classify(t)) h += signer.leeReady();
            }
        }
        return h;
    }

    /** Stage: session key of every trade from the NYSE calendar and print flags from the sale conditions. */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long stageSessionAndFlags() {
        final EventTape tp = tape;
        long h = 0;
        for (int i : tp.tradeIdx) h += calendar.sessionKey(tp.ts[i]) + PrintFlags.ofConditions(tp.conditions[i]);
        return h;
    }

    /** Stage: cumulative delta of the trades (precomputed sides, flags, sessions). */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long stageCvd() {
        final EventTape tp = tape;
        final int[] ti = tp.tradeIdx;
        long h = 0;
        for (int k = 0; k < ti.length; k++) h += cvd.onTrade(tp.size[ti[k]], side[k], flags[k], session[k]);
        return h + cvd.cvd();
    }

    /** Stage: 1-minute footprint bars of the trades (precomputed sides, flags, sessions). */
    @Benchmark
    @OperationsPerInvocation(EventTape.EVENTS)
    public long stageFootprint() {
        final EventTape tp = tape;
        final int[] ti = tp.tradeIdx;
        for (int k = 0; k < ti.length; k++) {
            int i = ti[k];
            footprint.onTrade(tp.ts[i], tp.price[i], tp.size[i], side[k], flags[k], session[k]);
        }
        footprint.flush();
        return sink.h + footprint.barsEmitted();
    }
}
