package dev.periscope.eval;

import dev.periscope.analytics.detect.Alert;
import dev.periscope.analytics.detect.AlertCollector;
import dev.periscope.analytics.detect.AlertSink;
import dev.periscope.analytics.detect.Detector;
import dev.periscope.analytics.detect.DetectorSet;
import dev.periscope.model.Instrument;
import dev.periscope.model.event.MarketDataHandler;
import dev.periscope.model.event.OrderEvent;
import dev.periscope.model.event.QuoteEvent;
import dev.periscope.model.event.TradeEvent;
import dev.periscope.model.time.TradingCalendar;
import dev.periscope.tape.TapeConfig;
import dev.periscope.tape.TapeListener;
import dev.periscope.tape.TapeProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Detector instances in <em>slots</em>, each with its own alert list, and the replay that feeds them: one
 * {@link TapeProcessor} (market state, signing against the NBBO, session keys from the calendar) whose detector set
 * routes each slot's alerts to the slot; every detector gets the roles it takes (prints, quotes, one venue's L3
 * {@link OrderEvent}s). Several instances of one detector (parameter variants of a sweep) can run in one replay.
 * Which detectors exist and their defaults: {@link DetectorCatalog}.
 */
public final class DetectorSlots {
    /**
     * One detector instance to build per replay.
     *
     * @param detector detector name
     * @param value    parameter value of a sweep variant, "" for the default
     * @param factory  builds the instance for an instrument
     */
    public record Spec(String detector, String value, Function<Instrument, Detector> factory) {}

    /** A built instance and its alerts. */
    public static final class Slot {
        final Spec spec;
        final Detector instance;
        final AlertCollector out = new AlertCollector();

        Slot(Spec spec, Detector instance) {
            this.spec = spec;
            this.instance = instance;
        }

        public String detector() { return spec.detector(); }

        public String value() { return spec.value(); }

        public List<Alert> alerts() { return out.alerts(); }
    }

    private DetectorSlots() {}

    /** The default specs of {@code names} from the catalog (an unknown name is an error listing the valid ones). */
    public static List<Spec> defaults(DetectorCatalog catalog, List<String> names) {
        List<Spec> l = new ArrayList<>();
        for (String n : names) l.add(catalog.entry(n).spec());
        return l;
    }

    /**
     * The replay pipeline for one data set of a single instrument: a {@link MarketDataHandler} to pass to the
     * {@link dev.periscope.replay.ReplayMerger}. Slots are built on the first event from its instrument.
     */
    public static final class Pipeline implements MarketDataHandler {
        private final List<Spec> specs;
        private final List<Slot> slots = new ArrayList<>();
        private final TapeProcessor tape;
        private Instrument instrument;

        /**
         * @param l3Venue venue whose order events feed the L3 detectors; {@code '\0'} = every order event
         * @param regularHoursOnly prints outside regular hours update nothing (real data); else every session print
         */
        public Pipeline(TradingCalendar calendar, char l3Venue, List<Spec> specs, boolean regularHoursOnly) {
            this.specs = List.copyOf(specs);
            this.tape = new TapeProcessor(TapeConfig.defaults(calendar).withRegularHoursOnly(regularHoursOnly)
                    .withL3Venue(l3Venue), new TapeListener() {}, this::detectorSet);
        }

        private DetectorSet detectorSet(Instrument inst, AlertSink ignored) {
            if (instrument != null) throw new IllegalArgumentException("one instrument per replay: " + instrument + " and " + inst);
            instrument = inst;
            List<Detector> ds = new ArrayList<>();
            List<AlertSink> sinks = new ArrayList<>();
            for (Spec s : specs) {
                Slot slot = new Slot(s, s.factory().apply(inst));
                slots.add(slot);
                ds.add(slot.instance);
                sinks.add(slot.out);
            }
            return new DetectorSet(ds, sinks);
        }

        /** Slots in spec order (empty before the first event). */
        public List<Slot> slots() { return slots; }

        public TapeProcessor tape() { return tape; }

        @Override public void onTrade(TradeEvent t) { tape.onTrade(t); }

        @Override public void onQuote(QuoteEvent q) { tape.onQuote(q); }

        @Override public void onOrder(OrderEvent e) { tape.onOrder(e); }

        /** Flushes every slot's detector, in spec order. */
        @Override public void onEnd() { tape.onEnd(); }
    }
}
