package vn.ioc.warehouse.schema;

import org.junit.jupiter.api.Test;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.TestWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    /** A partition swapped in as many parts is merged into one by the engine itself, on every fact table. */
    @Test
    void theEngineMergesEachPartitionOfTheFactsIntoOnePart() throws SQLException, InterruptedException {
        TestWarehouse.post("ioc_writer", "", "DROP DATABASE IF EXISTS migration_merge_test");
        WarehouseConnection connection = TestWarehouse.writer("migration_merge_test");
        new MigrationRunner(connection).migrate();
        try (Connection c = connection.open(); Statement statement = c.createStatement()) {
            for (String table : List.of("population_facts", "data_quality_facts", "service_facts", "vaccination_facts", "school_facts",
                    "vaccine_supply_facts")) {
                try (ResultSet created = statement.executeQuery("SELECT create_table_query FROM system.tables WHERE database = currentDatabase() AND name = '"
                        + table + "'")) {
                    assertTrue(created.next(), table);
                    assertTrue(created.getString(1).contains("min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1"),
                            created.getString(1));
                }
            }
            for (String day : List.of("2026-10-01", "2026-10-02", "2026-10-03")) {
                statement.execute("INSERT INTO service_facts (day, province_code, commune_code, applications) VALUES ('" + day + "', '01', '00004', 1)");
            }
            assertEquals(3, parts(statement));
            // The age the migration sets is a minute; a second here, so that the test does not wait for it.
            statement.execute("ALTER TABLE service_facts MODIFY SETTING min_age_to_force_merge_seconds = 1");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (parts(statement) > 1 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(1, parts(statement));
            try (ResultSet sum = statement.executeQuery("SELECT sum(applications) FROM service_facts")) {
                sum.next();
                assertEquals(3, sum.getLong(1));
            }
        }
    }

    private static long parts(Statement statement) throws SQLException {
        try (ResultSet parts = statement.executeQuery("SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'service_facts' AND active")) {
            parts.next();
            return parts.getLong(1);
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
