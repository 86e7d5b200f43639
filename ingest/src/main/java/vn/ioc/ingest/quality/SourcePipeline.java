package vn.ioc.ingest.quality;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

/**
 * One source's steps, each a pure {@code Dataset -> Dataset} function; {@link vn.ioc.ingest.IngestJob}
 * runs them and does the reading, quarantining, loading and accounting that all sources share.
 *
 * <p>Column conventions: {@link #RULE} holds the first quarantining rule a row fails (null when valid),
 * {@link #REASON} says why, {@link #DUPLICATE} marks the valid rows dropped as duplicates, and the
 * summary carries {@code rows} plus the unit columns {@code current_province} and {@code current_code}.
 */
public interface SourcePipeline {
    String RULE = "_rule";
    String REASON = "_reason";
    String DUPLICATE = "_duplicate";

    String source();

    List<String> columns();

    /** The rules that quarantine a row, in the order they are checked. */
    List<Rule> rules();

    /** Every rule the data-quality facts report: the quarantining ones and those only counted. */
    List<Rule> reportedRules();

    /** Normalises, validates and marks duplicates against the reference units. */
    Dataset<Row> prepare(Dataset<Row> raw, LocalDate asOf, References references);

    /**
     * The reference units a pipeline validates against.
     *
     * @param communes  every commune code a record may carry and the current commune it stands for (see ReferenceLookup)
     * @param provinces every province code a record may carry, current or pre-reform
     */
    record References(Dataset<Row> communes, List<String> provinces) {
    }

    /** One pass over the prepared rows: the counts everything else is read from. */
    Dataset<Row> summarise(Dataset<Row> prepared, LocalDate asOf);

    /** The fact tables this source loads, from the summary. */
    List<FactTable> facts(Dataset<Row> summary, LocalDate period);

    /** Per unit: {@code province_code, commune_code, checked} and a count column per reported rule id. */
    Dataset<Row> quality(Dataset<Row> summary);

    /** A warehouse table and the rows for it, in its column order. */
    record FactTable(String table, List<String> columns, Dataset<Row> rows) {
    }
}
