package vn.ioc.warehouse.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ioc.warehouse.server.TestWarehouse.post;

/**
 * What an attacker holding one of the warehouse's passwords would try, over the HTTP interface: reading the host's
 * files (the warehouse's own credentials among them), reaching the network, running programs, writing files, stopping
 * the server, killing others' queries, lifting the limits; spelled every way (case, backticks, double quotes, comments,
 * subqueries, CTEs, views, dictionaries, sessions). Every attempt is refused with a ClickHouse error, nothing it aimed at
 * happens, and the server serves on. Then the leak of one answer into the next (a streamed query failing part-way) is
 * played, alone and under concurrency.
 */
class EscapeAttemptsTest {
    private static final String DB = "escape_attempts_test";
    private static final String WRITER = WarehouseUsers.WRITER;
    private static final String READER = WarehouseUsers.READER;
    /** Where a write attempt would put its file: it must never appear. */
    private static final Path PLANTED = Path.of(System.getProperty("java.io.tmpdir"), "ioc-escape-" + ProcessHandle.current().pid());

    @BeforeAll
    static void database() {
        TestWarehouse.freshDatabase(DB);
        assertEquals(200, post(WRITER, "database=" + DB, "CREATE TABLE t (a UInt32, s String) ENGINE = MergeTree ORDER BY a").statusCode());
        assertEquals(200, post(WRITER, "database=" + DB, "INSERT INTO t VALUES (1, 'x')").statusCode());
    }

    /** The engine makes a custom local disk's (empty) folder before refusing the path: see docs/warehouse-security.md. */
    @AfterAll
    static void removeTheEmptyDiskFolder() throws java.io.IOException {
        Files.deleteIfExists(Path.of(PLANTED + "-disk"));
    }

    record Attempt(String user, String sql) {
        @Override
        public String toString() {
            return user + ": " + sql;
        }
    }

