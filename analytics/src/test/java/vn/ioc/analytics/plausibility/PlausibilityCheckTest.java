package vn.ioc.analytics.plausibility;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.privacy.SmallCountSuppression;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.analytics.values.KpiStoreRefresh;
import vn.ioc.datasets.generator.ExtractFormat;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.GeneratorOptions;
import vn.ioc.datasets.generator.Scale;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.population.PopulationPipeline;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.schools.SchoolCensusPipeline;
import vn.ioc.ingest.services.ApplicationsPipeline;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.ingest.vaccination.VaccinationPipeline;
import vn.ioc.ingest.vaccination.VaccineSupplyPipeline;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.TestWarehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's data is plausible: Hà Nội generated at the demo's scale and seed (a 1 % sample, 87,000 residents) and
 * ingested, every indicator lies in its plausible range. At the tests' tiny scale a province has a dozen infants, too
 * few for a coverage to be near its truth; {@code ./ioc demo} runs the same check on all 34 provinces.
 */
class PlausibilityCheckTest {
    @Test
    void everyIndicatorOfTheDemoDataLiesInItsPlausibleRange(@TempDir Path folder) throws Exception {
        AnalyticsFixture fixture = AnalyticsFixture.get();
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS plausible_test");
        WarehouseConnection writer = TestWarehouse.writer("plausible_test");
        new MigrationRunner(writer).migrate();
        new ReferenceUnitsLoader(writer).load(fixture.units);
        Path extracts = folder.resolve("extracts");
        new ExtractGenerator(fixture.units, Optional.empty()).generate(new GeneratorOptions(Scale.DEMO, 1, extracts,
                ExtractFormat.CSV, 0, Set.of("01"), AnalyticsFixture.AS_OF, 2));
        SparkSession spark = LocalSpark.session("plausibility-test");
        try {
            IngestJob job = new IngestJob(spark, writer, folder.resolve("quarantine"), message -> { });
            for (SourcePipeline pipeline : List.of(new PopulationPipeline(), new VaccinationPipeline(), new SchoolCensusPipeline(),
                    new ApplicationsPipeline(), new VaccineSupplyPipeline())) {
                job.run(pipeline, extracts, AnalyticsFixture.PERIOD, AnalyticsFixture.AS_OF);
            }
        } finally {
            spark.stop();
        }
        new KpiStoreRefresh(writer, KpiCatalogue.standard()).refresh();
        try (AnalyticsService service = AnalyticsService.open(TestWarehouse.reader("plausible_test"), SmallCountSuppression.DEFAULT_K)) {
            PlausibilityCheck.Outcome outcome = new PlausibilityCheck(service).check(AnalyticsFixture.PERIOD.toString().substring(0, 7));
            assertTrue(outcome.outliers().isEmpty(), outcome.outliers().stream().map(Object::toString).collect(Collectors.joining("\n")));
            assertTrue(outcome.values() >= 33, "Hà Nội has a value for nearly every indicator: " + outcome.values());
            assertTrue(service.freshness().simulated(), "the data says it is simulated");
        }
    }
}
