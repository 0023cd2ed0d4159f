package dev.periscope.eval;

import dev.periscope.analytics.detect.Detector;
import dev.periscope.model.Instrument;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorCatalogTest {
    private static final DetectorCatalog C = DetectorCatalog.DEFAULT;
    private static final Instrument XYZ = Instrument.usEquity("XYZ");

    @Test
    void everyEntryBuildsADetectorOfItsNameWithExactlyItsRoles() {
        for (DetectorCatalog.Entry e : C.entries()) {
            Detector d = e.build(XYZ);
            assertThat(d.name()).as(e.name()).isEqualTo(e.name());
            assertThat(d.params()).as(e.name()).isNotBlank();
            assertThat(DetectorCatalog.rolesOf(d)).as(e.name()).isEqualTo(e.roles());
            assertThat(e.build(XYZ)).as(e.name() + ": a new instance per build").isNotSameAs(d);
        }
        assertThat(C.entry("iceberg-taq").roles()).containsExactlyInAnyOrder(DetectorCatalog.Role.TRADE, DetectorCatalog.Role.QUOTE);
    }

    @Test
    void namesAreUniqueAndInReplayOrder() {
        List<String> names = C.names();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).containsExactly("block", "sweep", "absorption", "delta-divergence", "iceberg-taq", "meta-order",
                "naive-playbook-iceberg", PlaybookSweepBaseline.NAME, "naive-playbook-accumulation",
                "naive-playbook-absorption", "iceberg-l3", "spoofing", "naive-cancel-ratio");
        assertThat(C.names(DetectorCatalog.Role.ORDER)).containsExactly("iceberg-l3", "spoofing", "naive-cancel-ratio");
    }

    @Test
    void everyEntryHasALabelKindOrExplicitlyNone() {
        for (DetectorCatalog.Entry e : C.entries()) {
            if (e.name().equals("delta-divergence")) assertThat(e.scoring()).as(e.name()).isEmpty();
            else assertThat(e.scoring().orElseThrow().labelKinds()).as(e.name()).isNotEmpty();
        }
        KindMapping m = C.mapping();
        assertThat(m.rule("block").labelKinds()).containsExactly("block", "off-exchange-block");
        assertThat(m.rule("block").sides()).isEqualTo(SideRelation.IGNORE);   // planted blocks cross at the midpoint
        assertThat(m.rule("absorption").sides()).isEqualTo(SideRelation.OPPOSITE);
        assertThat(m.rule("iceberg-taq").labelKinds()).containsExactly("iceberg");
        assertThat(m.rule("spoofing").labelKinds()).containsExactly("layering", "spoof");
        assertThat(m.rule("meta-order").sides()).isEqualTo(SideRelation.SAME);
        assertThat(m.rule("delta-divergence")).isNull();
        assertThat(m.rules()).hasSize(C.names().size() - 1);
    }

    @Test
    void baselinesExistInTheCatalogAndAreScoredOnTheSameLabels() {
        Set<String> withBaseline = new HashSet<>();
        for (DetectorCatalog.Entry e : C.comparedWithBaselines()) {
            String b = e.baseline().orElseThrow();
            withBaseline.add(e.name());
            assertThat(C.contains(b)).as(b).isTrue();
            assertThat(C.entry(b).scoring().orElseThrow().labelKinds()).as(e.name() + " vs " + b)
                    .containsAnyElementsOf(e.scoring().orElseThrow().labelKinds());
        }
        assertThat(withBaseline).containsExactlyInAnyOrder("iceberg-l3", "iceberg-taq", "spoofing", "sweep", "meta-order", "absorption");
        assertThat(C.entry("block").baseline()).isEmpty();
    }

    @Test
    void gridsBuildTheirDetectorAndDifferInParameters() {
        assertThat(C.grids()).extracting(DetectorCatalog.Grid::detector).containsExactly("block", "sweep", "sweep",
                "absorption", "absorption", "iceberg-l3", "iceberg-taq", "spoofing", "meta-order", "meta-order",
                "naive-playbook-iceberg", PlaybookSweepBaseline.NAME, "naive-cancel-ratio");
        for (DetectorCatalog.Grid g : C.grids()) {
            Set<String> params = new HashSet<>();
            for (DetectorSlots.Spec v : g.variants()) {
                Detector d = v.factory().apply(XYZ);
                assertThat(d.name()).isEqualTo(g.detector());
                params.add(d.params());
            }
            assertThat(params).as(g.detector() + " " + g.parameter()).hasSameSizeAs(g.variants());
        }
    }

    @Test
    void anUnknownNameIsAnErrorListingTheValidOnes() {
        assertThatThrownBy(() -> C.entry("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown detector 'nope'").hasMessageContaining("spoofing")
                .hasMessageContaining("naive-cancel-ratio");
    }
}
