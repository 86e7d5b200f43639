package vn.ioc.warehouse.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineConnection;
import vn.ioc.warehouse.engine.EngineException;
import vn.ioc.warehouse.engine.InsertStream;
import vn.ioc.warehouse.engine.QueryClass;
import vn.ioc.warehouse.engine.QueryResult;
import vn.ioc.warehouse.engine.QueryStatistics;
import vn.ioc.warehouse.engine.Statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * ClickHouse's HTTP query interface over the embedded engine: authenticates, splits the request into
 * statement and data, routes reads to read-only connections and writes to write connections, and
 * streams results back in the format asked for.
 */
final class QueryHandler implements HttpHandler {
    private static final Logger LOG = System.getLogger(QueryHandler.class.getName());
    /** How much of a request is read before deciding whether it is an INSERT with a data body. */
    private static final int HEAD_BYTES = 1 << 20;
    /** Errors that are refusals of what the caller asked (wrong password, no privilege, read-only, a limit it may not lift): logged with account and address. */
    private static final Set<Integer> REFUSALS = Set.of(516, 497, 164, 452);
    /** Errors of a query stopped while it ran (limits, cancellation): the log's ExceptionWhileProcessing, as ClickHouse has them. */
    private static final Set<Integer> STOPPED_WHILE_RUNNING = Set.of(158, 159, 160, 241, 394, 396);
    /** BAD_ARGUMENTS, as the engine refuses to stream a statement it only answers whole ("Streaming query is not supported"). */
    private static final int STREAMING_NOT_SUPPORTED = 36;

    private final Engine engine;
    private final WarehouseUsers users;
    private final Sessions sessions;
    private final ServerOptions options;
    private final String displayName;
    private final String timezone;
    private final SignInThrottle throttle = new SignInThrottle();
    private final RunningQueries queries;
    private final QueryLog queryLog;
    private final KillQuery kills;
    private final ServerMetrics metrics;

    QueryHandler(Engine engine, WarehouseUsers users, Sessions sessions, RunningQueries queries, QueryLog queryLog, ServerMetrics metrics,
                 ServerOptions options, String displayName, String timezone) {
        this.engine = requireNonNull(engine, "engine");
        this.queries = requireNonNull(queries, "queries");
        this.queryLog = requireNonNull(queryLog, "queryLog");
        this.kills = new KillQuery(queries);
        this.metrics = requireNonNull(metrics, "metrics");
        this.users = requireNonNull(users, "users");
        this.sessions = requireNonNull(sessions, "sessions");
        this.options = requireNonNull(options, "options");
        this.displayName = requireNonNull(displayName, "displayName");
        this.timezone = requireNonNull(timezone, "timezone");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpResponse response = new HttpResponse(exchange, displayName, timezone);
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        String claimed = "?";
        String account = ServerMetrics.UNKNOWN_USER;
        boolean metricsAsked = exchange.getRequestURI().getPath().equals("/metrics");
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        HttpQueryRequest request = null;
        WarehouseUsers.User user = null;
        RunningQueries.Running running = null;
        try {
            if (!metricsAsked && exchange.getRequestMethod().equalsIgnoreCase("GET") && exchange.getRequestURI().getRawQuery() == null) {
                // A bare GET / is a liveness check, as on a ClickHouse server.
                HttpResponse.ok(exchange);
                return;
            }
            request = HttpQueryRequest.parse(exchange);
            response.describe(request);
            claimed = request.user();
            Thread.sleep(throttle.delay(claimed, address));
            Optional<WarehouseUsers.User> signedIn = users.authenticate(claimed, request.password());
            if (signedIn.isEmpty()) {
                throttle.failed(claimed, address);
                throw EngineException.of(516, "AUTHENTICATION_FAILED", request.user()
                        + ": Authentication failed: password is incorrect, or there is no user with such name");
            }
            throttle.succeeded(claimed, address);
            account = claimed;
            if (metricsAsked) {
                HttpResponse.text(exchange, metrics.scrape());
                return;
            }
            user = signedIn.get();
            if (!request.get() && !exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                throw EngineException.of(36, "BAD_ARGUMENTS", "HTTP method " + exchange.getRequestMethod() + " is not supported: use GET or POST");
            }
            try (RunningQueries.Running query = queries.start(account, request.queryId(), exchange.getLocalAddress(), exchange.getRemoteAddress())) {
                running = query;
                run(exchange, request, user, query, response);
            }
            String signedInAccount = account;
            WarehouseUsers.User signedInUser = user;
            response.failure().ifPresentOrElse(error -> metrics.failed(signedInAccount, error.code(), REFUSALS.contains(error.code())),
                    () -> metrics.finished(signedInAccount, signedInUser.access(), response.finished(), Duration.ofNanos(System.nanoTime() - started)));
            log(exchange, startedAt, request, user, running, response, response.failure().orElse(null));
            exchange.close();
        } catch (EngineException e) {
            boolean refused = REFUSALS.contains(e.code());
            metrics.failed(account, e.code(), refused);
            if (refused) {
                LOG.log(Logger.Level.WARNING, "refused {0} from {1}: {2}", claimed, address, e.getMessage());
            }
            if (user != null) {
                log(exchange, startedAt, request, user, running, response, e);
            }
            answerError(exchange, response, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException e) {
            // The answer broke off (the query failed part-way, or the client went away and the query was cancelled where it
            // could be). Nothing left to say.
            LOG.log(Logger.Level.DEBUG, "client connection lost: {0}", e.getMessage());
            if (user != null) {
                log(exchange, startedAt, request, user, running, response, response.failure()
                        .orElse(EngineException.of(394, "QUERY_WAS_CANCELLED", "the client's connection was lost: " + e.getMessage())));
            }
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Logger.Level.ERROR, "unexpected failure serving a query", e);
            answerError(exchange, response, EngineException.unknown(e.toString()));
        }
    }

