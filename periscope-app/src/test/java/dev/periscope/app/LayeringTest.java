package dev.periscope.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module layering of the README's ARCHITECTURE section, enforced on the compiled classes. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.periscope");
    }

    @Test
    void modelDependsOnNothingAbove() {
        noClasses().that().resideInAPackage("dev.periscope.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.periscope.book..", "dev.periscope.analytics..",
                        "dev.periscope.engine..", "dev.periscope.io..", "dev.periscope.sim..", "dev.periscope.app..")
                .check(classes);
    }

    @Test
    void analyticsArePure() {
        noClasses().that().resideInAPackage("dev.periscope.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.periscope.engine..", "dev.periscope.io..",
                        "dev.periscope.sim..", "dev.periscope.app..", "java.io..", "java.nio.file..", "java.net..",
                        "java.util.concurrent..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.periscope.analytics..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(classes);
    }

    @Test
    void bookAndEngineDoNotReachUp() {
        noClasses().that().resideInAPackage("dev.periscope.book..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.periscope.analytics..", "dev.periscope.engine..",
                        "dev.periscope.io..", "dev.periscope.sim..", "dev.periscope.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.periscope.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.periscope.io..", "dev.periscope.sim..",
                        "dev.periscope.app..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.periscope.io..", "dev.periscope.sim..")
                .should().dependOnClassesThat().resideInAPackage("dev.periscope.app..")
                .check(classes);
    }
}
