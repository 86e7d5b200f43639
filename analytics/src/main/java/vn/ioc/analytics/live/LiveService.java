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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The live view's questions to Druid, in Druid SQL over HTTP with typed parameters, for the nation or one province:
 * applications today and in the last hour, the backlog, what is overdue now and by the end of the day, and where the
 * load is. Days are Vietnam's local days. Failures are {@link DruidException}s naming what went wrong.
 */
public final class LiveService {
    private static final String OPEN_CHANGE = "CASE WHEN event = 'submitted' THEN events WHEN event IN ('resolved', 'rejected') THEN -events ELSE 0 END";
    private static final String OVERDUE_CHANGE = "CASE WHEN event = 'overdue' THEN events "
            + "WHEN event IN ('resolved', 'rejected') AND late = '1' THEN -events ELSE 0 END";

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
        List<Object> parameters = new ArrayList<>(List.of(millis, millis, millis, today));
        JsonNode totals = query("SELECT"
                + " SUM(events) FILTER (WHERE event = 'submitted' AND __time >= " + DAY_START + "),"
                + " SUM(events) FILTER (WHERE event = 'submitted' AND __time > MILLIS_TO_TIMESTAMP(?) - INTERVAL '1' HOUR),"
                + " SUM(events) FILTER (WHERE event = 'resolved' AND __time >= " + DAY_START + "),"
                + " SUM(" + OPEN_CHANGE + "),"
                + " SUM(" + OVERDUE_CHANGE + "),"
                // Open and not yet overdue, due today: submitted - closed - became overdue (+ closed late, counted in both).
                + " SUM(CASE WHEN due_day = ? THEN (" + OPEN_CHANGE + ") - (" + OVERDUE_CHANGE + ") ELSE 0 END)"
                + " FROM \"" + datasource + "\"" + where(millis, province, parameters), parameters).get(0);
        long overdueNow = totals.get(4).asLong(0);
        return Optional.of(new LiveFigures(now, totals.get(0).asLong(0), totals.get(1).asLong(0), totals.get(2).asLong(0),
                totals.get(3).asLong(0), overdueNow, overdueNow + totals.get(5).asLong(0),
                loadToday("service_code", "ANY_VALUE(service_name, 1024)", millis, province), loadToday("commune_code", "''", millis, province)));
    }

    /** The stream's clock: the time of its latest event. */
    public Optional<Instant> clock() {
        JsonNode rows = query("SELECT TIMESTAMP_TO_MILLIS(MAX(__time)) FROM \"" + datasource + "\"", List.of());
        JsonNode latest = rows.isEmpty() ? null : rows.get(0).get(0);
        return latest == null || latest.isNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest.asLong()));
    }

    private List<LiveFigures.Load> loadToday(String unit, String name, long millis, Optional<String> province) {
        List<Object> parameters = new ArrayList<>();
        String where = where(millis, province, parameters);
        parameters.add(millis);
        JsonNode rows = query("SELECT " + unit + ", " + name + ", SUM(events) AS applications, SUM(events) FILTER (WHERE channel = 'trực tiếp')"
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
        body.put("context", Map.of("sqlTimeZone", ServiceEvent.ZONE.getId(), "timeout", timeout.toMillis()));
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
