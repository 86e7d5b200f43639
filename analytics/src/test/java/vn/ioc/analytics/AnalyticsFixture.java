package vn.ioc.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.index.CompositeIndices;
import vn.ioc.analytics.index.IndexDefinitions;
import vn.ioc.analytics.privacy.SmallCountSuppression;
import vn.ioc.analytics.ranking.Rankings;
import vn.ioc.analytics.units.UnitDirectory;
import vn.ioc.analytics.values.KpiStoreRefresh;
import vn.ioc.analytics.values.KpiValues;
import vn.ioc.datasets.generator.ExtractFormat;
import vn.ioc.datasets.generator.ExtractGenerator;
import vn.ioc.datasets.generator.ExtractRecords;
import vn.ioc.datasets.generator.GeneratorOptions;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.datasets.generator.Scale;
import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.Commune;
import vn.ioc.datasets.units.CrosswalkEntry;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.live.ApplicationEvents;
import vn.ioc.ingest.population.PopulationPipeline;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.schools.SchoolCensusPipeline;
import vn.ioc.ingest.services.ApplicationsPipeline;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.ingest.vaccination.VaccinationPipeline;
import vn.ioc.ingest.vaccination.VaccineSupplyPipeline;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.live.ServiceEvent;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.TestWarehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the analytics tests share, made once per test JVM: tiny generated extracts without defects, ingested by the
 * real Spark jobs into a real warehouse, and the analytics services reading it as the read-only user. Expected
 * values are computed from the extracts themselves, row by row, without Spark or SQL.
 */
public final class AnalyticsFixture {
    public static final LocalDate AS_OF = GeneratorOptions.DEFAULT_AS_OF;
    public static final LocalDate PERIOD = AS_OF.withDayOfMonth(1);
    public static final Set<String> PROVINCES = Set.of("01", "08", "48", "79");
    private static AnalyticsFixture instance;

    public final ReferenceUnits units;
    public final Path extracts;
    public final Manifest manifest;
    /** Values read from the KPI store where it answers (as the product reads them). */
    public final KpiValues values;
    /** The same values, always read from the facts. */
    public final KpiValues factsOnly;
    public final WarehouseConnection writer;
    public final Rankings rankings;
    public final CompositeIndices indices;
    private final Map<String, String> currentCode = new HashMap<>();
    private final Map<String, Long> weights = new ConcurrentHashMap<>();

