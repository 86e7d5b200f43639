package vn.ioc.ingest.services;

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
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

/**
 * The online public-service portal's applications. Facts: applications per commune and day by service,
 * channel and status, with resolution on time, overdue, digitised results and satisfaction. Records from
 * before the 2025 reform carry pre-reform commune codes and are mapped to the current communes.
 */
public final class ApplicationsPipeline implements SourcePipeline {
    public static final String SOURCE = "public_service_applications";
    public static final List<String> COLUMNS = List.of("application_id", "service_code", "service_name", "full_online", "channel",
            "commune_code", "province_code", "received_at", "due_at", "resolved_at", "status", "result_digitised", "satisfaction");

    public static final Rule STRUCTURE = new Rule("APP-STRUCT", "the line has as many fields as the header");
    public static final Rule ID = new Rule("APP-ID", "application_id is present");
    public static final Rule SERVICE = new Rule("APP-SERVICE", "service_code is present");
    public static final Rule RECEIVED = new Rule("APP-RECEIVED", "received_at is a timestamp (yyyy-MM-dd HH:mm:ss)");
    public static final Rule NOT_FUTURE = new Rule("APP-FUTURE", "received_at is not after the extract date");
    public static final Rule ORDER = new Rule("APP-ORDER", "resolved_at, when given, is a timestamp not before received_at");
    public static final Rule CHANNEL = new Rule("APP-CHANNEL", "channel is trực tuyến or trực tiếp");
    public static final Rule COMMUNE = new Rule("APP-COMMUNE", "commune_code is a current or pre-reform commune");
    public static final List<Rule> RULES = List.of(STRUCTURE, ID, SERVICE, RECEIVED, NOT_FUTURE, ORDER, CHANNEL, COMMUNE);
    public static final Rule DUPLICATE_RULE = new Rule("APP-DUP", "one row per application_id", Rule.Effect.DUPLICATE);
    public static final Rule PRE_REFORM = new Rule("APP-PREREFORM", "commune_code is current (pre-reform codes are mapped)", Rule.Effect.MAPPED);

    static final String ONLINE = "trực tuyến";
    static final String RESOLVED = "đã giải quyết";
    static final String OVERDUE = "quá hạn";
    private static final List<String> FACT_COLUMNS = List.of("day", "province_code", "commune_code", "service_code", "channel",
            "full_online", "status", "applications", "resolved", "resolved_on_time", "overdue", "digitised", "satisfaction_sum",
            "satisfaction_count", "from_pre_reform_code");

    public static final Definition DEFINITION = new Definition(SOURCE, "service_facts", COLUMNS, RULES, List.of(DUPLICATE_RULE, PRE_REFORM),
            new Duplicates(List.of("application_id"), "received_at", false));

    @Override
    public Definition definition() {
        return DEFINITION;
    }

    @Override
    public Dataset<Row> validate(Dataset<Row> raw, LocalDate asOf, References references) {
        return validate(normalise(raw), asOf, references.communes());
    }

    static Dataset<Row> normalise(Dataset<Row> raw) {
        Dataset<Row> normalised = raw;
        for (String column : List.of("service_code", "service_name", "channel", "status")) {
            normalised = normalised.withColumn(column, call_function("nfc", col(column)));
        }
        return normalised;
    }

