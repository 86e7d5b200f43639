package vn.ioc.ingest.quality;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ioc.ingest.spark.LocalSpark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The duplicates found with the summary (a pass over the keys' hashes, a summary line of its own for each row of a key
 * read more than once, the window over those lines) are the ones a window over all rows finds, on rows made to be
 * awkward: keys read three times, exact copies, invalid rows sharing a key with a valid one, null keys, a two-column key.
 */
class DuplicatesTest {
    private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType).add("part", DataTypes.StringType)
            .add("updated", DataTypes.StringType).add("unit", DataTypes.StringType).add(SourcePipeline.RULE, DataTypes.StringType);
    private static SparkSession spark;

    /** The session the other ingest tests of this JVM share (not stopped here: they may still need it). */
    @BeforeAll
    static void start() {
        spark = LocalSpark.session("duplicates-test");
    }

    private static Dataset<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(RowFactory.create("u" + i, "a", "2025-01-01", "c" + (i % 3), null));
        }
        // A key read three times, the latest in another unit than the two others.
        rows.add(RowFactory.create("d1", "a", "2025-01-01", "c1", null));
        rows.add(RowFactory.create("d1", "a", "2025-03-01", "c2", null));
        rows.add(RowFactory.create("d1", "a", "2025-02-01", "c1", null));
        // Exact copies.
        rows.add(RowFactory.create("d2", "a", "2025-01-05", "c0", null));
        rows.add(RowFactory.create("d2", "a", "2025-01-05", "c0", null));
        // An invalid row shares its key with a valid one: it is no duplicate, the valid one is kept.
        rows.add(RowFactory.create("d3", "a", "2025-05-01", "c0", "X-RULE"));
        rows.add(RowFactory.create("d3", "a", "2025-01-01", "c0", null));
        // Two invalid rows of a key: neither is a duplicate.
        rows.add(RowFactory.create("d4", "a", "2025-01-01", "c0", "X-RULE"));
        rows.add(RowFactory.create("d4", "a", "2025-01-01", "c0", "X-RULE"));
        // Null keys are one key, as in the window's partitions.
        rows.add(RowFactory.create(null, "a", "2025-01-01", "c1", null));
        rows.add(RowFactory.create(null, "a", "2025-01-02", "c1", null));
        // The same id, another part: duplicates by id alone, not by (id, part).
        rows.add(RowFactory.create("d5", "a", "2025-01-01", "c2", null));
        rows.add(RowFactory.create("d5", "b", "2025-01-01", "c2", null));
        return spark.createDataFrame(rows, SCHEMA).repartition(3);
    }

    /** Per unit: rows kept and rows dropped as duplicates. */
    private static Map<String, String> counts(Dataset<Row> lines) {
        Map<String, String> counts = new TreeMap<>();
        Column dropped = sum(when(col(SourcePipeline.DUPLICATE), col("rows")).otherwise(0));
        Column kept = sum(when(col(SourcePipeline.DUPLICATE).or(col(SourcePipeline.RULE).isNotNull()), 0).otherwise(col("rows")));
        for (Row unit : lines.groupBy("unit").agg(kept, dropped).collectAsList()) {
            counts.put(unit.getString(0), "kept " + unit.getLong(1) + ", dropped " + unit.getLong(2));
        }
        return counts;
    }

    private static Map<String, String> byRows(Duplicates duplicates) {
        return counts(duplicates.markRows(rows()).groupBy(col("unit"), col(SourcePipeline.RULE), col(SourcePipeline.DUPLICATE))
                .agg(count(lit(1)).as("rows")));
    }

    private static Map<String, String> bySummary(Duplicates duplicates) {
        Dataset<Row> rows = rows();
        List<Column> keys = new ArrayList<>(List.of(col("unit"), col(SourcePipeline.RULE)));
        keys.addAll(Duplicates.summaryKeys());
        Dataset<Row> summary = duplicates.flag(rows, duplicates.candidates(rows)).groupBy(keys.toArray(Column[]::new))
                .agg(count(lit(1)).as("rows")).cache();
        return counts(duplicates.resolve(summary));
    }

    @Test
    void theSummaryFindsWhatAWindowOverTheRowsFinds() {
        for (Duplicates duplicates : List.of(new Duplicates(List.of("id"), "updated", true), new Duplicates(List.of("id"), "updated", false),
                new Duplicates(List.of("id", "part"), "updated", true))) {
            assertEquals(byRows(duplicates), bySummary(duplicates), duplicates.toString());
        }
        // Worked out by hand, the latest kept: the unique keys are 67, 67 and 66 rows of c0, c1 and c2; d1 keeps c2's row
        // and drops c1's two; d2 keeps one of c0's copies; d3 its valid row in c0; the null key keeps c1's later row and
        // drops the other; d5 (by id alone) keeps one of c2's tied rows and drops the other.
        assertEquals(Map.of("c0", "kept 69, dropped 1", "c1", "kept 68, dropped 3", "c2", "kept 68, dropped 1"),
                bySummary(new Duplicates(List.of("id"), "updated", true)));
    }
}
