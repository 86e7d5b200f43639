package vn.ioc.analytics.comparison;

import java.time.LocalDate;
import java.util.List;

/**
 * The questions the dashboard's screens ask, written once in SQL that ClickHouse and PostgreSQL both run as it is:
 * KPI values, 12-month series, breakdowns and rankings from the facts, and the same from the KPI store that the
 * dashboard reads first. Rates are ranked on values rounded to 2 decimals (half up), as the dashboard ranks them.
 */
public final class DashboardQueries {
    /**
     * What a query returns is compared between the two databases: the order of its rows is fixed by its ORDER BY.
     * {@code store}: it reads the KPI store, whose answers the dashboard keeps until the next build.
     */
    public record Query(String name, String sql, List<String> parameters, boolean store) {
        public Query {
            parameters = List.copyOf(parameters);
        }

        public Query(String name, String sql, List<String> parameters) {
            this(name, sql, parameters, false);
        }
    }

    /** The tables the queries read, with the indexes PostgreSQL gets for them: the orders the warehouse keeps them in (tables and projections). */
    public static final List<FactCopy.Table> TABLES = List.of(
            new FactCopy.Table("population_facts", List.of(List.of("period", "province_code", "commune_code"))),
            new FactCopy.Table("vaccination_facts", List.of(List.of("day", "province_code"), List.of("province_code", "commune_code", "vaccine", "dose_number", "day"),
                    List.of("province_code", "vaccine", "dose_number", "commune_code", "day"))),
            new FactCopy.Table("service_facts", List.of(List.of("day", "province_code"), List.of("province_code", "commune_code", "day"))),
            new FactCopy.Table("school_facts", List.of(List.of("school_year", "province_code"))),
            new FactCopy.Table("kpi_values", List.of(List.of("kpi", "level", "province_code", "month", "unit_code"),
                    List.of("level", "province_code", "kpi", "month", "unit_code"))));

    private static final String CHIP_RATE = "100.0 * sum(id_card) / nullif(sum(residents), 0)";
    private static final String ONLINE_RATE = "100.0 * sum(CASE WHEN channel = 'trực tuyến' THEN applications ELSE 0 END) / nullif(sum(applications), 0)";
    private static final String ON_TIME_RATE = "100.0 * sum(resolved_on_time) / nullif(sum(resolved), 0)";
    private static final String MONTH_OF_DAY = "EXTRACT(YEAR FROM day) * 100 + EXTRACT(MONTH FROM day)";

    private DashboardQueries() {
    }

