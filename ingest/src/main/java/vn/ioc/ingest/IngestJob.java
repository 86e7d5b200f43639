package vn.ioc.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.ioc.ingest.input.ExtractInput;
import vn.ioc.ingest.input.ExtractReader;
import vn.ioc.ingest.input.InputFile;
import vn.ioc.ingest.load.FactLoader;
import vn.ioc.ingest.load.ReferenceLookup;
import vn.ioc.ingest.load.RunLog;
import vn.ioc.ingest.quality.Duplicates;
import vn.ioc.ingest.quality.Fields;
import vn.ioc.ingest.quality.Rule;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.sample.SampleDesign;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.files.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static java.util.Objects.requireNonNull;

/**
 * Ingests one source's extract: read, then the source's own steps (normalise, validate, dedupe, map
 * units, aggregate), quarantine the failing rows to files, stage the facts and data-quality facts, swap
 * them in, and log the run. A failure at any point leaves the warehouse as it was.
 */
public final class IngestJob {
    /** Under the quarantine folder: the run's fact files, while they are loaded. */
    private static final String STAGING = "_staging";

    private final SparkSession spark;
    private final WarehouseConnection warehouse;
    private final Path quarantine;
    private final Consumer<String> progress;

    public IngestJob(SparkSession spark, WarehouseConnection warehouse, Path quarantine, Consumer<String> progress) {
        this.spark = requireNonNull(spark, "spark");
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.quarantine = requireNonNull(quarantine, "quarantine");
        this.progress = requireNonNull(progress, "progress");
    }

    /** What a run did; counts reconcile: read = loadedFrom + quarantined + duplicates. */
    public record Outcome(UUID runId, String source, long read, long loadedFrom, long quarantined, long duplicates, Map<String, Long> quarantinedByRule,
                          long factRows, Path quarantineFolder) {
    }

