package io.productsync.poller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.productsync", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundaryTest {

    @ArchTest
    static final ArchRule neverUsesAnotherService = noClasses()
            .that()
            .resideInAPackage("io.productsync.poller..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.productsync.matcher..", "io.productsync.report..", "io.productsync.deploy..");

    @ArchTest
    static final ArchRule connectorSpiKnowsNoImplementationOrWiring = noClasses()
            .that()
            .resideInAPackage("io.productsync.poller.connector..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.productsync.poller.sandbox..",
                    "io.productsync.poller.snapshot..",
                    "io.productsync.poller.push..",
                    "io.productsync.poller.system..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule snapshotsAndPushesUseConnectorsOnlyThroughTheSpi = noClasses()
            .that()
            .resideInAnyPackage("io.productsync.poller.snapshot..", "io.productsync.poller.push..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.productsync.poller.sandbox..");
}
