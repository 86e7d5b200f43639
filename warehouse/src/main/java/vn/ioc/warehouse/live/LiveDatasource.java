package vn.ioc.warehouse.live;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The Druid datasource of application events: rolled up to the minute, segments by day. Batches are appended by
 * native batch tasks with ids of the feed's choosing, so that a batch sent again is recognised and never counted twice.
 */
public final class LiveDatasource {
    public static final String DEFAULT_NAME = "service_events";
    static final List<String> DIMENSIONS = List.of("province_code", "commune_code", "service_code", "service_name", "channel", "level", "event",
            "due_day", "late");

    /** Appends to one day run side by side instead of failing to lock it. */
    private static final Map<String, Object> CONCURRENT_LOCKS = Map.of("useConcurrentLocks", true);

    private final DruidHttp overlord;
    private final String name;

    /** Where a task stands: still to run or running, done, failed, or not known to the overlord. */
    public enum TaskState { RUNNING, SUCCESS, FAILED, UNKNOWN }

    public LiveDatasource(DruidHttp overlord, String name) {
        this.overlord = requireNonNull(overlord, "overlord");
        this.name = requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Druid datasource name '" + name + "' must be letters, digits and _ only");
        }
    }

    public String name() {
        return name;
    }

    /** Submits an append of {@code events} as the task {@code taskId}; a task of that id already known is left as it is. */
    public void append(String taskId, List<ServiceEvent> events) {
        String data = events.stream().map(event -> DruidHttp.JSON.writeValueAsString(event.row())).collect(Collectors.joining("\n"));
        Map<String, Object> ioConfig = Map.of("type", "index_parallel", "inputSource", Map.of("type", "inline", "data", data),
                "inputFormat", Map.of("type", "json"), "appendToExisting", true);
        submit(taskId, Map.of("type", "index_parallel", "id", taskId, "context", CONCURRENT_LOCKS,
                "spec", Map.of("dataSchema", dataSchema(days(events)), "ioConfig", ioConfig, "tuningConfig", tuning())));
    }

    /**
     * Asks Druid's coordinator to compact the datasource by itself: each batch adds small segments to its day, and
     * queries slow down as they pile up. Compaction merges a day's segments into few, today's too, while appends go on
     * (concurrent locks). Setting it again is harmless.
     */
    public void compactAutomatically() {
        overlord.post("/druid/coordinator/v1/config/compaction", Map.of("dataSource", name, "skipOffsetFromLatest", "PT0S",
                "taskContext", CONCURRENT_LOCKS, "granularitySpec", Map.of("segmentGranularity", "DAY"),
                "tuningConfig", Map.of("type", "index_parallel", "partitionsSpec", Map.of("type", "dynamic"))));
    }

    /** Where the auto-compaction stands, as of its latest run: days (intervals) and segments still to compact, segments compacted. */
    public record Compaction(long intervalsAwaiting, long segmentsAwaiting, long segmentsCompacted) {
    }

    /** Druid's latest account of the auto-compaction of this datasource; nothing before its first run. */
    public Optional<Compaction> compaction() {
        return overlord.get("/druid/coordinator/v1/compaction/status?dataSource=" + name).map(answer -> answer.path("latestStatus").path(0))
                .filter(status -> !status.isMissingNode()).map(status -> new Compaction(status.path("intervalCountAwaitingCompaction").asLong(),
                        status.path("segmentCountAwaitingCompaction").asLong(), status.path("segmentCountCompacted").asLong()));
    }

    public TaskState state(String taskId) {
        return overlord.get("/druid/indexer/v1/task/" + taskId + "/status").map(answer -> {
            String status = answer.path("status").path("status").asString("");
            return switch (status.toUpperCase(Locale.ROOT)) {
                case "SUCCESS" -> TaskState.SUCCESS;
                case "FAILED" -> TaskState.FAILED;
                case "" -> TaskState.UNKNOWN;
                default -> TaskState.RUNNING;
            };
        }).orElse(TaskState.UNKNOWN);
    }

    /** Why a failed task failed, as the overlord says. */
    public String failure(String taskId) {
        return overlord.get("/druid/indexer/v1/task/" + taskId + "/status")
                .map(answer -> answer.path("status").path("errorMsg").asString("no reason given")).orElse("task not known");
    }

    private void submit(String taskId, Map<String, Object> task) {
        if (state(taskId) != TaskState.UNKNOWN) {
            return;
        }
        try {
            JsonNode answer = overlord.post("/druid/indexer/v1/task", task);
            if (!taskId.equals(answer.path("task").asString(""))) {
                throw new DruidException("Druid's overlord at " + overlord.base() + " did not accept task " + taskId + ": " + answer, false, null);
            }
        } catch (DruidException e) {
            // Sent before and the answer was lost: the overlord knows the task.
            if (e.unavailable() || state(taskId) == TaskState.UNKNOWN) {
                throw e;
            }
        }
    }

    /**
     * The (UTC) days the events fall in, as one interval: given it, the task reads its events once instead of first
     * scanning them for their intervals.
     */
    private static String days(List<ServiceEvent> events) {
        Instant first = events.stream().map(ServiceEvent::time).min(Instant::compareTo).orElseThrow();
        Instant last = events.stream().map(ServiceEvent::time).max(Instant::compareTo).orElseThrow();
        return first.truncatedTo(ChronoUnit.DAYS) + "/" + last.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    }

    private Map<String, Object> dataSchema(String intervals) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("dataSource", name);
        schema.put("timestampSpec", Map.of("column", "time", "format", "millis"));
        schema.put("dimensionsSpec", Map.of("dimensions", DIMENSIONS));
        // events: how many were sent (what the feed counts); applications: how many they stand for (a sample's weight).
        schema.put("metricsSpec", List.of(Map.of("type", "count", "name", "events"),
                Map.of("type", "longSum", "name", "applications", "fieldName", "weight")));
        schema.put("granularitySpec", Map.of("segmentGranularity", "day", "queryGranularity", "minute", "rollup", true,
                "intervals", List.of(intervals)));
        return schema;
    }

    private static Map<String, Object> tuning() {
        return Map.of("type", "index_parallel", "maxNumConcurrentSubTasks", 1, "partitionsSpec", Map.of("type", "dynamic"),
                "maxRowsInMemory", 200_000);
    }
}
