package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.EngineException;
import vn.ioc.warehouse.engine.Statement;

import java.lang.System.Logger;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The queries the server is running, by account and the client's {@code query_id}. The engine (one user, its own query
 * ids) cannot tell accounts apart, so the server marks every statement it sends with a serial of its own, which the
 * engine shows in {@code system.processes}: a comment before the text, {@code /* ioc 42 *}{@code /}, at the start of
 * {@code query} (the client's text comes after it, so a client cannot take another's mark); for a statement with
 * query parameters, whose text the engine shows re-formatted without comments, also {@code log_comment = 'ioc 42'} in
 * {@code Settings} (a client could put another's serial there: it would only let that account cancel the client's own
 * query). That is how a {@code KILL QUERY} ({@link KillQuery}) finds the engine's query to cancel.
 */
final class RunningQueries implements AutoCloseable {
    private static final Logger LOG = System.getLogger(RunningQueries.class.getName());
    /** What the engine's {@code query} starts with for a statement the server marked; group 1 is the serial. */
    static final String QUERY_MARK = "^/\\* ioc (\\d+) \\*/ ";
    /** The setting that carries the mark of a statement with parameters, and its pattern. */
    static final String MARK_SETTING = "log_comment";
    static final String SETTING_MARK = "^ioc (\\d+)$";
    /** The serial of an engine query, from {@code system.processes}' columns (empty when the server did not mark it). */
    static final String SERIAL_OF_PROCESS = "coalesce(nullIf(extract(query, {ioc_query_mark:String}), ''), "
            + "extract(Settings[{ioc_mark_setting:String}], {ioc_setting_mark:String}))";
    /** The parameters {@link #SERIAL_OF_PROCESS} needs. */
    static final Map<String, String> SERIAL_PARAMETERS = Map.of("ioc_query_mark", QUERY_MARK, "ioc_mark_setting", MARK_SETTING,
            "ioc_setting_mark", SETTING_MARK);

    private final Map<String, Running> byAccountAndId = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong();
    private final Engine engine;
    private final ClientWatch clients = ClientWatch.start();
    /** Cancels on its own connection: a KILL must not wait for a pooled connection the queries it cancels hold. */
    private EngineConnection control;

    RunningQueries(Engine engine) {
        this.engine = requireNonNull(engine, "engine");
    }

    /**
     * Records a request until the returned handle is closed, and watches its client: a read whose client goes is
     * cancelled ({@link Running#cancelWhenClientGoes()}); a write runs to its end, as on ClickHouse.
     *
     * @throws EngineException QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING (216) when this account runs that id already
     */
    Running start(String account, String queryId, InetSocketAddress server, InetSocketAddress client) {
        Running running = new Running(this, serials.incrementAndGet(), account, queryId);
        if (byAccountAndId.putIfAbsent(running.key(), running) != null) {
            throw EngineException.of(216, "QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING", "Query with id = " + queryId + " is already running.");
        }
        running.client = clients.watch(server, client, () -> {
            if (running.cancelWhenClientGoes && running.running()) {
                LOG.log(Logger.Level.INFO, "the client of {0}''s query {1} at {2} has gone: cancelling it", account, queryId, client);
                cancel(running);
            }
        });
        return running;
    }

    /** How many statements run now. */
    int count() {
        return byAccountAndId.size();
    }

    /** The account's running queries. */
    List<Running> of(String account) {
        return byAccountAndId.values().stream().filter(running -> running.account().equals(account)).toList();
    }

    /** Asks the engine to cancel the request's query; the request then ends with QUERY_WAS_CANCELLED. */
    synchronized void cancel(Running running) {
        if (control == null) {
            control = engine.openDedicated(Access.WRITE);
        }
        Map<String, String> parameters = new HashMap<>(SERIAL_PARAMETERS);
        parameters.put("ioc_serial", Long.toString(running.serial()));
        control.execute(new Statement("KILL QUERY WHERE " + SERIAL_OF_PROCESS + " = {ioc_serial:String} ASYNC FORMAT Null", "TSV", parameters));
    }

    @Override
    public synchronized void close() {
        clients.close();
        if (control != null) {
            engine.closeDedicated(control);
            control = null;
        }
    }

    /** One request being served. */
    static final class Running implements AutoCloseable {
        private final RunningQueries registry;
        private final long serial;
        private final String account;
        private final String queryId;
        private volatile String text = "";
        private volatile boolean cancelWhenClientGoes;
        private ClientWatch.Watched client;

        private Running(RunningQueries registry, long serial, String account, String queryId) {
            this.registry = registry;
            this.serial = serial;
            this.account = account;
            this.queryId = queryId;
        }

        String account() {
            return account;
        }

        String queryId() {
            return queryId;
        }

        long serial() {
            return serial;
        }

        /** The client's statement (an INSERT's without its data), once read. */
        void describe(String statement) {
            text = statement;
        }

        String text() {
            return text;
        }

        /** The request reads: cancel its query if its client goes before the answer. */
        void cancelWhenClientGoes() {
            cancelWhenClientGoes = true;
        }

        /** Whether the request still runs. */
        boolean running() {
            return registry.byAccountAndId.get(key()) == this;
        }

        private String key() {
            return account + "/" + queryId;
        }

        /** The statement as sent to the engine: the request's mark, then the client's text. */
        String marked(String sql) {
            return "/* ioc " + serial + " */ " + sql;
        }

        /** The request's settings, with the mark for a statement with parameters (over a {@code log_comment} the client sent). */
        Map<String, String> settings(HttpQueryRequest request) {
            if (request.parameters().isEmpty()) {
                return request.settings();
            }
            Map<String, String> settings = new HashMap<>(request.settings());
            settings.put(MARK_SETTING, "ioc " + serial);
            return settings;
        }

        @Override
        public void close() {
            client.close();
            registry.byAccountAndId.remove(key(), this);
        }
    }
}
