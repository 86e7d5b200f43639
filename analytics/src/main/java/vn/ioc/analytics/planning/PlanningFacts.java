package vn.ioc.analytics.planning;

import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.values.WarehouseQueryException;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What school planning reads of the facts for a province's communes: residents by single year of age (0 to 17) in
 * the last population snapshot of the month or before, and seats and classrooms by level in the last school year
 * that began by then.
 */
public final class PlanningFacts {
    private static final int OLDEST = SchoolLevel.UPPER_SECONDARY.lastAge();
    private final Connection connection;

    public PlanningFacts(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    public List<SchoolPlaces> schoolPlaces(Unit province, List<Unit> communes, YearMonth month) {
        Date end = Date.valueOf(month.atEndOfMonth());
        Map<String, long[]> residents = new HashMap<>();
        Map<String, Map<SchoolLevel, Long>> seats = new HashMap<>();
        Map<String, Map<SchoolLevel, Long>> classrooms = new HashMap<>();
        try {
            try (PreparedStatement statement = connection.prepareStatement("SELECT commune_code, age, sum(residents) FROM population_facts "
                    + "WHERE province_code = ? AND age <= ? AND period = (SELECT max(period) FROM population_facts WHERE province_code = ? AND period <= ?) "
                    + "GROUP BY commune_code, age")) {
                statement.setString(1, province.code());
                statement.setInt(2, OLDEST);
                statement.setString(3, province.code());
                statement.setDate(4, end);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        residents.computeIfAbsent(rows.getString(1), code -> new long[OLDEST + 1])[rows.getInt(2)] = rows.getLong(3);
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT commune_code, level, sum(seats), sum(classrooms) FROM school_facts "
                    + "WHERE province_code = ? AND school_year = (SELECT max(school_year) FROM school_facts WHERE province_code = ? AND school_year <= ?) "
                    + "GROUP BY commune_code, level")) {
                statement.setString(1, province.code());
                statement.setString(2, province.code());
                statement.setDate(3, end);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String commune = rows.getString(1);
                        long seatCount = rows.getLong(3);
                        long roomCount = rows.getLong(4);
                        SchoolLevel.fromCensus(rows.getString(2)).ifPresent(level -> {
                            seats.computeIfAbsent(commune, code -> new EnumMap<>(SchoolLevel.class)).put(level, seatCount);
                            classrooms.computeIfAbsent(commune, code -> new EnumMap<>(SchoolLevel.class)).put(level, roomCount);
                        });
                    }
                }
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the population and school facts of " + province.name() + " could not be read: " + e.getMessage(), e);
        }
        return communes.stream().map(commune -> new SchoolPlaces(commune.code(), commune.name(),
                residents.getOrDefault(commune.code(), new long[OLDEST + 1]), seats.getOrDefault(commune.code(), Map.of()),
                classrooms.getOrDefault(commune.code(), Map.of()))).toList();
    }
}
