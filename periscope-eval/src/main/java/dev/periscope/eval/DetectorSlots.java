package dev.periscope.eval;

import dev.periscope.analytics.detect.AbsorptionDetector;
import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.detect.AlertCollector;
import dev.periscope.analytics.detect.AlertSink;
import dev.periscope.analytics.detect.BlockDetector;
import dev.periscope.analytics.detect.IcebergL3Detector;
import dev.periscope.analytics.detect.IcebergTradeQuoteDetector;
import dev.periscope.analytics.detect.MetaOrderDetector;
import dev.periscope.analytics.detect.NaiveCancelRatioDetector;
import dev.periscope.analytics.detect.NaivePlaybookAbsorptionDetector;
import dev.periscope.analytics.detect.NaivePlaybookIcebergDetector;
import dev.periscope.analytics.detect.NaivePlaybookInstitutionalDetector;
import dev.periscope.analytics.detect.OrderEventDetector;
import dev.periscope.analytics.detect.SpoofingDetector;
import dev.periscope.analytics.detect.SweepDetector;
import dev.periscope.analytics.detect.TradeDetector;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;
import dev.periscope.model.Instrument;
import dev.periscope.model.Px;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.time.TradingCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The detectors {@code periscope detect-eval} runs, each instance in a <em>slot</em> with its own alert list, and
 * the replay pipeline that feeds them: prints through the {@link TapeProcessor} (signing against the NBBO, session
 * keys from the calendar), venue quotes to {@code iceberg-taq}, and one venue's L3 {@link OrderEvent}s to the
 * order-event detectors. Several instances of one detector (parameter variants of a sweep) can run in one replay.
 */
public final class DetectorSlots {
    /** Trade detectors, in the order they are fed. */
    public static final List<String> TRADE = List.of("block", "sweep", "absorption", "delta-divergence", "iceberg-taq",
            "meta-order", "naive-playbook-iceberg", PlaybookSweepBaseline.NAME, "naive-playbook-accumulation",
            "naive-playbook-absorption");
    /** Order-event (L3) detectors. */
    public static final List<String> ORDER = List.of("iceberg-l3", "spoofing", "naive-cancel-ratio");

    /**
     * One detector instance to build per replay.
     *
     * @param detector detector name
     * @param value    parameter value of a sweep variant, "" for the default
     * @param factory  builds the instance (a {@link TradeDetector} or {@link OrderEventDetector}) for an instrument
     */
    public record Spec(String detector, String value, Function<Instrument, Object> factory) {}

    /** A built instance and its alerts. */
    public static final class Slot {
        final Spec spec;
        final Object instance;
        final AlertCollector out = new AlertCollector();

        Slot(Spec spec, Object instance) {
            this.spec = spec;
            this.instance = instance;
        }

        public String detector() { return spec.detector(); }

        public String value() { return spec.value(); }

        public List<Alert> alerts() { return out.alerts(); }
    }

    private DetectorSlots() {}

    /** All names, trade detectors first. */
    public static List<String> all() {
        List<String> l = new ArrayList<>(TRADE);
        l.addAll(ORDER);
        return l;
    }

    /** The default instance of {@code name} (documented default parameters; block/sweep/absorption/divergence as the tape runs them). */
    public static Spec defaults(String name) {
        Function<Instrument, Object> f = switch (name) {
            case "block", "sweep", "absorption", "delta-divergence" -> inst -> {
                for (TradeDetector d : TapeProcessor.defaultDetectors(inst)) if (d.name().equals(name)) return d;
                throw new IllegalStateException("no default " + name);
            };
            case "iceberg-taq" -> inst -> new IcebergTradeQuoteDetector();
            case "meta-order" -> inst -> new MetaOrderDetector();
            case "naive-playbook-iceberg" -> inst -> new NaivePlaybookIcebergDetector();
            case PlaybookSweepBaseline.NAME -> inst -> new PlaybookSweepBaseline();
            case "naive-playbook-accumulation" -> inst -> new NaivePlaybookInstitutionalDetector();
            case "naive-playbook-absorption" -> inst -> new NaivePlaybookAbsorptionDetector();
            case "iceberg-l3" -> inst -> new IcebergL3Detector();
            case "spoofing" -> inst -> new SpoofingDetector();
            case "naive-cancel-ratio" -> inst -> new NaiveCancelRatioDetector();
            default -> throw new IllegalArgumentException("unknown detector '" + name + "': one of " + all());
        };
        return new Spec(name, "", f);
    }

