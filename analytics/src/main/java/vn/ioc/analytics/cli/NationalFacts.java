package vn.ioc.analytics.cli;

import vn.ioc.warehouse.progress.Progress;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Facts at national scale, made by ClickHouse itself from the 3,321 real communes and their populations, for the
 * analytics benchmark: 12 monthly population snapshots by sex, single year of age and residence type; doses per
 * commune and day since March 2021; applications per commune and day since January 2025 (about one fact row per
 * 600 residents a day); six school years. The figures are plausible, not real; what matters to query times are the
 * row counts and cardinalities, of the order the ingest loads for the whole country (the demo's 1% of the country
 * gives 3.2 M vaccination and 3.5 M application facts at day grain; the whole country, with its denser days, tens of
 * millions to a hundred million or more each).
 */
final class NationalFacts {
    private static final String NOISE = "(cityHash64(%s) %% 1000) / 1000.0";
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("population_facts", """
                INSERT INTO population_facts
                SELECT period, province_code, commune_code, sex, age, residence_type, residents,
                       toUInt64(residents * (0.80 + 0.19 * n1)) AS verified,
                       toUInt64(if(age >= 14, residents * (0.88 + 0.11 * n2), residents * 0.05 * n2)) AS id_card,
                       toUInt64(if(age >= 14, residents * (0.45 + 0.45 * n3), 0)) AS vneid_level2,
                       toUInt64(residents * (0.60 + 0.35 * n4)) AS insurance_linked,
                       toUInt64(residents * (0.30 + 0.40 * n1)) AS updated_last_year, 0 AS from_pre_reform_code
                FROM (
                    SELECT addMonths(toDate('2026-10-01'), -toInt32(m.number)) AS period, c.province_code AS province_code, c.code AS commune_code,
                           s.sex AS sex, toUInt8(a.number) AS age, r.residence_type AS residence_type,
                           toUInt64(c.population * if(a.number < 60, 1.25, 0.45) / 202 * if(r.residence_type = 'thường trú', 0.92, 0.08)
                                    * (0.9 + 0.2 * %1$s)) AS residents,
                           %2$s AS n1, %3$s AS n2, %4$s AS n3, %5$s AS n4
                    FROM communes AS c
                    CROSS JOIN (SELECT arrayJoin(['Nam', 'Nữ']) AS sex) AS s
                    CROSS JOIN numbers(101) AS a
                    CROSS JOIN (SELECT arrayJoin(['thường trú', 'tạm trú']) AS residence_type) AS r
                    CROSS JOIN numbers(12) AS m)
                """.formatted(noise("c.code, a.number, s.sex, r.residence_type, m.number"), noise("c.code, a.number, 1"),
                noise("c.code, a.number, 2"), noise("c.code, a.number, 3"), noise("c.code, a.number, 4")));
        TABLES.put("vaccination_facts", """
                INSERT INTO vaccination_facts
                SELECT d.day, c.province_code, c.code, v.1, v.2, v.3,
                       toUInt64(1 + c.population / 3000 * v.4 * (0.5 + %1$s)) AS doses, 0, 0
                FROM communes AS c
                CROSS JOIN (SELECT toDate('2021-03-01') + number AS day FROM numbers(2071)) AS d
                CROSS JOIN (SELECT arrayJoin([('COVID-19 Comirnaty', 1, '18-59', 6.0), ('COVID-19 Comirnaty', 2, '18-59', 5.0),
                        ('COVID-19 Comirnaty', 3, '18-59', 3.0), ('COVID-19 Vaxzevria', 1, '60+', 2.0), ('COVID-19 Vaxzevria', 2, '60+', 2.0),
                        ('COVID-19 Spikevax', 1, '12-17', 1.0), ('COVID-19 BBIBP-CorV', 1, '5-11', 1.0), ('BCG', 1, '0', 0.3),
                        ('DTP-HepB-Hib', 1, '0', 0.3), ('DTP-HepB-Hib', 2, '0', 0.3), ('DTP-HepB-Hib', 3, '0', 0.28), ('OPV', 1, '0', 0.3),
                        ('Measles', 1, '0', 0.28), ('MR', 1, '1-4', 0.25)]) AS v) AS vv
                WHERE cityHash64(c.code, d.day, v.1, v.2) %% 100 < if(startsWith(v.1, 'COVID-19'),
                        if(d.day < toDate('2022-12-31'), 90, 3), 60)
                """.formatted(noise("c.code, d.day, v.1, v.2")));
        TABLES.put("service_facts", """
                INSERT INTO service_facts
                SELECT day, province_code, commune_code, service_code, channel, full_online, status, applications,
                       if(status = 'đã giải quyết', applications, 0) AS resolved,
                       if(status = 'đã giải quyết', toUInt64(applications * (0.85 + 0.15 * n1)), 0) AS resolved_on_time,
                       if(status = 'quá hạn', applications, 0) AS overdue,
                       if(status = 'đã giải quyết', toUInt64(applications * (0.7 + 0.3 * n2)), 0) AS digitised,
                       toUInt64(applications * (3.5 + 1.5 * n1)) AS satisfaction_sum, applications AS satisfaction_count, 0
                FROM (
                    SELECT d.day AS day, c.province_code AS province_code, c.code AS commune_code,
                           if(k %% 5 = 4, concat('TT-0', toString(1 + cityHash64(c.code, d.day, k) %% 9)),
                              concat('DA06-', leftPad(toString(1 + cityHash64(c.code, d.day, k) %% 25), 2, '0'))) AS service_code,
                           if(cityHash64(c.code, d.day, k, 1) %% 10 < 6, 'trực tuyến', 'trực tiếp') AS channel,
                           toUInt8(cityHash64(service_code) %% 4 != 0) AS full_online,
                           multiIf(k %% 8 < 5, 'đã giải quyết', k %% 8 = 5, 'đang xử lý', k %% 8 = 6, 'từ chối', 'quá hạn') AS status,
                           toUInt64(1 + 2 * (0.5 + %1$s)) AS applications,
                           %2$s AS n1, %3$s AS n2
                    FROM communes AS c
                    CROSS JOIN (SELECT toDate('2025-01-01') + number AS day FROM numbers(669)) AS d
                    ARRAY JOIN range(toUInt32(greatest(8, c.population / 600))) AS k)
                """.formatted(noise("c.code, d.day, k, 2"), noise("c.code, d.day, k, 3"), noise("c.code, d.day, k, 4")));
        TABLES.put("school_facts", """
                INSERT INTO school_facts
                SELECT makeDate(2021 + toUInt16(y.number), 9, 1), c.province_code, c.code, l.1, o.ownership,
                       toUInt64(greatest(1, c.population / l.2)) AS schools,
                       toUInt64(c.population * l.3 * o.share * (0.9 + 0.2 * %1$s)) AS pupils,
                       toUInt64(pupils / l.4 * l.5) AS teachers, toUInt64(greatest(1, pupils / l.4)) AS classes,
                       classes AS classrooms, toUInt64(pupils * (0.85 + 0.3 * %2$s)) AS seats,
                       toUInt64(seats < pupils) AS over_capacity, 0
                FROM communes AS c
                CROSS JOIN numbers(6) AS y
                CROSS JOIN (SELECT arrayJoin([('Mầm non', 6000, 0.05, 25, 1.9), ('Tiểu học', 9000, 0.075, 35, 1.5),
                        ('THCS', 16000, 0.055, 45, 1.9), ('THPT', 60000, 0.04, 45, 2.25)]) AS l) AS ll
                CROSS JOIN (SELECT arrayJoin([('công lập', 0.9), ('tư thục', 0.1)]) AS o) AS oo
                """.formatted(noise("c.code, y.number, l.1, o.1"), noise("c.code, y.number, l.1, o.1, 2")).replace("o.ownership", "o.1").replace("o.share", "o.2"));
    }

    private NationalFacts() {
    }

    private static String noise(String keys) {
        return NOISE.formatted(keys);
    }

    /** Fills the fact tables (which must be empty) and returns the rows of each. */
    static Map<String, Long> insert(Connection connection, PrintStream out) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); Progress progress = Progress.start("national facts", "rows", -1)) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                progress.say(table.getKey());
                long start = System.nanoTime();
                statement.execute(table.getValue());
                try (var count = statement.executeQuery("SELECT count() FROM " + table.getKey())) {
                    count.next();
                    rows.put(table.getKey(), count.getLong(1));
                }
                progress.stepBy(rows.get(table.getKey()));
                out.printf(Locale.ROOT, "data: %s %,d rows in %.1f s%n", table.getKey(), rows.get(table.getKey()),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        return rows;
    }
}
