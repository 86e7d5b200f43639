package vn.ioc.warehouse.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.warehouse.WarehouseConnection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `ioc warehouse start` as its own process: storage that lasts, one server per folder, clean and hard stops. */
class WarehouseProcessTest {

    @Test
    void storageSurvivesSigtermAndKillAndTheFolderHasOneOwner(@TempDir Path data) throws Exception {
        int port = freePort();
        Process first = start(data, port);
        try {
            WarehouseConnection writer = writer(data, port);
            execute(writer, "CREATE DATABASE IF NOT EXISTS persisted");
            execute(writer, "CREATE TABLE persisted.t (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            execute(writer, "INSERT INTO persisted.t VALUES (1, 'Tỉnh Lào Cai'), (2, 'Tỉnh Điện Biên')");

            Process second = start(data, freePort(), false);
            String secondOutput = refusal(second);
            assertTrue(secondOutput.contains("in use by another warehouse process"), secondOutput);
            assertEquals(2, count(writer, "persisted.t"), "the refused second process must not disturb the first");
        } finally {
            first.destroy();
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "SIGTERM must stop the warehouse");
        assertEquals(143, first.exitValue());

        Process restarted = start(data, port);
        WarehouseConnection writer = writer(data, port);
        assertEquals(2, count(writer, "persisted.t"));
        assertTrue(count(writer, "system.query_log WHERE query LIKE 'INSERT INTO persisted.t VALUES%' AND type = 'QueryFinish'") >= 1,
                "the query log, written out at SIGTERM, outlives the restart");
        execute(writer, "INSERT INTO persisted.t VALUES (3, 'Tỉnh Cao Bằng')");
        restarted.destroyForcibly();
        assertTrue(restarted.waitFor(60, TimeUnit.SECONDS));

        Process recovered = start(data, port);
        try {
            assertEquals(3, count(writer, "persisted.t"), "after kill -9 a restart keeps every acknowledged insert");
        } finally {
            recovered.destroy();
            recovered.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesAFolderThatIsNotItsOwn(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("somebody-elses.txt"), "keep me");
        Process process = start(folder, freePort(), false);
        String output = refusal(process);
        assertTrue(output.contains("is not an IOC warehouse"), output);
        assertEquals("keep me", Files.readString(folder.resolve("somebody-elses.txt")));
    }

    @Test
    void refusesANonLoopbackBindWithoutConfiguredPasswords(@TempDir Path data) throws Exception {
        Process process = start(data, freePort(), false, "--host", "0.0.0.0");
        String output = refusal(process);
        assertTrue(output.contains("not loopback, without configured passwords"), output);
    }

    /** The engine must never take an INSERT's rows from the server's standard input (clickhouse-local reads it when it is a pipe). */
    @Test
    void anInsertNeverReadsTheServersStandardInput(@TempDir Path data) throws Exception {
        int port = freePort();
        Process server = start(data, port);
        try {
            WarehouseConnection writer = writer(data, port);
            execute(writer, "CREATE DATABASE IF NOT EXISTS stdin_test");
            execute(writer, "CREATE TABLE stdin_test.t (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            try {
                server.getOutputStream().write("(99, 'from stdin'), (98, 'from stdin')\n".getBytes(StandardCharsets.UTF_8));
                server.getOutputStream().flush();
            } catch (IOException brokenPipe) {
                // The server no longer holds the pipe's reading end: its standard input is /dev/null already.
            }
            // Before the engine's standard input was detached, the first insert took these rows and then waited for more, for ever.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 1; i <= 5; i++) {
                    execute(writer, "INSERT INTO stdin_test.t VALUES (" + i + ", 'Xã Đông Anh')");
                }
            });
            assertEquals(5, count(writer, "stdin_test.t"), "only the rows sent with the inserts");
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Each account's limit is its connections' default, and no query may ask for more than the reader's: the engine
     * refuses (452), so a reader cannot lift its limit, while the writer runs longer.
     */
    @Test
    void eachAccountHasATimeLimitItCannotLift(@TempDir Path data) throws Exception {
        int port = freePort();
        Process server = start(data, port, true, "--query-timeout", "30", "--reader-query-timeout", "2");
        try {
            String slow = "SELECT sum(sleepEachRow(0.5)) FROM numbers(10) SETTINGS max_block_size = 1";
            WarehouseConnection reader = account(data, port, WarehouseUsers.READER);
            long start = System.nanoTime();
            SQLException timedOut = assertThrows(SQLException.class, () -> execute(reader, slow));
            assertEquals(159, JdbcDriverTest.serverCode(timedOut), timedOut.toString());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "stopped at the reader's 2 s, not the 5 s the query takes");
            SQLException lifted = assertThrows(SQLException.class, () -> execute(reader, slow + ", max_execution_time = 25"));
            assertEquals(452, JdbcDriverTest.serverCode(lifted), lifted.toString());
            execute(writer(data, port), slow);
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesHttpsWithAConfiguredCertificateAndRefusesClearTextBeyondLoopback(@TempDir Path folder) throws Exception {
        Path keystore = folder.resolve("warehouse.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "warehouse", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit-42")
                .redirectErrorStream(true).start();
        String made = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), made);

        Path clearText = Files.createDirectories(folder.resolve("clear"));
        Process refused = start(clearText, freePort(), false, Map.of(WarehouseUsers.WRITER_PASSWORD_VARIABLE, "w-secret-1",
                WarehouseUsers.READER_PASSWORD_VARIABLE, "r-secret-1"), "--host", "0.0.0.0");
        String said = refusal(refused);
        assertTrue(said.contains("in clear text") && said.contains("--tls-keystore"), said);

        int port = freePort();
        Process server = start(Files.createDirectories(folder.resolve("tls")), port, true,
                Map.of(TlsCertificate.PASSWORD_VARIABLE, "changeit-42"), "--tls-keystore", keystore.toString());
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                trusted.load(in, "changeit-42".toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            try (HttpClient client = HttpClient.newBuilder().sslContext(context).build()) {
                HttpResponse<String> ping = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/ping")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("Ok.\n", ping.body());
            }
            try (HttpClient client = HttpClient.newHttpClient()) {
                assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping")).build(),
                        HttpResponse.BodyHandlers.ofString()), "no clear text on the TLS port");
            }
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** What a warehouse that refused to start said, once it has exited with a failure. */
    private static String refusal(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the refused warehouse exits");
        assertNotEquals(0, process.exitValue(), output);
        return output;
    }