    /** One parameter grid of {@code --sweep}. */
    public record Grid(String detector, String parameter, List<Spec> variants) {}

    /** The main parameter of each detector and 3-5 values around its default (docs/detect-eval.md). */
    public static List<Grid> grids() {
        List<Grid> g = new ArrayList<>();
        long nonRegBlock = BlockDetector.Params.US_EQUITY.excludedConditions();
        g.add(grid("block", "minSize(sh)", new String[]{"2000", "5000", "10000", "20000", "50000"},
                v -> inst -> new BlockDetector(new BlockDetector.Params(Px.ofUnits(Long.parseLong(v)), 0, 0, 20, 5, nonRegBlock))));
        g.add(grid("sweep", "window(ms)", new String[]{"10", "25", "50", "100", "250"},
                v -> inst -> new SweepDetector(SweepDetector.Params.DEFAULT.withWindow(Long.parseLong(v) * 1_000_000L))));
        g.add(grid("sweep", "minTotalSize(sh)/minVenues/minLevels/isoMinLevels/isoOnly", new String[]{"0/2/3/2/n",
                        "2000/3/3/3/n", "4000/3/3/3/n", "5000/3/3/3/n", "5000/3/3/3/y", "5000/5/5/5/n", "6000/3/3/3/n",
                        "8000/3/3/3/n", "10000/3/3/3/n"},
                v -> inst -> {
                    String[] a = v.split("/");
                    return new SweepDetector(SweepDetector.Params.DEFAULT.withMinTotalSize(Px.ofUnits(Long.parseLong(a[0])))
                            .withMinVenues(Integer.parseInt(a[1])).withMinLevels(Integer.parseInt(a[2]))
                            .withIsoMinLevels(Integer.parseInt(a[3])).withIsoOnly(a[4].equals("y")));
                }));
        long absEx = AbsorptionDetector.Params.DEFAULT.excludedConditions();
        g.add(grid("absorption", "relFactor", new String[]{"0.5", "1.0", "2.0", "3.0", "5.0"},
                v -> inst -> new AbsorptionDetector(new AbsorptionDetector.Params(60_000_000_000L, inst.tickSize(), 1,
                        Px.ofUnits(5_000), Double.parseDouble(v), 10, 2, absEx))));
        g.add(grid("absorption", "window(s)/relFactor/minAbsDelta(sh)", new String[]{"60/1.0/5000", "60/0.5/5000",
                        "30/1.0/5000", "30/0.5/5000", "20/1.0/5000", "20/0.5/3000", "10/1.0/3000", "10/0.5/2000", "30/0.75/5000"},
                v -> inst -> {
                    String[] a = v.split("/");
                    return new AbsorptionDetector(new AbsorptionDetector.Params(Long.parseLong(a[0]) * 1_000_000_000L,
                            inst.tickSize(), 1, Px.ofUnits(Long.parseLong(a[2])), Double.parseDouble(a[1]), 10, 2, absEx));
                }));
        IcebergL3Detector.Params l3 = IcebergL3Detector.Params.DEFAULT;
        g.add(grid("iceberg-l3", "minRefills", new String[]{"1", "2", "3", "5", "8"},
                v -> inst -> new IcebergL3Detector(new IcebergL3Detector.Params(l3.refillDelayNanos(), l3.sizeTolerance(),
                        Integer.parseInt(v), l3.hiddenFactor(), l3.minHiddenQty(), l3.maxGapNanos()))));
        IcebergTradeQuoteDetector.Params tq = IcebergTradeQuoteDetector.Params.DEFAULT;
        g.add(grid("iceberg-taq", "factor", new String[]{"1.5", "2.0", "3.0", "5.0", "8.0"},
                v -> inst -> new IcebergTradeQuoteDetector(new IcebergTradeQuoteDetector.Params(tq.nbbo(), Double.parseDouble(v),
                        tq.minRefreshes(), tq.minPrints(), tq.maxGapNanos(), tq.excludedConditions()))));
        SpoofingDetector.Params sp = SpoofingDetector.Params.DEFAULT;
        g.add(grid("spoofing", "sizeMultiple", new String[]{"2.0", "3.0", "5.0", "8.0", "12.0"},
                v -> inst -> new SpoofingDetector(new SpoofingDetector.Params(sp.tickSize(), sp.minDistanceTicks(),
                        Double.parseDouble(v), sp.minAbsSize(), sp.depthLevels(), sp.minMedianLevels(), sp.maxLifetimeNanos(),
                        sp.cancelAfterTradeNanos(), sp.maxFillRatio(), sp.minLayers(), sp.maxLayerGapTicks(),
                        sp.layerWindowNanos()))));
        MetaOrderDetector.Params mo = MetaOrderDetector.Params.DEFAULT;
        g.add(grid("meta-order", "zEnter", new String[]{"2.0", "2.5", "3.0", "4.0", "5.0"},
                v -> inst -> new MetaOrderDetector(new MetaOrderDetector.Params(mo.windowNanos(), mo.bucketNanos(),
                        Double.parseDouble(v), Math.min(mo.zExit(), Double.parseDouble(v)), mo.minBaselineSamples(),
                        mo.minPrints(), mo.minDominantShare(), mo.maxPrintSize(), mo.excludedConditions()))));
        g.add(grid("meta-order", "window(min)/minBaselineSamples/minDominantShare", new String[]{"30/20/0.55", "30/5/0.55",
                        "30/20/0.5", "10/20/0.55", "10/5/0.5", "60/5/0.5", "5/10/0.5"},
                v -> inst -> {
                    String[] a = v.split("/");
                    return new MetaOrderDetector(new MetaOrderDetector.Params(Long.parseLong(a[0]) * 60_000_000_000L,
                            mo.bucketNanos(), mo.zEnter(), mo.zExit(), Integer.parseInt(a[1]), mo.minPrints(),
                            Double.parseDouble(a[2]), mo.maxPrintSize(), mo.excludedConditions()));
                }));
        NaivePlaybookIcebergDetector.Params nb = NaivePlaybookIcebergDetector.Params.DEFAULT;
        g.add(grid("naive-playbook-iceberg", "minTrades", new String[]{"5", "10", "20"},
                v -> inst -> new NaivePlaybookIcebergDetector(new NaivePlaybookIcebergDetector.Params(nb.windowNanos(),
                        Integer.parseInt(v), nb.maxCv(), nb.maxMeanSize(), nb.excludedConditions()))));
        g.add(grid(PlaybookSweepBaseline.NAME, "minSize(sh)", new String[]{"5000", "10000", "20000"},
                v -> inst -> new PlaybookSweepBaseline(1_000_000_000L, 3, Px.ofUnits(Long.parseLong(v)))));
        g.add(grid("naive-cancel-ratio", "minCancelRatio", new String[]{"0.5", "0.9", "1.0"},
                v -> inst -> new NaiveCancelRatioDetector(new NaiveCancelRatioDetector.Params(Double.parseDouble(v), 0))));
        return g;
    }

