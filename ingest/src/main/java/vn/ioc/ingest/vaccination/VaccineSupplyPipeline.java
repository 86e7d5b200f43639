package vn.ioc.ingest.vaccination;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.ioc.ingest.input.ExtractReader;
import vn.ioc.ingest.quality.Duplicates;
import vn.ioc.ingest.quality.Fields;
import vn.ioc.ingest.quality.IsoText;
import vn.ioc.ingest.quality.Rule;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.quality.UnitQuality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/** Vaccine supply: doses delivered to and held by each province per month, for the allocation planner. */
public final class VaccineSupplyPipeline implements SourcePipeline {
    public static final String SOURCE = "vaccine_supply";
    public static final List<String> COLUMNS = List.of("province_code", "vaccine", "month", "doses_delivered", "doses_held");

    public static final Rule STRUCTURE = new Rule("SUP-STRUCT", "the line has as many fields as the header");
    public static final Rule PROVINCE = new Rule("SUP-PROVINCE", "province_code is one of the 34 provinces");
    public static final Rule VACCINE = new Rule("SUP-VACCINE", "vaccine is present");
    public static final Rule MONTH = new Rule("SUP-MONTH", "month is yyyy-MM");
    public static final Rule COUNTS = new Rule("SUP-COUNT", "doses delivered and held are whole numbers, not negative");
    public static final List<Rule> RULES = List.of(STRUCTURE, PROVINCE, VACCINE, MONTH, COUNTS);
    public static final Rule DUPLICATE_RULE = new Rule("SUP-DUP", "one row per province, vaccine and month", Rule.Effect.DUPLICATE);
    public static final Definition DEFINITION = new Definition(SOURCE, "vaccine_supply_facts", COLUMNS, RULES, List.of(DUPLICATE_RULE),
            new Duplicates(List.of("province_code", "vaccine", "month"), "doses_held", false));

    private static final List<String> FACT_COLUMNS = List.of("month", "province_code", "vaccine", "doses_delivered", "doses_held");

    @Override
    public Definition definition() {
        return DEFINITION;
    }

    @Override
    public Dataset<Row> validate(Dataset<Row> raw, LocalDate asOf, References references) {
        Dataset<Row> provinces = references.communes().select(col("current_province").as("known_province")).distinct();
        Dataset<Row> joined = raw.withColumn("vaccine", call_function("nfc", col("vaccine")))
                .join(broadcast(provinces), raw.col("province_code").equalTo(provinces.col("known_province")), "left");
        Fields fields = Fields.of(raw);
        Column month = IsoText.date(call_function("concat", col("month"), lit("-01")));
        Column rule = when(col(ExtractReader.CORRUPT).isNotNull(), lit(STRUCTURE.id()))
                .when(col("known_province").isNull(), lit(PROVINCE.id()))
                .when(col("vaccine").isNull(), lit(VACCINE.id()))
                .when(month.isNull(), lit(MONTH.id()))
                .when(not(coalesce(fields.naturalNumber("doses_delivered"), lit(false)))
                        .or(not(coalesce(fields.naturalNumber("doses_held"), lit(false)))), lit(COUNTS.id()));
        Column reason = when(col(RULE).equalTo(STRUCTURE.id()), lit("fields do not match the header"))
                .when(col(RULE).equalTo(PROVINCE.id()), call_function("concat", lit("province_code '"), coalesce(col("province_code"), lit("")), lit("' is unknown")))
                .when(col(RULE).equalTo(VACCINE.id()), lit("vaccine is blank"))
                .when(col(RULE).equalTo(MONTH.id()), call_function("concat", lit("month '"), coalesce(col("month"), lit("")), lit("' is not yyyy-MM")))
                .when(col(RULE).equalTo(COUNTS.id()), lit("doses delivered or held is negative or not a number"));
        return joined.withColumn("month_start", month)
                .withColumn("current_province", col("known_province"))
                .withColumn("current_code", lit(null).cast("string"))
                .withColumn(RULE, rule).withColumn(REASON, reason);
    }

    @Override
    public Dataset<Row> summarise(Dataset<Row> prepared, LocalDate asOf) {
        return prepared.groupBy(SourcePipeline.summaryKeys(col("month_start"), col("vaccine")))
                .agg(count(lit(1)).as("rows"),
                        sum(coalesce(col("doses_delivered").try_cast("long"), lit(0L))).as("doses_delivered"),
                        sum(coalesce(col("doses_held").try_cast("long"), lit(0L))).as("doses_held"));
    }

    @Override
    public List<FactTable> facts(Dataset<Row> summary, LocalDate period) {
        Dataset<Row> supply = summary.filter(SourcePipeline.kept())
                .groupBy(col("month_start").as("month"), col("current_province").as("province_code"), col("vaccine"))
                .agg(sum("doses_delivered").as("doses_delivered"), sum("doses_held").as("doses_held"))
                .select(FACT_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
        return List.of(new FactTable(DEFINITION.factTable(), FACT_COLUMNS, supply));
    }

    @Override
    public Dataset<Row> quality(Dataset<Row> summary) {
        return UnitQuality.byUnit(summary, RULES, Map.of(DUPLICATE_RULE, when(col(DUPLICATE), col("rows")).otherwise(0)));
    }
}