    /**
     * Puts a signed-in account's query in {@code system.query_log}, unless it asked {@code log_queries=0} (as on ClickHouse);
     * a reader's marked {@code readonly = 2}, as it ran.
     */
    private void log(HttpExchange exchange, Instant startedAt, HttpQueryRequest request, WarehouseUsers.User user, RunningQueries.Running running,
                     HttpResponse response, EngineException error) {
        if ("0".equals(request.settings().get("log_queries"))) {
            return;
        }
        QueryLog.Type type = error == null ? QueryLog.Type.QueryFinish
                : response.begun() || STOPPED_WHILE_RUNNING.contains(error.code()) ? QueryLog.Type.ExceptionWhileProcessing : QueryLog.Type.ExceptionBeforeStart;
        Map<String, String> settings = new TreeMap<>(request.settings());
        if (user.access() == Access.READ) {
            settings.put("readonly", "2");
        }
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        queryLog.record(new QueryLog.Entry(type, startedAt, Instant.now(), response.finished(), running == null ? "" : running.text(),
                request.database().orElse("default"), error == null ? 0 : error.code(), error == null ? "" : error.getMessage(), user.name(),
                request.queryId(), exchange.getRemoteAddress(), !request.get(), userAgent == null ? "" : userAgent, settings));
    }

    private static void answerError(HttpExchange exchange, HttpResponse response, EngineException error) throws IOException {
        response.fail(error);
        exchange.close();
    }

