package vn.ioc.analytics.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The analytics module's layering, kept true by CI: plain Java over JDBC, nothing of Spark, ingest or the UI. */
@AnalyzeClasses(packages = "vn.ioc.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("vn.ioc.analytics.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule analyticsNeverUsesSparkIngestOrTheUi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.spark..", "vn.ioc.ingest..", "vn.ioc.ui..");

    /** The benchmark command loads the real reference units into its own warehouse; the services read them from ClickHouse. */
    @ArchTest
    static final ArchRule onlyTheLauncherUsesTheDatasetsModule = noClasses().that().resideOutsideOfPackage("vn.ioc.analytics.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ioc.datasets..");

    @ArchTest
    static final ArchRule catalogueKnowsNothingOfTheWarehouse = noClasses().that().resideInAPackage("vn.ioc.analytics.catalogue..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "vn.ioc.analytics.values..", "vn.ioc.analytics.ranking..");
}
