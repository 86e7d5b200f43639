package vn.ioc.warehouse.schema;

import org.junit.jupiter.api.Test;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.TestWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Migrations applied through the JDBC driver to a real engine, as they would be to a ClickHouse server. */
class MigrationRunnerTest {

    @Test
    void appliesTheProductSchemaOnceAndIsIdempotent() throws SQLException {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS migration_test");
        WarehouseConnection connection = TestWarehouse.writer("migration_test");
        List<String> first = new MigrationRunner(connection).migrate();
        assertEquals(Migrations.load().stream().map(Migration::id).toList(), first);
        assertTrue(first.contains("V001__ingest_run_log"));
        assertEquals(List.of(), new MigrationRunner(connection).migrate());
        try (Connection c = connection.open(); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count() FROM schema_migrations")) {
            rows.next();
            assertEquals(first.size(), rows.getInt(1));
        }
        try (Connection c = connection.open(); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT engine FROM system.tables WHERE database = 'migration_test' AND name = 'ingest_runs'")) {
            assertTrue(rows.next());
            assertEquals("MergeTree", rows.getString(1));
        }
    }

    @Test
    void refusesAMigrationEditedAfterItWasApplied() {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS migration_edit_test");
        WarehouseConnection connection = TestWarehouse.writer("migration_edit_test");
        Migration original = Migration.parse("V001__t.sql", "CREATE TABLE IF NOT EXISTS t (a UInt8) ENGINE = MergeTree ORDER BY a;", "one");
        Migration edited = Migration.parse("V001__t.sql", "CREATE TABLE IF NOT EXISTS t (a UInt16) ENGINE = MergeTree ORDER BY a;", "two");
        new MigrationRunner(connection, List.of(original)).migrate();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MigrationRunner(connection, List.of(edited)).migrate());
        assertTrue(e.getMessage().contains("V001__t was changed after it was applied"), e.getMessage());
    }

    @Test
    void aFailingMigrationNamesItselfAndIsNotRecorded() throws SQLException {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS migration_fail_test");
        WarehouseConnection connection = TestWarehouse.writer("migration_fail_test");
        Migration broken = Migration.parse("V002__broken.sql", "CREATE TABLE IF NOT EXISTS t (a NoSuchType) ENGINE = MergeTree ORDER BY a;", "x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MigrationRunner(connection, List.of(broken)).migrate());
        assertTrue(e.getMessage().contains("migration V002__broken failed"), e.getMessage());
        try (Connection c = connection.open(); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count() FROM schema_migrations")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }
}