    private void run(HttpExchange exchange, HttpQueryRequest request, WarehouseUsers.User user, RunningQueries.Running running,
                     HttpResponse response) throws IOException {
        InputStream body = request.get() ? InputStream.nullInputStream() : requestBody(exchange, request);
        byte[] head = head(request, body);
        SqlText sql = SqlText.lex(new String(head, StandardCharsets.ISO_8859_1));
        if (sql.isEmpty()) {
            throw EngineException.of(62, "SYNTAX_ERROR", "Empty query");
        }
        Access access = request.get() || request.readOnlyRequested() ? Access.READ : user.access();
        Optional<SqlText.InsertWithData> insert = sql.insertWithData();
        if (insert.isPresent()) {
            running.describe(insert.get().statement() + " FORMAT " + insert.get().format());
            requireWrite(access, request);
        }
        if (request.sessionId().isPresent()) {
            try (Sessions.Hold session = sessions.acquire(user, request.sessionId().get(), request.sessionTimeout(), request.sessionCheck())) {
                EngineConnection connection = session.connection();
                request.database().ifPresent(connection::use);
                connection.applySettings(running.settings(request));
                if (insert.isPresent()) {
                    insert(connection, request, running, insert.get(), head, body, response);
                } else {
                    String text = statementText(head, body);
                    running.describe(text);
                    QueryClass queryClass = classify(connection, text);
                    if (!isRead(queryClass) && StatementPolicy.check(connection, request, text).equals(StatementPolicy.KILL)) {
                        kill(connection, running, text, sql, request, response);
                        return;
                    }
                    answer(connection, request, running, text, sql, queryClass, access, response);
                }
            }
            return;
        }
        if (insert.isPresent()) {
            try (Engine.Lease writer = engine.acquire(Access.WRITE, options.connectionWait())) {
                prepare(writer.connection(), request, running);
                insert(writer.connection(), request, running, insert.get(), head, body, response);
            }
            return;
        }
        String text = statementText(head, body);
        running.describe(text);
        QueryClass queryClass;
        // Each account reads on its own pool: readers holding every read connection cannot keep the writer waiting.
        try (Engine.Lease reader = engine.acquire(user.access(), options.connectionWait())) {
            queryClass = classify(reader.connection(), text);
            if (isRead(queryClass)) {
                prepare(reader.connection(), request, running);
                answer(reader.connection(), request, running, text, sql, queryClass, access, response);
                return;
            }
            if (StatementPolicy.check(reader.connection(), request, text).equals(StatementPolicy.KILL)) {
                prepare(reader.connection(), request, running);
                kill(reader.connection(), running, text, sql, request, response);
                return;
            }
        }
        requireWrite(access, request);
        try (Engine.Lease writer = engine.acquire(Access.WRITE, options.connectionWait())) {
            prepare(writer.connection(), request, running);
            try {
                answer(writer.connection(), request, running, text, sql, queryClass, access, response);
            } finally {
                // Outside a session, what SET, USE and the like change must not reach the next client.
                if (queryClass == QueryClass.CONTROL) {
                    writer.discard();
                }
            }
        }
    }

    private static QueryClass classify(EngineConnection connection, String text) {
        EngineConnection.Classification classification = connection.classify(text);
        if (classification.statements() > 1) {
            throw EngineException.of(62, "SYNTAX_ERROR", "Multi-statements are not allowed");
        }
        return classification.queryClass();
    }

    /** UNKNOWN did not parse: it runs as a read, so that the read-only engine reports the exact syntax error. */
    private static boolean isRead(QueryClass queryClass) {
        return queryClass == QueryClass.READ_ONLY || queryClass == QueryClass.UNKNOWN;
    }

    private static void prepare(EngineConnection connection, HttpQueryRequest request, RunningQueries.Running running) {
        connection.prepare(request.database().orElse("default"), running.settings(request));
    }

    private void kill(EngineConnection connection, RunningQueries.Running running, String text, SqlText sql, HttpQueryRequest request,
                      HttpResponse response) throws IOException {
        String format = sql.outputFormat().orElse(request.requestedFormat());
        answerWhole(response, format, kills.run(connection, running, text, request.parameters(), format));
    }

    private static void answerWhole(HttpResponse response, String format, QueryResult result) throws IOException {
        response.write(format, result.statistics(), ByteBuffer.wrap(result.data()));
        response.finish(format, result.statistics());
    }

