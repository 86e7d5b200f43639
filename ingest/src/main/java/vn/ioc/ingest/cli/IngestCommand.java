package vn.ioc.ingest.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ioc.ingest.population.PopulationJob;
import vn.ioc.ingest.population.PopulationPipeline;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.warehouse.WarehouseConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** {@code ioc ingest}: source extracts into ClickHouse facts, cleaned and measured. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Validate, quarantine, dedupe, map and aggregate source extracts, and load the facts into the warehouse at "
                + "IOC_WAREHOUSE_URL, replacing the partitions of the period so that reruns never double-count.")
final class IngestCommand implements Runnable {
    static final List<String> SOURCES = List.of(PopulationPipeline.SOURCE);

    @Option(names = "--input", required = true, description = "folder of extracts, as `ioc generate` writes them")
    Path input;

    @Option(names = "--source", description = "source to ingest (default: all of ${COMPLETION-CANDIDATES})", completionCandidates = Sources.class)
    String source;

    @Option(names = "--period", description = "month of a registry snapshot, yyyy-MM (default: the month of the manifest's as-of date)")
    String period;

    @Option(names = "--quarantine", description = "where quarantined rows are written (default: ${DEFAULT-VALUE})", defaultValue = "var/quarantine")
    Path quarantine;

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
        SparkSession spark = LocalSpark.session("ioc-ingest");
        try {
            long start = System.nanoTime();
            PopulationJob.Outcome outcome = new PopulationJob(spark, warehouse, quarantine, System.err::println).run(input, month, asOf);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-22s %-8s %12s %12s %12s %12s %10s %9s%n", "source", "period", "read", "loaded from",
                    "quarantined", "duplicates", "facts", "seconds");
            System.out.printf(Locale.ROOT, "%-22s %-8s %,12d %,12d %,12d %,12d %,10d %9.1f%n", PopulationPipeline.SOURCE,
                    YearMonth.from(month), outcome.read(), outcome.loadedFrom(), outcome.quarantined(), outcome.duplicates(),
                    outcome.factRows(), seconds);
            outcome.quarantinedByRule().forEach((rule, rows) -> System.out.printf(Locale.ROOT, "  quarantined %-12s %,d%n", rule, rows));
            System.out.printf(Locale.ROOT, "run %s: %,.0f rows/s%n", outcome.runId(), outcome.read() / seconds);
        } finally {
            spark.stop();
        }
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
        Path manifest = input.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("no --period given and no manifest.json in " + input + " to take the as-of date from");
        }
        JsonNode root = JsonMapper.builder().build().readTree(manifest.toFile());
        return LocalDate.parse(root.path("asOf").asString());
    }
}
