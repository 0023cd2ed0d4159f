package dev.periscope.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph of the README's ARCHITECTURE section, enforced on the compiled classes:
 * model → book → {analytics, options, io, sim} → replay + tape → {eval, engine} → app. Each layer may use only the layers
 * listed for it; everything else, and anything in {@code app}, is forbidden.
 */
class LayeringTest {
    /** Layer (top-level package under dev.periscope) → the layers it may depend on. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("testkit", Set.of());  // test helpers: no production layer may use them
        ALLOWED.put("model", Set.of());
        ALLOWED.put("book", Set.of("model"));
        ALLOWED.put("analytics", Set.of("model", "book"));
        ALLOWED.put("options", Set.of("model", "book"));  // pricing maths, beside analytics
        ALLOWED.put("io", Set.of("model", "book"));
        ALLOWED.put("sim", Set.of("model", "book"));
        ALLOWED.put("replay", Set.of("model", "book", "io", "sim"));
        ALLOWED.put("tape", Set.of("model", "book", "analytics", "io"));
        ALLOWED.put("eval", Set.of("model", "book", "analytics", "options", "io", "sim", "replay", "tape"));
        ALLOWED.put("engine", Set.of("model", "book", "analytics", "options", "io", "sim", "replay", "tape"));
        ALLOWED.put("app", Set.of("model", "book", "analytics", "options", "io", "sim", "replay", "tape", "eval", "engine"));
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.periscope");
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        for (var e : ALLOWED.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : ALLOWED.keySet())
                if (!other.equals(e.getKey()) && !e.getValue().contains(other)) forbidden.add("dev.periscope." + other + "..");
            noClasses().that().resideInAPackage("dev.periscope." + e.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void theGraphPointsOneWay() {
        // the table itself must be acyclic (a layer never allows one that allows it back)
        for (var e : ALLOWED.entrySet())
            for (String below : e.getValue())
                assertThat(ALLOWED.get(below)).as(e.getKey() + " -> " + below).doesNotContain(e.getKey());
        // and every production package belongs to a layer
        classes.stream().map(c -> c.getPackageName().split("\\.")).filter(p -> p.length > 2)
                .map(p -> p[2]).distinct()
                .forEach(layer -> assertThat(ALLOWED).as("package dev.periscope." + layer + " has no layer").containsKey(layer));
    }

    @Test
    void analyticsAndOptionsArePure() {
        noClasses().that().resideInAnyPackage("dev.periscope.analytics..", "dev.periscope.options..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.util.concurrent..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.periscope.analytics..", "dev.periscope.options..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(classes);
    }
}
