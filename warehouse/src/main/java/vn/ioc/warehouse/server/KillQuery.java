package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.EngineException;
import vn.ioc.warehouse.engine.QueryResult;
import vn.ioc.warehouse.engine.Statement;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code KILL QUERY WHERE <condition> [SYNC | ASYNC | TEST]} as a ClickHouse server answers it, limited to the caller's
 * own queries. The condition is taken from the engine's canonical form of the parsed statement ({@code formatQuery})
 * and evaluated by the engine, on the caller's connection, over the caller's own rows of {@code system.processes}
 * (found by the server's mark, {@link RunningQueries}) — where {@code query_id} and {@code user} are the client's id and
 * the account, not the engine's. What it matches is
 * cancelled by the engine's own {@code KILL} ({@link RunningQueries#cancel}).
 */
final class KillQuery {
    /** The canonical form always names the mode; FORMAT, if any, was said by the client. */
    private static final Pattern CANONICAL = Pattern.compile("KILL QUERY WHERE (.+) (SYNC|ASYNC|TEST)(?: FORMAT \\S+)?", Pattern.DOTALL);
    private static final Duration SYNC_WAIT = Duration.ofSeconds(30);

    private final RunningQueries queries;

    KillQuery(RunningQueries queries) {
        this.queries = queries;
    }

    /**
     * Cancels the caller's queries that match and answers ClickHouse's table of them ({@code kill_status, query_id,
     * user, query}) in the requested format.
     */
    QueryResult run(EngineConnection connection, RunningQueries.Running caller, String sql, Map<String, String> clientParameters, String format) {
        String canonical = connection.execute(new Statement("SELECT formatQuerySingleLine({ioc_kill:String})", "TSVRaw", Map.of("ioc_kill", escaped(sql))))
                .text().strip();
        Matcher kill = CANONICAL.matcher(canonical);
        if (!kill.matches()) {
            throw EngineException.of(497, "ACCESS_DENIED", caller.account() + ": Not enough privileges: only KILL QUERY WHERE ... "
                    + "of the account's own queries is allowed here (not ON CLUSTER, KILL MUTATION or other kinds)");
        }
        String mode = kill.group(2);
        List<RunningQueries.Running> own = queries.of(caller.account()).stream().filter(running -> running != caller).toList();
        // The client's own parameters stay bound in the condition ({id:String}); the server's are named ioc_*.
        Map<String, String> parameters = new HashMap<>(clientParameters);
        parameters.putAll(RunningQueries.SERIAL_PARAMETERS);
        parameters.putAll(Map.of("ioc_user", caller.account(),
                "ioc_serials", array(own.stream().map(running -> Long.toString(running.serial())).toList()),
                "ioc_ids", array(own.stream().map(RunningQueries.Running::queryId).toList()),
                "ioc_status", switch (mode) {
                    case "SYNC" -> "finished";
                    case "ASYNC" -> "waiting";
                    default -> "pending";
                }));
        String matching = """
                SELECT query_id, user, query FROM (
                    SELECT * EXCEPT (ioc_serial)
                           REPLACE (transform(ioc_serial, {ioc_serials:Array(String)}, {ioc_ids:Array(String)}, '') AS query_id, {ioc_user:String} AS user,
                                    transform(ioc_serial, {ioc_serials:Array(String)}, {ioc_ids:Array(String)}, '') AS initial_query_id,
                                    {ioc_user:String} AS initial_user, replaceRegexpOne(query, {ioc_query_mark:String}, '') AS query)
                    FROM (SELECT *, %s AS ioc_serial FROM system.processes WHERE has({ioc_serials:Array(String)}, ioc_serial)))
                WHERE\s""".formatted(RunningQueries.SERIAL_OF_PROCESS) + kill.group(1);
        Set<String> matched = Set.copyOf(connection.execute(new Statement("SELECT query_id FROM (" + matching + ")", "TSVRaw", parameters))
                .text().lines().toList());
        QueryResult answer = connection.execute(new Statement("SELECT {ioc_status:String} AS kill_status, query_id, user, query FROM ("
                + matching + ")", format, parameters));
        List<RunningQueries.Running> targets = own.stream().filter(running -> matched.contains(running.queryId())).toList();
        if (!mode.equals("TEST")) {
            targets.forEach(queries::cancel);
        }
        if (mode.equals("SYNC")) {
            awaitEnd(targets);
        }
        return answer;
    }

    /** A string as a query parameter's value is read: in the escaped text form (a raw newline or tab would end it). */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    /** An array literal of strings, as the engine reads a query parameter of type Array(String). */
    private static String array(List<String> values) {
        return values.stream().map(value -> "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static void awaitEnd(List<RunningQueries.Running> targets) {
        long deadline = System.nanoTime() + SYNC_WAIT.toNanos();
        while (targets.stream().anyMatch(RunningQueries.Running::running)) {
            if (System.nanoTime() > deadline) {
                throw EngineException.of(159, "TIMEOUT_EXCEEDED", "the cancelled queries did not end within " + SYNC_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EngineException.of(394, "QUERY_WAS_CANCELLED", "interrupted while waiting for killed queries to end");
            }
        }
    }
}
