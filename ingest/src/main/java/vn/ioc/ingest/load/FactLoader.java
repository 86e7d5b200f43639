package vn.ioc.ingest.load;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import vn.ioc.warehouse.WarehouseConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static java.util.Objects.requireNonNull;

/**
 * Loads fact rows so that a rerun never double-counts and a failed run changes nothing: every table's
 * rows first go into a staging copy of it; only when all are staged is each partition they fall in
 * swapped in whole ({@code REPLACE PARTITION}). A run killed before the swap leaves the previous data
 * untouched, and its staging tables are cleared by the next run. Just before the swap, each partition is recorded in
 * {@code fact_loads} with the run that replaces it, so that a figure can name the run it was read from (a run that
 * fails after that is not in the run log as successful, and is not named).
 */
public final class FactLoader {
    private static final int BATCH = 50_000;

    private final WarehouseConnection warehouse;
    private final String runId;
    private final String stagingSuffix;
    private final List<Staged> staged = new ArrayList<>();

    public FactLoader(WarehouseConnection warehouse, String runId) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.runId = requireNonNull(runId, "runId");
        this.stagingSuffix = runId.replace("-", "").substring(0, 12);
    }

    /** One table's rows, staged and not yet visible; {@code whole}: they replace the whole table, even when there are none. */
    public record Staged(String table, String staging, long rows, List<String> partitions, boolean whole) {
    }

    /** @param rows values in {@code columns} order */
    public Staged stage(String table, List<String> columns, Iterator<Object[]> rows) {
        return stage(table, false, (connection, staging) -> insert(connection, staging, columns, rows));
    }

    /** Stages the whole content of a table kept without partitions: at the commit it replaces what the table holds. */
    public Staged stageWhole(String table, List<String> columns, Iterator<Object[]> rows) {
        return stage(table, true, (connection, staging) -> insert(connection, staging, columns, rows));
    }

    /**
     * Stages Parquet files whose columns are named as the table's, each sent whole as {@code INSERT ... FORMAT Parquet}
     * by the driver's own client: the engine reads Parquet many times faster than it takes rows one by one. The files go
     * at once, a few at a time (an insert keeps about one of the engine's cores busy).
     */
    public Staged stageParquet(String table, List<String> columns, List<Path> files) {
        return stage(table, false, (connection, staging) -> {
            Client client = connection.unwrap(ConnectionImpl.class).getClient();
            try (ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors())))) {
                List<Future<Void>> sent = new ArrayList<>();
                for (Path file : files) {
                    sent.add(senders.submit(() -> {
                        try (InputStream parquet = Files.newInputStream(file);
                             InsertResponse ignored = client.insert(staging, columns, parquet, ClickHouseFormat.Parquet).get()) {
                            // The response only acknowledges the insert; the staging table is counted once all files are in.
                            return null;
                        } catch (IOException | ExecutionException e) {
                            throw new SQLException("cannot send " + file + ": " + e.getMessage(), e);
                        }
                    }));
                }
                for (Future<Void> file : sent) {
                    file.get();
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SQLException failure ? failure : new SQLException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while sending the fact files of " + table, e);
            }
        });
    }

    /** Fills a staging table. */
    @FunctionalInterface
    private interface StagingInsert {
        void into(Connection connection, String staging) throws SQLException;
    }

    private Staged stage(String table, boolean whole, StagingInsert insert) {
        String staging = table + "_load_" + stagingSuffix;
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            dropLeftovers(statement, table);
            statement.execute("CREATE TABLE " + staging + " AS " + table);
            insert.into(connection, staging);
            long count = 0;
            List<String> partitions = new ArrayList<>();
            try (ResultSet ids = statement.executeQuery("SELECT _partition_id, count() FROM " + staging + " GROUP BY 1 ORDER BY 1")) {
                while (ids.next()) {
                    partitions.add(ids.getString(1));
                    count += ids.getLong(2);
                }
            }
            Staged result = new Staged(table, staging, count, Collections.unmodifiableList(partitions), whole);
            staged.add(result);
            return result;
        } catch (SQLException e) {
            discard();
            throw new LoadException("cannot stage " + table + " in " + warehouse.url() + ": " + e.getMessage(), e);
        }
    }

    /** Records which partitions this run replaces, swaps every staged partition in, then drops the staging tables. */
    public void commit() {
        try (Connection connection = warehouse.open(); Statement statement = connection.createStatement()) {
            recordLoads(connection);
            for (Staged table : staged) {
                if (table.whole() && table.partitions().isEmpty()) {
                    statement.execute("TRUNCATE TABLE " + table.table());
                }
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

    private void recordLoads(Connection connection) throws SQLException {
        if (staged.stream().allMatch(table -> table.whole() || table.partitions().isEmpty())) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fact_loads (fact_table, partition_id, run_id, loaded_at) VALUES (?, ?, ?, ?)")) {
            for (Staged table : staged) {
                for (String partition : table.whole() ? List.<String>of() : table.partitions()) {
                    insert.setString(1, table.table());
                    insert.setString(2, partition);
                    insert.setObject(3, UUID.fromString(runId));
                    insert.setTimestamp(4, now);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
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

    private static void insert(Connection connection, String staging, List<String> columns, Iterator<Object[]> rows) throws SQLException {
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
    }
}
