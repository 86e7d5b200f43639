package vn.ioc.ingest.population;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.ingest.IngestFixture;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.spark.StageTimes;
import vn.ioc.ingest.input.InputException;
import vn.ioc.ingest.load.FactLoader;
import vn.ioc.warehouse.WarehouseConnection;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The population job on generated tiny extracts, loading into a real warehouse through the JDBC driver. */
class PopulationIngestTest {
    private static final LocalDate AS_OF = IngestFixture.AS_OF;
    private static final LocalDate PERIOD = IngestFixture.PERIOD;
    private static IngestFixture fixture;
    private static SparkSession spark;
    private static WarehouseConnection warehouse;
    private static ReferenceUnits units;
    private static Path extracts;
    private static Manifest manifest;

    @BeforeAll
    static void prepare() {
        fixture = IngestFixture.get();
        spark = fixture.spark;
        warehouse = fixture.warehouse;
        units = fixture.units;
        extracts = fixture.extracts;
        manifest = fixture.manifest;
    }

    private static final PopulationPipeline POPULATION = new PopulationPipeline();

    private static IngestJob.Outcome ingest(Path quarantine, Path input) {
        return new IngestJob(spark, warehouse, quarantine, message -> { }).run(POPULATION, input, PERIOD, AS_OF);
    }

