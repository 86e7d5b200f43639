package vn.ioc.warehouse.server;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ioc.warehouse.server.TestWarehouse.post;
import static vn.ioc.warehouse.server.WarehouseUsers.READER;
import static vn.ioc.warehouse.server.WarehouseUsers.WRITER;

/**
 * The client's {@code query_id} names its query: {@code KILL QUERY} and the JDBC driver's {@code Statement.cancel()} reach
 * it, but only the caller's own; an id already running is refused; a reader sees only the reader's queries.
 */
class QueryControlTest {
    /** About 30 s if nothing stops it, answered in one piece at the end (one row), so not cancelled by writing to a gone client. */
    private static final String SLOW = "SELECT sum(sleepEachRow(0.5)) FROM numbers(60) SETTINGS max_block_size = 1";

    /** The same with its pause as a query parameter: the engine shows such a statement re-formatted, without the server's comment. */
    private static final String SLOW_WITH_PARAMETER = "SELECT sum(sleepEachRow({pause:Float64})) FROM numbers(60) SETTINGS max_block_size = 1";

    private static CompletableFuture<HttpResponse<String>> slow(String user, String queryId) throws InterruptedException {
        return slow(user, "query_id=" + queryId, SLOW, queryId);
    }

    private static CompletableFuture<HttpResponse<String>> slow(String user, String urlQuery, String sql, String queryId) throws InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> post(user, urlQuery, sql));
        awaitRunning(user, queryId);
        return answer;
    }

    private static void awaitRunning(String user, String queryId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (post(user, "", "KILL QUERY WHERE query_id = '" + queryId + "' TEST").body().contains(queryId)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(queryId + " never showed as running");
    }

    private static String code(HttpResponse<String> response) {
        return response.headers().firstValue("X-ClickHouse-Exception-Code").orElse("");
    }

    @Test
    void killQueryCancelsTheCallersQueryByItsId() throws Exception {
        String id = "kill-own-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> running = slow(READER, id);
        long start = System.nanoTime();
        HttpResponse<String> kill = post(READER, "", "KILL QUERY WHERE query_id = '" + id + "' SYNC FORMAT TSVWithNames");
        assertEquals(200, kill.statusCode(), kill.body());
        assertTrue(kill.body().startsWith("kill_status\tquery_id\tuser\tquery\nfinished\t" + id + "\t" + READER + "\t"), kill.body());
        HttpResponse<String> cancelled = running.get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "SYNC returns once the query has ended");
        assertEquals("394", code(cancelled), cancelled.body());
        assertEquals("1\n", post(READER, "", "SELECT 1").body());
    }

    @Test
    void killQueryFindsAStatementWithParameters() throws Exception {
        String id = "kill-parameters-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> running = slow(WRITER, "query_id=" + id + "&param_pause=0.5&log_comment=mine", SLOW_WITH_PARAMETER, id);
        HttpResponse<String> kill = post(WRITER, "", "KILL QUERY WHERE query_id = '" + id + "' SYNC");
        assertTrue(kill.body().startsWith("finished\t" + id + "\t" + WRITER + "\t"), kill.body());
        assertEquals("394", code(running.get(10, TimeUnit.SECONDS)));
    }

    @Test
    void noAccountReachesAnothersQueries() throws Exception {
        String id = "kill-other-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> readers = slow(READER, id);
        for (String attempt : new String[]{"KILL QUERY WHERE 1 SYNC", "KILL QUERY WHERE query_id = '" + id + "'",
                "KILL QUERY WHERE user = '" + READER + "' ASYNC", "kill query where query like '%sleepEachRow%'"}) {
            HttpResponse<String> kill = post(WRITER, "", attempt);
            assertEquals(200, kill.statusCode(), attempt + ": " + kill.body());
            assertFalse(kill.body().contains(id), attempt + " matched the reader's query: " + kill.body());
        }
        for (String refused : new String[]{"KILL QUERY ON CLUSTER default WHERE 1", "KILL MUTATION WHERE 1"}) {
            assertEquals("497", code(post(WRITER, "", refused)), refused);
        }
        assertFalse(readers.isDone(), "the reader's query runs on");
        post(READER, "", "KILL QUERY WHERE query_id = '" + id + "' SYNC");
        assertEquals("394", code(readers.get(10, TimeUnit.SECONDS)));
    }

    @Test
    void aReaderSeesOnlyTheReadersQueriesHoweverItAsks() throws Exception {
        String writers = "seen-writer-" + UUID.randomUUID();
        String readers = "seen-reader-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> writerRuns = slow(WRITER, "query_id=" + writers, SLOW.replace("SELECT ", "SELECT '" + writers + "', "), writers);
        CompletableFuture<HttpResponse<String>> readerRuns = slow(READER, "query_id=" + readers, SLOW.replace("SELECT ", "SELECT '" + readers + "', "), readers);
        String view = "running_" + UUID.randomUUID().toString().replace("-", "");
        assertEquals(200, post(WRITER, "", "CREATE VIEW default." + view + " AS SELECT query FROM system.processes").statusCode());
        try {
            for (String read : new String[]{"SELECT query FROM system.processes", "select query from `system`.\"processes\"",
                    "SELECT query FROM merge('system', '^processes$')", "WITH p AS (SELECT * FROM system.processes) SELECT query FROM p",
                    "SELECT query FROM (SELECT * FROM system.processes /* a comment */) WHERE 1", "SELECT query FROM default." + view,
                    "SELECT query FROM system.processes SETTINGS readonly = 0"}) {
                HttpResponse<String> seen = post(READER, "", read);
                assertFalse(seen.body().contains(writers), read + " showed the writer's query to the reader: " + seen.body());
                assertTrue(seen.body().contains(readers) || code(seen).equals("164"), read + " did not show the reader's own query: " + seen.body());
            }
            String all = post(WRITER, "", "SELECT query FROM system.processes").body();
            assertTrue(all.contains(writers) && all.contains(readers), "the writer sees both: " + all);
        } finally {
            post(WRITER, "", "DROP VIEW default." + view);
            post(WRITER, "", "KILL QUERY WHERE query_id = '" + writers + "' SYNC");
            post(READER, "", "KILL QUERY WHERE query_id = '" + readers + "' SYNC");
        }
        assertEquals("394", code(writerRuns.get(10, TimeUnit.SECONDS)));
        assertEquals("394", code(readerRuns.get(10, TimeUnit.SECONDS)));
    }

    @Test
    void anIdAlreadyRunningIsRefused() throws Exception {
        String id = "twice-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> first = slow(READER, id);
        assertEquals("216", code(post(READER, "query_id=" + id, "SELECT 1")));
        post(READER, "", "KILL QUERY WHERE query_id = '" + id + "' SYNC");
        first.get(10, TimeUnit.SECONDS);
        assertEquals("1\n", post(READER, "query_id=" + id, "SELECT 1").body(), "the id is free again once its query ended");
    }

    /** The driver's cancel sends KILL QUERY WHERE query_id = ... for the statement's last query id. */
    @Test
    void jdbcStatementCancelStopsTheQuery() throws Exception {
        try (Connection connection = TestWarehouse.reader("default").open(); Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1500);
                    statement.cancel();
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery(SLOW));
            assertEquals(394, JdbcDriverTest.serverCode(e), e.toString());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "cancelled well before the query's 30 s");
            cancel.get();
        }
    }

    /**
     * The driver's {@code setQueryTimeout} (0.9.6) sends nothing to a server: it waits with a timeout on a client call
     * that has already completed. A time limit reaches the warehouse as a server setting, on the connection or per query,
     * and there it holds.
     */
    @Test
    void aJdbcTimeLimitSentAsASettingHolds() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("clickhouse_setting_max_execution_time", "2");
        properties.setProperty("retry", "0"); // the driver would ask three more times: it counts a timeout as worth retrying
        try (Connection connection = TestWarehouse.reader("default").open(properties); Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery(SLOW));
            assertEquals(159, JdbcDriverTest.serverCode(e), e.toString());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(6), "stopped at about 2 s");
        }
    }
}
