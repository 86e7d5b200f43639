package vn.ioc.ingest.live;

import tools.jackson.databind.JsonNode;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.live.DruidHttp;
import vn.ioc.warehouse.live.EventKind;
import vn.ioc.warehouse.live.ServiceEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The live stream's end-of-day figures against the warehouse's: for each local day, the applications Druid counted as
 * submitted and those the monthly ingest loaded into {@code service_facts}, by province, commune, service and
 * channel. Any difference is reported with its key and both counts.
 */
public final class Reconciliation {
    /** One key whose counts differ. */
    public record Difference(String day, String province, String commune, String service, String channel, long live, long warehouse) {
    }

    /** Applications compared (per side) over the days, and the keys whose counts differ. */
    public record Outcome(LocalDate from, LocalDate to, long live, long warehouse, int keys, List<Difference> differences) {
        public boolean agrees() {
            return differences.isEmpty();
        }
    }

    private final DruidHttp broker;
    private final String datasource;
    private final WarehouseConnection warehouse;

    public Reconciliation(DruidHttp broker, String datasource, WarehouseConnection warehouse) {
        this.broker = requireNonNull(broker, "broker");
        this.datasource = requireNonNull(datasource, "datasource");
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** Compares the local days {@code [from, to)}. */
    public Outcome compare(LocalDate from, LocalDate to) {
        Map<List<String>, Long> live = live(from, to);
        Map<List<String>, Long> loaded = warehouse(from, to);
        TreeSet<List<String>> keys = new TreeSet<>(Reconciliation::compareKeys);
        keys.addAll(live.keySet());
        keys.addAll(loaded.keySet());
        List<Difference> differences = new ArrayList<>();
        for (List<String> key : keys) {
            long inLive = live.getOrDefault(key, 0L);
            long inWarehouse = loaded.getOrDefault(key, 0L);
            if (inLive != inWarehouse) {
                differences.add(new Difference(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4), inLive, inWarehouse));
            }
        }
        return new Outcome(from, to, live.values().stream().mapToLong(Long::longValue).sum(),
                loaded.values().stream().mapToLong(Long::longValue).sum(), keys.size(), differences);
    }

    private Map<List<String>, Long> live(LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", "SELECT TIME_FORMAT(__time, 'yyyy-MM-dd'), province_code, commune_code, service_code, channel, SUM(applications)"
                + " FROM \"" + datasource + "\" WHERE event = ? AND __time >= MILLIS_TO_TIMESTAMP(?) AND __time < MILLIS_TO_TIMESTAMP(?)"
                + " GROUP BY 1, 2, 3, 4, 5");
        body.put("parameters", List.of(Map.of("type", "VARCHAR", "value", EventKind.SUBMITTED.wire()),
                Map.of("type", "BIGINT", "value", ApplicationEvents.startOf(from).toEpochMilli()),
                Map.of("type", "BIGINT", "value", ApplicationEvents.startOf(to).toEpochMilli())));
        body.put("resultFormat", "array");
        body.put("context", Map.of("sqlTimeZone", ServiceEvent.ZONE.getId()));
        Map<List<String>, Long> counts = new TreeMap<>(Reconciliation::compareKeys);
        for (JsonNode row : broker.post("/druid/v2/sql", body)) {
            counts.put(List.of(row.get(0).asString(), row.get(1).asString(), row.get(2).asString(), row.get(3).asString(), row.get(4).asString()),
                    row.get(5).asLong());
        }
        return counts;
    }

    private Map<List<String>, Long> warehouse(LocalDate from, LocalDate to) {
        Map<List<String>, Long> counts = new TreeMap<>(Reconciliation::compareKeys);
        try (Connection connection = warehouse.open();
             PreparedStatement statement = connection.prepareStatement("SELECT toString(day), province_code, commune_code, service_code, channel,"
                     + " sum(applications) FROM service_facts WHERE day >= ? AND day < ? GROUP BY 1, 2, 3, 4, 5")) {
            statement.setObject(1, from);
            statement.setObject(2, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)),
                            rows.getLong(6));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the applications per day from the warehouse at " + warehouse.url() + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
