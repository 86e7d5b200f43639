package vn.ioc.ingest.population;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.ioc.ingest.quality.Duplicates;
import vn.ioc.ingest.quality.Fields;
import vn.ioc.ingest.quality.Rule;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.quality.UnitQuality;

import vn.ioc.ingest.input.ExtractReader;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * The population registry extract, step by step: each step a named, pure {@code Dataset -> Dataset}
 * function, testable on a few rows. Facts: residents of each commune at the end of the period by single
 * year of age, sex and residence type; with a history of N months, also at the end of each of the N - 1 months
 * before, told from the dates on which each record was collected, verified, issued a card, raised to VNeID level 2,
 * linked to health insurance and closed (its resident died). A record's commune and residence type are taken as
 * they are in the extract (moves are not dated). When a record was last updated before an earlier month is not
 * known (the extract keeps the latest update only): those months' {@code updated_last_year} is null.
 */
public final class PopulationPipeline implements SourcePipeline {
    public static final String SOURCE = "population_registry";
    public static final List<String> COLUMNS = List.of("personal_id", "full_name", "sex", "birth_date", "commune_code",
            "residence_type", "record_status", "id_card_issued_on", "vneid_level", "health_insurance_linked", "updated_at",
            "collected_on", "verified_on", "vneid_level2_on", "insurance_linked_on", "closed_on");
    private static final List<String> STATE_DATES = List.of("verified_on", "vneid_level2_on", "insurance_linked_on", "closed_on");

    public static final Rule STRUCTURE = new Rule("POP-STRUCT", "the line has as many fields as the header");
    public static final Rule PERSONAL_ID = new Rule("POP-ID", "personal_id is 12 digits");
    public static final Rule SEX = new Rule("POP-SEX", "sex is Nam or Nữ");
    public static final Rule BIRTH_DATE = new Rule("POP-BIRTH",
            "birth_date is a real date (yyyy-MM-dd) after 1900-01-01, the placeholder source systems put for an unknown date");
    private static final LocalDate UNKNOWN_DATE = LocalDate.of(1900, 1, 1);
    public static final Rule NOT_FUTURE = new Rule("POP-FUTURE", "birth_date is not after the extract date");
    public static final Rule COMMUNE = new Rule("POP-COMMUNE", "commune_code is a current or pre-reform commune");
    public static final Rule ID_MATCHES = new Rule("POP-IDMATCH", "the ID's sex-and-century digit and year agree with sex and birth_date");
    public static final Rule STATE_DATE = new Rule("POP-DATES",
            "collected_on is a real date, not before birth_date; verified_on, vneid_level2_on, insurance_linked_on and closed_on are blank or real dates");
    public static final List<Rule> RULES = List.of(STRUCTURE, PERSONAL_ID, SEX, BIRTH_DATE, NOT_FUTURE, COMMUNE, ID_MATCHES, STATE_DATE);
    /** Not quarantined but counted: duplicates removed, pre-reform codes mapped, text brought to NFC. */
    public static final Rule DUPLICATE_RULE = new Rule("POP-DUP", "one row per personal_id (the latest update kept)", Rule.Effect.DUPLICATE);
    public static final Rule PRE_REFORM = new Rule("POP-PREREFORM", "commune_code is current (pre-reform codes are mapped)", Rule.Effect.MAPPED);
    public static final Rule NFC = new Rule("POP-NFC", "text is in Unicode NFC (NFD is normalised)", Rule.Effect.COUNTED);

    private static final List<String> FACT_COLUMNS = List.of("period", "province_code", "commune_code", "sex", "age", "residence_type",
            "residents", "verified", "id_card", "vneid_level2", "insurance_linked", "updated_last_year", "from_pre_reform_code");

    public static final Definition DEFINITION = new Definition(SOURCE, "population_facts", COLUMNS, RULES, List.of(DUPLICATE_RULE, PRE_REFORM, NFC),
            new Duplicates(List.of("personal_id"), "updated_at", true));
    /** The states a record reaches on a date, each a summary column: in how many of the snapshots it holds. */
    private static final List<String> STATES = List.of("collected", "closed", "verified", "id_card", "vneid_level2", "insurance_linked");

    private final int history;

    /** The extract's own month only. */
    public PopulationPipeline() {
        this(1);
    }

    /** @param history how many monthly snapshots to load, the extract's month and those before it (1 to 120) */
    public PopulationPipeline(int history) {
        if (history < 1 || history > 120) {
            throw new IllegalArgumentException("the history is 1 to 120 months, not " + history);
        }
        this.history = history;
    }

    @Override
    public Definition definition() {
        return DEFINITION;
    }

    @Override
    public Dataset<Row> validate(Dataset<Row> raw, LocalDate asOf, References references) {
        return validate(normalise(raw), asOf, references.communes());
    }

    @Override
    public List<FactTable> facts(Dataset<Row> summary, LocalDate period) {
        return List.of(new FactTable(DEFINITION.factTable(), FACT_COLUMNS, residents(summary, period),
                FACT_COLUMNS.subList(6, FACT_COLUMNS.size())));
    }

