package vn.ioc.ingest.quality;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.ioc.ingest.input.ExtractReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * One source's steps, each a pure {@code Dataset -> Dataset} function; {@link vn.ioc.ingest.IngestJob}
 * runs them and does the reading, quarantining, loading and accounting that all sources share.
 *
 * <p>Column conventions: {@link #RULE} holds the first quarantining rule a row fails (null when valid),
 * {@link #REASON} says why, {@link #QUARANTINED} holds a failing row as its quarantine file keeps it,
 * {@link #DUPLICATE} marks the valid rows dropped as duplicates, and the summary carries {@code rows} plus
 * the unit columns {@code current_province} and {@code current_code}.
 */
public interface SourcePipeline {
    String RULE = "_rule";
    String REASON = "_reason";
    String DUPLICATE = "_duplicate";
    String QUARANTINED = "_quarantined";
    /** The facts' and the summary's count of rows that came with a pre-reform commune code. */
    String FROM_PRE_REFORM = "from_pre_reform_code";

    /** The source's name, columns and rules. */
    Definition definition();

    default String source() {
        return definition().source();
    }

    default List<String> columns() {
        return definition().columns();
    }

    /** Every rule the data-quality facts report: the quarantining ones, then those only counted. */
    default List<Rule> reportedRules() {
        List<Rule> rules = new ArrayList<>(definition().quarantining());
        rules.addAll(definition().counted());
        return List.copyOf(rules);
    }

    /**
     * @param source       the extract's name, as the generator writes it
     * @param factTable    the warehouse table its facts go to
     * @param columns      its columns, in file order
     * @param quarantining the rules that quarantine a row, in the order they are checked
     * @param counted      the rules that only count rows (duplicates dropped, codes mapped, ...)
     * @param duplicates   which rows are duplicates, and which of them is kept
     */
    record Definition(String source, String factTable, List<String> columns, List<Rule> quarantining, List<Rule> counted,
                      Duplicates duplicates) {
        public Definition {
            columns = List.copyOf(columns);
            quarantining = List.copyOf(quarantining);
            counted = List.copyOf(counted);
            if (quarantining.stream().anyMatch(rule -> rule.effect() != Rule.Effect.QUARANTINED)
                    || counted.stream().anyMatch(rule -> rule.effect() == Rule.Effect.QUARANTINED)) {
                throw new IllegalArgumentException(source + ": the quarantining rules, and only they, quarantine");
            }
        }
    }

    /** The summary lines of the rows that reach the facts: valid, and not dropped as duplicates. */
    static Column kept() {
        return col(RULE).isNull().and(not(col(DUPLICATE)));
    }

    /**
     * What a summary groups by: the province folder a failing row came in (its unit where the commune is not known), the
     * current unit, the source's own {@code breakdown}, then what {@link vn.ioc.ingest.IngestJob} accounts with: the rule
     * failed, the quarantined row and what sets apart the rows that may be duplicates ({@link Duplicates#summaryKeys}).
     * The lines of the rows kept are thus one per unit and breakdown, but for the few of candidate duplicates.
     */
    static Column[] summaryKeys(Column... breakdown) {
        List<Column> keys = new ArrayList<>(List.of(when(col(RULE).isNotNull(), col(ExtractReader.FILE_PROVINCE)).as(ExtractReader.FILE_PROVINCE),
                col("current_province"), col("current_code")));
        keys.addAll(List.of(breakdown));
        keys.addAll(List.of(col(RULE), col(QUARANTINED)));
        keys.addAll(Duplicates.summaryKeys());
        return keys.toArray(Column[]::new);
    }

    /** In a summary aggregation over rows: how many came with a pre-reform commune code (mapped to a current one). */
    static Column fromPreReformCode() {
        return countWhere(col("pre_reform")).as(FROM_PRE_REFORM);
    }

    /** In a facts aggregation over summary lines: their {@link #fromPreReformCode} added up. */
    static Column fromPreReformCodeSummed() {
        return sum(col(FROM_PRE_REFORM)).cast("long").as(FROM_PRE_REFORM);
    }

    /** In a summary aggregation over rows: how many meet the condition. */
    static Column countWhere(Column condition) {
        return sum(when(condition, 1).otherwise(0)).cast("long");
    }

    /** Normalises the text and marks each row with the first rule it fails, against the reference units. */
    Dataset<Row> validate(Dataset<Row> raw, LocalDate asOf, References references);

    /**
     * Marks what needs rows compared with each other, other than duplicates (found with the summary, see
     * {@link Duplicates}): by default nothing.
     */
    default Dataset<Row> mark(Dataset<Row> validated) {
        return validated;
    }

    /**
     * The reference units a pipeline validates against.
     *
     * @param communes  every commune code a record may carry and the current commune it stands for (see ReferenceLookup)
     * @param provinces every province code a record may carry, current or pre-reform
     */
    record References(Dataset<Row> communes, List<String> provinces) {
    }

    /**
     * One pass over the prepared rows: the counts everything else is read from, grouped by {@link #summaryKeys}; its
     * duplicates are marked afterwards ({@link Duplicates#resolve}).
     * Grouping by {@link #QUARANTINED} (null for valid rows) brings the failing rows to their quarantine file
     * without a second read.
     */
    Dataset<Row> summarise(Dataset<Row> prepared, LocalDate asOf);

    /**
     * The fact tables this source loads, from the summary. The summary's lines of kept rows are one per unit and breakdown
     * (see {@link #summaryKeys}): where the breakdown is the fact table's key, they are its rows as they are, but for the
     * few of a duplicate's surviving row, which add a row of their key (facts are added up by whoever reads them).
     */
    List<FactTable> facts(Dataset<Row> summary, LocalDate period);

    /** Per unit: {@code province_code, commune_code, checked} and a count column per reported rule id. */
    Dataset<Row> quality(Dataset<Row> summary);

    /**
     * A warehouse table and the rows for it, in its column order; {@code personCounts}: the columns that count people
     * or their records, which a sample's weight multiplies (none for a census of schools or a province's supply).
     */
    record FactTable(String table, List<String> columns, Dataset<Row> rows, List<String> personCounts) {
        public FactTable {
            columns = List.copyOf(columns);
            personCounts = List.copyOf(personCounts);
        }

        public FactTable(String table, List<String> columns, Dataset<Row> rows) {
            this(table, columns, rows, List.of());
        }
    }
}
