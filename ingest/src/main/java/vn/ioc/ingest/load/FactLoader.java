package vn.ioc.ingest.load;

import vn.ioc.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Loads fact rows so that a rerun never double-counts and a failed run changes nothing: every table's
 * rows first go into a staging copy of it; only when all are staged is each partition they fall in
 * swapped in whole ({@code REPLACE PARTITION}). A run killed before the swap leaves the previous data
 * untouched, and its staging tables are cleared by the next run.
 */
public final class FactLoader {
    private static final int BATCH = 50_000;

    private final WarehouseConnection warehouse;
    private final String runId;
    private final List<Staged> staged = new ArrayList<>();

    public FactLoader(WarehouseConnection warehouse, String runId) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.runId = runId.replace("-", "").substring(0, 12);
    }

    /** One table's rows, staged and not yet visible. */
    public record Staged(String table, String staging, long rows, List<String> partitions) {
    }

    /** @param rows values in {@code columns} order */
    public Staged stage(String table, List<String> columns, Iterator<Object[]> rows) {
        String staging = table + "_load_" + runId;
        java.util.Properties bulk = new java.util.Properties();
        bulk.setProperty("beta.row_binary_for_simple_insert", "true");
        try (Connection connection = warehouse.open(bulk); Statement statement = connection.createStatement()) {
            dropLeftovers(statement, table);
            statement.execute("CREATE TABLE " + staging + " AS " + table);
            long count = insert(connection, staging, columns, rows);
            List<String> partitions = new ArrayList<>();
            try (ResultSet ids = statement.executeQuery("SELECT DISTINCT _partition_id FROM " + staging + " ORDER BY 1")) {
                while (ids.next()) {
                    partitions.add(ids.getString(1));
                }
            }
            Staged result = new Staged(table, staging, count, Collections.unmodifiableList(partitions));
            staged.add(result);
            return result;
        } catch (SQLException e) {
            discard();
            throw new LoadException("cannot stage " + table + " in " + warehouse.url() + ": " + e.getMessage(), e);
        }
    }

    /** Swaps every staged partition in, then drops the staging tables. */
    public void commit() {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            for (Staged table : staged) {
                for (String partition : table.partitions()) {
                    statement.execute("ALTER TABLE " + table.table() + " REPLACE PARTITION ID '" + partition.replace("'", "")
                            + "' FROM " + table.staging());
                }
            }
        } catch (SQLException e) {
            throw new LoadException("cannot swap the loaded partitions in at " + warehouse.url() + ": " + e.getMessage(), e);
        } finally {
            discard();
        }
    }

    /** Drops what was staged without making it visible. */
    public void discard() {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            for (Staged table : staged) {
                statement.execute("DROP TABLE IF EXISTS " + table.staging());
            }
        } catch (SQLException ignored) {
            // The next run clears leftovers.
        }
        staged.clear();
    }

    /** Staging tables a killed run left behind. One ingest runs at a time per warehouse. */
    private static void dropLeftovers(Statement statement, String table) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (ResultSet names = statement.executeQuery("SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE '"
                + table + "\\_load\\_%'")) {
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
        }
        for (String leftover : leftovers) {
            statement.execute("DROP TABLE IF EXISTS " + leftover);
        }
    }

    private static long insert(Connection connection, String staging, List<String> columns, Iterator<Object[]> rows) throws SQLException {
        String sql = "INSERT INTO " + staging + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        long count = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            while (rows.hasNext()) {
                Object[] values = rows.next();
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
                if (++count % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            if (count % BATCH != 0) {
                insert.executeBatch();
            }
        }
        return count;
    }
}