    static Dataset<Row> validate(Dataset<Row> rows, LocalDate asOf, Dataset<Row> communeLookup) {
        Dataset<Row> joined = rows.join(broadcast(communeLookup), rows.col("commune_code").equalTo(communeLookup.col("lookup_code")), "left");
        Fields fields = Fields.of(rows);
        Column received = fields.timestamp("received_at");
        Column resolved = fields.timestamp("resolved_at");
        Column rule = when(col(ExtractReader.CORRUPT).isNotNull(), lit(STRUCTURE.id()))
                .when(col("application_id").isNull(), lit(ID.id()))
                .when(col("service_code").isNull(), lit(SERVICE.id()))
                .when(received.isNull(), lit(RECEIVED.id()))
                .when(to_date(received).gt(lit(asOf)), lit(NOT_FUTURE.id()))
                .when(col("resolved_at").isNotNull().and(resolved.isNull().or(resolved.lt(received))), lit(ORDER.id()))
                .when(col("channel").isNull().or(not(col("channel").isin(ONLINE, "trực tiếp"))), lit(CHANNEL.id()))
                .when(col("current_code").isNull(), lit(COMMUNE.id()));
        Column reason = when(col(RULE).equalTo(STRUCTURE.id()), lit("fields do not match the header"))
                .when(col(RULE).equalTo(ID.id()), lit("application_id is blank"))
                .when(col(RULE).equalTo(SERVICE.id()), lit("service_code is blank"))
                .when(col(RULE).equalTo(RECEIVED.id()), call_function("concat", lit("received_at '"), coalesce(fields.text("received_at"), lit("")), lit("' is not a timestamp")))
                .when(col(RULE).equalTo(NOT_FUTURE.id()), call_function("concat", lit("received_at "), fields.text("received_at"), lit(" is after " + asOf)))
                .when(col(RULE).equalTo(ORDER.id()), call_function("concat", lit("resolved_at "), fields.text("resolved_at"), lit(" is before received_at "), fields.text("received_at")))
                .when(col(RULE).equalTo(CHANNEL.id()), call_function("concat", lit("channel '"), coalesce(col("channel"), lit("")), lit("' is unknown")))
                .when(col(RULE).equalTo(COMMUNE.id()), call_function("concat", lit("commune_code '"), coalesce(col("commune_code"), lit("")), lit("' is not a commune")));
        return joined.withColumn("received", received).withColumn("resolved", resolved)
                .withColumn("due", fields.timestamp("due_at"))
                .withColumn(RULE, rule).withColumn(REASON, reason);
    }

    @Override
    public Dataset<Row> summarise(Dataset<Row> prepared, LocalDate asOf) {
        Column isResolved = col("status").equalTo(RESOLVED).and(col("resolved").isNotNull());
        Column satisfaction = col("satisfaction").try_cast("int");
        Fields fields = Fields.of(prepared);
        return prepared
                .withColumn("day", to_date(col("received")))
                .withColumn("full_online_flag", when(fields.is("full_online", 1), 1).otherwise(0))
                .groupBy(SourcePipeline.summaryKeys(col("day"), col("service_code"), col("channel"), col("full_online_flag"), col("status")))
                .agg(count(lit(1)).as("rows"),
                        SourcePipeline.countWhere(isResolved).as("resolved"),
                        SourcePipeline.countWhere(isResolved.and(col("resolved").leq(col("due")))).as("resolved_on_time"),
                        SourcePipeline.countWhere(col("status").equalTo(OVERDUE)).as("overdue"),
                        SourcePipeline.countWhere(fields.is("result_digitised", 1)).as("digitised"),
                        sum(coalesce(satisfaction, lit(0))).cast("long").as("satisfaction_sum"),
                        SourcePipeline.countWhere(satisfaction.isNotNull()).as("satisfaction_count"),
                        SourcePipeline.fromPreReformCode());
    }

    /** The summary's kept lines as they are (see {@link SourcePipeline#facts}). */
    @Override
    public List<FactTable> facts(Dataset<Row> summary, LocalDate period) {
        Dataset<Row> applications = summary.filter(SourcePipeline.kept())
                .select(col("day"), col("current_province").as("province_code"), col("current_code").as("commune_code"), col("service_code"),
                        col("channel"), col("full_online_flag").as("full_online"), col("status"), col("rows").as("applications"), col("resolved"),
                        col("resolved_on_time"), col("overdue"), col("digitised"), col("satisfaction_sum"), col("satisfaction_count"),
                        col(FROM_PRE_REFORM));
        return List.of(new FactTable(DEFINITION.factTable(), FACT_COLUMNS, applications, FACT_COLUMNS.subList(7, FACT_COLUMNS.size())));
    }

    @Override
    public Dataset<Row> quality(Dataset<Row> summary) {
        return UnitQuality.byUnit(summary, RULES, UnitQuality.duplicatesAndMapped(DUPLICATE_RULE, PRE_REFORM));
    }

}
