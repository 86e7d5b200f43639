package vn.ioc.warehouse.server;

import com.clickhouse.client.api.ServerException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ioc.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official clickhouse-jdbc driver, with a plain URL and no special options, against the warehouse. */
class JdbcDriverTest {
    private static final String DB = "jdbc_driver_test";

    @BeforeAll
    static void database() throws SQLException {
        TestWarehouse.freshDatabase(DB);
        try (Connection connection = TestWarehouse.writer(DB).open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE communes (code String, name String, province LowCardinality(String), "
                    + "population UInt32, founded Date) ENGINE = MergeTree ORDER BY code");
        }
    }

    /** The driver keeps ClickHouse's error code on the ServerException it wraps. */
    static int serverCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerException server) {
                return server.getCode();
            }
        }
        return -1;
    }

    @Test
    void answersWhatAServerWould() throws SQLException {
        try (Connection connection = TestWarehouse.reader(DB).open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version(), currentDatabase(), 1 + 1")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).startsWith("26."), rows.getString(1));
            assertEquals(DB, rows.getString(2));
            assertEquals(2, rows.getInt(3));
        }
    }

    /** What DBeaver and Metabase ask on connecting and browsing: catalogues, schemas, tables, columns, types; SHOW and DESCRIBE. */
    @Test
    void describesTheWarehouseAsBiToolsAskIt() throws SQLException {
        try (Connection connection = TestWarehouse.reader(DB).open(); Statement statement = connection.createStatement()) {
            java.sql.DatabaseMetaData meta = connection.getMetaData();
            assertTrue(meta.getDatabaseProductVersion().startsWith("26."), meta.getDatabaseProductVersion());
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = meta.getSchemas()) {
                while (rows.next()) {
                    schemas.add(rows.getString("TABLE_SCHEM"));
                }
            }
            List<String> catalogs = new ArrayList<>();
            try (ResultSet rows = meta.getCatalogs()) {
                while (rows.next()) {
                    catalogs.add(rows.getString("TABLE_CAT"));
                }
            }
            assertTrue(schemas.contains(DB) || catalogs.contains(DB), "the database is listed: " + schemas + " " + catalogs);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, null, "communes", null)) {
                while (rows.next()) {
                    if (inThisDatabase(rows)) {
                        tables.add(rows.getString("TABLE_NAME"));
                    }
                }
            }
            assertTrue(tables.contains("communes"), tables.toString());
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(null, null, "communes", null)) {
                while (rows.next()) {
                    if (inThisDatabase(rows)) {
                        columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME"));
                    }
                }
            }
            assertEquals(List.of("code String", "name String", "province LowCardinality(String)", "population UInt32", "founded Date"), columns);
            try (ResultSet rows = meta.getTypeInfo()) {
                assertTrue(rows.next(), "type info");
            }
            try (ResultSet rows = statement.executeQuery("SHOW TABLES")) {
                assertTrue(rows.next());
                assertEquals("communes", rows.getString(1));
            }
            try (ResultSet rows = statement.executeQuery("DESCRIBE TABLE communes")) {
                assertTrue(rows.next());
                assertEquals("code", rows.getString("name"));
            }
            try (ResultSet rows = statement.executeQuery("SHOW CREATE TABLE communes")) {
                assertTrue(rows.next());
                assertTrue(rows.getString(1).contains("MergeTree"), rows.getString(1));
            }
        }
    }

    /** Other test classes have tables of the same name in their databases: the driver names the database as schema or catalogue. */
    private static boolean inThisDatabase(ResultSet row) throws SQLException {
        return DB.equals(row.getString("TABLE_SCHEM")) || DB.equals(row.getString("TABLE_CAT"));
    }

    @Test
    void batchInsertsAndReadsBackVietnameseText() throws SQLException {
        String name = Normalizer.normalize("Phường Hoàn Kiếm", Normalizer.Form.NFC);
        try (Connection connection = TestWarehouse.writer(DB).open()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO communes (code, name, province, population, founded) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 1000; i++) {
                    insert.setString(1, String.format("%05d", i));
                    insert.setString(2, i == 70 ? name : "Xã số " + i);
                    insert.setString(3, i % 2 == 0 ? "Hà Nội" : "Thành phố Hồ Chí Minh");
                    insert.setInt(4, 1000 + i);
                    insert.setObject(5, LocalDate.of(2025, 7, 1));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (Connection connection = TestWarehouse.reader(DB).open();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(), sum(population), any(founded) FROM communes WHERE province = ?")) {
            query.setString(1, "Hà Nội");
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(500, rows.getLong(1));
                long expected = 0;
                for (int i = 0; i < 1000; i += 2) {
                    expected += 1000 + i;
                }
                assertEquals(expected, rows.getLong(2));
                assertEquals(LocalDate.of(2025, 7, 1), rows.getObject(3, LocalDate.class));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM communes WHERE code = '00070'")) {
                assertTrue(rows.next());
                assertEquals(name, rows.getString(1));
            }
        }
    }

    @Test
    void readerCannotWrite() throws SQLException {
        try (Connection connection = TestWarehouse.reader(DB).open(); Statement statement = connection.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO communes (code) VALUES ('x')"));
            assertEquals(164, serverCode(e), e.getMessage());
            SQLException drop = assertThrows(SQLException.class, () -> statement.execute("DROP TABLE communes"));
            assertEquals(164, serverCode(drop), drop.getMessage());
        }
    }

    @Test
    void errorsCarryClickHouseCodesAndDoNotPoisonLaterQueries() throws SQLException {
        try (Connection connection = TestWarehouse.writer(DB).open(); Statement statement = connection.createStatement()) {
            SQLException syntax = assertThrows(SQLException.class, () -> statement.executeQuery("SELEC 1"));
            assertEquals(62, serverCode(syntax), syntax.getMessage());
            assertTrue(syntax.getMessage().contains("Syntax error"), syntax.getMessage());
            SQLException table = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM no_such_table"));
            assertEquals(60, serverCode(table), table.getMessage());
            try (ResultSet rows = statement.executeQuery("SELECT 42")) {
                assertTrue(rows.next());
                assertEquals(42, rows.getInt(1));
            }
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        WarehouseConnection wrong = new WarehouseConnection(TestWarehouse.server().jdbcUrl(DB), WarehouseUsers.READER, "not-the-password");
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection connection = wrong.open(); Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT 1");
            }
        });
        assertTrue(e.getMessage().contains("Authentication failed") || serverCode(e) == 516, e.getMessage());
    }

    @Test
    void streamsLargeResults() throws SQLException {
        try (Connection connection = TestWarehouse.reader(DB).open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT number, toString(number) FROM numbers(2000000)")) {
            long count = 0;
            long sum = 0;
            while (rows.next()) {
                count++;
                sum += rows.getLong(1);
            }
            assertEquals(2_000_000, count);
            assertEquals(1_999_999L * 2_000_000L / 2, sum);
        }
    }

    @Test
    void manyClientsAtOnceGetTheirOwnAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                long n = 100_000L + i;
                answers.add(pool.submit(() -> {
                    try (Connection connection = TestWarehouse.reader(DB).open();
                         PreparedStatement query = connection.prepareStatement("SELECT sum(number) FROM numbers(?)")) {
                        query.setLong(1, n);
                        try (ResultSet rows = query.executeQuery()) {
                            rows.next();
                            return rows.getLong(1);
                        }
                    }
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                long n = 100_000L + i;
                assertEquals(n * (n - 1) / 2, answers.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
