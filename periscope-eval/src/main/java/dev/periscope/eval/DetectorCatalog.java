package dev.periscope.eval;

import dev.periscope.analytics.detect.Detector;
import dev.periscope.analytics.detect.IcebergL3Detector;
import dev.periscope.analytics.detect.IcebergTradeQuoteDetector;
import dev.periscope.analytics.detect.MetaOrderDetector;
import dev.periscope.analytics.detect.NaiveCancelRatioDetector;
import dev.periscope.analytics.detect.NaivePlaybookAbsorptionDetector;
import dev.periscope.analytics.detect.NaivePlaybookIcebergDetector;
import dev.periscope.analytics.detect.NaivePlaybookInstitutionalDetector;
import dev.periscope.analytics.detect.OrderEventDetector;
import dev.periscope.analytics.detect.QuoteDetector;
import dev.periscope.analytics.detect.SpoofingDetector;
import dev.periscope.analytics.detect.TradeDetector;
import dev.periscope.model.Instrument;
import dev.periscope.tape.TapeProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every detector {@code periscope detect-eval} and the demo run, one typed entry each: name, roles, factory of the
 * default instance (whose {@link Detector#params()} are the default parameters), the label kinds it is scored
 * against (or explicitly none), its naive baseline and its {@code --sweep} grids. Immutable.
 *
 * <p>Entries are in replay order: print detectors first, then L3 order-event detectors (docs/detect-eval.md).
 */
public final class DetectorCatalog {
    /** The kinds of events a detector reads. */
    public enum Role { TRADE, QUOTE, ORDER }

    /**
     * One detector.
     *
     * @param name       name carried in its alerts
     * @param roles      what it reads; the built instance implements exactly these roles
     * @param factory    the default instance for an instrument
     * @param scoring    the label kinds an alert may match and how sides compare; empty = no label kind (alarm
     *                   rate only)
     * @param baseline   the naive baseline it is compared with, if any
     * @param grids      the {@code --sweep} parameter grids (may be empty)
     */
    public record Entry(String name, Set<Role> roles, Function<Instrument, Detector> factory,
                       Optional<KindMapping.Rule> scoring, Optional<String> baseline, Supplier<List<Grid>> grids) {
        public Entry {
            Objects.requireNonNull(name, "name");
            roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(scoring, "scoring");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(grids, "grids");
            scoring.ifPresent(r -> {
                if (!r.detector().equals(name)) throw new IllegalArgumentException("rule of " + r.detector() + " on " + name);
            });
        }

        /** The default instance for {@code instrument}. */
        public Detector build(Instrument instrument) { return factory.apply(instrument); }

        /** The default-instance spec for a replay. */
        public DetectorSlots.Spec spec() { return new DetectorSlots.Spec(name, "", factory); }

        public boolean has(Role role) { return roles.contains(role); }
    }

    /** One parameter grid of {@code --sweep}: variants of one detector over one (compound) parameter. */
    public record Grid(String detector, String parameter, List<DetectorSlots.Spec> variants) {}

    /** The roles {@code d} implements. */
    public static Set<Role> rolesOf(Detector d) {
        EnumSet<Role> r = EnumSet.noneOf(Role.class);
        if (d instanceof TradeDetector) r.add(Role.TRADE);
        if (d instanceof QuoteDetector) r.add(Role.QUOTE);
        if (d instanceof OrderEventDetector) r.add(Role.ORDER);
        return r;
    }

    /** Every detector with its documented default parameters (block/sweep/absorption/divergence as the tape runs them). */
    public static final DetectorCatalog DEFAULT = new DetectorCatalog(List.of(
            trade("block", tape("block"), rule("block", SideRelation.IGNORE, "block", "off-exchange-block"), null, SweepGrids::block),
            trade("sweep", tape("sweep"), rule("sweep", SideRelation.SAME, "sweep"), PlaybookSweepBaseline.NAME, SweepGrids::sweep),
            trade("absorption", tape("absorption"), rule("absorption", SideRelation.OPPOSITE, "absorption"),
                    "naive-playbook-absorption", SweepGrids::absorption),
            trade("delta-divergence", tape("delta-divergence"), null, null, List::of),
            new Entry("iceberg-taq", EnumSet.of(Role.TRADE, Role.QUOTE), i -> new IcebergTradeQuoteDetector(),
                    Optional.of(rule("iceberg-taq", SideRelation.OPPOSITE, "iceberg")), Optional.of("naive-playbook-iceberg"),
                    SweepGrids::icebergTaq),
            trade("meta-order", i -> new MetaOrderDetector(), rule("meta-order", SideRelation.SAME, "meta-order"),
                    "naive-playbook-accumulation", SweepGrids::metaOrder),
            trade("naive-playbook-iceberg", i -> new NaivePlaybookIcebergDetector(),
                    rule("naive-playbook-iceberg", SideRelation.OPPOSITE, "iceberg"), null, SweepGrids::naiveIceberg),
            trade(PlaybookSweepBaseline.NAME, i -> new PlaybookSweepBaseline(),
                    rule(PlaybookSweepBaseline.NAME, SideRelation.SAME, "sweep"), null, SweepGrids::playbookSweep),
            trade("naive-playbook-accumulation", i -> new NaivePlaybookInstitutionalDetector(),
                    rule("naive-playbook-accumulation", SideRelation.SAME, "meta-order"), null, List::of),
            trade("naive-playbook-absorption", i -> new NaivePlaybookAbsorptionDetector(),
                    rule("naive-playbook-absorption", SideRelation.OPPOSITE, "absorption"), null, List::of),
            order("iceberg-l3", i -> new IcebergL3Detector(), rule("iceberg-l3", SideRelation.OPPOSITE, "iceberg"),
                    "naive-playbook-iceberg", SweepGrids::icebergL3),
            order("spoofing", i -> new SpoofingDetector(), rule("spoofing", SideRelation.SAME, "spoof", "layering"),
                    "naive-cancel-ratio", SweepGrids::spoofing),
            order("naive-cancel-ratio", i -> new NaiveCancelRatioDetector(),
                    rule("naive-cancel-ratio", SideRelation.SAME, "spoof", "layering"), null, SweepGrids::cancelRatio)),
            // report orders (docs/detect-eval.md): baseline comparisons, then --sweep grids
            List.of("iceberg-l3", "iceberg-taq", "spoofing", "sweep", "meta-order", "absorption"),
            List.of("block", "sweep", "absorption", "iceberg-l3", "iceberg-taq", "spoofing", "meta-order",
                    "naive-playbook-iceberg", PlaybookSweepBaseline.NAME, "naive-cancel-ratio"));

    private final Map<String, Entry> entries;
    private final List<Entry> compared, swept;
    private final KindMapping mapping;

    private DetectorCatalog(List<Entry> list, List<String> comparisonOrder, List<String> sweepOrder) {
        Map<String, Entry> m = new LinkedHashMap<>();
        List<KindMapping.Rule> rules = new ArrayList<>();
        for (Entry e : list) {
            if (m.put(e.name(), e) != null) throw new IllegalArgumentException("duplicate detector " + e.name());
            e.scoring().ifPresent(rules::add);
        }
        entries = Collections.unmodifiableMap(m);
        List<Entry> c = new ArrayList<>();
        for (String n : comparisonOrder) c.add(entry(n));
        for (Entry e : list) {
            e.baseline().ifPresent(b -> {
                if (!m.containsKey(b)) throw new IllegalArgumentException("unknown baseline " + b + " of " + e.name());
                if (!comparisonOrder.contains(e.name())) throw new IllegalArgumentException("no comparison slot for " + e.name());
            });
        }
        compared = List.copyOf(c);
        List<Entry> w = new ArrayList<>();
        for (String n : sweepOrder) w.add(entry(n));
        for (Entry e : list) {
            if (!sweepOrder.contains(e.name()) && !e.grids().get().isEmpty())
                throw new IllegalArgumentException("no sweep slot for " + e.name());
        }
        swept = List.copyOf(w);
        mapping = KindMapping.of(rules.toArray(new KindMapping.Rule[0]));
    }

    private static Entry trade(String name, Function<Instrument, Detector> f, KindMapping.Rule rule, String baseline,
                               Supplier<List<Grid>> grids) {
        return new Entry(name, EnumSet.of(Role.TRADE), f, Optional.ofNullable(rule), Optional.ofNullable(baseline), grids);
    }

    private static Entry order(String name, Function<Instrument, Detector> f, KindMapping.Rule rule, String baseline,
                               Supplier<List<Grid>> grids) {
        return new Entry(name, EnumSet.of(Role.ORDER), f, Optional.ofNullable(rule), Optional.ofNullable(baseline), grids);
    }

    private static KindMapping.Rule rule(String detector, SideRelation sides, String... labelKinds) {
        return new KindMapping.Rule(detector, Set.of(labelKinds), sides);
    }

    /** One of the tape's default detectors, by name. */
    private static Function<Instrument, Detector> tape(String name) {
        return inst -> {
            for (Detector d : TapeProcessor.defaultDetectors(inst)) if (d.name().equals(name)) return d;
            throw new IllegalStateException("no default " + name);
        };
    }

    /** Entries in replay order. */
    public List<Entry> entries() { return List.copyOf(entries.values()); }

    /** Names in replay order. */
    public List<String> names() { return List.copyOf(entries.keySet()); }

    /** Names of the entries that take {@code role}, in replay order. */
    public List<String> names(Role role) {
        List<String> l = new ArrayList<>();
        for (Entry e : entries.values()) if (e.has(role)) l.add(e.name());
        return l;
    }

    /** The entry named {@code name}; an unknown name is an error that lists the valid ones. */
    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) throw new IllegalArgumentException("unknown detector '" + name + "': one of " + names());
        return e;
    }

    public boolean contains(String name) { return entries.containsKey(name); }

    /** Which labels each scored detector is matched against. */
    public KindMapping mapping() { return mapping; }

    /** Detectors that have a naive baseline, in the order the scorecard compares them. */
    public List<Entry> comparedWithBaselines() { return compared; }

    /** Every grid of every entry, in report order. */
    public List<Grid> grids() {
        List<Grid> g = new ArrayList<>();
        for (Entry e : swept) g.addAll(e.grids().get());
        return g;
    }
}
