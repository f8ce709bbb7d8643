package io.productsync.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.productsync.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTest {

    @ArchTest
    static final ArchRule neverImportsAnotherService = noClasses()
            .that()
            .resideInAPackage("io.productsync.report..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.productsync.poller..", "io.productsync.matcher..", "io.productsync.deploy..");

    @ArchTest
    static final ArchRule queriesAndListenersNeverReachIntoTheWebLayer = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.productsync.report.syncstatus..",
                    "io.productsync.report.cart..",
                    "io.productsync.report.alias..",
                    "io.productsync.report.hold..",
                    "io.productsync.report.wmssku..",
                    "io.productsync.report.system..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.productsync.report.web..");
}
