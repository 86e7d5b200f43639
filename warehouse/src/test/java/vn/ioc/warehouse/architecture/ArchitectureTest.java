package vn.ioc.warehouse.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The warehouse's layering, kept true by CI. */
@AnalyzeClasses(packages = "vn.ioc.warehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("vn.ioc.warehouse.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theEngineKnowsNothingAboveIt = noClasses().that().resideInAPackage("vn.ioc.warehouse.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ioc.warehouse.server..", "vn.ioc.warehouse.schema..",
                    "vn.ioc.warehouse.cli..", "vn.ioc.warehouse.bench..", "java.sql..");

    @ArchTest
    static final ArchRule schemaGoesThroughJdbcOnly = noClasses().that().resideInAPackage("vn.ioc.warehouse.schema..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ioc.warehouse.engine..", "vn.ioc.warehouse.server..");

    @ArchTest
    static final ArchRule noSpark = noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.spark..");
}
