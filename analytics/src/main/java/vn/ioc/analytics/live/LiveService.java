package vn.ioc.analytics.live;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import vn.ioc.warehouse.live.DruidEndpoint;
import vn.ioc.warehouse.live.DruidException;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.ServiceEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.util.Objects.requireNonNull;

/**
 * The live view's questions to Druid, in Druid SQL over HTTP with typed parameters, for the nation or one province:
 * applications today and in the last hour, the backlog, what is overdue now and by the end of the day, and where the
 * load is. Days are Vietnam's local days. Failures are {@link DruidException}s naming what went wrong.
 */
public final class LiveService {
    private static final String CLOSED = "event IN ('resolved', 'rejected')";

    private static final String DAY_START = "TIME_FLOOR(MILLIS_TO_TIMESTAMP(?), 'P1D')";

    private final DruidHttp broker;
    private final String datasource;
    private final Duration timeout;

    public LiveService(DruidEndpoint endpoint, String datasource, Duration timeout) {
        this.broker = new DruidHttp(requireNonNull(endpoint, "endpoint").sql(), timeout);
        this.datasource = requireNonNull(datasource, "datasource");
        this.timeout = timeout;
        if (!datasource.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Druid datasource name '" + datasource + "' must be letters, digits and _ only");
        }
    }

    /** The figures for {@code province} (a province code), or the nation when empty; nothing while the stream is empty. */
    public Optional<LiveFigures> figures(Optional<String> province) {
        Optional<Instant> clock = clock();
        if (clock.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.get();
        long millis = now.toEpochMilli();
        String today = LocalDate.ofInstant(now, ServiceEvent.ZONE).toString();
        List<Object> parameters = new ArrayList<>(List.of(millis, millis, millis, today, today, today, today));
        // Sums of events filtered by kind (Druid answers these from its indexes); the backlog and what is overdue are
        // differences of them, worked out below.
        String totalsSql = "SELECT"
                + " SUM(applications) FILTER (WHERE event = 'submitted' AND __time >= " + DAY_START + "),"
                + " SUM(applications) FILTER (WHERE event = 'submitted' AND __time > MILLIS_TO_TIMESTAMP(?) - INTERVAL '1' HOUR),"
                + " SUM(applications) FILTER (WHERE event = 'resolved' AND __time >= " + DAY_START + "),"
                + " SUM(applications) FILTER (WHERE event = 'submitted'), SUM(applications) FILTER (WHERE " + CLOSED + "),"
                + " SUM(applications) FILTER (WHERE event = 'overdue'), SUM(applications) FILTER (WHERE " + CLOSED + " AND late = '1'),"
                + " SUM(applications) FILTER (WHERE due_day = ? AND event = 'submitted'), SUM(applications) FILTER (WHERE due_day = ? AND " + CLOSED + "),"
                + " SUM(applications) FILTER (WHERE due_day = ? AND event = 'overdue'),"
                + " SUM(applications) FILTER (WHERE due_day = ? AND " + CLOSED + " AND late = '1')"
                + " FROM \"" + datasource + "\"" + where(millis, province, parameters);
        // The three questions go at once: Druid answers them side by side.
        try (ExecutorService queries = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<JsonNode> totalsAnswer = CompletableFuture.supplyAsync(() -> query(totalsSql, parameters), queries);
            CompletableFuture<List<LiveFigures.Load>> services = CompletableFuture.supplyAsync(
                    () -> loadToday("service_code", "ANY_VALUE(service_name, 1024)", millis, province), queries);
            CompletableFuture<List<LiveFigures.Load>> communes = CompletableFuture.supplyAsync(() -> loadToday("commune_code", "''", millis, province), queries);
            long[] sums = new long[11];
            JsonNode totals = answer(totalsAnswer).get(0);
            Arrays.setAll(sums, i -> totals.get(i).asLong(0));
            long overdueNow = sums[5] - sums[6];
            // Due today, open (submitted - closed) and not yet overdue (became overdue - closed late).
            long dueTodayOnTime = sums[7] - sums[8] - (sums[9] - sums[10]);
            return Optional.of(new LiveFigures(now, sums[0], sums[1], sums[2], sums[3] - sums[4], overdueNow, overdueNow + dueTodayOnTime,
                    answer(services), answer(communes)));
        }
    }

    /** A query's result, or the failure it ended in (a {@link DruidException} as it was thrown). */
    private static <T> T answer(CompletableFuture<T> query) {
        try {
            return query.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The stream's clock: the time of its latest event. */
    public Optional<Instant> clock() {
        JsonNode rows = query("SELECT TIMESTAMP_TO_MILLIS(MAX(__time)) FROM \"" + datasource + "\"", List.of());
        JsonNode latest = rows.isEmpty() ? null : rows.get(0).get(0);
        return latest == null || latest.isNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest.asLong()));
    }

    /** How many events Druid serves now: those of every segment it has loaded. */
    public long eventsServed() {
        JsonNode rows = query("SELECT SUM(events) FROM \"" + datasource + "\"", List.of());
        return rows.isEmpty() ? 0 : rows.get(0).get(0).asLong(0);
    }

    private List<LiveFigures.Load> loadToday(String unit, String name, long millis, Optional<String> province) {
        List<Object> parameters = new ArrayList<>();
        String where = where(millis, province, parameters);
        parameters.add(millis);
        JsonNode rows = query("SELECT " + unit + ", " + name + ", SUM(applications) AS applications, SUM(applications) FILTER (WHERE channel = 'trực tiếp')"
                + " FROM \"" + datasource + "\"" + where + " AND event = 'submitted' AND __time >= " + DAY_START
                + " GROUP BY 1 ORDER BY applications DESC, 1 LIMIT 5", parameters);
        List<LiveFigures.Load> loads = new ArrayList<>();
        rows.forEach(row -> loads.add(new LiveFigures.Load(row.get(0).asString(), row.get(1).asString(""), row.get(2).asLong(0), row.get(3).asLong(0))));
        return loads;
    }

    /** Up to the clock, in the province if one is given; their values added to {@code parameters}. */
    private static String where(long millis, Optional<String> province, List<Object> parameters) {
        parameters.add(millis);
        province.ifPresent(parameters::add);
        return " WHERE __time <= MILLIS_TO_TIMESTAMP(?)" + (province.isPresent() ? " AND province_code = ?" : "");
    }

    /** One Druid SQL query: rows as arrays; parameters typed from their Java type. */
    JsonNode query(String sql, List<Object> parameters) {
        List<Map<String, Object>> typed = new ArrayList<>();
        for (Object value : parameters) {
            typed.add(Map.of("type", value instanceof Long ? "BIGINT" : "VARCHAR", "value", value));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", sql);
        body.put("parameters", typed);
        body.put("resultFormat", "array");
        // The clock's MAX(__time) read from segments' bounds rather than from every row.
        body.put("context", Map.of("sqlTimeZone", ServiceEvent.ZONE.getId(), "timeout", timeout.toMillis(), "enableTimeBoundaryPlanning", true));
        try {
            return broker.post("/druid/v2/sql", body);
        } catch (DruidException e) {
            if (e.noSuchTable()) {
                return JsonNodeFactory.instance.arrayNode(); // no event fed yet: the datasource does not exist
            }
            throw e;
        }
    }
}
