package vn.ioc.analytics.catalogue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fact tables indicators are computed from: their time column and how it is read, the columns naming a
 * unit, the columns an indicator's expressions may use (and which of them classify rows rather than count), and the
 * dimensions a value can be broken down by (each an SQL expression over the fact's columns).
 */
public enum Fact {
    POPULATION("population_facts", "period", Time.SNAPSHOT, "province_code", "commune_code",
            Set.of("sex", "age", "residence_type", "residents", "verified", "id_card", "vneid_level2", "insurance_linked",
                    "updated_last_year", "from_pre_reform_code"),
            Set.of("sex", "age", "residence_type"),
            dimensions("sex", "sex", "residence_type", "residence_type",
                    "age_band", "multiIf(age < 3, '0-2', age < 6, '3-5', age < 11, '6-10', age < 15, '11-14', age < 18, '15-17', age < 60, '18-59', '60+')",
                    "age_group", "multiIf(age = 0, '0', age <= 4, '1-4', age <= 11, '5-11', age <= 17, '12-17', age <= 59, '18-59', '60+')")),
    VACCINATION("vaccination_facts", "day", Time.FLOW, "province_code", "commune_code",
            Set.of("vaccine", "dose_number", "age_group", "doses", "recorded_late", "from_pre_reform_code"),
            Set.of("vaccine", "dose_number", "age_group"),
            dimensions("vaccine", "vaccine", "dose", "toString(dose_number)", "age_group", "age_group")),
    SCHOOLS("school_facts", "school_year", Time.SNAPSHOT, "province_code", "commune_code",
            Set.of("level", "ownership", "schools", "pupils", "teachers", "classes", "classrooms", "seats", "over_capacity",
                    "from_pre_reform_code"),
            Set.of("level", "ownership"),
            dimensions("level", "level", "ownership", "ownership")),
    SERVICES("service_facts", "day", Time.FLOW, "province_code", "commune_code",
            Set.of("service_code", "channel", "full_online", "status", "applications", "resolved", "resolved_on_time", "overdue",
                    "digitised", "satisfaction_sum", "satisfaction_count", "from_pre_reform_code"),
            Set.of("service_code", "channel", "full_online", "status"),
            dimensions("service", "service_code", "channel", "channel", "status", "status")),
    VACCINE_SUPPLY("vaccine_supply_facts", "month", Time.FLOW, "province_code", null,
            Set.of("vaccine", "doses_delivered", "doses_held"),
            Set.of("vaccine"),
            dimensions("vaccine", "vaccine")),
    /** The reference units themselves: the statistics office's populations, not dated. */
    REFERENCE("communes", null, Time.NONE, "province_code", "code",
            Set.of("population", "area_km2", "unit_type"),
            Set.of("unit_type"),
            dimensions());

    /**
     * The count columns a snapshot knows only when it was taken in its own month, null in the snapshots told from a
     * later extract (see ingest's history): a measure reading one has snapshots only where it is known.
     */
    public Set<String> knownInOwnMonthOnly() {
        return this == POPULATION ? Set.of("updated_last_year") : Set.of();
    }

    /** How a fact's time column is read for a period. */
    public enum Time { SNAPSHOT, FLOW, NONE }

    /**
     * How many months a snapshot stands for its registry, until the next one is due: the population registry is
     * extracted monthly, the school census once a school year (September to August). A period after that has no value
     * from it; 0 for facts that are not snapshots.
     */
    public int snapshotMonths() {
        return switch (this) {
            case POPULATION -> 1;
            case SCHOOLS -> 12;
            default -> 0;
        };
    }

    private final String table;
    private final String timeColumn;
    private final Time time;
    private final String provinceColumn;
    private final String communeColumn;
    private final Set<String> columns;
    private final Set<String> keys;
    private final Map<String, String> dimensions;

    Fact(String table, String timeColumn, Time time, String provinceColumn, String communeColumn, Set<String> columns, Set<String> keys,
         Map<String, String> dimensions) {
        this.table = table;
        this.timeColumn = timeColumn;
        this.time = time;
        this.provinceColumn = provinceColumn;
        this.communeColumn = communeColumn;
        this.columns = columns;
        this.keys = keys;
        this.dimensions = dimensions;
    }

    public static Optional<Fact> named(String name) {
        return Arrays.stream(values()).filter(fact -> fact.name().equalsIgnoreCase(name)).findFirst();
    }

    public String table() {
        return table;
    }

    public String timeColumn() {
        return timeColumn;
    }

    public Time time() {
        return time;
    }

    public String provinceColumn() {
        return provinceColumn;
    }

    /** The column naming a commune, empty for facts kept by province only. */
    public Optional<String> communeColumn() {
        return Optional.ofNullable(communeColumn);
    }

    public Set<String> columns() {
        return columns;
    }

    /** The columns that classify rows (the others are counts). */
    public Set<String> keys() {
        return keys;
    }

    /** The SQL expression of a dimension, if the fact has it. */
    public Optional<String> dimension(String name) {
        return Optional.ofNullable(dimensions.get(name));
    }

    private static Map<String, String> dimensions(String... nameThenExpression) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < nameThenExpression.length; i += 2) {
            dimensions.put(nameThenExpression[i], nameThenExpression[i + 1]);
        }
        return Map.copyOf(dimensions);
    }
}
