package vn.ioc.ingest.population;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static java.util.Objects.requireNonNull;

/**
 * Ingests one population registry extract for one month: read, normalise, validate, quarantine,
 * dedupe, map units, aggregate, then stage and swap the facts and data-quality facts in.
 */
public final class PopulationJob {
    private static final String DUPLICATE_FLAG = "_duplicate";

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
        List<InputFile> files = List.of();
        FactLoader loader = new FactLoader(warehouse, runId.toString());
        try {
            files = ExtractInput.discover(input, PopulationPipeline.SOURCE, PopulationPipeline.COLUMNS);
            progress.accept("population: " + files.size() + " file(s); reading, validating");
            Dataset<Row> validated = PopulationPipeline.validate(
                    PopulationPipeline.normalise(ExtractReader.read(spark, files, PopulationPipeline.COLUMNS)),
                    asOf, ReferenceLookup.communes(spark, warehouse));
            Dataset<Row> marked = validated
                    .withColumn(DUPLICATE_FLAG, when(PopulationPipeline.valid(), row_number().over(
                            Window.partitionBy(col(PopulationPipeline.RULE), col("personal_id")).orderBy(col("updated_at").desc(), col("full_name")))
                            .gt(1)).otherwise(lit(false)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Row totals = marked.agg(count(lit(1)), sum(when(PopulationPipeline.invalid(), 1).otherwise(0)),
                        sum(when(col(DUPLICATE_FLAG), 1).otherwise(0))).first();
                long read = totals.getLong(0);
                long quarantined = totals.isNullAt(1) ? 0 : totals.getLong(1);
                long duplicates = totals.isNullAt(2) ? 0 : totals.getLong(2);
                Map<String, Long> byRule = new LinkedHashMap<>();
                for (Row row : marked.filter(PopulationPipeline.invalid()).groupBy(PopulationPipeline.RULE).count().orderBy(PopulationPipeline.RULE).collectAsList()) {
                    byRule.put(row.getString(0), row.getLong(1));
                }
                Path quarantineFolder = quarantine.resolve(PopulationPipeline.SOURCE).resolve("run=" + runId);
                if (quarantined > 0) {
                    progress.accept("population: " + quarantined + " row(s) quarantined to " + quarantineFolder);
                    List<String> kept = new ArrayList<>(PopulationPipeline.COLUMNS);
                    kept.addAll(List.of(ExtractReader.CORRUPT, ExtractReader.FILE_PROVINCE, PopulationPipeline.RULE, PopulationPipeline.REASON));
                    marked.filter(PopulationPipeline.invalid()).select(kept.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
                            .write().option("header", "true").csv(quarantineFolder.toString());
                }
                Dataset<Row> residents = marked.filter(PopulationPipeline.valid().and(col(DUPLICATE_FLAG).equalTo(false)));
                Dataset<Row> facts = PopulationPipeline.aggregate(residents, period, asOf);
                progress.accept("population: aggregating and staging facts");
                FactLoader.Staged staged = loader.stage("population_facts", List.of("period", "province_code", "commune_code", "sex", "age",
                        "residence_type", "residents", "verified", "id_card", "vneid_level2", "insurance_linked", "updated_last_year",
                        "from_pre_reform_code"), values(facts));
                loader.stage("data_quality_facts", List.of("source", "period", "province_code", "commune_code", "rule", "checked", "failed"),
                        qualityRows(PopulationPipeline.quality(marked), marked, period).iterator());
                loader.commit();
                long loadedFrom = read - quarantined - duplicates;
                new RunLog(warehouse).record(new RunLog.Entry(runId, PopulationPipeline.SOURCE, period.toString().substring(0, 7), started,
                        Instant.now(), files, read, loadedFrom, quarantined, duplicates, staged.rows(), "ok", ""));
                return new Outcome(runId, read, loadedFrom, quarantined, duplicates, byRule, staged.rows(), quarantineFolder);
            } finally {
                marked.unpersist();
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

    /** The wide per-unit counts as one row per unit and rule, duplicates included. */
    private static List<Object[]> qualityRows(Dataset<Row> quality, Dataset<Row> marked, LocalDate period) {
        Map<String, Long> duplicatesByUnit = new LinkedHashMap<>();
        for (Row row : marked.filter(col(DUPLICATE_FLAG)).groupBy(col("current_province"), col("current_code")).count().collectAsList()) {
            duplicatesByUnit.put(row.getString(0) + "|" + row.getString(1), row.getLong(2));
        }
        List<Rule> rules = new ArrayList<>(PopulationPipeline.RULES);
        rules.add(PopulationPipeline.PRE_REFORM);
        rules.add(PopulationPipeline.NFC);
        List<Object[]> rows = new ArrayList<>();
        for (Row unit : quality.collectAsList()) {
            String province = unit.getString(0);
            String commune = unit.getString(1);
            long checked = unit.getLong(2);
            for (Rule rule : rules) {
                rows.add(new Object[]{PopulationPipeline.SOURCE, period, province, commune, rule.id(), checked, unit.getLong(unit.fieldIndex(rule.id()))});
            }
            rows.add(new Object[]{PopulationPipeline.SOURCE, period, province, commune, PopulationPipeline.DUPLICATE.id(), checked,
                    duplicatesByUnit.getOrDefault(province + "|" + commune, 0L)});
        }
        return rows;
    }
}