    /** Brings text to NFC and trims it, remembering which names had to change. */
    public static Dataset<Row> normalise(Dataset<Row> raw) {
        Dataset<Row> normalised = raw.withColumn("_nfc_changed", coalesce(col("full_name").notEqual(nfc(col("full_name"))), lit(false)));
        for (String column : List.of("full_name", "sex", "residence_type", "record_status")) {
            normalised = normalised.withColumn(column, nfc(col(column)));
        }
        return normalised;
    }

    /**
     * Marks each row with the first rule it fails ({@code _rule}, {@code _reason}) and the current commune it
     * belongs to, from the lookup of current and pre-reform codes.
     */
    public static Dataset<Row> validate(Dataset<Row> rows, LocalDate asOf, Dataset<Row> communeLookup) {
        Fields fields = Fields.of(rows);
        Dataset<Row> joined = rows.join(broadcast(communeLookup), rows.col("commune_code").equalTo(communeLookup.col("lookup_code")), "left")
                .withColumn("birth", fields.date("birth_date"))
                .withColumn("collected", fields.date("collected_on"));
        Column birth = col("birth");
        Column idDigit = substring(col("personal_id"), 4, 1);
        Column expectedDigit = when(year(birth).geq(2000), lit(2)).otherwise(lit(0))
                .plus(when(col("sex").equalTo("Nữ"), lit(1)).otherwise(lit(0))).cast("string");
        Column expectedYear = call_function("lpad", year(birth).mod(100).cast("string"), lit(2), lit("0"));
        Column rule = when(col(ExtractReader.CORRUPT).isNotNull(), lit(STRUCTURE.id()))
                .when(col("personal_id").isNull().or(not(col("personal_id").rlike("^[0-9]{12}$"))), lit(PERSONAL_ID.id()))
                .when(col("sex").isNull().or(not(col("sex").isin("Nam", "Nữ"))), lit(SEX.id()))
                .when(birth.isNull().or(birth.leq(lit(UNKNOWN_DATE))), lit(BIRTH_DATE.id()))
                .when(birth.gt(lit(asOf)), lit(NOT_FUTURE.id()))
                .when(col("current_code").isNull(), lit(COMMUNE.id()))
                .when(idDigit.notEqual(expectedDigit).or(substring(col("personal_id"), 5, 2).notEqual(expectedYear)), lit(ID_MATCHES.id()))
                .when(badStateDate(fields), lit(STATE_DATE.id()));
        Column reason = when(col(RULE).equalTo(STRUCTURE.id()), call_function("concat", lit("fields do not match the header: "), col(ExtractReader.CORRUPT)))
                .when(col(RULE).equalTo(PERSONAL_ID.id()), call_function("concat", lit("personal_id '"), coalesce(col("personal_id"), lit("")), lit("' is not 12 digits")))
                .when(col(RULE).equalTo(SEX.id()), call_function("concat", lit("sex '"), coalesce(col("sex"), lit("")), lit("' is not Nam or Nữ")))
                .when(col(RULE).equalTo(BIRTH_DATE.id()), call_function("concat", lit("birth_date '"), coalesce(fields.text("birth_date"), lit("")),
                        when(col("birth").isNull(), lit("' is not a date")).otherwise(lit("' is the placeholder of an unknown date"))))
                .when(col(RULE).equalTo(NOT_FUTURE.id()), call_function("concat", lit("birth_date "), fields.text("birth_date"), lit(" is after " + asOf)))
                .when(col(RULE).equalTo(COMMUNE.id()), call_function("concat", lit("commune_code '"), coalesce(col("commune_code"), lit("")), lit("' is not a commune")))
                .when(col(RULE).equalTo(ID_MATCHES.id()), lit("the personal ID disagrees with sex or birth year"))
                .when(col(RULE).equalTo(STATE_DATE.id()), stateDateReason(fields));
        return joined.withColumn(RULE, rule).withColumn(REASON, reason);
    }

