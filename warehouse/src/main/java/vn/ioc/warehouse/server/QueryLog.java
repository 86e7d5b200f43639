package vn.ioc.warehouse.server;

import tools.jackson.databind.json.JsonMapper;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.EngineException;
import vn.ioc.warehouse.engine.EngineSandbox;
import vn.ioc.warehouse.engine.InsertStream;
import vn.ioc.warehouse.engine.QueryStatistics;
import vn.ioc.warehouse.engine.Statement;

import java.io.ByteArrayOutputStream;
import java.lang.System.Logger;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * {@code system.query_log} as a ClickHouse server keeps it, for the queries this server answers (clickhouse-local keeps
 * none): ClickHouse's columns for who asked ({@code user}, {@code address}, {@code port}, {@code http_user_agent},
 * {@code interface} 2 for HTTP), what ({@code query}, {@code query_kind}, {@code current_database}, {@code query_id},
 * {@code Settings}) and how it went ({@code query_duration_ms}, rows and bytes read and written, {@code exception_code},
 * {@code exception}). One row per query as it ends ({@code QueryFinish}, {@code ExceptionBeforeStart},
 * {@code ExceptionWhileProcessing}; ClickHouse also writes a {@code QueryStart} row), written in batches every
 * {@link #FLUSH_INTERVAL} (ClickHouse's interval) on a connection of its own, the only one that may write it
 * ({@link Engine#openSystemLogWriter()}), into {@link #TABLE}, kept {@link #KEPT_DAYS} days. A failed sign-in
 * is not a query: it is in the server's log. A reader's connection sees only the reader's rows: the engine's row policy
 * on the table, as on {@code system.processes} ({@code Settings['readonly'] = '2'} marks a reader's query, as it ran);
 * no account can write, alter or drop it (the engine refuses them every write into {@code system}).
 */
final class QueryLog implements AutoCloseable {
    /** Where the rows are kept; {@code system.query_log} is a view of it (see {@link EngineSandbox#LOG_DATABASE}). */
    static final String TABLE = EngineSandbox.LOG_DATABASE + ".query_log";
    static final String VIEW = "system.query_log";
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(7500);
    static final int KEPT_DAYS = 30;
    /** ClickHouse's {@code log_queries_cut_to_length}. */
    private static final int MAX_QUERY_CHARS = 100_000;
    /** Rows waiting beyond this (the engine refusing them for long) are dropped, oldest first, and counted in the server's log. */
    private static final int MAX_PENDING = 100_000;
    private static final Logger LOG = System.getLogger(QueryLog.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a query ended, as ClickHouse's {@code type} names it. */
    enum Type {
        QueryFinish, ExceptionBeforeStart, ExceptionWhileProcessing
    }

    /** One query as it ended. */
    record Entry(Type type, Instant started, Instant ended, QueryStatistics statistics, String query, String database, int exceptionCode,
                 String exception, String user, String queryId, InetSocketAddress client, boolean post, String userAgent,
                 Map<String, String> settings) {
    }

    private final Engine engine;
    private EngineConnection writer;
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private final ScheduledExecutorService flusher;
    private long dropped;

    private QueryLog(Engine engine) {
        this.engine = requireNonNull(engine, "engine");
        this.writer = engine.openSystemLogWriter();
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "query-log");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Creates the table if it is not there yet and starts writing into it. */
    static QueryLog start(Engine engine) {
        QueryLog log = new QueryLog(engine);
        log.writer.execute(Statement.of("CREATE DATABASE IF NOT EXISTS " + EngineSandbox.LOG_DATABASE));
        log.writer.execute(Statement.of("""
                CREATE TABLE IF NOT EXISTS %s (
                    type Enum8('QueryStart' = 1, 'QueryFinish' = 2, 'ExceptionBeforeStart' = 3, 'ExceptionWhileProcessing' = 4),
                    event_date Date DEFAULT toDate(event_time),
                    event_time DateTime DEFAULT toDateTime(event_time_microseconds),
                    event_time_microseconds DateTime64(6),
                    query_start_time DateTime DEFAULT toDateTime(query_start_time_microseconds),
                    query_start_time_microseconds DateTime64(6),
                    query_duration_ms UInt64,
                    read_rows UInt64,
                    read_bytes UInt64,
                    written_rows UInt64,
                    written_bytes UInt64,
                    current_database String,
                    query String,
                    normalized_query_hash UInt64 DEFAULT normalizedQueryHash(query),
                    query_kind LowCardinality(String),
                    exception_code Int32,
                    exception String,
                    is_initial_query UInt8 DEFAULT 1,
                    user String,
                    query_id String,
                    address IPv6,
                    port UInt16,
                    initial_user String DEFAULT user,
                    initial_query_id String DEFAULT query_id,
                    initial_address IPv6 DEFAULT address,
                    initial_port UInt16 DEFAULT port,
                    interface UInt8 DEFAULT 2,
                    http_method UInt8,
                    http_user_agent String,
                    Settings Map(LowCardinality(String), String)
                ) ENGINE = MergeTree PARTITION BY toYYYYMM(event_date) ORDER BY (event_date, event_time)
                TTL event_date + INTERVAL %d DAY
                """.formatted(TABLE, KEPT_DAYS)));
        log.writer.execute(Statement.of("CREATE OR REPLACE VIEW " + VIEW + " AS SELECT * FROM " + TABLE));
        long every = FLUSH_INTERVAL.toMillis();
        log.flusher.scheduleWithFixedDelay(log::flushQuietly, every, every, TimeUnit.MILLISECONDS);
        return log;
    }

    void record(Entry entry) {
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) {
                pending.removeFirst();
                dropped++;
            }
            pending.addLast(entry);
        }
    }

    /** Writes what is waiting; rows the engine refuses are dropped (and said so), those a broken connection did not take wait for the next flush. */
    synchronized void flush() {
        List<Entry> batch;
        long lost;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
            lost = dropped;
            dropped = 0;
        }
        if (lost > 0) {
            LOG.log(Logger.Level.WARNING, "{0} rows of {1} were dropped: the engine did not take them in time", lost, TABLE);
        }
        if (batch.isEmpty()) {
            return;
        }
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (Entry entry : batch) {
            rows.writeBytes(JSON.writeValueAsBytes(row(entry)));
            rows.write('\n');
        }
        byte[] data = rows.toByteArray();
        try {
            if (writer.broken()) {
                engine.closeDedicated(writer);
                writer = engine.openSystemLogWriter();
            }
            try (InsertStream insert = writer.insert(new Statement("INSERT INTO " + TABLE + " (type, event_time_microseconds, "
                    + "query_start_time_microseconds, query_duration_ms, read_rows, read_bytes, written_rows, written_bytes, current_database, query, "
                    + "query_kind, exception_code, exception, user, query_id, address, port, http_method, http_user_agent, Settings)",
                    "JSONEachRow", Map.of()))) {
                insert.append(data, 0, data.length);
                insert.finish();
            }
        } catch (EngineException e) {
            if (!writer.broken()) {
                throw new EngineException(e.code(), batch.size() + " rows refused, not kept: " + e.getMessage());
            }
            // The connection failed, not the rows: they go with the next flush, on a new connection.
            synchronized (pending) {
                batch.reversed().forEach(pending::addFirst);
            }
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.WARNING, "cannot write " + VIEW + " (trying again in " + FLUSH_INTERVAL.toMillis() + " ms): " + e.getMessage());
        }
    }

    private static Map<String, Object> row(Entry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", entry.type().name());
        row.put("event_time_microseconds", micros(entry.ended()));
        row.put("query_start_time_microseconds", micros(entry.started()));
        row.put("query_duration_ms", Duration.between(entry.started(), entry.ended()).toMillis());
        row.put("read_rows", entry.statistics().rowsRead());
        row.put("read_bytes", entry.statistics().bytesRead());
        row.put("written_rows", entry.statistics().rowsWritten());
        row.put("written_bytes", entry.statistics().bytesWritten());
        row.put("current_database", entry.database());
        row.put("query", entry.query().length() > MAX_QUERY_CHARS ? entry.query().substring(0, MAX_QUERY_CHARS) : entry.query());
        row.put("query_kind", kind(entry.query()));
        row.put("exception_code", entry.exceptionCode());
        row.put("exception", entry.exception());
        row.put("user", entry.user());
        row.put("query_id", entry.queryId());
        row.put("address", entry.client().getAddress() instanceof Inet4Address v4 ? "::ffff:" + v4.getHostAddress() : entry.client().getAddress().getHostAddress());
        row.put("port", entry.client().getPort());
        row.put("http_method", entry.post() ? 2 : 1);
        row.put("http_user_agent", entry.userAgent());
        row.put("Settings", entry.settings());
        return row;
    }

    /** Seconds since the epoch with six decimals, as a DateTime64(6) reads them whatever the engine's time zone. */
    private static String micros(Instant instant) {
        return String.format(Locale.ROOT, "%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
    }

    /** ClickHouse's {@code query_kind} from the statement's first word (a label for reading the log, not a decision). */
    static String kind(String query) {
        String word = SqlText.lex(query).firstWord().toUpperCase(Locale.ROOT);
        if (word.isEmpty()) {
            return "";
        }
        return switch (word) {
            case "SELECT", "WITH" -> "Select";
            case "TRUNCATE" -> "Drop";
            case "DESC" -> "Describe";
            case "KILL" -> "KillQuery";
            default -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public synchronized void close() {
        flusher.shutdownNow();
        flushQuietly();
        engine.closeDedicated(writer);
    }
}