    /** The query set for one month (its first day) and one province (the largest, where the dashboard works hardest). */
    public static List<Query> of(LocalDate month, String province) {
        String first = month.toString();
        String next = month.plusMonths(1).toString();
        String yearBefore = month.minusMonths(11).toString();
        String thirtyDaysBefore = month.plusMonths(1).minusDays(30).toString();
        return List.of(
                new Query("chip-ID rate 14+, nation", "SELECT " + CHIP_RATE + " FROM population_facts WHERE period = CAST(? AS DATE) AND age >= 14",
                        List.of(first)),
                new Query("chip-ID rate 14+, province", "SELECT " + CHIP_RATE
                        + " FROM population_facts WHERE period = CAST(? AS DATE) AND province_code = ? AND age >= 14", List.of(first, province)),
                new Query("chip-ID rate 14+, 12-month series of the province", "SELECT period, " + CHIP_RATE
                        + " FROM population_facts WHERE period BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) AND province_code = ? AND age >= 14"
                        + " GROUP BY period ORDER BY period", List.of(yearBefore, first, province)),
                new Query("chip-ID rate 14+, provinces ranked", ranked("province_code", CHIP_RATE,
                        "population_facts WHERE period = CAST(? AS DATE) AND age >= 14"), List.of(first)),
                new Query("chip-ID rate 14+, communes of the province ranked", ranked("commune_code", CHIP_RATE,
                        "population_facts WHERE period = CAST(? AS DATE) AND province_code = ? AND age >= 14"), List.of(first, province)),
                new Query("residents by age band and sex, province", "SELECT CASE WHEN age < 6 THEN '0-5' WHEN age < 15 THEN '6-14' "
                        + "WHEN age < 60 THEN '15-59' ELSE '60+' END AS band, sex, sum(residents) AS residents FROM population_facts "
                        + "WHERE period = CAST(? AS DATE) AND province_code = ? GROUP BY band, sex ORDER BY band, sex", List.of(first, province)),
                new Query("doses in the last 30 days, provinces", "SELECT province_code, sum(doses) AS doses FROM vaccination_facts "
                        + "WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE) GROUP BY province_code ORDER BY province_code",
                        List.of(thirtyDaysBefore, next)),
                new Query("COVID-19 second doses to date, communes of the province ranked", ranked("commune_code", "sum(doses)",
                        "vaccination_facts WHERE province_code = ? AND vaccine LIKE 'COVID-19%' AND dose_number = 2 AND day < CAST(? AS DATE)"),
                        List.of(province, next)),
                new Query("doses by vaccine and dose in the month, province", "SELECT vaccine, dose_number, sum(doses) AS doses FROM vaccination_facts "
                        + "WHERE province_code = ? AND day >= CAST(? AS DATE) AND day < CAST(? AS DATE) GROUP BY vaccine, dose_number "
                        + "ORDER BY vaccine, dose_number", List.of(province, first, next)),
                new Query("online application rate, provinces ranked", ranked("province_code", ONLINE_RATE,
                        "service_facts WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE)"), List.of(first, next)),
                new Query("online application rate, 12-month series of the nation", "SELECT " + MONTH_OF_DAY + " AS month, " + ONLINE_RATE
                        + " FROM service_facts WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE) GROUP BY month ORDER BY month",
                        List.of(yearBefore, next)),
                new Query("on-time rate, communes of the province ranked", ranked("commune_code", ON_TIME_RATE,
                        "service_facts WHERE province_code = ? AND day >= CAST(? AS DATE) AND day < CAST(? AS DATE)"), List.of(province, first, next)),
                new Query("on-time rate, all communes ranked", ranked("commune_code", ON_TIME_RATE,
                        "service_facts WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE)"), List.of(first, next)),
                new Query("school seats and pupils by level, province", "SELECT level, sum(pupils) AS pupils, sum(seats) AS seats FROM school_facts "
                        + "WHERE school_year = (SELECT max(school_year) FROM school_facts WHERE school_year < CAST(? AS DATE)) AND province_code = ? "
                        + "GROUP BY level ORDER BY level", List.of(next, province)),
                new Query("KPI store: every KPI of the province", "SELECT kpi, numerator, denominator FROM kpi_values "
                        + "WHERE level = 'PROVINCE' AND province_code = ? AND unit_code = ? AND month = CAST(? AS DATE) ORDER BY kpi",
                        List.of(province, province, first), true),
                new Query("KPI store: 12-month series of a KPI, province", "SELECT month, numerator, denominator FROM kpi_values "
                        + "WHERE kpi = 'services.online_application_rate' AND level = 'PROVINCE' AND province_code = ? AND unit_code = ? "
                        + "AND month BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY month", List.of(province, province, yearBefore, first), true),
                new Query("KPI store: provinces ranked", ranked("unit_code", "100.0 * sum(numerator) / nullif(sum(denominator), 0)",
                        "kpi_values WHERE kpi = 'population.id_card_rate_14plus' AND level = 'PROVINCE' AND month = CAST(? AS DATE)"),
                        List.of(first), true),
                new Query("KPI store: communes of the province ranked", ranked("unit_code", "100.0 * sum(numerator) / nullif(sum(denominator), 0)",
                        "kpi_values WHERE kpi = 'services.on_time_rate' AND level = 'COMMUNE' AND province_code = ? AND month = CAST(? AS DATE)"),
                        List.of(province, first), true));
    }

    /** Units with their value, competition-ranked on the value rounded to 2 decimals, best first, then by code. */
    private static String ranked(String unit, String value, String from) {
        return "SELECT unit, value, rank() OVER (ORDER BY floor(value * 100 + 0.5) DESC NULLS LAST) AS place FROM (SELECT " + unit + " AS unit, " + value
                + " AS value FROM " + from + " GROUP BY " + unit + ") AS units ORDER BY place, unit";
    }
}
