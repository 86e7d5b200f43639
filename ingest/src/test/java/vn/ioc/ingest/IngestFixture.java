package vn.ioc.ingest;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import vn.ioc.datasets.generator.ExtractFormat;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.ExtractRecords;
import vn.ioc.datasets.generator.GeneratorOptions;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.datasets.generator.Scale;
import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.TestWarehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the ingest tests share, made once per test JVM: a warehouse database with the schema and the
 * reference units, tiny generated extracts with defects, and a Spark session.
 */
public final class IngestFixture {
    public static final LocalDate AS_OF = GeneratorOptions.DEFAULT_AS_OF;
    public static final LocalDate PERIOD = AS_OF.withDayOfMonth(1);
    private static IngestFixture instance;

    public final WarehouseConnection warehouse;
    public final ReferenceUnits units;
    public final Path extracts;
    public final Manifest manifest;
    public final SparkSession spark;

    private IngestFixture() throws IOException {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS ingest_test");
        warehouse = TestWarehouse.writer("ingest_test");
        new MigrationRunner(warehouse).migrate();
        units = ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.empty()));
        new ReferenceUnitsLoader(warehouse).load(units);
        extracts = Files.createTempDirectory("ioc-ingest-test-").resolve("extracts");
        manifest = new ExtractGenerator(units, Optional.empty()).generate(new GeneratorOptions(Scale.TINY, 11, extracts,
                ExtractFormat.CSV, 0.004, Set.of("01", "08", "48", "79"), AS_OF, 2)).manifest();
        spark = LocalSpark.session("ingest-test");
    }

    public static synchronized IngestFixture get() {
        if (instance == null) {
            try {
                instance = new IngestFixture();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Runs one source over the shared extracts. */
    public IngestJob.Outcome ingest(SourcePipeline pipeline, Path quarantine) {
        return new IngestJob(spark, warehouse, quarantine, message -> { }).run(pipeline, extracts, PERIOD, AS_OF);
    }

    /**
     * Checks a run against the manifest: every row read, and the rows quarantined under each rule as many
     * as the generator injected of the defect that rule catches.
     */
    public void assertMatchesManifest(IngestJob.Outcome outcome, Map<String, String> defectByRule) {
        Manifest.SourceSummary source = manifest.sources().get(outcome.source());
        assertEquals(source.rows(), outcome.read(), "rows read");
        assertEquals(outcome.read(), outcome.loadedFrom() + outcome.quarantined() + outcome.duplicates(), "counts reconcile");
        Map<String, Long> expected = new TreeMap<>();
        defectByRule.forEach((rule, defect) -> expected.put(rule, source.defects().getOrDefault(defect, 0L)));
        expected.values().removeIf(count -> count == 0);
        assertEquals(expected, new TreeMap<>(outcome.quarantinedByRule()), "quarantined rows by rule");
    }

    /** Hands every row of a source's CSV files to {@code check}, each file read in the encoding the manifest gives. */
    public void forEachRecord(String source, ExtractRecords.RecordCheck check) throws Exception {
        ExtractRecords.forEach(extracts, manifest, source, check);
    }

    /**
     * A fact table as the extracts counted it: its person counts divided back by their commune's sample weight (the
     * generated extracts are a sample, and ingest weighs them up to the population).
     */
    public static String asRead(String table, String... counts) {
        String replaced = Arrays.stream(counts).map(c -> "intDiv(f." + c + ", if(d.weight = 0, 1, d.weight)) AS " + c)
                .collect(Collectors.joining(", "));
        return "(SELECT f.* REPLACE (" + replaced + ") FROM " + table + " AS f LEFT JOIN sample_design AS d ON f.commune_code = d.commune_code)";
    }

    public long scalar(String sql) throws SQLException {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public String checksum(String table) throws SQLException {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(), groupBitXor(cityHash64(*)) FROM " + table)) {
            rows.next();
            return rows.getLong(1) + "/" + rows.getString(2);
        }
    }
}
