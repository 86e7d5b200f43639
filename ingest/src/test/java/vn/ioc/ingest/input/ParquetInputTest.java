package vn.ioc.ingest.input;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.datasets.generator.ExtractFormat;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.GeneratorOptions;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.datasets.generator.ParquetWriter;
import vn.ioc.datasets.generator.Scale;
import vn.ioc.ingest.IngestFixture;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.population.PopulationPipeline;
import vn.ioc.ingest.schools.SchoolCensusPipeline;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.TestWarehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parquet extracts, whole and truncated; an unreachable warehouse. */
class ParquetInputTest {
    private static IngestFixture fixture;

    @BeforeAll
    static void prepare() {
        fixture = IngestFixture.get();
    }

    @Test
    void readsParquetExtractsAndRefusesATruncatedOne(@TempDir Path folder) throws IOException, java.sql.SQLException {
        Path extracts = folder.resolve("parquet");
        Manifest manifest = new ExtractGenerator(fixture.units, Optional.of(new ParquetWriter(TestWarehouse.server().engine())))
                .generate(new GeneratorOptions(Scale.TINY, 3, extracts, ExtractFormat.PARQUET, 0.004, Set.of("01", "79"),
                        IngestFixture.AS_OF, 2)).manifest();
        IngestJob.Outcome outcome = new IngestJob(fixture.spark, fixture.warehouse, folder.resolve("q"), m -> { })
                .run(new PopulationPipeline(), extracts, IngestFixture.PERIOD, IngestFixture.AS_OF);
        Manifest.SourceSummary population = manifest.sources().get(PopulationPipeline.SOURCE);
        assertEquals(population.rows(), outcome.read());
        assertEquals(population.defects().getOrDefault("duplicate_resident", 0L), outcome.duplicates());
        assertFalse(outcome.quarantinedByRule().containsKey("POP-STRUCT"), "Parquet has no malformed lines");
        Map<String, Long> defects = population.defects();
        assertEquals(defects.getOrDefault("unknown_commune_code", 0L), outcome.quarantinedByRule().getOrDefault("POP-COMMUNE", 0L));
        // Blank fields (no ID card yet, grades a school does not teach) must read as blank, not as values.
        assertTrue(fixture.scalar("SELECT sum(residents) - sum(id_card) FROM population_facts WHERE age < 14") > 0);
        IngestJob.Outcome schools = new IngestJob(fixture.spark, fixture.warehouse, folder.resolve("q"), m -> { })
                .run(new SchoolCensusPipeline(), extracts, IngestFixture.PERIOD, IngestFixture.AS_OF);
        assertEquals(manifest.sources().get(SchoolCensusPipeline.SOURCE).defects().getOrDefault("negative_count", 0L), schools.quarantined());

        Path file = extracts.resolve(population.files().getFirst().path());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        InputException truncated = assertThrows(InputException.class, () -> new IngestJob(fixture.spark, fixture.warehouse,
                folder.resolve("q"), m -> { }).run(new PopulationPipeline(), extracts, IngestFixture.PERIOD, IngestFixture.AS_OF));
        assertTrue(truncated.getMessage().contains("is not a complete Parquet file"), truncated.getMessage());
    }

    @Test
    void anUnreachableWarehouseIsNamed(@TempDir Path folder) {
        WarehouseConnection nowhere = new WarehouseConnection("jdbc:clickhouse://127.0.0.1:9/ioc", "ioc_writer", "x");
        RuntimeException e = assertThrows(RuntimeException.class, () -> new IngestJob(fixture.spark, nowhere, folder, m -> { })
                .run(new PopulationPipeline(), fixture.extracts, IngestFixture.PERIOD, IngestFixture.AS_OF));
        assertTrue(e.getMessage().contains("jdbc:clickhouse://127.0.0.1:9/ioc"), e.getMessage());
    }
}
