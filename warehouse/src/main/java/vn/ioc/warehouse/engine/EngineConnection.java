package vn.ioc.warehouse.engine;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.util.Objects.requireNonNull;

/**
 * One chDB connection: a session of the engine that runs one statement at a time. Connections are
 * pooled by {@link Engine}; a caller holds one through a {@link Engine.Lease} for the length of a request.
 */
public final class EngineConnection {
    private static final long ANALYSIS_SIZE = 16;
    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /**
     * Settings whose earlier value cannot always be set back: a writer connection starts with limits above what any
     * query may ask for ({@link EngineSandbox}).
     */
    private static final Set<String> ONE_WAY = Set.of("max_execution_time", "max_memory_usage", "max_result_bytes");
    /** The answer of the query that tells whether a failed one left output behind ({@link #readOutLeftovers}). */
    private static final String NOTHING_LEFT = "ioc: nothing left";

    private final NativeChdb chdb;
    private final MemorySegment holder;
    private final MemorySegment connection;
    private final boolean readOnly;
    /** A query failed or was cancelled part-way, and the engine may hold its output for the next query. */
    private volatile boolean broken;
    /** A request changed a setting that cannot be set back ({@link #ONE_WAY}): the connection serves no other request. */
    private boolean spent;
    /** Session state a request may change, so that the next request can be given a clean one. */
    private String database = "default";
    private final Map<String, String> applied = new HashMap<>();
    private final Map<String, String> baseline = new HashMap<>();

