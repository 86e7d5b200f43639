package vn.ioc.warehouse;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Where the product's ClickHouse is and who to be there: one JDBC URL, a user and a password. The same
 * settings reach the embedded warehouse or a ClickHouse server or cluster; nothing above them knows which.
 *
 * <p>From the environment: {@code IOC_WAREHOUSE_URL} (default {@code jdbc:clickhouse://127.0.0.1:8123/ioc}),
 * {@code IOC_WAREHOUSE_USER} (default {@code ioc_writer}), {@code IOC_WAREHOUSE_PASSWORD} (default: that
 * user's password from {@code IOC_WAREHOUSE_WRITER_PASSWORD}/{@code _READER_PASSWORD}, else from the
 * local warehouse's generated {@code var/clickhouse/credentials.properties}).
 */
public record WarehouseConnection(String url, String user, String password) {
    public static final String DEFAULT_URL = "jdbc:clickhouse://127.0.0.1:8123/ioc";

    public WarehouseConnection {
        requireNonNull(url, "url");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        if (!url.startsWith("jdbc:clickhouse:") && !url.startsWith("jdbc:ch:")) {
            throw new IllegalArgumentException("the warehouse URL must be a ClickHouse JDBC URL (jdbc:clickhouse://host:port/db), not " + url);
        }
    }

    public static WarehouseConnection fromEnvironment() {
        return fromEnvironment(System::getenv, Path.of("var", "clickhouse", "credentials.properties"));
    }

    static WarehouseConnection fromEnvironment(Function<String, String> environment, Path localCredentials) {
        String url = valueOr(environment.apply("IOC_WAREHOUSE_URL"), DEFAULT_URL);
        String user = valueOr(environment.apply("IOC_WAREHOUSE_USER"), "ioc_writer");
        String password = environment.apply("IOC_WAREHOUSE_PASSWORD");
        if (password == null) {
            password = environment.apply(user.equals("ioc_reader") ? "IOC_WAREHOUSE_READER_PASSWORD" : "IOC_WAREHOUSE_WRITER_PASSWORD");
        }
        if (password == null && Files.isReadable(localCredentials)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(localCredentials, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + localCredentials + ": " + e.getMessage(), e);
            }
            password = properties.getProperty(user);
        }
        if (password == null) {
            throw new IllegalStateException("no password for " + user + " at " + url + ": set IOC_WAREHOUSE_PASSWORD");
        }
        return new WarehouseConnection(url, user, password);
    }

    /** The database the URL names, {@code default} when it names none. */
    public String database() {
        String rest = url.substring(url.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "default";
        }
        String path = rest.substring(slash + 1);
        int end = path.indexOf('?');
        String database = end < 0 ? path : path.substring(0, end);
        return database.isEmpty() ? "default" : database;
    }

    /** The same server, with the database left out: to create the database itself. */
    public WarehouseConnection withoutDatabase() {
        String rest = url.substring(url.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        int query = rest.indexOf('?');
        String server = slash < 0 ? (query < 0 ? rest : rest.substring(0, query)) : rest.substring(0, slash);
        String parameters = query < 0 ? "" : rest.substring(query);
        return new WarehouseConnection(url.substring(0, url.indexOf("//") + 2) + server + "/" + parameters, user, password);
    }

    public Connection open() throws SQLException {
        return open(new Properties());
    }

    /** A connection with extra driver properties, e.g. for bulk inserts. */
    public Connection open(Properties driverProperties) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "WarehouseConnection[" + url + " as " + user + "]";
    }
}
