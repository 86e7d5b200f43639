package vn.ioc.ingest.cli;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.datasets.cli.BenchExtracts;
import vn.ioc.datasets.generator.FieldType;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.population.PopulationPipeline;
import vn.ioc.ingest.input.ExtractInput;
import vn.ioc.ingest.input.ExtractReader;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.ingest.spark.StageTimes;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.InsertStream;
import vn.ioc.warehouse.engine.Statement;
import vn.ioc.warehouse.server.WarehouseServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * {@code ioc bench ingest}: generates typed Parquet extracts, ingests every source with Spark, and in the same run times
 * Spark merely reading every field of the same files (the floor under any Spark job) and ClickHouse aggregating them;
 * then the same for the same extracts as CSV (Spark only).
 * Targets (issue 27): the whole ingest within 3x the raw read (each source 4x), the whole country within 30 minutes
 * on 2 cores, the JVM's heap within 6 GiB; it ends with one line a script reads ({@code ingest: ... rows/s, raw read
 * ... rows/s, ratio ...x, country ~... min}), and one more for CSV ({@code ingest csv: ...}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest generated typed Parquet extracts, then the same as CSV, with Spark; compare with Spark's raw read and ClickHouse "
                + "aggregating the same files.")
final class IngestBenchmark implements Runnable {
    /**
     * What ClickHouse computes from each source's Parquet, read into a temporary table {@code extract} (the engine may
     * not open files itself, see {@code EngineSandbox}): the same grouping the facts have.
     */
    private static final Map<String, String> CLICKHOUSE_AGGREGATES = Map.of(
            "population_registry", "SELECT commune_code, sex, dateDiff('year', birth_date, toDate('%1$s')) AS age, "
                    + "residence_type, count(), countIf(record_status = 'đã xác thực'), countIf(id_card_issued_on IS NOT NULL) FROM extract "
                    + "GROUP BY ALL FORMAT Null",
            "vaccination_register", "SELECT vaccinated_on AS day, commune_code, vaccine, dose_number, count() "
                    + "FROM extract GROUP BY ALL FORMAT Null",
            "school_census", "SELECT school_year, commune_code, level, ownership, count(), sum(seats) FROM extract "
                    + "GROUP BY ALL FORMAT Null",
            "public_service_applications", "SELECT toDate(received_at) AS day, commune_code, service_code, channel, "
                    + "status, count(), countIf(result_digitised = 1) FROM extract GROUP BY ALL FORMAT Null",
            "vaccine_supply", "SELECT month, province_code, vaccine, count(), sum(doses_delivered), sum(doses_held) "
                    + "FROM extract GROUP BY ALL FORMAT Null");