    @Test
    void factsMatchAnIndependentCountAndTheQuarantineMatchesTheManifest(@TempDir Path quarantine) throws Exception {
        IngestJob.Outcome outcome = ingest(quarantine, extracts);
        fixture.assertMatchesManifest(outcome, Map.of("POP-ID", "blank_required_field", "POP-FUTURE", "future_date",
                "POP-BIRTH", "impossible_date", "POP-COMMUNE", "unknown_commune_code", "POP-STRUCT", "malformed_csv_line"));
        Map<String, Long> defects = manifest.sources().get("population_registry").defects();
        assertEquals(defects.getOrDefault("duplicate_resident", 0L), outcome.duplicates());
        assertEquals(defects.getOrDefault("pre_reform_commune_code", 0L), scalar("SELECT sum(from_pre_reform_code) FROM "
                + IngestFixture.asRead("population_facts", "from_pre_reform_code")));
        assertEquals(defects.getOrDefault("nfd_text", 0L), scalar("SELECT sum(failed) FROM data_quality_facts WHERE rule = 'POP-NFC'"));
        assertEquals(outcome.quarantined(), scalar("SELECT sum(failed) FROM data_quality_facts WHERE rule IN "
                + "('POP-STRUCT', 'POP-ID', 'POP-SEX', 'POP-BIRTH', 'POP-FUTURE', 'POP-COMMUNE', 'POP-IDMATCH', 'POP-DATES')"));
        // What each rule did is recorded with its counts, and every partition the run replaced names the run (a figure's lineage).
        assertEquals(outcome.quarantined(), scalar("SELECT sum(failed) FROM data_quality_facts WHERE source = 'population_registry' AND effect = 'quarantined'"));
        assertEquals(outcome.duplicates(), scalar("SELECT sum(failed) FROM data_quality_facts WHERE source = 'population_registry' AND effect = 'duplicate'"));
        assertEquals(defects.getOrDefault("pre_reform_commune_code", 0L), scalar("SELECT sum(failed) FROM data_quality_facts WHERE source = 'population_registry' AND effect = 'mapped'"));
        assertEquals(1, scalar("SELECT count() FROM fact_loads WHERE fact_table = 'population_facts' AND run_id = '" + outcome.runId()
                + "' AND partition_id = (SELECT any(_partition_id) FROM population_facts WHERE period = '" + PERIOD + "')"), "the month's partition names the run");
        assertEquals(Long.parseLong(AS_OF.toString().replace("-", "")), scalar("SELECT toYYYYMMDD(as_of) FROM ingest_runs WHERE run_id = '" + outcome.runId() + "'"));
        Map<String, Long> quarantinedByRule = new TreeMap<>();
        try (var files = Files.walk(outcome.quarantineFolder())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(file))) {
                    for (CSVRecord row : parser) {
                        assertFalse(row.get("_reason").isBlank(), "a quarantined row says why");
                        quarantinedByRule.merge(row.get("_rule"), 1L, Long::sum);
                    }
                }
            }
        }
        assertEquals(new TreeMap<>(outcome.quarantinedByRule()), quarantinedByRule, "every quarantined row is in the files, with its rule");

        assertCountsMatchTheFiles(AS_OF);
        // Weighted by the sample's design, the residents are the statistics office's population less those not collected.
        double collected = (double) scalar("SELECT sum(residents) FROM population_facts WHERE period = '" + PERIOD + "'")
                / scalar("SELECT sum(population) FROM communes WHERE code IN (SELECT commune_code FROM sample_design)");
        assertTrue(collected > 0.97 && collected <= 1.0, "collection rate of the weighted sample: " + collected);
    }

    @Test
    void whereTheTimeGoesIsToldStepByStepFromSparksOwnStages(@TempDir Path quarantine) throws IOException {
        StageTimes stages = StageTimes.listen(spark);
        try {
            stages.drain(spark);
            IngestJob.Outcome outcome = ingest(quarantine, extracts);
            List<StageTimes.Stage> done = stages.drain(spark);
            List<String> steps = done.stream().map(StageTimes.Stage::step).distinct().toList();
            assertEquals(List.of("population_registry: summary", "population_registry: quarantine",
                    "population_registry: facts population_facts", "population_registry: quality"), steps);
            // The summary's stages read the extract twice, every row of it: its keys alone for the duplicates, then whole (Spark
            // may count each CSV file's header line too); the later steps read the kept summary only.
            long files;
            try (var walk = Files.walk(extracts.resolve(PopulationPipeline.SOURCE))) {
                files = walk.filter(path -> path.toString().endsWith(".csv")).count();
            }
            Predicate<StageTimes.Stage> scansFiles = stage -> stage.operators().startsWith("Scan ") || stage.operators().contains("> Scan ");
            long scanned = done.stream().filter(stage -> stage.step().endsWith("summary")).filter(scansFiles).mapToLong(StageTimes.Stage::inputRows).sum();
            assertTrue(scanned >= 2 * outcome.read() && scanned <= 2 * (outcome.read() + files), scanned + " rows scanned");
            assertEquals(0, done.stream().filter(stage -> !stage.step().endsWith("summary")).filter(scansFiles).count(), "only the summary scans the files");
            assertTrue(done.stream().allMatch(stage -> stage.seconds() >= 0 && stage.taskSeconds() >= 0 && stage.submitted() > 0));
        } finally {
            stages.stop(spark);
        }
    }

    @Test
    void theMonthsBeforeTheExtractAreToldFromItsDates(@TempDir Path quarantine) throws Exception {
        new IngestJob(spark, warehouse, quarantine, message -> { }).run(new PopulationPipeline(24), extracts, PERIOD, AS_OF);
        assertEquals(24, scalar("SELECT uniqExact(period) FROM population_facts"));
        assertEquals(0, scalar("SELECT count() FROM population_facts WHERE period < '" + PERIOD.minusMonths(23) + "'"));
        assertCountsMatchTheFiles(AS_OF);
        assertCountsMatchTheFiles(PERIOD.minusMonths(12).withDayOfMonth(PERIOD.minusMonths(12).lengthOfMonth()));
        // The extract keeps each record's latest update only: whether it was updated in the year before an earlier month is not known.
        assertEquals(0, scalar("SELECT countIf(updated_last_year IS NULL) FROM population_facts WHERE period = '" + PERIOD + "'"));
        assertEquals(0, scalar("SELECT countIf(updated_last_year IS NOT NULL) FROM population_facts WHERE period < '" + PERIOD + "'"));
        long earlier = scalar("SELECT sum(residents) FROM population_facts WHERE period = '" + PERIOD.minusMonths(23) + "'");
        long latest = scalar("SELECT sum(residents) FROM population_facts WHERE period = '" + PERIOD + "'");
        assertTrue(earlier > 0.85 * latest && earlier < latest, "the registry grew over two years: " + earlier + " then " + latest);
        // Loaded again with the extract's month only, the months before keep what was told of them.
        ingest(quarantine, extracts);
        assertEquals(24, scalar("SELECT uniqExact(period) FROM population_facts"));
    }

    @Test
    void aRerunGivesIdenticalTablesAndAKilledLoadLeavesThePreviousData(@TempDir Path quarantine) throws SQLException {
        ingest(quarantine, extracts);
        String facts = checksum("population_facts");
        String quality = checksum("data_quality_facts");
        ingest(quarantine, extracts);
        assertEquals(facts, checksum("population_facts"));
        assertEquals(quality, checksum("data_quality_facts"));

        // A run that stages and dies before its swap: nothing it staged is visible.
        FactLoader killed = new FactLoader(warehouse, java.util.UUID.randomUUID().toString());
        killed.stage("population_facts", List.of("period", "province_code", "commune_code", "sex", "age", "residence_type", "residents",
                "verified", "id_card", "vneid_level2", "insurance_linked", "updated_last_year", "from_pre_reform_code"),
                List.<Object[]>of(new Object[]{PERIOD, "01", "00004", "Nam", 30, "thường trú", 999_999L, 0L, 0L, 0L, 0L, 0L, 0L}).iterator());
        assertEquals(facts, checksum("population_facts"));
        ingest(quarantine, extracts);
        assertEquals(facts, checksum("population_facts"));
        assertEquals(0, scalar("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name LIKE '%\\_load\\_%'"));
        assertTrue(scalar("SELECT countIf(status = 'ok' AND rows_read = rows_loaded_from + rows_quarantined + rows_duplicate) "
                + "FROM ingest_runs WHERE source = 'population_registry'") >= 3, "each run is logged, its counts reconciled");
    }

    @Test
    void badInputIsNamedAndNothingIsLoaded(@TempDir Path folder) throws IOException, SQLException {
        Path wrong = folder.resolve("wrong");
        Files.createDirectories(wrong.resolve("population_registry/province=01"));
        Files.writeString(wrong.resolve("population_registry/province=01/p.csv"), "personal_id,name,sex\n001234567890,A,Nam\n");
        long before = scalar("SELECT count() FROM population_facts");
        InputException columns = assertThrows(InputException.class, () -> ingest(folder.resolve("q"), wrong));
        assertTrue(columns.getMessage().contains("p.csv has the wrong columns: missing [full_name, birth_date"), columns.getMessage());
        Files.writeString(wrong.resolve("population_registry/province=01/p.csv"), "");
        InputException empty = assertThrows(InputException.class, () -> ingest(folder.resolve("q"), wrong));
        assertTrue(empty.getMessage().endsWith("p.csv is empty"), empty.getMessage());
        InputException missing = assertThrows(InputException.class, () -> ingest(folder.resolve("q"), folder.resolve("nothing")));
        assertTrue(missing.getMessage().contains("has no population_registry extract"), missing.getMessage());
        assertEquals(before, scalar("SELECT count() FROM population_facts"));
        assertTrue(scalar("SELECT count() FROM ingest_runs WHERE status = 'failed'") >= 3, "failed runs are logged");
    }

    /** The facts of {@code day}'s month against {@link #expectedByCommune}. */
    private static void assertCountsMatchTheFiles(LocalDate day) throws IOException, SQLException {
        Map<String, long[]> expected = expectedByCommune(day);
        Map<String, long[]> actual = new HashMap<>();
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT commune_code, sum(residents), sum(id_card), "
                     + "sumIf(residents, age >= 14), sum(verified) FROM " + IngestFixture.asRead("population_facts", "residents", "id_card", "verified")
                     + " WHERE period = '" + day.withDayOfMonth(1) + "' GROUP BY commune_code")) {
            while (rows.next()) {
                actual.put(rows.getString(1), new long[]{rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)});
            }
        }
        assertEquals(expected.keySet(), actual.keySet(), "communes on " + day);
        expected.forEach((commune, counts) -> assertEquals(List.of(counts[0], counts[1], counts[2], counts[3]),
                List.of(actual.get(commune)[0], actual.get(commune)[1], actual.get(commune)[2], actual.get(commune)[3]), commune + " on " + day));
    }

    /**
     * Residents, ID cards, residents 14+ and verified records per commune on {@code day}, counted straight from the CSV
     * files: the records collected and not closed by then, the cards issued and the records verified by then.
     */
    private static Map<String, long[]> expectedByCommune(LocalDate day) throws IOException {
        Map<String, String> current = new HashMap<>();
        units.communes().forEach(c -> current.put(c.code(), c.code()));
        units.crosswalk().stream().filter(e -> e.status().mapped()).forEach(e -> current.putIfAbsent(e.oldCode(), e.newCode()));
        Map<String, long[]> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Manifest.FileEntry file : manifest.sources().get("population_registry").files()) {
            Charset charset = Charset.forName(file.encoding());
            try (Reader reader = Files.newBufferedReader(extracts.resolve(file.path()), charset);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord record : parser) {
                    if (record.size() != PopulationPipeline.COLUMNS.size() || !record.get(0).matches("\\d{12}") || !seen.add(record.get(0))) {
                        continue;
                    }
                    LocalDate birth;
                    try {
                        birth = LocalDate.parse(record.get(3));
                    } catch (java.time.format.DateTimeParseException e) {
                        continue;
                    }
                    String commune = current.get(record.get(4));
                    if (birth.isAfter(AS_OF) || commune == null || LocalDate.parse(record.get("collected_on")).isAfter(day)
                            || !record.get("closed_on").isEmpty() && !LocalDate.parse(record.get("closed_on")).isAfter(day)) {
                        continue;
                    }
                    long[] c = counts.computeIfAbsent(commune, k -> new long[4]);
                    int age = Period.between(birth, day).getYears();
                    c[0]++;
                    c[1] += !record.get(7).isEmpty() && !LocalDate.parse(record.get(7)).isAfter(day) ? 1 : 0;
                    c[2] += age >= 14 ? 1 : 0;
                    c[3] += Normalizer.normalize(record.get(6), Normalizer.Form.NFC).equals("đã xác thực")
                            && !LocalDate.parse(record.get("verified_on")).isAfter(day) ? 1 : 0;
                }
            }
        }
        return counts;
    }

    private static long scalar(String sql) throws SQLException {
        return fixture.scalar(sql);
    }

    private static String checksum(String table) throws SQLException {
        return fixture.checksum(table);
    }
}
