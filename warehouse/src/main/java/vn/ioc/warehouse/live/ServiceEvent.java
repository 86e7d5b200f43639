package vn.ioc.warehouse.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One event of an online public-service application, keyed as the live view breaks it down.
 *
 * @param id      unique per event: the application and what happened ({@code A48…/resolved}); duplicates are dropped by it
 * @param level   "toàn trình" (full-online) or "một phần" (partly online)
 * @param dueDay  the application's legal due day (local time), for what will be overdue by the end of a day; null when the
 *                source gave no readable due time
 * @param late    a resolution or rejection after the due time
 * @param weight  how many applications the event stands for: 1, or a sample's weight for its commune
 */
public record ServiceEvent(String id, Instant time, EventKind kind, String provinceCode, String communeCode, String serviceCode,
                           String serviceName, String channel, String level, LocalDate dueDay, boolean late, long weight) {
    /** The portal's times are Vietnam's local time: days and "today" are local days. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String FULL_ONLINE = "toàn trình";
    public static final String PARTLY_ONLINE = "một phần";

    public ServiceEvent {
        requireNonNull(id, "id");
        requireNonNull(time, "time");
        requireNonNull(kind, "kind");
        requireNonNull(provinceCode, "provinceCode");
        requireNonNull(communeCode, "communeCode");
        requireNonNull(serviceCode, "serviceCode");
        requireNonNull(serviceName, "serviceName");
        requireNonNull(channel, "channel");
        requireNonNull(level, "level");
        if (weight < 1) {
            throw new IllegalArgumentException("an event stands for at least one application, not " + weight);
        }
    }

    /** The row Druid ingests: its timestamp in epoch milliseconds and the dimensions. */
    public Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", time.toEpochMilli());
        row.put("province_code", provinceCode);
        row.put("commune_code", communeCode);
        row.put("service_code", serviceCode);
        row.put("service_name", serviceName);
        row.put("channel", channel);
        row.put("level", level);
        row.put("event", kind.wire());
        row.put("due_day", dueDay == null ? null : dueDay.toString());
        row.put("late", late ? "1" : "0");
        row.put("weight", weight);
        return row;
    }
}