    private static Grid grid(String det, String param, String[] values, Function<String, Function<Instrument, Object>> f) {
        List<Spec> l = new ArrayList<>();
        for (String v : values) l.add(new Spec(det, v, f.apply(v)));
        return new Grid(det, param, List.copyOf(l));
    }

    /**
     * The replay pipeline for one data set of a single instrument: a {@link MarketDataHandler} to pass to the
     * {@link dev.periscope.replay.ReplayMerger}. Slots are built on the first event from its instrument.
     */
    public static final class Pipeline implements MarketDataHandler {
        private final TradingCalendar calendar;
        private final char l3Venue;
        private final List<Spec> specs;
        private final List<Slot> slots = new ArrayList<>();
        private final List<Slot> orderSlots = new ArrayList<>();
        private final List<Slot> quoteSlots = new ArrayList<>();
        private final TapeProcessor tape;
        private Instrument instrument;

        /**
         * @param l3Venue venue whose order events feed the L3 detectors; {@code '\0'} = every order event
         * @param regularHoursOnly prints outside regular hours update nothing (real data); else every session print
         */
        public Pipeline(TradingCalendar calendar, char l3Venue, List<Spec> specs, boolean regularHoursOnly) {
            this.calendar = calendar;
            this.l3Venue = l3Venue;
            this.specs = List.copyOf(specs);
            this.tape = new TapeProcessor(TapeConfig.defaults(calendar).withRegularHoursOnly(regularHoursOnly),
                    new TapeListener() {}, this::tradeDetectors);
        }