    /**
     * One pass over the rows: counts by unit, sex, age in months at {@code asOf}, residence type, the snapshots each state
     * holds in, rule, duplicate and pre-reform flags. Everything else (facts, quality facts, run totals) is read off this
     * summary.
     */
    @Override
    public Dataset<Row> summarise(Dataset<Row> marked, LocalDate asOf) {
        Column months = floor(months_between(lit(asOf), col("birth"))).cast("int");
        Fields fields = Fields.of(marked);
        return marked
                .withColumn("age_months", history == 1 ? floor(months.divide(12)).multiply(12).cast("int") : months)
                .withColumn("collected", heldIn(col("collected"), asOf))
                .withColumn("closed", heldIn(fields.date("closed_on"), asOf))
                .withColumn("verified", when(col("record_status").equalTo("đã xác thực"), heldSince(fields, "verified_on", asOf)).otherwise(0))
                .withColumn("id_card", heldIn(fields.date("id_card_issued_on"), asOf))
                .withColumn("vneid_level2", when(fields.is("vneid_level", 2), heldSince(fields, "vneid_level2_on", asOf)).otherwise(0))
                .withColumn("insurance_linked", when(fields.is("health_insurance_linked", 1), heldSince(fields, "insurance_linked_on", asOf))
                        .otherwise(0))
                .groupBy(SourcePipeline.summaryKeys(Stream.concat(Stream.of("sex", "age_months", "residence_type"), STATES.stream())
                        .map(org.apache.spark.sql.functions::col).toArray(Column[]::new)))
                .agg(count(lit(1)).as("rows"),
                        SourcePipeline.countWhere(fields.timestamp("updated_at").geq(date_sub(lit(asOf), 365))).as("updated_last_year"),
                        SourcePipeline.countWhere(col("_nfc_changed")).as("nfc_changed"),
                        SourcePipeline.fromPreReformCode());
    }

    /**
     * In how many of the snapshots a state reached on {@code day} holds: the snapshot of {@code asOf}'s month and each
     * month before back to the one of {@code day}, at most the history; 0 when not reached by then (or never).
     */
    private Column heldIn(Column day, LocalDate asOf) {
        Column monthsBefore = lit(asOf.getYear() * 12 + asOf.getMonthValue()).minus(year(day).multiply(12).plus(month(day)));
        return when(day.isNull().or(day.gt(lit(asOf))), lit(0)).otherwise(least(monthsBefore.plus(1), lit(history)));
    }

    /** {@link #heldIn} for a state whose date may be blank (not recorded): then it holds since the record was collected. */
    private Column heldSince(Fields fields, String date, LocalDate asOf) {
        return when(col(date).isNull(), col("collected")).otherwise(heldIn(fields.date(date), asOf));
    }

    /**
     * Residents by current commune, single year of age, sex and residence type, at the end of each month of the history:
     * the valid rows, one per person, that were collected and not yet closed by then; a state counts where it had been
     * reached.
     */
    Dataset<Row> residents(Dataset<Row> summary, LocalDate period) {
        Column snapshot = col("snapshot");
        Column age = floor(col("age_months").minus(snapshot).divide(12)).cast("int");
        return summary.filter(SourcePipeline.kept().and(col("collected").gt(col("closed"))))
                .withColumn("snapshot", explode(sequence(col("closed"), col("collected").minus(1))))
                .filter(col("age_months").geq(snapshot))
                .groupBy(col("current_province").as("province_code"), col("current_code").as("commune_code"), col("sex"),
                        least(age, lit(120)).as("age"), col("residence_type"), snapshot)
                .agg(sum("rows").as("residents"), heldAt("verified"), heldAt("id_card"), heldAt("vneid_level2"), heldAt("insurance_linked"),
                        sum(when(snapshot.equalTo(0), col("updated_last_year"))).cast("long").as("updated_last_year"),
                        SourcePipeline.fromPreReformCodeSummed())
                .withColumn("period", add_months(lit(period), snapshot.multiply(-1)))
                .select(FACT_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    /** In a facts aggregation: the rows whose state had been reached at the snapshot's month. */
    private static Column heldAt(String state) {
        return sum(when(col(state).gt(col("snapshot")), col("rows")).otherwise(0)).cast("long").as(state);
    }

    @Override
    public Dataset<Row> quality(Dataset<Row> summary) {
        Map<Rule, Column> counted = UnitQuality.duplicatesAndMapped(DUPLICATE_RULE, PRE_REFORM);
        counted.put(NFC, col("nfc_changed"));
        return UnitQuality.byUnit(summary, RULES, counted);
    }


    /** A collection date missing, unreadable or before birth, or another state's date present but unreadable. */
    private static Column badStateDate(Fields fields) {
        Column bad = col("collected").isNull().or(col("collected").lt(col("birth")));
        for (String column : STATE_DATES) {
            bad = bad.or(col(column).isNotNull().and(fields.date(column).isNull()));
        }
        return bad;
    }

    private static Column stateDateReason(Fields fields) {
        Column reason = when(col("collected").isNull(), call_function("concat", lit("collected_on '"), coalesce(fields.text("collected_on"), lit("")),
                lit("' is not a date")))
                .when(col("collected").lt(col("birth")), call_function("concat", lit("collected_on "), fields.text("collected_on"),
                        lit(" is before birth_date "), fields.text("birth_date")));
        for (String column : STATE_DATES) {
            reason = reason.when(col(column).isNotNull().and(fields.date(column).isNull()),
                    call_function("concat", lit(column + " '"), fields.text(column), lit("' is not a date")));
        }
        return reason;
    }

    private static Column nfc(Column column) {
        return call_function("nfc", column);
    }

    static Column valid() {
        return col(RULE).isNull();
    }

    static Column invalid() {
        return col(RULE).isNotNull();
    }

}
