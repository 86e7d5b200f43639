package vn.ioc.ingest.population;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import vn.ioc.ingest.input.ExtractInput;
import vn.ioc.ingest.input.ExtractReader;
import vn.ioc.ingest.input.InputFile;
import vn.ioc.ingest.load.FactLoader;
import vn.ioc.ingest.load.ReferenceLookup;
import vn.ioc.ingest.load.RunLog;
import vn.ioc.ingest.quality.Rule;
import vn.ioc.warehouse.WarehouseConnection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static java.util.Objects.requireNonNull;

/**
 * Ingests one population registry extract for one month: read, normalise, validate, quarantine,
 * dedupe, map units, aggregate, then stage and swap the facts and data-quality facts in.
 */
public final class PopulationJob {
    private final SparkSession spark;
    private final WarehouseConnection warehouse;
    private final Path quarantine;
    private final Consumer<String> progress;

    public PopulationJob(SparkSession spark, WarehouseConnection warehouse, Path quarantine, Consumer<String> progress) {
        this.spark = requireNonNull(spark, "spark");
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.quarantine = requireNonNull(quarantine, "quarantine");
        this.progress = requireNonNull(progress, "progress");
    }

    /** What a run did; counts reconcile: read = loadedFrom + quarantined + duplicates. */
    public record Outcome(UUID runId, long read, long loadedFrom, long quarantined, long duplicates, Map<String, Long> quarantinedByRule,
                          long factRows, Path quarantineFolder) {
    }

    public Outcome run(Path input, LocalDate period, LocalDate asOf) {
        UUID runId = UUID.randomUUID();
        Instant started = Instant.now();
        Consumer<String> progress = message -> this.progress.accept(String.format(Locale.ROOT, "%6.1f s  %s",
                Duration.between(started, Instant.now()).toMillis() / 1000.0, message));
        List<InputFile> files = List.of();
        FactLoader loader = new FactLoader(warehouse, runId.toString());
        try {
            files = ExtractInput.discover(input, PopulationPipeline.SOURCE, PopulationPipeline.COLUMNS);
            progress.accept("population: " + files.size() + " file(s); reading, validating");
            Dataset<Row> marked = PopulationPipeline.markDuplicates(PopulationPipeline.validate(
                    PopulationPipeline.normalise(ExtractReader.read(spark, files, PopulationPipeline.COLUMNS)),
                    asOf, ReferenceLookup.communes(spark, warehouse)));
            Dataset<Row> summary = PopulationPipeline.summarise(marked, asOf).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Row totals = summary.agg(sum("rows"), sum(when(PopulationPipeline.invalid(), col("rows")).otherwise(0)),
                        sum(when(col(PopulationPipeline.DUPLICATE), col("rows")).otherwise(0))).first();
                long read = totals.isNullAt(0) ? 0 : totals.getLong(0);
                long quarantined = totals.isNullAt(1) ? 0 : totals.getLong(1);
                long duplicates = totals.isNullAt(2) ? 0 : totals.getLong(2);
                progress.accept("population: " + read + " rows read");
                Map<String, Long> byRule = new LinkedHashMap<>();
                for (Row row : summary.filter(PopulationPipeline.invalid()).groupBy(PopulationPipeline.RULE).agg(sum("rows"))
                        .orderBy(PopulationPipeline.RULE).collectAsList()) {
                    byRule.put(row.getString(0), row.getLong(1));
                }
                Path quarantineFolder = quarantine.resolve(PopulationPipeline.SOURCE).resolve("run=" + runId);
                if (quarantined > 0) {
                    progress.accept("population: " + quarantined + " row(s) quarantined to " + quarantineFolder);
                    List<String> kept = new ArrayList<>(PopulationPipeline.COLUMNS);
                    kept.addAll(List.of(ExtractReader.CORRUPT, ExtractReader.FILE_PROVINCE, PopulationPipeline.RULE, PopulationPipeline.REASON));
                    marked.filter(PopulationPipeline.invalid()).select(kept.stream().map(functions::col).toArray(Column[]::new))
                            .write().option("header", "true").csv(quarantineFolder.toString());
                }
                FactLoader.Staged staged = loader.stage("population_facts", List.of("period", "province_code", "commune_code", "sex", "age",
                        "residence_type", "residents", "verified", "id_card", "vneid_level2", "insurance_linked", "updated_last_year",
                        "from_pre_reform_code"), values(PopulationPipeline.facts(summary, period)));
                progress.accept("population: " + staged.rows() + " fact rows staged");
                loader.stage("data_quality_facts", List.of("source", "period", "province_code", "commune_code", "rule", "checked", "failed"),
                        qualityRows(PopulationPipeline.quality(summary), period).iterator());
                progress.accept("population: data-quality facts staged; swapping partitions in");
                loader.commit();
                long loadedFrom = read - quarantined - duplicates;
                new RunLog(warehouse).record(new RunLog.Entry(runId, PopulationPipeline.SOURCE, period.toString().substring(0, 7), started,
                        Instant.now(), files, read, loadedFrom, quarantined, duplicates, staged.rows(), "ok", ""));
                return new Outcome(runId, read, loadedFrom, quarantined, duplicates, byRule, staged.rows(), quarantineFolder);
            } finally {
                summary.unpersist();
            }
        } catch (RuntimeException e) {
            loader.discard();
            try {
                new RunLog(warehouse).record(new RunLog.Entry(runId, PopulationPipeline.SOURCE, period.toString().substring(0, 7), started,
                        Instant.now(), files, 0, 0, 0, 0, 0, "failed", e.getMessage()));
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
    }

    private static Iterator<Object[]> values(Dataset<Row> facts) {
        Iterator<Row> rows = facts.toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                Row row = rows.next();
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                return values;
            }
        };
    }

    /** The wide per-unit counts as one row per unit and rule. */
    private static List<Object[]> qualityRows(Dataset<Row> quality, LocalDate period) {
        List<Object[]> rows = new ArrayList<>();
        for (Row unit : quality.collectAsList()) {
            for (Rule rule : PopulationPipeline.reportedRules()) {
                rows.add(new Object[]{PopulationPipeline.SOURCE, period, unit.getString(0), unit.getString(1), rule.id(),
                        unit.getLong(unit.fieldIndex("checked")), unit.getLong(unit.fieldIndex(rule.id()))});
            }
        }
        return rows;
    }
}
