package dev.periscope.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which label kinds each detector is scored against, and how sides compare (the detectors' own rules are in
 * {@link DetectorCatalog}). Immutable; detectors iterate in name order. A detector absent from the mapping is not scored; a label kind no detector maps to is not counted.
 */
public final class KindMapping {
    /**
     * One detector's rule.
     *
     * @param detector   detector name as in {@link dev.periscope.analytics.detect.Alert#detector}
     * @param labelKinds label kinds an alert of this detector may match (sorted, non-empty)
     * @param sides      how alert side and label side compare
     */
    public record Rule(String detector, Set<String> labelKinds, SideRelation sides) {
        public Rule {
            Objects.requireNonNull(detector, "detector");
            Objects.requireNonNull(sides, "sides");
            if (detector.isEmpty()) throw new IllegalArgumentException("empty detector name");
            if (labelKinds.isEmpty()) throw new IllegalArgumentException("no label kinds for " + detector);
            labelKinds = Collections.unmodifiableSet(new TreeSet<>(labelKinds));
        }
    }

    private final Map<String, Rule> rules;

    private KindMapping(List<Rule> list) {
        Map<String, Rule> m = new TreeMap<>();
        for (Rule r : list) {
            if (m.put(r.detector(), r) != null) throw new IllegalArgumentException("duplicate rule for " + r.detector());
        }
        rules = Collections.unmodifiableMap(m);
    }

    public static KindMapping of(Rule... rules) {
        return new KindMapping(List.of(rules));
    }

    /** A mapping with one rule: {@code detector} ↔ {@code labelKinds}. */
    public static KindMapping of(String detector, SideRelation sides, String... labelKinds) {
        return of(new Rule(detector, Set.of(labelKinds), sides));
    }

    /** This mapping plus (or with a replaced) rule for {@code detector}. */
    public KindMapping with(String detector, SideRelation sides, String... labelKinds) {
        List<Rule> l = new ArrayList<>();
        for (Rule r : rules.values()) if (!r.detector().equals(detector)) l.add(r);
        l.add(new Rule(detector, Set.of(labelKinds), sides));
        return new KindMapping(l);
    }

    /** The rule for {@code detector}, or null if it is not scored. */
    public Rule rule(String detector) {
        return rules.get(detector);
    }

    /** Rules in detector-name order. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : rules.values()) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(r.detector()).append("->").append(String.join("|", r.labelKinds())).append(" (")
                    .append(r.sides().name().toLowerCase(java.util.Locale.ROOT)).append(" side)");
        }
        return sb.toString();
    }
}