    /** Runs a statement that carries no data: reads are streamed where the format allows, the rest answered whole. */
    private static void answer(EngineConnection connection, HttpQueryRequest request, RunningQueries.Running running, String text,
                               SqlText sql, QueryClass queryClass, Access access, HttpResponse response) throws IOException {
        String format = sql.outputFormat().orElse(request.requestedFormat());
        // A statement the parser refused goes as it came, so that the positions its error names are the client's.
        String sent = queryClass == QueryClass.UNKNOWN ? text : running.marked(text);
        Statement statement = new Statement(sent, request.requestedFormat(), request.parameters());
        Optional<StreamedFormat> streamed = StreamedFormat.of(format);
        if (isRead(queryClass)) {
            running.cancelWhenClientGoes();
        } else {
            requireWrite(access, request);
        }
        if (!isRead(queryClass) || request.waitEndOfQuery() || streamed.isEmpty()) {
            answerWhole(response, format, connection.execute(statement));
            return;
        }
        QueryStatistics statistics;
        try {
            statistics = connection.stream(statement, chunk -> response.write(format, QueryStatistics.NONE, streamed.get().rowsOf(chunk)));
        } catch (EngineException e) {
            if (e.code() == STREAMING_NOT_SUPPORTED && !response.started()) {
                // SHOW, DESCRIBE, EXISTS, EXPLAIN...: the engine answers them only whole, as a ClickHouse server does in any format.
                answerWhole(response, format, connection.execute(statement));
                return;
            }
            response.fail(e);
            return;
        }
        response.finish(format, statistics);
    }

    private void insert(EngineConnection connection, HttpQueryRequest request, RunningQueries.Running running,
                        SqlText.InsertWithData insert, byte[] head, InputStream body, HttpResponse response) throws IOException {
        String statement = new String(insert.statement().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        StatementPolicy.check(connection, request, statement + " FORMAT " + insert.format());
        QueryStatistics statistics;
        try (InsertStream stream = connection.insert(new Statement(running.marked(statement), insert.format(), request.parameters()))) {
            stream.append(head, insert.dataStart(), head.length - insert.dataStart());
            long total = head.length - insert.dataStart();
            byte[] chunk = new byte[HEAD_BYTES];
            int n;
            while ((n = body.readNBytes(chunk, 0, chunk.length)) > 0) {
                total += n;
                if (total > options.maxInsertBytes()) {
                    throw EngineException.of(393, "QUERY_IS_TOO_LARGE", "the INSERT body exceeds the server's limit of "
                            + options.maxInsertBytes() + " bytes; split it into several inserts");
                }
                stream.append(chunk, 0, n);
            }
            statistics = stream.finish();
        }
        response.finish(request.requestedFormat(), statistics);
    }

    private static void requireWrite(Access access, HttpQueryRequest request) {
        if (access != Access.WRITE) {
            throw EngineException.of(164, "READONLY", request.user() + ": Cannot execute query in readonly mode"
                    + (request.get() ? " (GET requests are read-only: use POST)" : ""));
        }
    }

    /** The start of the query text: the {@code query} parameter, a newline, then the body's first bytes. */
    private static byte[] head(HttpQueryRequest request, InputStream body) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        if (request.queryParameter().isPresent()) {
            head.write(request.queryParameter().get().getBytes(StandardCharsets.UTF_8));
            head.write('\n');
        }
        head.write(body.readNBytes(HEAD_BYTES));
        return head.toByteArray();
    }

    /** The whole statement: the head plus whatever of the body is left, within the size limit. */
    private String statementText(byte[] head, InputStream body) throws IOException {
        byte[] more = body.readNBytes(Math.toIntExact(Math.max(0, options.maxQueryBytes() - head.length + 1)));
        if (head.length + more.length > options.maxQueryBytes()) {
            throw EngineException.of(393, "QUERY_IS_TOO_LARGE", "the query text exceeds the server's limit of "
                    + options.maxQueryBytes() + " bytes (data for an INSERT belongs after FORMAT <name>, where it may be larger)");
        }
        byte[] all = new byte[head.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return new String(all, StandardCharsets.UTF_8);
    }

    private static InputStream requestBody(HttpExchange exchange, HttpQueryRequest request) throws IOException {
        InputStream body = exchange.getRequestBody();
        Optional<HttpEncoding> encoding = HttpEncoding.ofContentEncoding(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        if (encoding.isPresent()) {
            body = encoding.get().decode(body);
        }
        return request.decompressRequest() ? new CompressedBlockInputStream(body) : body;
    }
}
