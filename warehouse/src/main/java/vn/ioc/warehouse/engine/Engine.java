package vn.ioc.warehouse.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.util.Objects.requireNonNull;

/**
 * The ClickHouse engine (chDB) running inside this JVM, with pools of read and write connections.
 * The engine starts once per process and must be closed before the JVM exits.
 */
public final class Engine implements AutoCloseable {
    private final NativeChdb chdb;
    private final EngineOptions options;
    /** The engine's own confinement ({@link EngineSandbox}), loaded with the first connection: the same for every engine. */
    private final List<String> sandboxArguments;
    private final String version;
    private final List<EngineConnection> all = new ArrayList<>();
    private final Set<EngineConnection> dedicated = new HashSet<>();
    private final BlockingDeque<EngineConnection> readers;
    private final BlockingDeque<EngineConnection> writers;
    private boolean closed;

    private Engine(NativeChdb chdb, EngineOptions options) {
        this.chdb = chdb;
        this.options = options;
        this.sandboxArguments = new EngineSandbox(options.readerLimits()).arguments(options.storage());
        this.readers = new LinkedBlockingDeque<>(options.readers());
        this.writers = new LinkedBlockingDeque<>(options.writers());
        try {
            for (int i = 0; i < options.writers(); i++) {
                writers.add(connect(options, false));
            }
            for (int i = 0; i < options.readers(); i++) {
                readers.add(connect(options, true));
            }
            try (Lease lease = acquire(Access.READ, Duration.ZERO)) {
                this.version = lease.connection().execute(Statement.of("SELECT version()")).text().strip();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Loads the library and starts the engine on the given storage folder. */
    public static Engine start(EngineOptions options) {
        requireNonNull(options, "options");
        StandardInput.detach();
        NativeChdb chdb;
        try {
            chdb = new NativeChdb(options.library());
        } catch (IllegalArgumentException | UnsatisfiedLinkError e) {
            throw new EngineUnavailableException("cannot load the engine library " + options.library()
                    + " (" + e.getMessage() + "); delete it to have it fetched again", e);
        }
        // The JVM handles SIGSEGV and friends itself (e.g. as NullPointerException): chDB must not take them.
        chdb.setSignalHandlersEnabled(false);
        return new Engine(chdb, options);
    }

    public String version() {
        return version;
    }

    /**
     * Borrows a connection, waiting up to {@code wait} for one to be free.
     *
     * @throws EngineException TOO_MANY_SIMULTANEOUS_QUERIES when none frees up in time
     */
    public Lease acquire(Access access, Duration wait) {
        BlockingDeque<EngineConnection> pool = access == Access.READ ? readers : writers;
        try {
            // Last in, first out: the most recently used connection has its session (database, settings) warm.
            EngineConnection connection = pool.pollFirst(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (connection == null) {
                throw EngineException.of(202, "TOO_MANY_SIMULTANEOUS_QUERIES",
                        "Too many simultaneous queries: all " + access.name().toLowerCase() + " connections stayed busy for " + wait.toSeconds() + " s");
            }
            return new Lease(this, connection, pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EngineException.of(394, "QUERY_WAS_CANCELLED", "Interrupted while waiting for a connection");
        }
    }

    /** Runs one statement on a pooled connection and holds its result. */
    public QueryResult execute(Access access, Statement statement) {
        try (Lease lease = acquire(access, Duration.ofMinutes(1))) {
            return lease.connection().execute(statement);
        }
    }

    /**
     * Closes every connection and stops the engine's threads. Connections still leased are waited for
     * briefly, so that a statement in flight finishes rather than being torn down under it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (EngineConnection connection : List.copyOf(all)) {
            BlockingDeque<EngineConnection> pool = connection.readOnly() ? readers : writers;
            while (!dedicated.contains(connection) && !pool.remove(connection) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                sleepBriefly();
            }
            connection.close();
        }
        chdb.shutdown();
    }

    /** A connection of its own, outside the pools, for a client session that keeps state between requests. */
    public synchronized EngineConnection openDedicated(Access access) {
        if (closed) {
            throw EngineException.unknown("the engine is shutting down");
        }
        EngineConnection connection = connect(options, access == Access.READ);
        dedicated.add(connection);
        return connection;
    }

    /**
     * A write connection of its own that may create and write the query log ({@link EngineSandbox#LOG_DATABASE}{@code .query_log}
     * and its view {@code system.query_log}), and otherwise no more than any writer
     * (the {@link EngineSandbox#SYSTEM_LOG_ROLE} role, which every other connection drops and none can take up again
     * through the HTTP interface: {@code SET ROLE} is not a statement it accepts).
     */
    public synchronized EngineConnection openSystemLogWriter() {
        EngineConnection connection = openDedicated(Access.WRITE);
        connection.execute(Statement.of("SET ROLE " + EngineSandbox.SYSTEM_LOG_ROLE));
        return connection;
    }

    public synchronized void closeDedicated(EngineConnection connection) {
        dedicated.remove(connection);
        if (all.remove(connection)) {
            connection.close();
        }
    }

    /** Swaps a connection whose session state cannot be undone for a fresh one. */
    private synchronized void replace(EngineConnection connection, BlockingDeque<EngineConnection> pool) {
        all.remove(connection);
        connection.close();
        if (!closed) {
            pool.add(connect(options, connection.readOnly()));
        }
    }

    private EngineConnection connect(EngineOptions options, boolean readOnly) {
        List<String> arguments = new ArrayList<>(List.of("clickhouse", "--path=" + options.storage()));
        arguments.addAll((readOnly ? options.readerLimits() : options.writerLimits()).arguments());
        arguments.addAll(sandboxArguments);
        if (readOnly) {
            arguments.add("--readonly=2");
        }
        MemorySegment holder;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = arena.allocate(ADDRESS, arguments.size());
            for (int i = 0; i < arguments.size(); i++) {
                argv.setAtIndex(ADDRESS, i, arena.allocateFrom(arguments.get(i)));
            }
            holder = chdb.connect(arguments.size(), argv);
        }
        if (holder.equals(MemorySegment.NULL)) {
            throw new EngineUnavailableException("the engine could not open its storage at " + options.storage()
                    + ": check that the folder is writable and not used by another engine");
        }
        EngineConnection connection = new EngineConnection(chdb, holder, readOnly);
        all.add(connection);
        if (!readOnly) {
            // The engine's user holds the system log's role by default: no connection but the log's writer keeps it.
            connection.execute(Statement.of("SET ROLE NONE"));
        }
        return connection;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A borrowed connection; closing the lease gives it back. */
    public static final class Lease implements AutoCloseable {
        private final Engine engine;
        private final EngineConnection connection;
        private final BlockingDeque<EngineConnection> pool;
        private boolean returned;
        private boolean discard;

        private Lease(Engine engine, EngineConnection connection, BlockingDeque<EngineConnection> pool) {
            this.engine = engine;
            this.connection = connection;
            this.pool = pool;
        }

        public EngineConnection connection() {
            return connection;
        }

        /** The statement run changed session state (SET, USE, ...): give back a fresh connection instead. */
        public void discard() {
            discard = true;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                if (discard || !connection.reusable()) {
                    engine.replace(connection, pool);
                } else {
                    pool.addFirst(connection);
                }
            }
        }
    }
}
