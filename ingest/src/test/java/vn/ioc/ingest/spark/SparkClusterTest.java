package vn.ioc.ingest.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.ingest.IngestFixture;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.population.PopulationPipeline;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.schools.SchoolCensusPipeline;
import vn.ioc.ingest.services.ApplicationsPipeline;
import vn.ioc.ingest.vaccination.VaccinationPipeline;
import vn.ioc.ingest.vaccination.VaccineSupplyPipeline;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.cli.ChildJvm;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.TestWarehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same ingest jobs on Spark's standalone cluster ({@code ioc spark start}: a master and a worker on 127.0.0.1, the
 * executors JVMs of their own) as in local mode: the same tiny extracts loaded once each way give identical tables
 * (per table, the rows and the sum of their hashes).
 */
class SparkClusterTest {
    private static final List<String> TABLES = List.of("population_facts", "vaccination_facts", "school_facts", "service_facts",
            "vaccine_supply_facts", "data_quality_facts", "sample_design");

    @Test
    void theSameJobsOnAStandaloneClusterLoadTheSameFacts(@TempDir Path home) throws Exception {
        IngestFixture fixture = IngestFixture.get();
        WarehouseConnection local = database("spark_local", fixture);
        WarehouseConnection cluster = database("spark_cluster", fixture);
        for (SourcePipeline pipeline : List.of(new PopulationPipeline(1), new VaccinationPipeline(), new SchoolCensusPipeline(), new ApplicationsPipeline(),
                new VaccineSupplyPipeline())) {
            new IngestJob(fixture.spark, local, home.resolve("quarantine-local"), message -> { }).run(pipeline, fixture.extracts,
                    IngestFixture.PERIOD, IngestFixture.AS_OF);
        }

        LocalSparkCluster spark = new LocalSparkCluster(home.resolve("spark"), System.err::println);
        try {
            spark.start(1, 1536);
            assertEquals(1, spark.aliveWorkers());
            String printed = ChildJvm.run(List.of("ingest", "--input", fixture.extracts.toString(), "--master", LocalSparkCluster.MASTER_URL,
                            "--quarantine", home.resolve("quarantine-cluster").toString()),
                    Map.of("IOC_WAREHOUSE_URL", cluster.url(), "IOC_WAREHOUSE_USER", cluster.user(), "IOC_WAREHOUSE_PASSWORD", cluster.password()));
            assertTrue(printed.contains("population_registry"), printed);
            try (Stream<Path> work = Files.walk(home.resolve("spark").resolve("work"))) {
                assertTrue(work.anyMatch(file -> file.getFileName().toString().equals("stderr") && file.toString().contains("app-")),
                        "the worker ran an executor for the ingest");
            }
        } finally {
            spark.stop();
        }
        assertTrue(spark.status().stream().allMatch(process -> process.pid().isEmpty()), "stopped: " + spark.status());
        Map<String, String> expected = checksums(local);
        assertTrue(expected.values().stream().noneMatch(sum -> sum.startsWith("0/")), "every table has rows: " + expected);
        assertEquals(expected, checksums(cluster));
    }

    private static WarehouseConnection database(String name, IngestFixture fixture) throws Exception {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS " + name);
        WarehouseConnection warehouse = TestWarehouse.writer(name);
        new MigrationRunner(warehouse).migrate();
        new ReferenceUnitsLoader(warehouse).load(fixture.units);
        return warehouse;
    }

    /** Per table: its rows and the sum of their hashes (order-free). */
    private static Map<String, String> checksums(WarehouseConnection warehouse) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(), toString(sum(cityHash64(*))) FROM " + table)) {
                    rows.next();
                    sums.put(table, rows.getLong(1) + "/" + rows.getString(2));
                }
            }
        }
        return sums;
    }
}
