package vn.ioc.warehouse.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.engine.EngineOptions;
import vn.ioc.warehouse.engine.QueryLimits;
import vn.ioc.warehouse.engine.Statement;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import static java.util.Objects.requireNonNull;

/**
 * The warehouse: the embedded ClickHouse engine behind ClickHouse's HTTP interface, so that the
 * official JDBC driver, curl or a BI tool reach it with a plain {@code jdbc:clickhouse://host:port/db}
 * URL, exactly as they would a ClickHouse server. Runs in its own process ({@code ioc warehouse start})
 * or inside another JVM (the dashboard's, for the demo).
 */
public final class WarehouseServer implements AutoCloseable {
    private final DataDirectory dataDirectory;
    private final Engine engine;
    private final WarehouseUsers users;
    private final Sessions sessions;
    private final RunningQueries queries;
    private final QueryLog queryLog;
    private final HttpServer http;
    private final ExecutorService workers;
    private boolean closed;

    private WarehouseServer(DataDirectory dataDirectory, Engine engine, WarehouseUsers users, Sessions sessions, RunningQueries queries,
                            QueryLog queryLog, HttpServer http, ExecutorService workers) {
        this.dataDirectory = dataDirectory;
        this.engine = engine;
        this.users = users;
        this.sessions = sessions;
        this.queries = queries;
        this.queryLog = queryLog;
        this.http = http;
        this.workers = workers;
    }

    /**
     * Opens the data folder, starts the engine and begins serving.
     *
     * @param library   the engine library, usually from {@link EngineLibrary#resolve()}
     * @param progress  receives start-up messages meant for a person
     */
    public static WarehouseServer start(ServerOptions options, java.nio.file.Path library, Consumer<String> progress) {
        requireNonNull(options, "options");
        InetAddress address = resolve(options.host());
        DataDirectory dataDirectory = DataDirectory.open(options.dataFolder());
        Engine engine = null;
        try {
            WarehouseUsers users = WarehouseUsers.load(System::getenv, options.credentials(), dataDirectory.credentialsFile());
            if (!address.isLoopbackAddress() && users.source() == WarehouseUsers.Source.GENERATED_FILE) {
                throw new WarehouseStartException("refusing to serve on " + options.host() + ", which is not loopback, without configured passwords: set "
                        + WarehouseUsers.WRITER_PASSWORD_VARIABLE + " and " + WarehouseUsers.READER_PASSWORD_VARIABLE + " or pass --credentials FILE");
            }
            if (!address.isLoopbackAddress() && options.tls().isEmpty()) {
                throw new WarehouseStartException("refusing to serve on " + options.host() + ", which is not loopback, in clear text: "
                        + "pass --tls-keystore FILE (PKCS#12, its password in " + TlsCertificate.PASSWORD_VARIABLE + ")");
            }
            Optional<SSLContext> tls = options.tls().map(TlsCertificate::context);
            if (users.source() == WarehouseUsers.Source.GENERATED_FILE) {
                progress.accept("passwords for " + WarehouseUsers.WRITER + " and " + WarehouseUsers.READER + " are in "
                        + users.file().orElseThrow() + " (readable by its owner only)");
            }
            engine = Engine.start(new EngineOptions(library, dataDirectory.storage(), options.readers(), options.writers(),
                    QueryLimits.writer(options.queryTimeout()), QueryLimits.reader(options.queryTimeout(Access.READ))));
            String timezone = engine.execute(Access.READ, Statement.of("SELECT timezone()")).text().strip();
            // Without TCP_NODELAY a response's headers and first chunk meet the client's delayed ACK: +40 ms a query.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            HttpServer http;
            try {
                if (tls.isPresent()) {
                    HttpsServer https = HttpsServer.create(new InetSocketAddress(address, options.port()), 128);
                    https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
                    http = https;
                } else {
                    http = HttpServer.create(new InetSocketAddress(address, options.port()), 128);
                }
            } catch (BindException e) {
                throw new WarehouseStartException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                        + " (is another server using the port? choose one with --port)", e);
            }
            ExecutorService workers = Executors.newFixedThreadPool(options.readers() + options.writers() + 16, daemonThreads());
            http.setExecutor(workers);
            Sessions sessions = new Sessions(engine, 64);
            RunningQueries queries = new RunningQueries(engine);
            QueryLog queryLog = QueryLog.start(engine);
            http.createContext("/", new QueryHandler(engine, users, sessions, queries, queryLog, new ServerMetrics(queries), options, displayName(),
                    timezone));
            http.createContext("/ping", HttpResponse::ok);
            http.createContext("/replicas_status", HttpResponse::ok);
            http.start();
            return new WarehouseServer(dataDirectory, engine, users, sessions, queries, queryLog, http, workers);
        } catch (IOException e) {
            closeQuietly(engine, dataDirectory);
            throw new WarehouseStartException("cannot start the warehouse: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(engine, dataDirectory);
            throw e;
        }
    }

    /** The server's {@code system.query_log}: a test writes it out at once with {@link QueryLog#flush()}. */
    QueryLog queryLog() {
        return queryLog;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String host() {
        return http.getAddress().getHostString();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8123} ({@code https://} when serving a certificate). */
    public URI url() {
        return URI.create((http instanceof HttpsServer ? "https://" : "http://") + host() + ":" + port());
    }

    /** The JDBC URL for a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse:" + (http instanceof HttpsServer ? "https:" : "") + "//" + host() + ":" + port() + "/" + database;
    }

    /** Connection settings for a user of this server, for clients inside this JVM. */
    public WarehouseConnection connection(String user, String database) {
        return new WarehouseConnection(jdbcUrl(database), user, users.password(user));
    }

    public Engine engine() {
        return engine;
    }

    public WarehouseUsers users() {
        return users;
    }

    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /** Stops accepting, lets running requests finish (up to 10 s), then closes the engine and the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(10);
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessions.close();
        queries.close();
        queryLog.close();
        closeQuietly(engine, dataDirectory);
    }

    private static void closeQuietly(Engine engine, DataDirectory dataDirectory) {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            dataDirectory.close();
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new WarehouseStartException("cannot resolve the address to listen on, '" + host + "': " + e.getMessage(), e);
        }
    }

    private static String displayName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "ioc-warehouse";
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return Thread.ofPlatform().name("warehouse-http-", 0).daemon(true).factory();
    }
}