        private void build(Instrument inst) {
            if (instrument != null) {
                if (!instrument.equals(inst)) throw new IllegalArgumentException("one instrument per replay: " + instrument + " and " + inst);
                return;
            }
            instrument = inst;
            for (Spec s : specs) {
                Slot slot = new Slot(s, s.factory().apply(inst));
                slots.add(slot);
                if (slot.instance instanceof OrderEventDetector) orderSlots.add(slot);
                if (slot.instance instanceof IcebergTradeQuoteDetector) quoteSlots.add(slot);
            }
        }

        private TradeDetector[] tradeDetectors(Instrument inst) {
            build(inst);
            List<TradeDetector> l = new ArrayList<>();
            for (Slot s : slots) if (s.instance instanceof TradeDetector d) l.add(new Routed(d, s.out));
            return l.toArray(new TradeDetector[0]);
        }

        /** Slots in spec order (empty before the first event). */
        public List<Slot> slots() { return slots; }

        public TapeProcessor tape() { return tape; }

        @Override
        public void onTrade(TradeEvent t) {
            tape.onTrade(t);
        }

        @Override
        public void onQuote(QuoteEvent q) {
            tape.onQuote(q);
            build(q.instrument);
            if (quoteSlots.isEmpty()) return;
            int key = calendar.sessionKey(q.tsEvent);
            if (key < 0) return;
            for (Slot s : quoteSlots) {
                ((IcebergTradeQuoteDetector) s.instance).onQuote(key, q.tsEvent, q.venue, q.bidPrice, q.bidSize,
                        q.askPrice, q.askSize, s.out);
            }
        }

        @Override
        public void onOrder(OrderEvent e) {
            build(e.instrument);
            if (l3Venue != 0 && e.venue != l3Venue && e.venue != 0) return;
            int key = calendar.sessionKey(e.tsEvent);
            if (key < 0) return;
            for (Slot s : orderSlots) ((OrderEventDetector) s.instance).onOrder(key, e, s.out);
        }

        @Override
        public void onEnd() {
            tape.onEnd();   // flushes the trade detectors, iceberg-taq included
            for (Slot s : orderSlots) ((OrderEventDetector) s.instance).flush(s.out);
        }
    }

    /** A trade detector whose alerts go to its own slot rather than the tape's listener. */
    private record Routed(TradeDetector d, AlertSink out) implements TradeDetector {
        @Override public String name() { return d.name(); }

        @Override public String params() { return d.params(); }

        @Override
        public void onTrade(long session, long ts, long price, long size, char venue, long conditions, byte aggressor,
                            long bid, long ask, AlertSink ignored) {
            d.onTrade(session, ts, price, size, venue, conditions, aggressor, bid, ask, out);
        }

        @Override public void flush(AlertSink ignored) { d.flush(out); }
    }
}