    private static Process start(Path data, int port) throws IOException {
        return start(data, port, true);
    }

    /** Starts `ioc warehouse start`; when {@code awaitReady}, returns once it printed its ready line. */
    private static Process start(Path data, int port, boolean awaitReady, String... extra) throws IOException {
        return start(data, port, awaitReady, Map.of(), extra);
    }

    private static Process start(Path data, int port, boolean awaitReady, Map<String, String> environment, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "vn.ioc.warehouse.cli.Ioc", "warehouse", "start", "--data", data.toString(), "--port", Integer.toString(port),
                "--readers", "2", "--writers", "1"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(WarehouseUsers.WRITER_PASSWORD_VARIABLE);
        builder.environment().remove(WarehouseUsers.READER_PASSWORD_VARIABLE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (awaitReady) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.matches("ready: https?://127\\.0\\.0\\.1:" + port)) {
                    Thread.ofPlatform().daemon().start(() -> drain(lines));
                    return process;
                }
            }
            throw new AssertionError("the warehouse exited before it was ready:\n" + seen);
        }
        return process;
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // keep the child's pipe from filling up
            }
        } catch (IOException ignored) {
            // the child ended
        }
    }

    private static WarehouseConnection writer(Path data, int port) throws IOException {
        return account(data, port, WarehouseUsers.WRITER);
    }

    private static WarehouseConnection account(Path data, int port, String user) throws IOException {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("credentials.properties"))) {
            credentials.load(reader);
        }
        return new WarehouseConnection("jdbc:clickhouse://127.0.0.1:" + port + "/default", user, credentials.getProperty(user));
    }

    /** Runs once: the driver would repeat a statement that timed out three more times. */
    private static void execute(WarehouseConnection connection, String sql) throws SQLException {
        Properties once = new Properties();
        once.setProperty("retry", "0");
        try (Connection c = connection.open(once); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(WarehouseConnection connection, String table) throws SQLException {
        try (Connection c = connection.open(); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count() FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
