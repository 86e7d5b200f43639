package vn.ioc.ingest.vaccination;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.bitwise_not;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * The vaccination register: one row per dose. Facts: doses per commune and month by vaccine, dose number
 * and age group. Records from before the 2025 reform carry pre-reform commune codes and are mapped.
 * Timeliness (doses recorded 60 days or more after they were given) and dose-sequence gaps are counted
 * in the data-quality facts without quarantining the doses.
 */
public final class VaccinationPipeline implements SourcePipeline {
    public static final String SOURCE = "vaccination_register";
    public static final List<String> COLUMNS = List.of("event_id", "personal_id", "vaccine", "dose_number", "vaccinated_on", "facility",
            "commune_code", "recorded_on");

    public static final Rule STRUCTURE = new Rule("VAC-STRUCT", "the line has as many fields as the header");
    public static final Rule EVENT = new Rule("VAC-EVENT", "event_id is present");
    public static final Rule PERSON = new Rule("VAC-PERSON", "personal_id is 12 digits registered in a known province");
    public static final Rule VACCINE = new Rule("VAC-VACCINE", "vaccine is present");
    public static final Rule DOSE = new Rule("VAC-DOSE", "dose_number is 1 to 5");
    public static final Rule DATE = new Rule("VAC-DATE", "vaccinated_on is a real date");
    public static final Rule NOT_FUTURE = new Rule("VAC-FUTURE", "vaccinated_on is not after the extract date");
    public static final Rule COMMUNE = new Rule("VAC-COMMUNE", "commune_code is a current or pre-reform commune");
    public static final List<Rule> RULES = List.of(STRUCTURE, EVENT, PERSON, VACCINE, DOSE, DATE, NOT_FUTURE, COMMUNE);
    public static final Rule DUPLICATE_RULE = new Rule("VAC-DUP", "one row per event_id", Rule.Effect.DUPLICATE);
    public static final Rule PRE_REFORM = new Rule("VAC-PREREFORM", "commune_code is current (pre-reform codes are mapped)", Rule.Effect.MAPPED);
    public static final Rule LATE = new Rule("VAC-LATE", "the dose is recorded within 60 days of being given", Rule.Effect.COUNTED);
    public static final Rule GAP = new Rule("VAC-GAP", "a person's doses of a vaccine follow on from the first without a gap", Rule.Effect.COUNTED);

    private static final String KNOWN = "_known";
    private static final List<String> FACT_COLUMNS = List.of("day", "province_code", "commune_code", "vaccine", "dose_number",
            "age_group", "doses", "recorded_late", "from_pre_reform_code");

    public static final Definition DEFINITION = new Definition(SOURCE, "vaccination_facts", COLUMNS, RULES, List.of(DUPLICATE_RULE, PRE_REFORM, LATE, GAP),
            new Duplicates(List.of("event_id"), "recorded_on", false));

    @Override
    public Definition definition() {
        return DEFINITION;
    }

    @Override
    public Dataset<Row> validate(Dataset<Row> raw, LocalDate asOf, References references) {
        return check(raw.withColumn("vaccine", call_function("nfc", col("vaccine"))).withColumn("facility", call_function("nfc", col("facility"))),
                asOf, references);
    }

    @Override
    public Dataset<Row> mark(Dataset<Row> validated) {
        return markGaps(validated);
    }

    static Dataset<Row> check(Dataset<Row> rows, LocalDate asOf, References references) {
        Dataset<Row> communes = references.communes();
        Dataset<Row> joined = rows.join(broadcast(communes), rows.col("commune_code").equalTo(communes.col("lookup_code")), "left");
        Fields fields = Fields.of(rows);
        Column given = fields.date("vaccinated_on");
        Column dose = col("dose_number").try_cast("int");
        Column unreadable = col(ExtractReader.CORRUPT).isNotNull();
        Column noEvent = col("event_id").isNull();
        Column unknownPerson = col("personal_id").isNull().or(not(col("personal_id").rlike("^0[0-9]{11}$")))
                .or(not(substring(col("personal_id"), 2, 2).isin(references.provinces().toArray())));
        Column noVaccine = col("vaccine").isNull();
        Column badDose = dose.isNull().or(dose.lt(1)).or(dose.gt(5));
        Column rule = when(unreadable, lit(STRUCTURE.id()))
                .when(noEvent, lit(EVENT.id()))
                .when(unknownPerson, lit(PERSON.id()))
                .when(noVaccine, lit(VACCINE.id()))
                .when(badDose, lit(DOSE.id()))
                .when(given.isNull(), lit(DATE.id()))
                .when(given.gt(lit(asOf)), lit(NOT_FUTURE.id()))
                .when(col("current_code").isNull(), lit(COMMUNE.id()));
        Column reason = when(col(RULE).equalTo(STRUCTURE.id()), lit("fields do not match the header"))
                .when(col(RULE).equalTo(EVENT.id()), lit("event_id is blank"))
                .when(col(RULE).equalTo(PERSON.id()), call_function("concat", lit("personal_id '"), coalesce(col("personal_id"), lit("")),
                        lit("' is not a person the registry can know")))
                .when(col(RULE).equalTo(VACCINE.id()), lit("vaccine is blank"))
                .when(col(RULE).equalTo(DOSE.id()), call_function("concat", lit("dose_number '"), coalesce(fields.text("dose_number"), lit("")), lit("' is not 1 to 5")))
                .when(col(RULE).equalTo(DATE.id()), call_function("concat", lit("vaccinated_on '"), coalesce(fields.text("vaccinated_on"), lit("")), lit("' is not a date")))
                .when(col(RULE).equalTo(NOT_FUTURE.id()), call_function("concat", lit("vaccinated_on "), fields.text("vaccinated_on"), lit(" is after " + asOf)))
                .when(col(RULE).equalTo(COMMUNE.id()), call_function("concat", lit("commune_code '"), coalesce(col("commune_code"), lit("")), lit("' is not a commune")));
        // The rows whose person, vaccine and dose are known, whatever their date or commune: those the dose series read.
        Column known = not(unreadable.or(noEvent).or(unknownPerson).or(noVaccine).or(badDose));
        return joined.withColumn("given", given).withColumn("dose", dose).withColumn(RULE, rule).withColumn(REASON, reason)
                .withColumn(KNOWN, known);
    }

