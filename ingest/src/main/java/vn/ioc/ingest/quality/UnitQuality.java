package vn.ioc.ingest.quality;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.ioc.ingest.input.ExtractReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Data-quality counts per unit from a source's summary: rows checked, rows failing each quarantining
 * rule, and rows counted under the rules that do not quarantine (duplicates, mapped codes, ...). A row's
 * unit is its current commune where known, else the province folder it came in with and commune {@code ''}.
 */
public final class UnitQuality {
    private UnitQuality() {
    }

    /** The counted-only rules most sources share: duplicates dropped, and valid rows whose pre-reform code was mapped. */
    public static Map<Rule, Column> duplicatesAndMapped(Rule duplicate, Rule preReform) {
        Map<Rule, Column> counted = new LinkedHashMap<>();
        counted.put(duplicate, when(col(SourcePipeline.DUPLICATE), col("rows")).otherwise(0));
        counted.put(preReform, when(col(SourcePipeline.RULE).isNull(), col(SourcePipeline.FROM_PRE_REFORM)).otherwise(0));
        return counted;
    }

    /** @param counted for each counted-only rule, the number of rows of a summary line it applies to */
    public static Dataset<Row> byUnit(Dataset<Row> summary, List<Rule> quarantining, Map<Rule, Column> counted) {
        Column commune = when(col("current_code").isNotNull(), col("current_code")).otherwise(lit(""));
        Column province = when(col("current_province").isNotNull(), col("current_province")).otherwise(col(ExtractReader.FILE_PROVINCE));
        List<Column> aggregates = new ArrayList<>();
        for (Rule rule : quarantining) {
            aggregates.add(sum(when(col(SourcePipeline.RULE).equalTo(rule.id()), col("rows")).otherwise(0)).cast("long").as(rule.id()));
        }
        counted.forEach((rule, rows) -> aggregates.add(sum(rows).cast("long").as(rule.id())));
        return summary.groupBy(province.as("province_code"), commune.as("commune_code"))
                .agg(sum("rows").cast("long").as("checked"), aggregates.toArray(Column[]::new));
    }
}