    /** ClickHouse reading a source's Parquet files (streamed into a temporary table of the source's types) and aggregating them. */
    private static double clickHouseSeconds(Engine engine, Path folder, String source, List<String> columns, String aggregate) {
        long start = System.nanoTime();
        try (Engine.Lease lease = engine.acquire(Access.WRITE, Duration.ofHours(1)); Stream<Path> walk = Files.walk(folder)) {
            EngineConnection connection = lease.connection();
            // A temporary table is the connection's own; dropping the connection afterwards leaves nothing behind.
            lease.discard();
            connection.execute(Statement.of("CREATE TEMPORARY TABLE extract (" + columns.stream()
                    .map(c -> "`" + c + "` " + ExtractInput.typeOf(source, c).clickHouseType()).collect(Collectors.joining(", ")) + ") ENGINE = Memory"));
            for (Path file : walk.filter(path -> path.toString().endsWith(".parquet")).sorted().toList()) {
                try (InsertStream insert = connection.insert(new Statement("INSERT INTO extract", "Parquet", Map.of()))) {
                    byte[] bytes = Files.readAllBytes(file);
                    insert.append(bytes, 0, bytes.length);
                    insert.finish();
                }
            }
            connection.execute(Statement.of(aggregate));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the extracts in " + folder + ": " + e.getMessage(), e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Spark reading every field of the files, each value decoded (typed Parquet in its types, CSV as text), and nothing
     * more: the floor under any Spark job over them.
     */
    private static double readOnlySeconds(SparkSession spark, Path folder, String source, List<String> columns, boolean csv) {
        long start = System.nanoTime();
        Dataset<Row> rows = csv
                ? spark.read().schema(ExtractReader.schema(columns)).option("header", "true").csv(folder + "/*/*.csv")
                : spark.read().schema(ExtractReader.typedSchema(source, columns)).parquet(folder + "/*/*.parquet");
        rows.agg(count(lit(1)), columns.stream().map(column -> csv || ExtractInput.typeOf(source, column) == FieldType.TEXT
                        ? max(length(col(column))) : max(col(column))).toArray(Column[]::new))
                .collect();
        return (System.nanoTime() - start) / 1e9;
    }

    @Option(names = "--scale", description = "tiny, demo or national (default: ${DEFAULT-VALUE})", defaultValue = "demo")
    String scale;

    @Option(names = "--provinces", split = ",", description = "only these province codes")
    List<String> provinces = List.of();

    @Option(names = "--history", paramLabel = "MONTHS", defaultValue = "1",
            description = "registry snapshots the population ingest loads (as `ioc ingest --history`); above 1, the same run also times "
                    + "the population with 1, for the ratio (default: ${DEFAULT-VALUE})")
    int history;

    @Option(names = "--stages", description = "after each source, print its steps as they were reached and its Spark stages: wall and "
            + "task seconds, rows read, shuffle written and read, spill")
    boolean stages;

    @Option(names = "--csv", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also generate the same extracts as CSV and ingest them (the `ingest csv:` line; default: ${DEFAULT-VALUE})")
    boolean csv;

    @Option(names = "--floors", description = "after each source, time its job up to each step on the same files (read, validated, "
            + "marked, summarised), against the raw read: what each step adds")
    boolean floors;

    /** The most heap this JVM's memory pools have held at once (each pool's peak, added up: an upper bound). */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /**
     * Each step of a source's job up to its summary, on the same files, each step computed whole with those before it and
     * nothing after (every column of its rows produced, and dropped): what the job would cost if it stopped there.
     */
    private static void printFloors(SparkSession spark, WarehouseConnection warehouse, SourcePipeline pipeline, Path extracts, LocalDate asOf,
                                    double readSeconds, double ingestSeconds) {
        IngestJob.Steps steps = IngestJob.steps(spark, warehouse, pipeline, ExtractInput.discover(extracts, pipeline.source(), pipeline.columns()), asOf);
        double read = wholeSeconds(steps.read());
        double validated = wholeSeconds(steps.validated());
        double marked = wholeSeconds(steps.marked());
        double summary = wholeSeconds(steps.summary());
        System.out.printf(Locale.ROOT, "    up to each step, same files: raw read %.1f s (1.0x); read as ingest does %.1f s (%.1fx); validated %.1f s (%.1fx); "
                + "marked %.1f s (%.1fx); summarised %.1f s (%.1fx); the whole ingest %.1f s (%.1fx)%n", readSeconds, read, read / readSeconds,
                validated, validated / readSeconds, marked, marked / readSeconds, summary, summary / readSeconds, ingestSeconds,
                ingestSeconds / readSeconds);
    }

    private static double wholeSeconds(Dataset<Row> rows) {
        long start = System.nanoTime();
        rows.write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - start) / 1e9;
    }

    /** A source's steps, each with the time it was reached, then its Spark stages and their share of the source's wall time. */
    private static void printStages(List<String> steps, List<StageTimes.Stage> stages, long started, double seconds) {
        steps.forEach(step -> System.out.println("    " + step));
        System.out.printf(Locale.ROOT, "    %5s %-28s %6s %7s %6s %8s %12s %10s %10s %9s  %s%n", "stage", "step", "at s", "wall s", "share", "task s",
                "rows read", "shuffle w", "shuffle r", "spill", "operators");
        for (StageTimes.Stage stage : stages) {
            System.out.printf(Locale.ROOT, "    %5d %-28s %6.1f %7.2f %5.1f%% %8.2f %,12d %8.1fMB %8.1fMB %7.1fMB  %s%n", stage.id(),
                    stage.step().replaceFirst("^[a-z_]+: ", ""), (stage.submitted() - started) / 1000.0, stage.seconds(),
                    100 * stage.seconds() / seconds, stage.taskSeconds(),
                    stage.inputRows(), stage.shuffleWriteBytes() / 1e6, stage.shuffleReadBytes() / 1e6, stage.spillBytes() / 1e6,
                    stage.operators());
        }
    }

    /** What one format's run added up to. */
    private record Totals(long rows, double sparkSeconds, double readSeconds) {
        double rate() {
            return rows / sparkSeconds;
        }

        double ratio() {
            return sparkSeconds / readSeconds;
        }
    }

    @Override
    public void run() {
        Path work;
        try {
            work = Files.createTempDirectory("ioc-bench-ingest-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BenchExtracts bench = BenchExtracts.generate(work, scale, provinces);
        try (WarehouseServer server = bench.server()) {
            System.out.println(bench.summary());
            SparkSession spark = LocalSpark.session("ioc-bench-ingest");
            System.out.printf(Locale.ROOT, "spark %s, %s%n", spark.version(), spark.sparkContext().master());
            Totals parquet;
            Totals csv = null;
            try {
                parquet = ingest(spark, server, bench, work, false);
                if (this.csv) {
                    BenchExtracts csvExtracts = bench.csv(work.resolve("csv"));
                    System.out.println(csvExtracts.summary());
                    csv = ingest(spark, server, csvExtracts, work, true);
                    FileTrees.delete(csvExtracts.extracts());
                }
            } finally {
                spark.stop();
            }
            System.out.printf(Locale.ROOT, "read-only: Spark reading every field of the same files and doing nothing else, the least any Spark "
                    + "job over them costs here%n");
            System.out.printf(Locale.ROOT, "targets (issue 27): on typed Parquet, the whole ingest <= 3.0x Spark's raw read of the same files (%.1fx: %s), "
                    + "each source <= 4x; the whole country (~820 M rows) <= 30 min here (~%.0f min: %s)%n", parquet.ratio(),
                    parquet.ratio() <= 3.0 ? "met" : "MISSED", country(parquet), country(parquet) <= 30 ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "peak heap of this JVM (Spark's driver and executors): %.2f GiB (target <= 6 GiB)%n", peakHeapBytes() / (double) (1L << 30));
            // Lines a script reads: the rates, their ratio and the country extrapolated, typed Parquet then CSV.
            System.out.println(scriptLine("ingest", parquet));
            if (csv != null) {
                System.out.println(scriptLine("ingest csv", csv));
            }
        } finally {
            FileTrees.delete(work);
        }
    }

    private static double country(Totals totals) {
        return 820e6 / totals.rate() / 60;
    }

    private static String scriptLine(String label, Totals totals) {
        return String.format(Locale.ROOT, "%s: %.0f rows/s, raw read %.0f rows/s, ratio %.1fx, country ~%.0f min", label, totals.rate(),
                totals.rows() / totals.readSeconds(), totals.ratio(), country(totals));
    }

    /** One line of the table; ClickHouse's columns blank where it did not run (CSV). */
    private static String line(String label, long rows, double sparkSeconds, double readSeconds, double clickHouseSeconds) {
        return String.format(Locale.ROOT, "%-28s %,13d %10.1f %,12.0f %12.1f %,12.0f ", label, rows, sparkSeconds, rows / sparkSeconds, readSeconds,
                rows / readSeconds) + (Double.isNaN(clickHouseSeconds) ? String.format(Locale.ROOT, "%14s %8s", "-", "-")
                : String.format(Locale.ROOT, "%14.2f %7.0fx", clickHouseSeconds, sparkSeconds / clickHouseSeconds));
    }

    /** Every source of one set of extracts, ingested and read, a line each and one for all; ClickHouse's aggregation for Parquet. */
    private Totals ingest(SparkSession spark, WarehouseServer server, BenchExtracts bench, Path work, boolean csv) {
        WarehouseConnection warehouse = bench.writer();
        Path extracts = bench.extracts();
        System.out.printf(Locale.ROOT, "%-28s %13s %10s %12s %12s %12s %14s %8s%n", csv ? "source (CSV)" : "source (typed Parquet)", "rows", "spark s",
                "rows/s", "read-only s", "read rows/s", "clickhouse s", "ratio");
        double populationSeconds = 0;
        long totalRows = 0;
        double totalSpark = 0;
        double totalRead = 0;
        double totalClickHouse = 0;
        StageTimes stageTimes = StageTimes.listen(spark);
        for (SourcePipeline pipeline : IngestCommand.pipelines(history)) {
            List<String> steps = new ArrayList<>();
            stageTimes.drain(spark);
            long start = System.nanoTime();
            long started = System.currentTimeMillis();
            IngestJob.Outcome outcome = new IngestJob(spark, warehouse, work.resolve("quarantine"), steps::add)
                    .run(pipeline, extracts, bench.asOf().withDayOfMonth(1), bench.asOf());
            double sparkSeconds = (System.nanoTime() - start) / 1e9;
            if (stages) {
                printStages(steps, stageTimes.drain(spark), started, sparkSeconds);
            }
            double readSeconds = readOnlySeconds(spark, extracts.resolve(pipeline.source()), pipeline.source(), pipeline.columns(), csv);
            double clickHouseSeconds = csv ? Double.NaN : clickHouseSeconds(server.engine(), extracts.resolve(pipeline.source()), pipeline.source(),
                    pipeline.columns(), String.format(Locale.ROOT, CLICKHOUSE_AGGREGATES.get(pipeline.source()), bench.asOf()));
            System.out.println(line(pipeline.source(), outcome.read(), sparkSeconds, readSeconds, clickHouseSeconds));
            if (floors) {
                printFloors(spark, warehouse, pipeline, extracts, bench.asOf(), readSeconds, sparkSeconds);
            }
            if (pipeline instanceof PopulationPipeline) {
                populationSeconds = sparkSeconds;
            }
            totalRows += outcome.read();
            totalSpark += sparkSeconds;
            totalRead += readSeconds;
            totalClickHouse += clickHouseSeconds;
        }
        stageTimes.stop(spark);
        if (history > 1) {
            long start = System.nanoTime();
            new IngestJob(spark, warehouse, work.resolve("quarantine"), message -> { })
                    .run(new PopulationPipeline(1), extracts, bench.asOf().withDayOfMonth(1), bench.asOf());
            double oneMonth = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "population_registry with %d monthly snapshots: %.1f s; with the extract's month only: %.1f s "
                    + "(%.2fx)%n", history, populationSeconds, oneMonth, populationSeconds / oneMonth);
        }
        System.out.println(line("all", totalRows, totalSpark, totalRead, totalClickHouse));
        return new Totals(totalRows, totalSpark, totalRead);
    }

}
