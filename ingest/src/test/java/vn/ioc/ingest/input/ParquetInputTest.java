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
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.services.ApplicationsPipeline;
import vn.ioc.ingest.vaccination.VaccinationPipeline;
import vn.ioc.ingest.vaccination.VaccineSupplyPipeline;
import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.InsertStream;
import vn.ioc.warehouse.engine.Statement;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.TestWarehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed Parquet extracts: loaded as their CSV is, whole, truncated and of the wrong schema; an unreachable warehouse. */
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
        // A typed date cannot be 30 February: the typed extract's impossible birth dates are the placeholder of an unknown date.
        assertTrue(defects.getOrDefault("impossible_date", 0L) > 0, defects.toString());
        assertEquals(defects.get("impossible_date"), outcome.quarantinedByRule().getOrDefault("POP-BIRTH", 0L));
        // The quarantine keeps a typed row as its CSV would have it.
        List<String> quarantined;
        try (var files = Files.list(outcome.quarantineFolder())) {
            quarantined = files.filter(f -> f.toString().endsWith(".csv")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(line -> line.contains("POP-BIRTH")).toList();
        }
        assertEquals(defects.get("impossible_date").longValue(), quarantined.size());
        assertTrue(quarantined.stream().allMatch(line -> line.matches(".*,1900-01-01,.*,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},.*")), quarantined.toString());
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
    void typedParquetLoadsTheSameFactsAsItsCsv(@TempDir Path folder) throws java.sql.SQLException {
        // Without defects the generator writes the same rows in both formats: the rules and the facts must not tell them apart.
        List<SourcePipeline> pipelines = List.of(new PopulationPipeline(), new VaccinationPipeline(), new SchoolCensusPipeline(),
                new ApplicationsPipeline(), new VaccineSupplyPipeline());
        Map<ExtractFormat, List<String>> facts = new java.util.EnumMap<>(ExtractFormat.class);
        for (ExtractFormat format : ExtractFormat.values()) {
            Path extracts = folder.resolve(format.extension());
            new ExtractGenerator(fixture.units, Optional.of(new ParquetWriter(TestWarehouse.server().engine())))
                    .generate(new GeneratorOptions(Scale.TINY, 5, extracts, format, 0, Set.of("01"), IngestFixture.AS_OF, 2));
            List<String> figures = new java.util.ArrayList<>();
            for (SourcePipeline pipeline : pipelines) {
                IngestJob.Outcome outcome = new IngestJob(fixture.spark, fixture.warehouse, folder.resolve("q"), m -> { })
                        .run(pipeline, extracts, IngestFixture.PERIOD, IngestFixture.AS_OF);
                assertEquals(0, outcome.quarantined(), format + " " + pipeline.source());
                assertTrue(outcome.loadedFrom() > 0, format + " " + pipeline.source());
                String table = pipeline.definition().factTable();
                figures.add(table + " " + outcome.read() + " " + fixture.scalar("SELECT count() FROM " + table) + " "
                        + fixture.scalar("SELECT sum(cityHash64(*)) % 1000000007 FROM " + table));
            }
            figures.add("quality " + fixture.scalar("SELECT sum(cityHash64(*)) % 1000000007 FROM data_quality_facts"));
            facts.put(format, figures);
        }
        assertEquals(facts.get(ExtractFormat.CSV), facts.get(ExtractFormat.PARQUET));
    }

    @Test
    void aParquetFileOfTheWrongSchemaIsNamedAndNothingOfItsSourceIsLoaded(@TempDir Path folder) throws IOException, java.sql.SQLException {
        Path extracts = folder.resolve("parquet");
        Manifest manifest = new ExtractGenerator(fixture.units, Optional.of(new ParquetWriter(TestWarehouse.server().engine())))
                .generate(new GeneratorOptions(Scale.TINY, 7, extracts, ExtractFormat.PARQUET, 0, Set.of("01", "79"), IngestFixture.AS_OF, 2)).manifest();
        new IngestJob(fixture.spark, fixture.warehouse, folder.resolve("q"), m -> { })
                .run(new VaccinationPipeline(), extracts, IngestFixture.PERIOD, IngestFixture.AS_OF);
        String facts = "SELECT count() * 1000000 + sum(doses) FROM vaccination_facts";
        long before = fixture.scalar(facts);
        Path file = extracts.resolve(manifest.sources().get(VaccinationPipeline.SOURCE).files().getLast().path());
        List<String> columns = vn.ioc.datasets.generator.Source.VACCINATION_REGISTER.columns();
        // As an export that kept every field as text would write it; then one that lost a column.
        String asText = String.join(", ", columns.stream().map(c -> "toString(`" + c + "`) AS `" + c + "`").toList());
        String lost = String.join(", ", columns.stream().filter(c -> !c.equals("recorded_on")).map(c -> "`" + c + "`").toList());
        Map<String, String> expected = Map.of(asText, "column dose_number is optional binary dose_number (STRING), expected a whole number (INT32 or INT64)",
                lost, "has no column recorded_on (expected a date (INT32, DATE))");
        byte[] original = Files.readAllBytes(file);
        for (Map.Entry<String, String> wrong : expected.entrySet()) {
            Files.write(file, reparquet(original, columns, wrong.getKey()));
            InputException refused = assertThrows(InputException.class, () -> new IngestJob(fixture.spark, fixture.warehouse, folder.resolve("q"),
                    m -> { }).run(new VaccinationPipeline(), extracts, IngestFixture.PERIOD, IngestFixture.AS_OF));
            assertTrue(refused.getMessage().startsWith(file.toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains(wrong.getValue()), refused.getMessage());
            assertEquals(before, fixture.scalar(facts), "the previous facts stay");
        }
    }

    /** The file's rows written again by the engine as {@code select} makes them. */
    private static byte[] reparquet(byte[] parquet, List<String> columns, String select) {
        try (Engine.Lease lease = TestWarehouse.server().engine().acquire(Access.WRITE, Duration.ofMinutes(1))) {
            lease.discard();
            EngineConnection connection = lease.connection();
            connection.execute(Statement.of("CREATE TEMPORARY TABLE extract (" + String.join(", ", columns.stream().map(c -> "`" + c + "` "
                    + ExtractInput.typeOf(VaccinationPipeline.SOURCE, c).clickHouseType()).toList()) + ") ENGINE = Memory"));
            try (InsertStream insert = connection.insert(new Statement("INSERT INTO extract", "Parquet", Map.of()))) {
                insert.append(parquet, 0, parquet.length);
                insert.finish();
            }
            return connection.execute(new Statement("SELECT " + select + " FROM extract", "Parquet", Map.of())).data();
        }
    }

    @Test
    void anUnreachableWarehouseIsNamed(@TempDir Path folder) {
        WarehouseConnection nowhere = new WarehouseConnection("jdbc:clickhouse://127.0.0.1:9/ioc", "ioc_writer", "x");
        RuntimeException e = assertThrows(RuntimeException.class, () -> new IngestJob(fixture.spark, nowhere, folder, m -> { })
                .run(new PopulationPipeline(), fixture.extracts, IngestFixture.PERIOD, IngestFixture.AS_OF));
        assertTrue(e.getMessage().contains("jdbc:clickhouse://127.0.0.1:9/ioc"), e.getMessage());
    }
}
