package vn.ioc.ingest.live;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.ioc.ingest.input.ExtractInput;
import vn.ioc.ingest.input.ExtractReader;
import vn.ioc.ingest.load.ReferenceLookup;
import vn.ioc.ingest.quality.Fields;
import vn.ioc.ingest.quality.SourcePipeline;
import vn.ioc.ingest.sample.SampleDesign;
import vn.ioc.ingest.services.ApplicationsPipeline;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.live.EventKind;
import vn.ioc.warehouse.live.ServiceEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The events of the portal's applications, recovered from its extract: each application was submitted when received,
 * accepted soon after (at once at a counter, within hours online), resolved or rejected when it says, and became
 * overdue at its due time if still open then. The applications are those the monthly ingest keeps (the same
 * validation, deduplication and mapping to current communes), so the live counts and the warehouse's can agree.
 */
public final class ApplicationEvents {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String ONLINE = "trực tuyến";
    private static final String RESOLVED = "đã giải quyết";
    private static final String REJECTED = "từ chối";

    private ApplicationEvents() {
    }

    /**
     * Step 1: the applications ingest would keep from the extracts in {@code input}, as of {@code asOf}, each with the
     * number it stands for (its commune's weight when the extracts are a sample, as ingest counts them).
     */
    public static Dataset<Row> keptApplications(SparkSession spark, WarehouseConnection warehouse, Path input, LocalDate asOf) {
        ApplicationsPipeline pipeline = new ApplicationsPipeline();
        Dataset<Row> raw = ExtractReader.read(spark, ExtractInput.discover(input, pipeline.source(), pipeline.columns()), pipeline.source(),
                pipeline.columns());
        Dataset<Row> marked = pipeline.definition().duplicates().markRows(pipeline.mark(pipeline.validate(raw, asOf,
                new SourcePipeline.References(ReferenceLookup.communes(spark, warehouse), ReferenceLookup.provinces(warehouse)))));
        Dataset<Row> kept = marked.filter(SourcePipeline.kept());
        Dataset<Row> weighted = SampleDesign.read(input)
                .map(design -> {
                    Dataset<Row> weights = design.weights(spark);
                    return kept.join(broadcast(weights), kept.col("current_code").equalTo(weights.col("weight_commune")), "left");
                })
                .orElseGet(() -> kept.withColumn("weight", lit(1L)));
        Fields fields = Fields.of(weighted);
        // As text, as the CSV has them (the text of a time orders as the time does).
        return weighted.select(col("application_id"), col("service_code"), col("service_name"), fields.text("full_online").as("full_online"),
                col("channel"), col("current_province"), col("current_code"), fields.text("received_at").as("received_at"),
                fields.text("due_at").as("due_at"), fields.text("resolved_at").as("resolved_at"), col("status"),
                coalesce(col("weight"), lit(1L)).as("weight"));
    }

    /**
     * Step 2: the events on the local days {@code [from, to)}, up to the end of {@code asOf}, sorted by time; and before
     * them every earlier event of the applications still open when {@code from} began, so that the backlog and what is
     * overdue count them too.
     */
    public static List<ServiceEvent> between(Dataset<Row> kept, LocalDate from, LocalDate to, LocalDate asOf) {
        String start = from + " 00:00:00";
        String end = to + " 00:00:00";
        // The text form orders as the time does: a cheap filter before the rows come to the driver.
        Dataset<Row> touching = kept.filter(col("received_at").lt(end).and(col("resolved_at").isNull().or(col("resolved_at").geq(start))));
        Instant windowEnd = local(end);
        Instant extractEnd = startOf(asOf.plusDays(1));
        List<ServiceEvent> events = new ArrayList<>();
        for (Row row : touching.collectAsList()) {
            for (ServiceEvent event : events(row)) {
                if (event.time().isBefore(windowEnd) && event.time().isBefore(extractEnd)) {
                    events.add(event);
                }
            }
        }
        events.sort(Comparator.comparing(ServiceEvent::time).thenComparing(ServiceEvent::id));
        return events;
    }

    /** One application's events (its fields as {@link #keptApplications} selects them). */
    static List<ServiceEvent> events(Row application) {
        String id = application.getString(0);
        String service = application.getString(1);
        String serviceName = application.getString(2) == null ? service : application.getString(2);
        String level = "1".equals(application.getString(3)) ? ServiceEvent.FULL_ONLINE : ServiceEvent.PARTLY_ONLINE;
        String channel = application.getString(4);
        String province = application.getString(5);
        String commune = application.getString(6);
        Instant received = local(application.getString(7));
        Instant due = parsed(application.getString(8));
        Instant closed = parsed(application.getString(9));
        String status = application.getString(10);
        long weight = application.getLong(11);
        LocalDate dueDay = due == null ? null : due.atZone(ServiceEvent.ZONE).toLocalDate();
        boolean late = closed != null && due != null && closed.isAfter(due);
        List<ServiceEvent> events = new ArrayList<>();
        record Event(EventKind kind, Instant time, boolean late) {
        }
        List<Event> happened = new ArrayList<>();
        happened.add(new Event(EventKind.SUBMITTED, received, false));
        boolean rejected = REJECTED.equals(status) && closed != null;
        if (!rejected) {
            Instant accepted = received.plus(acceptanceDelay(id, ONLINE.equals(channel)));
            happened.add(new Event(EventKind.ACCEPTED, closed != null && closed.isBefore(accepted) ? closed : accepted, false));
        }
        if (closed != null && (rejected || RESOLVED.equals(status))) {
            happened.add(new Event(rejected ? EventKind.REJECTED : EventKind.RESOLVED, closed, late));
        }
        if (due != null && (closed == null || closed.isAfter(due))) {
            happened.add(new Event(EventKind.OVERDUE, due, false));
        }
        for (Event event : happened) {
            events.add(new ServiceEvent(id + "/" + event.kind().wire(), event.time(), event.kind(), province, commune, service, serviceName, channel, level,
                    dueDay, event.late(), weight));
        }
        return events;
    }

    /** How long after receipt an application was accepted: up to 10 minutes at a counter, 10 minutes to 4 hours online; fixed per application. */
    static Duration acceptanceDelay(String applicationId, boolean online) {
        int spread = Math.floorMod(applicationId.hashCode(), 1000);
        return online ? Duration.ofMinutes(10 + spread * 230L / 1000) : Duration.ofSeconds(spread * 600L / 1000);
    }

    /** The instant a local day starts in Vietnam. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ServiceEvent.ZONE).toInstant();
    }

    private static Instant local(String timestamp) {
        return LocalDateTime.parse(timestamp, TIMESTAMP).atZone(ServiceEvent.ZONE).toInstant();
    }

    private static Instant parsed(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return local(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
