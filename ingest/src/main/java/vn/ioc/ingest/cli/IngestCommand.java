package vn.ioc.ingest.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.population.PopulationPipeline;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.schools.SchoolCensusPipeline;
import vn.ioc.ingest.services.ApplicationsPipeline;
import vn.ioc.ingest.vaccination.VaccinationPipeline;
import vn.ioc.ingest.vaccination.VaccineSupplyPipeline;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.ingest.spark.LocalSparkCluster;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.cli.LauncherModule;
import vn.ioc.warehouse.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.ServiceLoader;

/** {@code ioc ingest}: source extracts into ClickHouse facts, cleaned and measured. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Validate, quarantine, dedupe, map and aggregate source extracts, and load the facts into the warehouse at "
                + "IOC_WAREHOUSE_URL, replacing the partitions of the period so that reruns never double-count.")
final class IngestCommand implements Runnable {
    static final List<String> SOURCES = pipelines(1).stream().map(SourcePipeline::source).toList();

    @Option(names = "--input", required = true, description = "folder of extracts, as `ioc generate` writes them")
    Path input;

    @Option(names = "--source", description = "source to ingest (default: all of ${COMPLETION-CANDIDATES})", completionCandidates = Sources.class)
    String source;

    @Option(names = "--period", description = "month of a registry snapshot, yyyy-MM (default: the month of the manifest's as-of date)")
    String period;

    @Option(names = "--history", defaultValue = "1", paramLabel = "MONTHS",
            description = "registry snapshots to load: the period's and those of the MONTHS - 1 months before it, told from the dates the "
                    + "registry extract carries; they replace those months' snapshots (for a first load; default: ${DEFAULT-VALUE})")
    int history;

    @Option(names = "--quarantine", description = "where quarantined rows are written (default: ${DEFAULT-VALUE})", defaultValue = "var/quarantine")
    Path quarantine;

    @Option(names = "--master", description = "the Spark master to run the jobs on, e.g. " + LocalSparkCluster.MASTER_URL
            + " (`ioc spark start`); default: IOC_SPARK_MASTER, else local[*] in this JVM")
    String master;

    static final class Sources extends java.util.ArrayList<String> {
        Sources() {
            super(SOURCES);
        }
    }

    @Override
    public void run() {
        if (source != null && !SOURCES.contains(source)) {
            throw new IllegalArgumentException("--source " + source + " is not one ingest reads yet; it reads " + SOURCES);
        }
        LocalDate asOf = asOf();
        LocalDate month = asOf.withDayOfMonth(1);
        WarehouseConnection warehouse = WarehouseConnection.fromEnvironment();
        List<SourcePipeline> chosen = pipelines(history).stream().filter(pipeline -> source == null || source.equals(pipeline.source())).toList();
        // Rows as the manifest counts them, where there is one; else the rows are counted as they are read.
        long rows = manifest(input).map(root -> chosen.stream().mapToLong(pipeline -> root.path("sources").path(pipeline.source()).path("rows").asLong(0)).sum())
                .orElse(-1L);
        if (master != null) {
            System.setProperty("spark.master", master);
        }
        SparkSession spark = LocalSpark.session("ioc-ingest");
        try (Progress progress = Progress.start("ingest", "rows", rows)) {
            System.out.printf(Locale.ROOT, "%-28s %-8s %12s %12s %12s %12s %10s %9s%n", "source", "period", "read", "loaded from",
                    "quarantined", "duplicates", "facts", "seconds");
            for (SourcePipeline pipeline : chosen) {
                progress.say(pipeline.source());
                long start = System.nanoTime();
                IngestJob.Outcome outcome = new IngestJob(spark, warehouse, quarantine, System.err::println).run(pipeline, input, month, asOf);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-28s %-8s %,12d %,12d %,12d %,12d %,10d %9.1f   %,.0f rows/s%n", outcome.source(),
                        YearMonth.from(month), outcome.read(), outcome.loadedFrom(), outcome.quarantined(), outcome.duplicates(),
                        outcome.factRows(), seconds, outcome.read() / seconds);
                outcome.quarantinedByRule().forEach((rule, quarantined) -> System.out.printf(Locale.ROOT, "    quarantined %-14s %,d%n", rule, quarantined));
                progress.stepBy(outcome.read());
            }
        } finally {
            spark.stop();
        }
        for (LauncherModule module : ServiceLoader.load(LauncherModule.class)) {
            module.factsLoaded(warehouse, System.out);
        }
    }

    /** Every source's pipeline, the population registry's loading {@code history} monthly snapshots. */
    static List<SourcePipeline> pipelines(int history) {
        return List.of(new PopulationPipeline(history), new VaccinationPipeline(), new SchoolCensusPipeline(), new ApplicationsPipeline(),
                new VaccineSupplyPipeline());
    }

    /** The snapshot date: the end of --period, or the manifest's as-of date. */
    private LocalDate asOf() {
        if (period != null) {
            try {
                return YearMonth.parse(period).atEndOfMonth();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--period must be yyyy-MM, not '" + period + "'");
            }
        }
        return manifestAsOf(input);
    }

    /** The as-of date of the extracts in {@code input}, from their manifest. */
    static LocalDate manifestAsOf(Path input) {
        JsonNode root = manifest(input).orElseThrow(() -> new IllegalArgumentException("no --period given and no manifest.json in " + input
                + " to take the as-of date from"));
        return LocalDate.parse(root.path("asOf").asString());
    }

    /** The manifest {@code ioc generate} wrote beside the extracts in {@code input}, if there is one. */
    static Optional<JsonNode> manifest(Path input) {
        Path manifest = input.resolve("manifest.json");
        return Files.isRegularFile(manifest) ? Optional.of(JsonMapper.builder().build().readTree(manifest.toFile())) : Optional.empty();
    }
}