    private AnalyticsFixture() throws Exception {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS analytics_test");
        WarehouseConnection writer = TestWarehouse.writer("analytics_test");
        new MigrationRunner(writer).migrate();
        units = withASplit(ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.empty())));
        new ReferenceUnitsLoader(writer).load(units);
        extracts = Files.createTempDirectory("ioc-analytics-test-").resolve("extracts");
        manifest = new ExtractGenerator(units, Optional.empty()).generate(new GeneratorOptions(Scale.TINY, 7, extracts,
                ExtractFormat.CSV, 0, PROVINCES, AS_OF, 2)).manifest();
        SparkSession spark = LocalSpark.session("analytics-test");
        IngestJob job = new IngestJob(spark, writer, extracts.resolveSibling("quarantine"), message -> { });
        for (SourcePipeline pipeline : List.of(new PopulationPipeline(GeneratorOptions.HISTORY_MONTHS), new VaccinationPipeline(), new SchoolCensusPipeline(), new ApplicationsPipeline(),
                new VaccineSupplyPipeline())) {
            IngestJob.Outcome outcome = job.run(pipeline, extracts, PERIOD, AS_OF);
            assertEquals(outcome.read(), outcome.loadedFrom(), pipeline.source() + ": every row of a defect-free extract is loaded");
        }
        spark.stop();
        for (Commune commune : units.communes()) {
            currentCode.put(commune.code(), commune.code());
        }
        Map<String, CrosswalkEntry> successor = new HashMap<>();
        Comparator<CrosswalkEntry> larger = Comparator.comparingDouble(CrosswalkEntry::share)
                .thenComparing(entry -> -Integer.parseInt(entry.newCode()));
        for (CrosswalkEntry entry : units.crosswalk()) {
            if (entry.status() != CrosswalkEntry.Status.UNMAPPED && !currentCode.containsKey(entry.oldCode())) {
                successor.merge(entry.oldCode(), entry, (a, b) -> larger.compare(a, b) >= 0 ? a : b);
            }
        }
        successor.forEach((old, entry) -> currentCode.put(old, entry.newCode()));
        KpiCatalogue catalogue = KpiCatalogue.standard();
        this.writer = writer;
        refreshStore();
        Connection connection = TestWarehouse.reader("analytics_test").open();
        UnitDirectory directory = UnitDirectory.read(connection);
        SmallCountSuppression suppression = new SmallCountSuppression(SmallCountSuppression.DEFAULT_K);
        values = new KpiValues(catalogue, directory, connection, suppression, true);
        factsOnly = new KpiValues(catalogue, directory, connection, suppression, false);
        rankings = new Rankings(values);
        indices = new CompositeIndices(values, IndexDefinitions.standard(catalogue));
    }

    /**
     * The crosswalk with one pre-reform commune of Hà Nội split 60/40 between its successor and the next commune, as
     * the reform did to a few communes (the address database behind the crosswalk lists none): so that the
     * ingest's split rule and the flags on series across the reform are exercised.
     */
    private static ReferenceUnits withASplit(ReferenceUnits units) {
        List<Commune> hanoi = units.communes().stream().filter(commune -> commune.provinceCode().equals("01")).toList();
        CrosswalkEntry old = units.crosswalk().stream().filter(entry -> entry.newCode().equals(hanoi.getFirst().code())).findFirst().orElseThrow();
        Commune other = hanoi.get(1);
        List<CrosswalkEntry> crosswalk = new ArrayList<>(units.crosswalk());
        crosswalk.remove(old);
        crosswalk.add(new CrosswalkEntry(old.oldCode(), old.oldName(), old.oldDistrict(), old.oldProvince(), old.oldProvinceCode(),
                old.newCode(), old.newProvinceCode(), 0.6, old.oldParts(), old.status()));
        crosswalk.add(new CrosswalkEntry(old.oldCode(), old.oldName(), old.oldDistrict(), old.oldProvince(), old.oldProvinceCode(),
                other.code(), other.provinceCode(), 0.4, 1, CrosswalkEntry.Status.MAPPED));
        return new ReferenceUnits(units.provinces(), units.communes(), crosswalk, units.calibrated());
    }

    public static synchronized AnalyticsFixture get() {
        if (instance == null) {
            try {
                instance = new AnalyticsFixture();
            } catch (Exception e) {
                throw new IllegalStateException("the analytics fixture could not be built", e);
            }
        }
        return instance;
    }

    /** The live stream's events of the applications ingest keeps from the fixture's extract, for the local days {@code from} to {@code to} (excluded). */
    public List<ServiceEvent> applicationEvents(LocalDate from, LocalDate to) {
        SparkSession spark = LocalSpark.session("live-events");
        try {
            return ApplicationEvents.between(ApplicationEvents.keptApplications(spark, writer, extracts, AS_OF), from, to, AS_OF);
        } finally {
            spark.stop();
        }
    }

    /** Rebuilds the KPI store from the facts, as the launcher does after every ingest. */
    public void refreshStore() throws SQLException {
        new KpiStoreRefresh(writer, KpiCatalogue.standard()).refresh();
    }

    /** The current commune of a commune code in an extract: itself, or the crosswalk's largest successor (ties: the lower code). */
    public String current(String code) {
        return currentCode.get(code);
    }

    /** The province of a current commune. */
    public String provinceOf(String communeCode) {
        return units.communes().stream().filter(commune -> commune.code().equals(communeCode)).findFirst().orElseThrow().provinceCode();
    }

    /**
     * How many people a record of a commune stands for: the generated extracts are a sample, and ingest weighs each
     * record by its commune's weight in the sample's design.
     */
    public long weight(String currentCommune) {
        if (weights.isEmpty()) {
            try {
                for (String line : Files.readAllLines(extracts.resolve("sample_design.csv")).stream().skip(1).toList()) {
                    String[] fields = line.split(",");
                    weights.put(fields[0], Long.parseLong(fields[4]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return weights.getOrDefault(currentCommune, 1L);
    }

    /** Hands every row of a source's CSV files to {@code check}, each file read in the encoding the manifest gives. */
    public void forEachRecord(String source, ExtractRecords.RecordCheck check) throws Exception {
        ExtractRecords.forEach(extracts, manifest, source, check);
    }

    /** The population registry's records of residents on {@link #AS_OF}: those not closed (their resident died) by then. */
    public void forEachResident(ExtractRecords.RecordCheck check) throws Exception {
        forEachRecord("population_registry", row -> {
            if (row.get("closed_on").isEmpty() || java.time.LocalDate.parse(row.get("closed_on")).isAfter(AS_OF)) {
                check.accept(row);
            }
        });
    }
}