    EngineConnection(NativeChdb chdb, MemorySegment holder, boolean readOnly) {
        this.chdb = requireNonNull(chdb, "chdb");
        this.holder = requireNonNull(holder, "holder").reinterpret(ADDRESS.byteSize());
        this.connection = this.holder.get(ADDRESS, 0);
        this.readOnly = readOnly;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /**
     * True once a query ended part-way (an error, a cancel, a client gone) and its output may be left: such a connection must not serve
     * another query, whoever asks it, since what the engine had still to give could come out with the next answer.
     */
    public boolean broken() {
        return broken;
    }

    /** False once a request changed what cannot be undone for the next one: a pool replaces such a connection. */
    public boolean reusable() {
        return !broken && !spent;
    }

    /**
     * Gives the session the database and settings one request asks for, undoing what an earlier
     * request on this connection set and this one does not.
     */
    public void prepare(String requestedDatabase, Map<String, String> settings) {
        if (!requestedDatabase.equals(database)) {
            use(requestedDatabase);
        }
        applySettings(settings);
    }

    /** Makes {@code name} the session's current database. */
    public void use(String name) {
        execute(Statement.of("USE " + quoteIdentifier(name)));
        database = name;
    }

    /** Sets what {@code settings} asks for and restores what an earlier call set and this one does not. */
    public void applySettings(Map<String, String> settings) {
        List<String> assignments = new ArrayList<>();
        for (String name : applied.keySet()) {
            if (!settings.containsKey(name)) {
                assignments.add(name + " = " + quoteString(baseline.get(name)));
            }
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String name = setting.getKey();
            if (!SETTING_NAME.matcher(name).matches()) {
                throw EngineException.of(115, "UNKNOWN_SETTING", "Unknown setting '" + name + "'");
            }
            if (ONE_WAY.contains(name)) {
                spent = true;
                assignments.add(name + " = " + quoteString(setting.getValue()));
                continue;
            }
            if (!setting.getValue().equals(applied.get(name))) {
                if (!baseline.containsKey(name)) {
                    baseline.put(name, execute(new Statement("SELECT getSetting({name:String})", "TSVRaw",
                            Map.of("name", name))).text().strip());
                }
                assignments.add(name + " = " + quoteString(setting.getValue()));
            }
        }
        if (assignments.isEmpty()) {
            return;
        }
        try {
            execute(Statement.of("SET " + String.join(", ", assignments)));
            applied.keySet().retainAll(settings.keySet());
            settings.forEach((name, value) -> {
                if (!ONE_WAY.contains(name)) {
                    applied.put(name, value);
                }
            });
        } catch (EngineException e) {
            restoreBaseline();
            throw e;
        }
    }

    private void restoreBaseline() {
        List<String> assignments = new ArrayList<>();
        baseline.forEach((name, value) -> assignments.add(name + " = " + quoteString(value)));
        if (!assignments.isEmpty()) {
            execute(Statement.of("SET " + String.join(", ", assignments)));
        }
        applied.clear();
    }

    static String quoteIdentifier(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    static String quoteString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Runs a statement and holds its whole result. */
    public QueryResult execute(Statement statement) {
        try {
            return run(statement);
        } catch (EngineException e) {
            readOutLeftovers();
            throw e;
        }
    }

    private QueryResult run(Statement statement) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment result = chdb.query(false, connection, NativeStatement.allocate(arena, statement));
            try {
                failOnError(result);
                MemorySegment data = chdb.resultData(result);
                return new QueryResult(data.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), chdb.statistics(result));
            } finally {
                chdb.destroyResult(result);
            }
        }
    }

    /**
     * A whole answer that fails once running (a time limit, a KILL, a row limit, a runtime error) leaves what it had
     * produced in the engine, which gives it out ahead of the next answer on this connection (seen with chDB 26.7, in
     * JSON, TSV and Parquet alike; a statement refused before it runs leaves nothing). So after a failure a query
     * whose answer is known is asked, up to twice: the first reads out any leftovers; the connection serves on only
     * once one gives exactly its answer, and is broken otherwise.
     */
    private void readOutLeftovers() {
        Statement probe = Statement.of("SELECT '" + NOTHING_LEFT + "'", "TSVRaw");
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                if (run(probe).text().equals(NOTHING_LEFT + "\n")) {
                    return;
                }
            }
        } catch (EngineException e) {
            // A connection that cannot answer even this is broken.
        }
        broken = true;
    }

    /**
     * Runs a query and hands its result to the sink as the engine produces it. If the sink fails
     * (the client went away), the query is cancelled and the sink's exception is rethrown.
     */
    public QueryStatistics stream(Statement statement, ResultSink sink) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stream = chdb.query(true, connection, NativeStatement.allocate(arena, statement));
            boolean started = false;
            boolean finished = false;
            try {
                failOnError(stream);
                started = true;
                QueryStatistics total = QueryStatistics.NONE;
                while (true) {
                    MemorySegment chunk = chdb.streamFetch(connection, stream);
                    try {
                        failOnError(chunk);
                        MemorySegment data = chdb.resultData(chunk);
                        total = total.plus(chdb.statistics(chunk));
                        if (data.byteSize() == 0) {
                            finished = true;
                            return total;
                        }
                        sink.accept(data.asByteBuffer().asReadOnlyBuffer());
                    } catch (IOException | RuntimeException e) {
                        chdb.streamCancel(connection, stream);
                        throw e;
                    } finally {
                        chdb.destroyResult(chunk);
                    }
                }
            } finally {
                broken |= started && !finished;
                chdb.destroyResult(stream);
            }
        }
    }

    /**
     * Starts an {@code INSERT} whose data follows in {@code statement.format()}, e.g.
     * {@code INSERT INTO t (a, b)} with format {@code Parquet}. The connection takes no other statement
     * until the returned stream is finished or closed.
     */
    public InsertStream insert(Statement statement) {
        MemorySegment stream;
        try (Arena arena = Arena.ofConfined()) {
            stream = chdb.streamInsert(connection, NativeStatement.allocate(arena, statement));
        }
        String error = chdb.streamInsertError(stream);
        if (error != null) {
            chdb.destroyInsertStream(stream);
            throw EngineException.fromEngine(error);
        }
        return new InsertStream(chdb, stream);
    }

    /** What the statement would do, decided by the engine's parser without running it. */
    public Classification classify(String sql) {
        try (Arena arena = Arena.ofConfined()) {
            byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
            MemorySegment analysis = arena.allocate(ANALYSIS_SIZE);
            analysis.set(JAVA_INT, 0, (int) ANALYSIS_SIZE);
            if (!chdb.classify(connection, NativeStatement.bytes(arena, bytes), bytes.length, analysis)) {
                return new Classification(QueryClass.UNKNOWN, 0);
            }
            return new Classification(QueryClass.ofCode(analysis.get(JAVA_INT, 12)), analysis.get(JAVA_INT, 4));
        }
    }

    /** What a statement does, and how many statements the text holds. */
    public record Classification(QueryClass queryClass, int statements) {
    }

    void close() {
        chdb.closeConnection(holder);
    }

    private void failOnError(MemorySegment result) {
        if (result.equals(MemorySegment.NULL)) {
            throw EngineException.unknown("the engine returned no result");
        }
        String error = chdb.resultError(result);
        if (error != null) {
            throw EngineException.fromEngine(error);
        }
    }
}
