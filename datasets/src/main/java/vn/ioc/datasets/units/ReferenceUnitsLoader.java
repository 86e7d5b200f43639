package vn.ioc.datasets.units;

import vn.ioc.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Loads the reference units into the warehouse's dimension tables: each table is filled in a staging
 * copy, the copies are checked together, and only then swapped in, so that a failed load leaves the
 * previous units in place.
 */
public final class ReferenceUnitsLoader {
    private static final List<String> TABLES = List.of("provinces", "communes", "commune_crosswalk");

    private final WarehouseConnection warehouse;

    public ReferenceUnitsLoader(WarehouseConnection warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** What the checks found; a load with any failed check is not swapped in. */
    public record Check(String rule, long expected, long actual) {
        public boolean passed() {
            return expected == actual;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-58s expected %,d, found %,d: %s", rule, expected, actual, passed() ? "ok" : "FAILED");
        }
    }

    public List<Check> load(ReferenceUnits units) {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + staging(table));
                statement.execute("CREATE TABLE " + staging(table) + " AS " + table);
            }
            insertProvinces(connection, units);
            insertCommunes(connection, units);
            insertCrosswalk(connection, units);
            List<Check> checks = check(statement, units);
            if (checks.stream().allMatch(Check::passed)) {
                for (String table : TABLES) {
                    statement.execute("EXCHANGE TABLES " + table + " AND " + staging(table));
                }
            }
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + staging(table));
            }
            return checks;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the reference units into " + warehouse.url() + ": " + e.getMessage(), e);
        }
    }

    private static String staging(String table) {
        return table + "_staging";
    }

    private static List<Check> check(Statement statement, ReferenceUnits units) throws SQLException {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("provinces of the 2025 reform", 34, count(statement, "SELECT count() FROM provinces_staging")));
        checks.add(new Check("communes of the 2025 reform", 3321, count(statement, "SELECT count() FROM communes_staging")));
        checks.add(new Check("communes outside any province", 0, count(statement,
                "SELECT count() FROM communes_staging WHERE province_code NOT IN (SELECT code FROM provinces_staging)")));
        checks.add(new Check("mapped crosswalk lines whose commune does not exist", 0, count(statement,
                "SELECT count() FROM commune_crosswalk_staging WHERE status != 'unmapped' AND new_code NOT IN (SELECT code FROM communes_staging)")));
        long oldCommunes = units.crosswalk().stream().map(CrosswalkEntry::oldCode).distinct().count();
        checks.add(new Check("old communes mapped or explicitly unmapped", oldCommunes, count(statement,
                "SELECT uniqExact(old_code) FROM commune_crosswalk_staging WHERE status IN ('mapped', 'mapped_by_name', 'unmapped')")));
        checks.add(new Check("old communes whose shares do not add up to 1", 0, count(statement,
                "SELECT count() FROM (SELECT old_code, sum(share) AS s FROM commune_crosswalk_staging WHERE status != 'unmapped' "
                        + "GROUP BY old_code HAVING abs(s - 1) > 1e-9)")));
        return checks;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void insertProvinces(Connection connection, ReferenceUnits units) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO provinces_staging (code, name, full_name, name_en, unit_type, population, area_km2) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Province p : units.provinces()) {
                insert.setString(1, p.code());
                insert.setString(2, p.name());
                insert.setString(3, p.fullName());
                insert.setString(4, p.nameEn());
                insert.setString(5, p.unitType());
                insert.setLong(6, p.population());
                insert.setDouble(7, p.areaKm2());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertCommunes(Connection connection, ReferenceUnits units) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO communes_staging "
                + "(code, name, full_name, name_en, unit_type, province_code, population, area_km2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Commune c : units.communes()) {
                insert.setString(1, c.code());
                insert.setString(2, c.name());
                insert.setString(3, c.fullName());
                insert.setString(4, c.nameEn());
                insert.setString(5, c.type().vietnamese());
                insert.setString(6, c.provinceCode());
                insert.setLong(7, c.population());
                insert.setDouble(8, c.areaKm2());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertCrosswalk(Connection connection, ReferenceUnits units) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commune_crosswalk_staging (old_code, old_name, "
                + "old_district, old_province, old_province_code, new_code, new_province_code, share, old_parts, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CrosswalkEntry e : units.crosswalk()) {
                insert.setString(1, e.oldCode());
                insert.setString(2, e.oldName());
                insert.setString(3, e.oldDistrict());
                insert.setString(4, e.oldProvince());
                insert.setString(5, e.oldProvinceCode());
                insert.setString(6, e.newCode());
                insert.setString(7, e.newProvinceCode());
                insert.setDouble(8, e.share());
                insert.setInt(9, e.oldParts());
                insert.setString(10, e.status().name().toLowerCase(Locale.ROOT));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