    /**
     * A dose after a person's first of a vaccine whose predecessor is missing from the register. Doses
     * quarantined only for their date or commune still count as present: their person and dose are known.
     * COVID-19 doses form one series whatever the product (boosters are often another product). The doses a person has
     * of a series are one bit each, OR-ed over the series by an aggregation of the few columns it needs (a window
     * carrying whole rows through a sort by person cost more than reading the files again, see docs/ingest.md); the
     * series with a gap, few, are joined back to the rows.
     */
    static Dataset<Row> markGaps(Dataset<Row> marked) {
        Column present = col("_present");
        // The doses present whose predecessor is not, other than the first present (the lowest bit).
        Column gapDoses = present.bitwiseAND(bitwise_not(shiftleft(present, 1))).bitwiseAND(bitwise_not(present.bitwiseAND(negate(present))));
        Dataset<Row> gapped = marked.filter(col(KNOWN))
                .groupBy(col("personal_id").as("_gap_person"), series(col("vaccine")).as("_gap_series"))
                .agg(bit_or(bit(col("dose"))).as("_present"))
                .select(col("_gap_person"), col("_gap_series"), gapDoses.as("_gap_doses"))
                .filter(col("_gap_doses").notEqual(0));
        // Valid rows: a duplicate's line is not counted (its copy kept is), see quality().
        return marked.join(broadcast(gapped), col("personal_id").equalTo(col("_gap_person")).and(series(col("vaccine")).equalTo(col("_gap_series"))), "left")
                .withColumn("_gap", col(RULE).isNull().and(coalesce(col("_gap_doses"), lit(0)).bitwiseAND(bit(col("dose"))).notEqual(0)))
                .drop("_gap_person", "_gap_series", "_gap_doses", KNOWN);
    }

    private static Column series(Column vaccine) {
        return when(vaccine.startsWith("COVID-19"), lit("COVID-19")).otherwise(vaccine);
    }

    private static Column bit(Column position) {
        return call_function("shiftleft", lit(1), position);
    }

    @Override
    public Dataset<Row> summarise(Dataset<Row> prepared, LocalDate asOf) {
        Column age = year(col("given")).minus(birthYear(col("personal_id")));
        Column ageGroup = when(age.leq(0), lit("0")).when(age.leq(4), lit("1-4")).when(age.leq(11), lit("5-11"))
                .when(age.leq(17), lit("12-17")).when(age.leq(59), lit("18-59")).otherwise(lit("60+"));
        Column late = datediff(Fields.of(prepared).date("recorded_on"), col("given")).geq(60);
        return prepared
                .withColumn("day", col("given"))
                .withColumn("age_group", ageGroup)
                .groupBy(SourcePipeline.summaryKeys(col("day"), col("vaccine"), col("dose"), col("age_group")))
                .agg(count(lit(1)).as("rows"),
                        SourcePipeline.countWhere(late).as("recorded_late"),
                        SourcePipeline.countWhere(col("_gap")).as("gaps"),
                        SourcePipeline.fromPreReformCode());
    }

    /** The birth year a personal ID encodes: its century digit (0/1: 1900s, 2/3: 2000s) and two-digit year. */
    static Column birthYear(Column personalId) {
        Column century = when(substring(personalId, 4, 1).isin("2", "3"), lit(2000)).otherwise(lit(1900));
        return century.plus(substring(personalId, 5, 2).cast("int"));
    }

    /** The summary's kept lines as they are (see {@link SourcePipeline#facts}). */
    @Override
    public List<FactTable> facts(Dataset<Row> summary, LocalDate period) {
        Dataset<Row> doses = summary.filter(SourcePipeline.kept())
                .select(col("day"), col("current_province").as("province_code"), col("current_code").as("commune_code"), col("vaccine"),
                        col("dose").as("dose_number"), col("age_group"), col("rows").as("doses"), col("recorded_late"), col(FROM_PRE_REFORM));
        return List.of(new FactTable(DEFINITION.factTable(), FACT_COLUMNS, doses, FACT_COLUMNS.subList(6, FACT_COLUMNS.size())));
    }

    @Override
    public Dataset<Row> quality(Dataset<Row> summary) {
        Column valid = SourcePipeline.kept();
        Map<Rule, Column> counted = new LinkedHashMap<>();
        counted.put(DUPLICATE_RULE, when(col(DUPLICATE), col("rows")).otherwise(0));
        counted.put(PRE_REFORM, when(valid, col(FROM_PRE_REFORM)).otherwise(0));
        counted.put(LATE, when(valid, col("recorded_late")).otherwise(0));
        counted.put(GAP, when(valid, col("gaps")).otherwise(0));
        return UnitQuality.byUnit(summary, RULES, counted);
    }
}
