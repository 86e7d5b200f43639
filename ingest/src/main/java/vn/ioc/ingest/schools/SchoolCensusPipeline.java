package vn.ioc.ingest.schools;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.ioc.ingest.input.ExtractReader;
import vn.ioc.ingest.quality.Duplicates;
import vn.ioc.ingest.quality.Fields;
import vn.ioc.ingest.quality.Rule;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.quality.UnitQuality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The school census: one row per school and school year. Facts: schools, pupils, teachers, classes,
 * classrooms and seats per commune, level and ownership, and the schools over capacity.
 */
public final class SchoolCensusPipeline implements SourcePipeline {
    public static final String SOURCE = "school_census";
    private static final List<String> PUPIL_COLUMNS = List.of("pupils_preschool", "pupils_g1", "pupils_g2", "pupils_g3", "pupils_g4",
            "pupils_g5", "pupils_g6", "pupils_g7", "pupils_g8", "pupils_g9", "pupils_g10", "pupils_g11", "pupils_g12");
    private static final List<String> COUNT_COLUMNS = concat(PUPIL_COLUMNS, List.of("teachers", "classes", "classrooms", "seats"));
    public static final List<String> COLUMNS = concat(List.of("school_id", "school_name", "level", "commune_code", "ownership", "school_year"),
            COUNT_COLUMNS);

    public static final Rule STRUCTURE = new Rule("SCH-STRUCT", "the line has as many fields as the header");
    public static final Rule ID = new Rule("SCH-ID", "school_id is present");
    public static final Rule LEVEL = new Rule("SCH-LEVEL", "level is Mầm non, Tiểu học, THCS or THPT");
    public static final Rule YEAR = new Rule("SCH-YEAR", "school_year is yyyy-yyyy of consecutive years");
    public static final Rule COUNTS = new Rule("SCH-COUNT", "pupils, teachers, classes, classrooms and seats are whole numbers, not negative");
    public static final Rule COMMUNE = new Rule("SCH-COMMUNE", "commune_code is a current or pre-reform commune");
    public static final List<Rule> RULES = List.of(STRUCTURE, ID, LEVEL, YEAR, COUNTS, COMMUNE);
    public static final Rule DUPLICATE_RULE = new Rule("SCH-DUP", "one row per school and school year", Rule.Effect.DUPLICATE);
    public static final Rule PRE_REFORM = new Rule("SCH-PREREFORM", "commune_code is current (pre-reform codes are mapped)", Rule.Effect.MAPPED);

    private static final List<String> FACT_COLUMNS = List.of("school_year", "province_code", "commune_code", "level", "ownership", "schools",
            "pupils", "teachers", "classes", "classrooms", "seats", "over_capacity", "from_pre_reform_code");

    public static final Definition DEFINITION = new Definition(SOURCE, "school_facts", COLUMNS, RULES, List.of(DUPLICATE_RULE, PRE_REFORM),
            new Duplicates(List.of("school_id", "school_year"), "school_name", false));

    @Override
    public Definition definition() {
        return DEFINITION;
    }

