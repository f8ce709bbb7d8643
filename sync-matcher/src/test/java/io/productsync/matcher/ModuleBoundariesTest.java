package io.productsync.matcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The matcher talks to other services through topics only, and its topology knows nothing of Spring. */
class ModuleBoundariesTest {

    private final JavaClasses matcher = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.productsync.matcher");

    @Test
    void neverImportsAnotherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.productsync.poller..", "io.productsync.report..", "io.productsync.deploy..")
                .check(matcher);
    }

    @Test
    void keepsTheTopologyFreeOfSpring() {
        noClasses()
                .that()
                .resideInAPackage("io.productsync.matcher.matching..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(matcher);
    }
}