    public Outcome run(SourcePipeline pipeline, Path input, LocalDate period, LocalDate asOf) {
        UUID runId = UUID.randomUUID();
        Instant started = Instant.now();
        Consumer<String> progress = message -> this.progress.accept(String.format(Locale.ROOT, "%6.1f s  %s",
                Duration.between(started, Instant.now()).toMillis() / 1000.0, message));
        List<InputFile> files = List.of();
        FactLoader loader = new FactLoader(warehouse, runId.toString());
        try {
            String source = pipeline.source();
            files = ExtractInput.discover(input, source, pipeline.columns());
            Optional<SampleDesign> design = SampleDesign.read(input);
            progress.accept(source + ": " + files.size() + " file(s); reading, validating");
            List<String> quarantineColumns = quarantineColumns(pipeline);
            // Kept: every step below reads it, and its duplicates are found from it (a few lines, joined to it as it is read).
            Dataset<Row> summarised = steps(spark, warehouse, pipeline, files, asOf).summary().persist(StorageLevel.MEMORY_AND_DISK());
            try {
                step(source, "summary");
                Dataset<Row> summary = pipeline.definition().duplicates().resolve(summarised);
                long read = 0;
                long quarantined = 0;
                long duplicates = 0;
                Map<String, Long> byRule = new TreeMap<>();
                for (Row count : summary.groupBy(col(SourcePipeline.RULE), col(SourcePipeline.DUPLICATE)).agg(sum("rows")).collectAsList()) {
                    long rows = count.getLong(2);
                    read += rows;
                    if (!count.isNullAt(0)) {
                        quarantined += rows;
                        byRule.merge(count.getString(0), rows, Long::sum);
                    } else if (count.getBoolean(1)) {
                        duplicates += rows;
                    }
                }
                progress.accept(source + ": " + read + " rows read");
                Path quarantineFolder = quarantine.resolve(source).resolve("run=" + runId);
                if (quarantined > 0) {
                    progress.accept(source + ": " + quarantined + " row(s) quarantined to " + quarantineFolder);
                    step(source, "quarantine");
                    quarantinedRows(summary, quarantineColumns).write().option("header", "true").csv(quarantineFolder.toString());
                }
                long written = 0;
                // What a killed run left here is of no use: one ingest runs at a time.
                Path factFiles = quarantine.resolve(STAGING);
                FileTrees.delete(factFiles);
                try {
                    for (SourcePipeline.FactTable table : pipeline.facts(summary, period)) {
                        progress.accept(source + ": aggregating and staging " + table.table());
                        Path folder = factFiles.resolve(table.table());
                        Dataset<Row> rows = table.rows();
                        if (design.isPresent() && !table.personCounts().isEmpty()) {
                            progress.accept(source + ": the extracts are a sample: person counts weighted by its design (" + SampleDesign.FILE + ", "
                                    + design.get().communes().size() + " communes)");
                            rows = SampleDesign.weigh(rows, design.get().weights(spark), table.personCounts());
                        }
                        step(source, "facts " + table.table());
                        rows.write().parquet(folder.toString());
                        List<Path> parquet = parquetFiles(folder);
                        progress.accept(source + ": " + table.table() + " written in " + parquet.size() + " Parquet file(s); sending them");
                        written += loader.stageParquet(table.table(), table.columns(), parquet).rows();
                    }
                } finally {
                    FileTrees.delete(factFiles);
                }
                progress.accept(source + ": " + written + " fact rows staged");
                step(source, "quality");
                loader.stage("data_quality_facts", List.of("source", "period", "province_code", "commune_code", "rule", "effect", "checked", "failed"),
                        qualityRows(pipeline, pipeline.quality(summary), period).iterator());
                loader.stageWhole("sample_design", SampleDesign.COLUMNS, design.map(SampleDesign::rows).orElse(List.of()).iterator());
                progress.accept(source + ": data-quality facts staged; swapping partitions in");
                loader.commit();
                long loadedFrom = read - quarantined - duplicates;
                new RunLog(warehouse).record(new RunLog.Entry(runId, source, period.toString().substring(0, 7), started,
                        Instant.now(), asOf, files, read, loadedFrom, quarantined, duplicates, written, "ok", ""));
                return new Outcome(runId, source, read, loadedFrom, quarantined, duplicates, byRule, written, quarantineFolder);
            } finally {
                summarised.unpersist();
                spark.sparkContext().setJobDescription(null);
            }
        } catch (RuntimeException e) {
            loader.discard();
            try {
                new RunLog(warehouse).record(new RunLog.Entry(runId, pipeline.source(), period.toString().substring(0, 7), started,
                        Instant.now(), asOf, files, 0, 0, 0, 0, 0, "failed", e.getMessage()));
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
    }

    /**
     * A source's datasets, step by step up to its summary, not yet computed: the files read, the rows validated, marked
     * (each failing row's quarantine fields, the rows of keys read more than once set apart, the dose series) and
     * summarised (its duplicates not yet marked, see {@link Duplicates#resolve}).
     */
    public record Steps(Dataset<Row> read, Dataset<Row> validated, Dataset<Row> marked, Dataset<Row> summary) {
    }

    /** What {@link #run} computes before it reads anything back; {@code ioc bench ingest --floors} times each step on its own. */
    public static Steps steps(SparkSession spark, WarehouseConnection warehouse, SourcePipeline pipeline, List<InputFile> files, LocalDate asOf) {
        Dataset<Row> read = ExtractReader.read(spark, files, pipeline.source(), pipeline.columns());
        Dataset<Row> validated = pipeline.validate(read, asOf,
                new SourcePipeline.References(ReferenceLookup.communes(spark, warehouse), ReferenceLookup.provinces(warehouse)));
        Duplicates duplicates = pipeline.definition().duplicates();
        Dataset<Row> marked = duplicates.flag(pipeline.mark(withQuarantinedRow(validated, quarantineColumns(pipeline))), duplicates.candidates(read));
        return new Steps(read, validated, marked, pipeline.summarise(marked, asOf));
    }

    /** Names the Spark jobs that follow, for Spark's listeners and logs (see {@link vn.ioc.ingest.spark.StageTimes}). */
    private void step(String source, String step) {
        spark.sparkContext().setJobDescription(source + ": " + step);
    }

    /** What the quarantine keeps of a failing row: its fields as read, the folder it came from, the rule and the reason. */
    private static List<String> quarantineColumns(SourcePipeline pipeline) {
        List<String> columns = new ArrayList<>(pipeline.columns());
        columns.addAll(List.of(ExtractReader.CORRUPT, ExtractReader.FILE_PROVINCE, SourcePipeline.RULE, SourcePipeline.REASON));
        return columns;
    }

    /** Each failing row's quarantine fields in {@link SourcePipeline#QUARANTINED} as its CSV has them, for the summary to carry. */
    private static Dataset<Row> withQuarantinedRow(Dataset<Row> validated, List<String> columns) {
        Fields fields = Fields.of(validated);
        return validated.withColumn(SourcePipeline.QUARANTINED, when(invalid(), array(columns.stream().map(fields::text).toArray(Column[]::new))));
    }

    /** The failing rows back out of the summary, one line per row read (identical lines were counted together). */
    private static Dataset<Row> quarantinedRows(Dataset<Row> summary, List<String> columns) {
        Dataset<Row> lines = summary.filter(invalid())
                .select(explode(array_repeat(col(SourcePipeline.QUARANTINED), col("rows").cast("int"))).as("line"));
        return lines.select(IntStream.range(0, columns.size()).mapToObj(i -> col("line").getItem(i).as(columns.get(i))).toArray(Column[]::new))
                .coalesce(1);
    }

    private static List<Path> parquetFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the fact files in " + folder, e);
        }
    }

    private static Column invalid() {
        return col(SourcePipeline.RULE).isNotNull();
    }

    /** The wide per-unit counts as one row per unit and rule. */
    private static List<Object[]> qualityRows(SourcePipeline pipeline, Dataset<Row> quality, LocalDate period) {
        List<Object[]> rows = new ArrayList<>();
        for (Row unit : quality.collectAsList()) {
            for (Rule rule : pipeline.reportedRules()) {
                rows.add(new Object[]{pipeline.source(), period, unit.getString(0), unit.getString(1), rule.id(), rule.effect().id(),
                        unit.getLong(unit.fieldIndex("checked")), unit.getLong(unit.fieldIndex(rule.id()))});
            }
        }
        return rows;
    }
}
