package vn.ioc.analytics.comparison;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import org.postgresql.PGConnection;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies a warehouse table into PostgreSQL as it is: the same columns in PostgreSQL's types, every row streamed from
 * ClickHouse as CSV into {@code COPY}, then the table's indexes and fresh planner statistics. A copy is recorded in
 * {@code ioc_copies} (rows and indexes), so that a kept PostgreSQL is not copied into again while the warehouse's table
 * has as many rows and the indexes asked for are the same.
 */
public final class FactCopy {
    private final Connection clickHouse;
    private final Connection postgres;

    public FactCopy(Connection clickHouse, Connection postgres) {
        this.clickHouse = clickHouse;
        this.postgres = postgres;
    }

    /** A table to copy and the indexes PostgreSQL gets for the dashboard's queries, each a list of columns. */
    public record Table(String name, List<List<String>> indexes) {
        public Table {
            indexes = indexes.stream().map(List::copyOf).toList();
        }
    }

    /** What copying one table took; {@code reused}: copied by an earlier run into a kept PostgreSQL (no time taken now). */
    public record Copied(String table, long rows, double copySeconds, double indexSeconds, boolean reused) {
    }

    public Copied copy(Table table) throws SQLException {
        long warehouseRows;
        try (ResultSet count = clickHouse.createStatement().executeQuery("SELECT count() FROM " + table.name())) {
            count.next();
            warehouseRows = count.getLong(1);
        }
        String indexes = table.indexes().toString();
        try (Statement statement = postgres.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS ioc_copies (table_name text PRIMARY KEY, rows bigint NOT NULL, indexes text NOT NULL)");
        }
        try (PreparedStatement earlier = postgres.prepareStatement("SELECT 1 FROM ioc_copies WHERE table_name = ? AND rows = ? AND indexes = ?")) {
            earlier.setString(1, table.name());
            earlier.setLong(2, warehouseRows);
            earlier.setString(3, indexes);
            try (ResultSet found = earlier.executeQuery()) {
                if (found.next()) {
                    return new Copied(table.name(), warehouseRows, 0, 0, true);
                }
            }
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = clickHouse.prepareStatement(
                "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = ? ORDER BY position")) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1) + " " + postgresType(table.name(), rows.getString(1), rows.getString(2)));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the warehouse has no table " + table.name());
        }
        try (Statement statement = postgres.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table.name());
            statement.execute("CREATE TABLE " + table.name() + " (" + String.join(", ", columns) + ")");
        }
        long start = System.nanoTime();
        long rows = 0;
        for (String partition : partitions(table.name())) {
            rows += copyPartition(table.name(), partition);
        }
        double copySeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        try (Statement statement = postgres.createStatement()) {
            for (List<String> index : table.indexes()) {
                statement.execute("CREATE INDEX ON " + table.name() + " (" + String.join(", ", index) + ")");
            }
            statement.execute("VACUUM ANALYZE " + table.name());
        }
        try (PreparedStatement record = postgres.prepareStatement("INSERT INTO ioc_copies VALUES (?, ?, ?) "
                + "ON CONFLICT (table_name) DO UPDATE SET rows = EXCLUDED.rows, indexes = EXCLUDED.indexes")) {
            record.setString(1, table.name());
            record.setLong(2, rows);
            record.setString(3, indexes);
            record.execute();
        }
        return new Copied(table.name(), rows, copySeconds, (System.nanoTime() - start) / 1e9, false);
    }

    /**
     * The table's partitions, copied one at a time: a whole fact table streamed in one response would outlast the
     * warehouse's limit on a query's time.
     */
    private List<String> partitions(String table) throws SQLException {
        List<String> partitions = new ArrayList<>();
        try (PreparedStatement statement = clickHouse.prepareStatement("SELECT partition_id FROM system.parts "
                + "WHERE database = currentDatabase() AND table = ? AND active GROUP BY partition_id ORDER BY partition_id")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    partitions.add(rows.getString(1));
                }
            }
        }
        return partitions;
    }

    private long copyPartition(String table, String partition) throws SQLException {
        Client client = clickHouse.unwrap(ConnectionImpl.class).getClient();
        String select = "SELECT * FROM " + table + " WHERE _partition_id = '" + partition.replace("'", "") + "'";
        try (QueryResponse response = client.query(select, new QuerySettings().setFormat(ClickHouseFormat.CSV)).get();
             InputStream csv = response.getInputStream()) {
            return postgres.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT csv, NULL '\\N')", csv);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while copying " + table, e);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("cannot stream " + table + " (partition " + partition + ") from the warehouse into PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** PostgreSQL's type for a ClickHouse column type of the warehouse's tables. */
    static String postgresType(String table, String column, String clickHouseType) {
        String type = clickHouseType.replaceAll("^(LowCardinality|Nullable)\\((.*)\\)$", "$2").replaceAll("^(LowCardinality|Nullable)\\((.*)\\)$", "$2");
        return switch (type) {
            case "String" -> "text";
            case "Date", "Date32" -> "date";
            case "UInt8", "Int8", "Int16" -> "smallint";
            case "UInt16", "Int32" -> "integer";
            case "UInt32", "Int64", "UInt64" -> "bigint";
            case "Float32" -> "real";
            case "Float64" -> "double precision";
            case "Bool" -> "boolean";
            default -> {
                if (type.startsWith("DateTime")) {
                    yield "timestamptz";
                }
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s.%s: no PostgreSQL type for ClickHouse's %s", table, column,
                        clickHouseType));
            }
        };
    }
}