    static Stream<Attempt> attempts() {
        String credentials = TestWarehouse.server().dataDirectory().credentialsFile().toString();
        String planted = PLANTED.toString();
        String self = "127.0.0.1:" + TestWarehouse.server().port();
        List<Attempt> attempts = new ArrayList<>();
        for (String user : List.of(READER, WRITER)) {
            for (String read : List.of(
                    "SELECT * FROM file('/etc/passwd', 'LineAsString')",
                    "SELECT * FROM `file`('/etc/passwd', 'LineAsString')",
                    "SELECT * FROM \"file\"('/etc/passwd', 'LineAsString')",
                    "SELECT * FROM FiLe('/etc/passwd', 'LineAsString')",
                    "SELECT * FROM /* x */ file /* y */ ('/etc/passwd', 'LineAsString')",
                    "SELECT * FROM file('" + credentials + "', 'LineAsString')",
                    "SELECT * FROM (SELECT * FROM file('/etc/passwd', 'LineAsString'))",
                    "WITH leak AS (SELECT * FROM file('/etc/passwd', 'LineAsString')) SELECT * FROM leak",
                    "SELECT (SELECT any(line) FROM file('/etc/passwd', 'LineAsString'))",
                    "SELECT * FROM url('http://" + self + "/ping', 'LineAsString')",
                    "SELECT * FROM `url`('http://" + self + "/ping', 'LineAsString')",
                    "SELECT * FROM remote('" + self + "', system.one)",
                    "SELECT * FROM `remote`('" + self + "', system.one)",
                    "SELECT * FROM remoteSecure('" + self + "', system.one)",
                    "SELECT * FROM clusterAllReplicas('default', system.one)",
                    "SELECT * FROM s3('http://" + self + "/x.csv', 'CSV')",
                    "SELECT * FROM mysql('" + self + "', 'db', 't', 'u', 'p')",
                    "SELECT * FROM postgresql('" + self + "', 'db', 't', 'u', 'p')",
                    "SELECT * FROM executable('id', 'TSV', 'x String')",
                    "SELECT * FROM executable('/usr/bin/id', 'TSV', 'x String')",
                    "SELECT * FROM executable('../../../../../../usr/bin/id', 'TSV', 'x String')",
                    "SELECT 1 INTO OUTFILE '" + planted + "'",
                    "SELECT 1 INTO OUTFILE '" + planted + "' FORMAT CSV",
                    "SELECT * FROM system.users",
                    "SELECT 1 SETTINGS max_execution_time = 0",
                    "SELECT 1 SETTINGS max_execution_time = 100000",
                    "SELECT 1 SETTINGS max_memory_usage = 0",
                    "SELECT addressToSymbol(toUInt64(1)) SETTINGS allow_introspection_functions = 1")) {
                attempts.add(new Attempt(user, read));
            }
        }
        for (String write : List.of(
                "INSERT INTO FUNCTION file('" + planted + "', 'CSV') SELECT 1",
                "INSERT INTO FUNCTION `file`('" + planted + "', 'CSV') SELECT 1",
                "INSERT INTO t FROM INFILE '/etc/passwd' FORMAT CSV",
                "CREATE TABLE f (line String) ENGINE = File(LineAsString, '/etc/passwd')",
                "CREATE TABLE f (line String) ENGINE = `File`(LineAsString, '/etc/passwd')",
                "CREATE TABLE f (line String) ENGINE = URL('http://" + self + "/ping', LineAsString)",
                "CREATE TABLE f (a String) ENGINE = Kafka('" + self + "', 'topic', 'group', 'JSONEachRow')",
                "CREATE TABLE f AS file('/etc/passwd', 'LineAsString')",
                "CREATE VIEW v AS SELECT * FROM file('/etc/passwd', 'LineAsString')",
                "CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY tuple() AS SELECT * FROM file('/etc/passwd', 'LineAsString')",
                "CREATE DICTIONARY d (a UInt64, b String) PRIMARY KEY a SOURCE(EXECUTABLE_POOL(command 'id' format 'TSV')) LAYOUT(FLAT()) LIFETIME(0)",
                "CREATE DICTIONARY d (a UInt64, b String) PRIMARY KEY a SOURCE(`EXECUTABLE`(command 'id' format 'TSV')) LAYOUT(FLAT()) LIFETIME(0)",
                "CREATE DICTIONARY d (a UInt64) PRIMARY KEY a SOURCE(CLICKHOUSE(host '127.0.0.1' port 9000 table 'x')) LAYOUT(FLAT()) LIFETIME(0)",
                "CREATE FUNCTION pwn AS (x) -> x",
                "CREATE NAMED COLLECTION pwn AS url = 'http://" + self + "/'",
                "BACKUP TABLE t TO File('" + planted + "')",
                "BACKUP TABLE t TO Disk('default', 'b.zip')",
                "RESTORE TABLE t FROM File('" + planted + "')",
                "ATTACH TABLE a FROM '/etc' (line String) ENGINE = MergeTree ORDER BY tuple()",
                "CREATE TABLE d (a String) ENGINE = MergeTree ORDER BY a SETTINGS disk = disk(type = web, endpoint = 'http://" + self + "/')",
                "CREATE TABLE d (a String) ENGINE = MergeTree ORDER BY a SETTINGS disk = disk(type = local, path = '" + planted + "-disk/')",
                "ALTER TABLE t MODIFY SETTING disk = disk(type = web, endpoint = 'http://" + self + "/')",
                "SYSTEM SHUTDOWN",
                "system shutdown",
                "SYSTEM DROP DNS CACHE",
                "SYSTEM RELOAD CONFIG",
                "KILL QUERY ON CLUSTER default WHERE 1 SYNC",
                "KILL MUTATION WHERE 1",
                "SET max_execution_time = 0",
                "SET max_memory_usage = 0",
                "CREATE USER intruder IDENTIFIED BY 'x'",
                "GRANT ALL ON *.* TO default")) {
            attempts.add(new Attempt(WRITER, write));
        }
        return attempts.stream();
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void isRefused(Attempt attempt) {
        HttpResponse<String> response = post(attempt.user(), "database=" + DB, attempt.sql());
        assertNotEquals(200, response.statusCode(), attempt + " was answered: " + response.body());
        String code = response.headers().firstValue("X-ClickHouse-Exception-Code").orElse("");
        assertFalse(code.isEmpty(), attempt + ": a ClickHouse error code, got " + response.body());
        assertTrue(response.body().startsWith("Code: " + code + ". DB::Exception: "), response.body());
        assertFalse(response.body().contains("root:"), attempt + " read the host's files: " + response.body());
        assertFalse(Files.exists(PLANTED), attempt + " wrote " + PLANTED);
        assertEquals("1\n", post(attempt.user(), "", "SELECT 1").body(), "the server serves on after " + attempt);
    }

    @Test
    void whatTheProductRunsIsAllowed() {
        for (String sql : List.of("CREATE TABLE IF NOT EXISTS allowed (a UInt32) ENGINE = MergeTree ORDER BY a",
                "INSERT INTO allowed VALUES (1), (2)", "INSERT INTO allowed SELECT number FROM numbers(3)",
                "ALTER TABLE allowed DELETE WHERE a = 1", "DELETE FROM allowed WHERE 1", "OPTIMIZE TABLE allowed FINAL",
                "CREATE TABLE IF NOT EXISTS allowed_staging AS allowed", "INSERT INTO allowed_staging VALUES (9)", "ALTER TABLE allowed REPLACE PARTITION tuple() FROM allowed_staging",
                "EXCHANGE TABLES allowed AND allowed_staging", "RENAME TABLE allowed_staging TO allowed_old", "TRUNCATE TABLE allowed_old",
                "DROP TABLE allowed_old", "CREATE VIEW IF NOT EXISTS allowed_view AS SELECT a FROM allowed", "SELECT 1 FORMAT TSV")) {
            HttpResponse<String> response = post(WRITER, "database=" + DB, sql);
            assertEquals(200, response.statusCode(), sql + ": " + response.body());
        }
        HttpResponse<String> readerWrite = post(READER, "database=" + DB, "INSERT INTO allowed VALUES (3)");
        assertEquals("164", readerWrite.headers().firstValue("X-ClickHouse-Exception-Code").orElse(""), "the reader is told it is read-only: " + readerWrite.body());
    }

    /** An Executable table can be declared (it needs no source grant), but it finds no program: the scripts folder is empty and nothing leaves it. */
    @Test
    void anExecutableTableRunsNothing() {
        post(WRITER, "database=" + DB, "CREATE TABLE IF NOT EXISTS runs_id (x String) ENGINE = Executable('../../../../../../usr/bin/id', 'TSV')");
        HttpResponse<String> read = post(READER, "database=" + DB, "SELECT * FROM runs_id");
        assertNotEquals(200, read.statusCode(), read.body());
        assertFalse(read.body().contains("uid="), read.body());
    }

    @Test
    void aSessionCannotLiftItsLimitsEither() {
        String session = "session_id=escape-" + System.nanoTime() + "&";
        assertEquals("452", post(WRITER, session, "SET max_execution_time = 0").headers().firstValue("X-ClickHouse-Exception-Code").orElse(""));
        assertEquals("452", post(READER, session + "max_execution_time=0", "SELECT 1").headers().firstValue("X-ClickHouse-Exception-Code").orElse(""));
        assertEquals("452", post(READER, "max_memory_usage=0", "SELECT 1").headers().firstValue("X-ClickHouse-Exception-Code").orElse(""));
    }

    @Test
    void aStreamedQueryFailingPartWayLeavesNothingForTheNextAnswer() {
        String failing = "compress=1&default_format=RowBinaryWithNamesAndTypes";
        HttpResponse<String> failed = post(READER, failing, "SELECT sleep(5)");
        assertEquals(500, failed.statusCode(), failed.body());
        assertEquals("1\n", post(WRITER, "", "SELECT 1").body(), "the writer's answer holds only its own query's bytes");
        assertEquals("1\n", post(READER, "", "SELECT 1").body());
        String session = "session_id=leak-" + System.nanoTime() + "&";
        assertEquals(500, post(READER, session + failing, "SELECT throwIf(number = 3) FROM numbers(10)").statusCode());
        HttpResponse<String> after = post(READER, session, "SELECT 2");
        assertTrue(after.statusCode() == 404 || "2\n".equals(after.body()), "a session broken by a failed stream ends: " + after.body());
    }

    /**
     * An answer given whole (JSON, Parquet, or any format with {@code wait_end_of_query=1}) that fails once running leaves
     * its output in the engine, which gave it out ahead of the next answer on that connection: a session keeps its
     * connection, so its next answer shows it. The session serves on, with only its own bytes.
     */
    @Test
    void aWholeAnswerFailingPartWayLeavesNothingForTheNextAnswer() {
        String failing = "SELECT number, throwIf(number = 5000, 'planned failure') FROM numbers(10000) SETTINGS max_block_size = 100";
        String overLimit = "SELECT number, 'x' FROM numbers(100000) SETTINGS max_result_rows = 1000, max_block_size = 100";
        for (String user : List.of(READER, WRITER)) {
            for (String request : List.of("default_format=JSON", "default_format=Parquet", "wait_end_of_query=1")) {
                String session = "session_id=whole-leak-" + System.nanoTime() + "&";
                assertEquals("395", post(user, session + request, failing).headers().firstValue("X-ClickHouse-Exception-Code").orElse(""));
                assertEquals("2\n", post(user, session, "SELECT 2").body(), user + ", " + request + ": the next answer holds only its own bytes");
                assertEquals("396", post(user, session + request, overLimit).headers().firstValue("X-ClickHouse-Exception-Code").orElse(""));
                assertEquals("3\n", post(user, session, "SELECT 3").body(), user + ", " + request + ": the next answer holds only its own bytes");
            }
        }
    }

    @Test
    void readersHoldingEveryReadConnectionDoNotKeepTheWriterWaiting() throws Exception {
        int readers = ServerOptions.defaults(Path.of("unused")).readers();
        try (ExecutorService clients = Executors.newFixedThreadPool(readers)) {
            List<Future<HttpResponse<String>>> slow = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                slow.add(clients.submit(() -> post(READER, "", "SELECT sleep(3), sleep(3)")));
            }
            Thread.sleep(500);
            assertEquals("1\n", post(WRITER, "", "SELECT 1").body());
            assertTrue(slow.stream().noneMatch(Future::isDone), "the writer was answered while every reader's query still ran");
            for (Future<HttpResponse<String>> answer : slow) {
                answer.get();
            }
        }
    }

