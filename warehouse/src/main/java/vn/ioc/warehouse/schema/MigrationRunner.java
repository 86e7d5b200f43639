package vn.ioc.warehouse.schema;

import vn.ioc.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Brings a ClickHouse database up to the current schema: creates the database, then applies each
 * migration not yet recorded in {@code schema_migrations}. Running it again changes nothing; a
 * migration edited after it was applied is refused by name.
 */
public final class MigrationRunner {
    private final WarehouseConnection connection;
    private final List<Migration> migrations;

    public MigrationRunner(WarehouseConnection connection) {
        this(connection, Migrations.load());
    }

    public MigrationRunner(WarehouseConnection connection, List<Migration> migrations) {
        this.connection = requireNonNull(connection, "connection");
        this.migrations = List.copyOf(migrations);
    }

    /** Applies what is missing and returns the ids of the migrations it applied. */
    public List<String> migrate() {
        String database = connection.database();
        if (!database.matches("\\w+")) {
            throw new IllegalArgumentException("database name must be a plain identifier, not '" + database + "'");
        }
        try {
            try (Connection server = connection.withoutDatabase().open(); Statement statement = server.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + database);
            }
            try (Connection db = connection.open()) {
                try (Statement statement = db.createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, id String, checksum String, "
                            + "applied_at DateTime64(3) DEFAULT now64(3)) ENGINE = MergeTree ORDER BY version");
                }
                Map<Integer, String> applied = applied(db);
                List<String> done = new ArrayList<>();
                for (Migration migration : migrations) {
                    String checksum = applied.get(migration.version());
                    if (checksum != null) {
                        if (!checksum.equals(migration.checksum())) {
                            throw new IllegalStateException("migration " + migration.id() + " was changed after it was applied to "
                                    + connection.url() + ": add a new migration instead of editing it");
                        }
                        continue;
                    }
                    apply(db, migration);
                    done.add(migration.id());
                }
                return done;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate " + connection.url() + ": " + e.getMessage(), e);
        }
    }

    private static Map<Integer, String> applied(Connection db) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_migrations")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static void apply(Connection db, Migration migration) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String sql : migration.statements()) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("migration " + migration.id() + " failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
        try (PreparedStatement record = db.prepareStatement("INSERT INTO schema_migrations (version, id, checksum) VALUES (?, ?, ?)")) {
            record.setInt(1, migration.version());
            record.setString(2, migration.id());
            record.setString(3, migration.checksum());
            record.executeUpdate();
        }
    }
}
