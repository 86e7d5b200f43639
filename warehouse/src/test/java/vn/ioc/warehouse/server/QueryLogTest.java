package vn.ioc.warehouse.server;

import org.junit.jupiter.api.Test;
import vn.ioc.warehouse.engine.EngineSandbox;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ioc.warehouse.server.TestWarehouse.post;
import static vn.ioc.warehouse.server.WarehouseUsers.READER;
import static vn.ioc.warehouse.server.WarehouseUsers.WRITER;

/**
 * {@code system.query_log} as a ClickHouse server keeps it: each signed-in account's queries with how they ended; the
 * writer reads all of it, a reader only the reader's rows however it asks, and no account can write or remove rows.
 */
class QueryLogTest {
    private static final String COLUMNS = "query_id, type, user, query_kind, exception_code, read_rows, Settings['readonly'], http_method, "
            + "interface, address, query_duration_ms < 60000, normalized_query_hash != 0, event_date = today()";

    @Test
    void everyQueryIsLoggedWithHowItEndedUnlessAskedNot() {
        String mark = "logged-" + UUID.randomUUID();
        assertEquals(200, post(WRITER, "query_id=" + mark + "-w", "SELECT '" + mark + "'").statusCode());
        assertEquals(200, post(READER, "query_id=" + mark + "-r", "SELECT '" + mark + "', number FROM numbers(3)").statusCode());
        assertEquals("164", code(post(READER, "query_id=" + mark + "-f", "CREATE TABLE default.never (n UInt8) ENGINE = Memory")));
        assertEquals(200, post(READER, "query_id=" + mark + "-n&log_queries=0", "SELECT 1").statusCode(), "asked not to be logged");
        assertEquals("159", code(post(READER, "query_id=" + mark + "-t&max_execution_time=1", "SELECT count() FROM numbers(1000000000000)")));
        awaitLogged(mark, 4);

        String logged = post(WRITER, "", "SELECT " + COLUMNS + " FROM system.query_log WHERE query_id LIKE '" + mark + "%' ORDER BY query_id").body();
        assertEquals(String.join("\n",
                mark + "-f\tExceptionBeforeStart\tioc_reader\tCreate\t164\t0\t2\t2\t2\t::ffff:127.0.0.1\t1\t1\t1",
                mark + "-r\tQueryFinish\tioc_reader\tSelect\t0\t3\t2\t2\t2\t::ffff:127.0.0.1\t1\t1\t1",
                mark + "-t\tExceptionWhileProcessing\tioc_reader\tSelect\t159\t0\t2\t2\t2\t::ffff:127.0.0.1\t1\t1\t1",
                mark + "-w\tQueryFinish\tioc_writer\tSelect\t0\t1\t\t2\t2\t::ffff:127.0.0.1\t1\t1\t1") + "\n", logged);
        String query = post(WRITER, "", "SELECT query, exception FROM system.query_log WHERE query_id = '" + mark + "-f' FORMAT TSV").body();
        assertTrue(query.startsWith("CREATE TABLE default.never (n UInt8) ENGINE = Memory\tCode: 164."), query);
    }

    @Test
    void aReaderSeesOnlyTheReadersRowsHoweverItAsks() {
        String mark = "seen-in-log-" + UUID.randomUUID();
        post(WRITER, "query_id=" + mark + "-w", "SELECT 1");
        post(READER, "query_id=" + mark + "-r", "SELECT 1");
        awaitLogged(mark, 2);
        String view = "logged_" + UUID.randomUUID().toString().replace("-", "");
        assertEquals(200, post(WRITER, "", "CREATE VIEW default." + view + " AS SELECT query_id FROM system.query_log").statusCode());
        try {
            for (String read : List.of("SELECT query_id FROM system.query_log", "select query_id from `system`.\"query_log\"",
                    "SELECT query_id FROM merge('system', '^query_log$')", "WITH q AS (SELECT * FROM system.query_log) SELECT query_id FROM q",
                    "SELECT query_id FROM (SELECT * FROM system.query_log /* a comment */) WHERE 1", "SELECT query_id FROM default." + view,
                    "SELECT query_id FROM ioc_system.query_log", "SELECT query_id FROM system.query_log SETTINGS readonly = 0")) {
                HttpResponse<String> seen = post(READER, "", read);
                assertFalse(seen.body().contains(mark + "-w"), read + " showed the writer's query to the reader");
                assertTrue(seen.body().contains(mark + "-r") || code(seen).equals("164"), read + " did not show the reader's own query: " + seen.body());
            }
            String all = post(WRITER, "", "SELECT query_id FROM system.query_log").body();
            assertTrue(all.contains(mark + "-w") && all.contains(mark + "-r"), "the writer sees both");
        } finally {
            post(WRITER, "", "DROP VIEW default." + view);
        }
    }

    /** The engine refuses every account's writes into {@code system}; the log's own role cannot be taken up over HTTP, in a session or not. */
    @Test
    void noAccountCanWriteOrRemoveRows() {
        post(READER, "", "SELECT 1");
        TestWarehouse.server().queryLog().flush();
        String before = post(WRITER, "", "SELECT count() FROM system.query_log").body();
        for (String user : List.of(WRITER, READER)) {
            for (String write : List.of("INSERT INTO system.query_log (query_id) VALUES ('forged')",
                    "INSERT INTO `system`.query_log (query_id) FORMAT CSV\nforged\n", "TRUNCATE TABLE system.query_log",
                    "ALTER TABLE system.query_log DELETE WHERE 1", "DELETE FROM system.query_log WHERE 1", "DROP TABLE system.query_log",
                    "OPTIMIZE TABLE system.query_log FINAL", "RENAME TABLE system.query_log TO default.taken",
                    "CREATE MATERIALIZED VIEW default.forger TO system.query_log (query_id String) AS SELECT toString(number) AS query_id FROM numbers(1)",
                    "SET ROLE " + EngineSandbox.SYSTEM_LOG_ROLE, "SET ROLE ALL", "SET DEFAULT ROLE ALL TO default",
                    "INSERT INTO ioc_system.query_log (query_id) VALUES ('forged')", "TRUNCATE TABLE ioc_system.query_log", "DROP DATABASE ioc_system",
                    "DROP VIEW system.query_log", "CREATE OR REPLACE VIEW system.query_log AS SELECT 'forged' AS query_id")) {
                for (String session : List.of("", "session_id=forger-" + UUID.randomUUID())) {
                    HttpResponse<String> answer = post(user, session, write);
                    assertNotEquals(200, answer.statusCode(), user + ": " + write + " was accepted");
                    assertEquals(200, post(user, session, "SELECT 1").statusCode());
                }
            }
        }
        String after = post(WRITER, "", "SELECT count() FROM system.query_log WHERE query_id = 'forged' OR user = ''").body();
        assertEquals("0\n", after);
        assertTrue(Long.parseLong(post(WRITER, "", "SELECT count() FROM system.query_log").body().strip()) >= Long.parseLong(before.strip()));
    }

    /** Writes the log out until it holds {@code rows} of the queries marked so (a query is logged as its answer ends, a moment after the client has it). */
    private static void awaitLogged(String mark, int rows) {
        for (int i = 0; i < 50; i++) {
            TestWarehouse.server().queryLog().flush();
            if (post(WRITER, "", "SELECT count() FROM system.query_log WHERE query_id LIKE '" + mark + "%'").body().equals(rows + "\n")) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the log never held the " + rows + " queries marked " + mark);
    }

    private static String code(HttpResponse<String> response) {
        return response.headers().firstValue("X-ClickHouse-Exception-Code").orElse("");
    }
}
