package vn.ioc.ui.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.ioc.analytics.service.AnalyticsService;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dashboard's layering, kept true by CI. */
@AnalyzeClasses(packages = "vn.ioc.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("vn.ioc.ui.(*)..").should().beFreeOfCycles();

    /** Scoping and last-good answers live in the data service; views and the API go through it. */
    @ArchTest
    static final ArchRule onlyTheDataServiceCallsAnalytics = noClasses().that().resideOutsideOfPackage("vn.ioc.ui.data..")
            .should().dependOnClassesThat().areAssignableTo(AnalyticsService.class);

    @ArchTest
    static final ArchRule servicesNeverDependOnTheUi = noClasses().that().resideInAnyPackage("vn.ioc.ui.data..", "vn.ioc.ui.access..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "vn.ioc.ui.base..", "vn.ioc.ui.overview..", "vn.ioc.ui.ranking..",
                    "vn.ioc.ui.unit..", "vn.ioc.ui.map..", "vn.ioc.ui.quality..", "vn.ioc.ui.definitions..", "vn.ioc.ui.api..");

    @ArchTest
    static final ArchRule theDashboardNeverUsesSparkOrIngest = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.spark..", "vn.ioc.ingest..");

    @ArchTest
    static final ArchRule onlyTheLauncherUsesTheDatasetsModule = noClasses().that().resideOutsideOfPackage("vn.ioc.ui.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ioc.datasets..");
}
