package vn.ioc.datasets.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The datasets module's layering, kept true by CI. */
@AnalyzeClasses(packages = "vn.ioc.datasets", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("vn.ioc.datasets.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule unitsKnowNothingOfTheGenerator = noClasses().that().resideInAPackage("vn.ioc.datasets.units..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.ioc.datasets.generator..", "vn.ioc.datasets.cli..");

    @ArchTest
    static final ArchRule theGeneratorWritesFilesNotTables = noClasses().that().resideInAPackage("vn.ioc.datasets.generator..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "vn.ioc.warehouse.server..");

    @ArchTest
    static final ArchRule noSpark = noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.spark..");
}
