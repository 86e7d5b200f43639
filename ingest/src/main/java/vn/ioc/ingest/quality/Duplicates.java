package vn.ioc.ingest.quality;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * A source's duplicates: among the valid rows with the same natural {@code key}, the first by {@code order} (the last
 * when {@code latestKept}) is kept and the others are dropped, marked {@link SourcePipeline#DUPLICATE}.
 *
 * <p>At ingest the rows are not sorted by their key to find them (a window over every row cost more than validating
 * them, see docs/ingest.md): almost every key occurs once, so a narrow pass over the key's hash alone finds the hashes
 * read more than once ({@link #candidates}); only their rows are told apart, each as a summary line of its own
 * ({@link #flag}), and the window that picks the first of a key runs over those few lines, by the key itself, after the
 * summary ({@link #resolve}). {@link #markRows} is the same rule row by row, for a caller that keeps the rows.
 */
public record Duplicates(List<String> key, String order, boolean latestKept) {
    /** In a summary: a candidate row's own id (null for the others), its key and its order value. */
    static final String ROW = "_dup_row";
    static final String KEY = "_dup_key";
    static final String ORDER = "_dup_order";
    private static final String HASH = "_dup_hash";
    private static final String CANDIDATE = "_dup_candidate";
    private static final String DROPPED = "_dup_dropped";

    public Duplicates {
        key = List.copyOf(key);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a natural key has at least one column");
        }
    }

    /** The summary keys that keep each candidate row apart: its id, key and order value, null for every other row. */
    public static List<Column> summaryKeys() {
        return List.of(col(ROW), col(KEY), col(ORDER));
    }

    private Column hash() {
        return xxhash64(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    /**
     * The hashes of the keys {@code raw} holds more than once, whatever their rows' validity: a superset of the duplicated
     * keys (a null key hashes alike, as the window's partitions put nulls together).
     */
    public Dataset<Row> candidates(Dataset<Row> raw) {
        // A count over the hash's window: its rows sorted (a radix sort of longs), not aggregated; an aggregation's partial
        // step, which reduces nothing where nearly every key occurs once, cost a third more (docs/ingest.md).
        return raw.select(hash().as(HASH)).withColumn("n", count(lit(1)).over(Window.partitionBy(HASH))).filter(col("n").gt(1))
                .select(col(HASH)).distinct().withColumn(CANDIDATE, lit(true));
    }

    /** Gives the rows of candidate keys their {@link #summaryKeys}; the others get nulls and are summarised together as before. */
    public Dataset<Row> flag(Dataset<Row> rows, Dataset<Row> candidates) {
        Column isCandidate = col(CANDIDATE).isNotNull();
        return rows.withColumn(HASH, hash()).join(broadcast(candidates), HASH, "left")
                .withColumn(ROW, when(isCandidate, monotonically_increasing_id()))
                .withColumn(KEY, when(isCandidate, struct(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))))
                .withColumn(ORDER, when(isCandidate, col(order)))
                .drop(HASH, CANDIDATE);
    }

    /**
     * The summary with {@link SourcePipeline#DUPLICATE} set: a valid candidate line (one row) after the first of its key
     * in order. The summary is read at once for its few candidate lines, then by whatever reads the result: keep it cached.
     */
    public Dataset<Row> resolve(Dataset<Row> summary) {
        Column first = latestKept ? col(ORDER).desc() : col(ORDER).asc();
        Dataset<Row> dropped = summary.filter(col(ROW).isNotNull().and(col(SourcePipeline.RULE).isNull()))
                .select(col(ROW), row_number().over(Window.partitionBy(col(KEY)).orderBy(first, col(ROW).asc())).as("n"))
                .filter(col("n").gt(1))
                .select(col(ROW).as(DROPPED))
                // Computed now, once: a few lines, joined to the summary by every step that reads it.
                .localCheckpoint();
        return summary.join(broadcast(dropped), col(ROW).equalTo(col(DROPPED)), "left")
                .withColumn(SourcePipeline.DUPLICATE, col(DROPPED).isNotNull())
                .drop(ROW, DROPPED, KEY, ORDER);
    }

    /** The same rule over rows: a window over the valid rows of each key, for callers that keep the rows. */
    public Dataset<Row> markRows(Dataset<Row> validated) {
        Column[] partition = new Column[key.size() + 1];
        partition[0] = col(SourcePipeline.RULE);
        for (int i = 0; i < key.size(); i++) {
            partition[i + 1] = col(key.get(i));
        }
        Column first = latestKept ? col(order).desc() : col(order).asc();
        return validated.withColumn(SourcePipeline.DUPLICATE, when(col(SourcePipeline.RULE).isNull(),
                row_number().over(Window.partitionBy(partition).orderBy(first)).gt(1))
                .otherwise(lit(false)));
    }
}