    @Test
    void underConcurrencyEveryAnswerHoldsOnlyItsOwnBytes() throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(12)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                int n = i;
                answers.add(clients.submit(() -> {
                    String user = n % 2 == 0 ? READER : WRITER;
                    return switch (n % 5) {
                        case 0 -> Integer.toString(post(user, "compress=1&default_format=RowBinaryWithNamesAndTypes",
                                "SELECT throwIf(number = 2, 'planned failure') FROM numbers(5)").statusCode());
                        case 1 -> post(user, "", "SELECT " + n).body();
                        case 2 -> Integer.toString(post(user, "default_format=JSONEachRow", "SELECT sleep(5)").statusCode());
                        case 3 -> Integer.toString(post(user, "default_format=JSON",
                                "SELECT number, throwIf(number = 500, 'planned failure') FROM numbers(1000) SETTINGS max_block_size = 10").statusCode());
                        default -> post(user, "default_format=CSV", "SELECT " + n + ", 'k" + n + "'").body();
                    };
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                String expected = switch (i % 5) {
                    case 0, 2, 3 -> "500";
                    case 1 -> i + "\n";
                    default -> i + ",\"k" + i + "\"\n";
                };
                assertEquals(expected, answers.get(i).get(), "answer " + i);
            }
        }
    }
}