    @Override
    public Dataset<Row> validate(Dataset<Row> raw, LocalDate asOf, References references) {
        Dataset<Row> normalised = raw;
        for (String column : List.of("school_name", "level", "ownership")) {
            normalised = normalised.withColumn(column, call_function("nfc", col(column)));
        }
        Dataset<Row> communes = references.communes();
        Dataset<Row> joined = normalised.join(broadcast(communes), normalised.col("commune_code").equalTo(communes.col("lookup_code")), "left");
        Fields fields = Fields.of(raw);
        Column badCount = lit(false);
        for (String column : COUNT_COLUMNS) {
            badCount = badCount.or(col(column).isNotNull().and(not(fields.naturalNumber(column))));
        }
        Column startYear = substring(col("school_year"), 1, 4).try_cast("int");
        Column endYear = substring(col("school_year"), 6, 4).try_cast("int");
        Column rule = when(col(ExtractReader.CORRUPT).isNotNull(), lit(STRUCTURE.id()))
                .when(col("school_id").isNull(), lit(ID.id()))
                .when(col("level").isNull().or(not(col("level").isin("Mầm non", "Tiểu học", "THCS", "THPT"))), lit(LEVEL.id()))
                .when(not(coalesce(col("school_year").rlike("^[0-9]{4}-[0-9]{4}$"), lit(false))).or(endYear.notEqual(startYear.plus(1))), lit(YEAR.id()))
                .when(badCount, lit(COUNTS.id()))
                .when(col("current_code").isNull(), lit(COMMUNE.id()));
        Column reason = when(col(RULE).equalTo(STRUCTURE.id()), lit("fields do not match the header"))
                .when(col(RULE).equalTo(ID.id()), lit("school_id is blank"))
                .when(col(RULE).equalTo(LEVEL.id()), call_function("concat", lit("level '"), coalesce(col("level"), lit("")), lit("' is unknown")))
                .when(col(RULE).equalTo(YEAR.id()), call_function("concat", lit("school_year '"), coalesce(col("school_year"), lit("")), lit("' is not yyyy-yyyy")))
                .when(col(RULE).equalTo(COUNTS.id()), lit("a count is negative or not a number"))
                .when(col(RULE).equalTo(COMMUNE.id()), call_function("concat", lit("commune_code '"), coalesce(col("commune_code"), lit("")), lit("' is not a commune")));
        return joined.withColumn("start_year", startYear).withColumn(RULE, rule).withColumn(REASON, reason);
    }

    @Override
    public Dataset<Row> summarise(Dataset<Row> prepared, LocalDate asOf) {
        Column pupils = lit(0L);
        for (String column : PUPIL_COLUMNS) {
            pupils = pupils.plus(coalesce(col(column).try_cast("long"), lit(0L)));
        }
        Column seats = coalesce(col("seats").try_cast("long"), lit(0L));
        return prepared
                .withColumn("pupils", pupils)
                .withColumn("school_year_start", make_date(col("start_year"), lit(9), lit(1)))
                .groupBy(SourcePipeline.summaryKeys(col("school_year_start"), col("level"), col("ownership")))
                .agg(count(lit(1)).as("rows"),
                        sum("pupils").cast("long").as("pupils"),
                        sum(coalesce(col("teachers").try_cast("long"), lit(0L))).as("teachers"),
                        sum(coalesce(col("classes").try_cast("long"), lit(0L))).as("classes"),
                        sum(coalesce(col("classrooms").try_cast("long"), lit(0L))).as("classrooms"),
                        sum(seats).as("seats"),
                        SourcePipeline.countWhere(col("pupils").gt(seats)).as("over_capacity"),
                        SourcePipeline.fromPreReformCode());
    }

    @Override
    public List<FactTable> facts(Dataset<Row> summary, LocalDate period) {
        Dataset<Row> schools = summary.filter(SourcePipeline.kept())
                .groupBy(col("school_year_start").as("school_year"), col("current_province").as("province_code"),
                        col("current_code").as("commune_code"), col("level"), col("ownership"))
                .agg(sum("rows").as("schools"), sum("pupils").as("pupils"), sum("teachers").as("teachers"), sum("classes").as("classes"),
                        sum("classrooms").as("classrooms"), sum("seats").as("seats"), sum("over_capacity").as("over_capacity"),
                        SourcePipeline.fromPreReformCodeSummed())
                .select(FACT_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
        return List.of(new FactTable(DEFINITION.factTable(), FACT_COLUMNS, schools));
    }

    @Override
    public Dataset<Row> quality(Dataset<Row> summary) {
        return UnitQuality.byUnit(summary, RULES, UnitQuality.duplicatesAndMapped(DUPLICATE_RULE, PRE_REFORM));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
