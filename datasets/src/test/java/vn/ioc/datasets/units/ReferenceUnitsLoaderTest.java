package vn.ioc.datasets.units;

import org.junit.jupiter.api.Test;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.TestWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference units loaded into a real warehouse through the JDBC driver, checked there. */
class ReferenceUnitsLoaderTest {

    @Test
    void loadsChecksAndSwapsInTheUnits() throws SQLException {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS reference_test");
        WarehouseConnection warehouse = TestWarehouse.writer("reference_test");
        new MigrationRunner(warehouse).migrate();
        ReferenceUnits units = ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.empty()));

        List<ReferenceUnitsLoader.Check> checks = new ReferenceUnitsLoader(warehouse).load(units);
        assertTrue(checks.stream().allMatch(ReferenceUnitsLoader.Check::passed), checks.toString());
        assertEquals(34, count(warehouse, "SELECT count() FROM provinces"));
        assertEquals(3321, count(warehouse, "SELECT count() FROM communes"));
        assertEquals(1, count(warehouse, "SELECT count() FROM communes WHERE full_name = 'Phường Ba Đình' AND province_code = '01'"));

        ReferenceUnits broken = new ReferenceUnits(units.provinces().subList(0, 33), units.communes(), units.crosswalk(), units.calibrated());
        List<ReferenceUnitsLoader.Check> failed = new ReferenceUnitsLoader(warehouse).load(broken);
        assertFalse(failed.stream().allMatch(ReferenceUnitsLoader.Check::passed));
        assertEquals(34, count(warehouse, "SELECT count() FROM provinces"), "a failed load leaves the previous units in place");
        assertEquals(0, count(warehouse, "SELECT count() FROM system.tables WHERE database = 'reference_test' AND name LIKE '%staging'"));
    }

    private static long count(WarehouseConnection warehouse, String sql) throws SQLException {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
