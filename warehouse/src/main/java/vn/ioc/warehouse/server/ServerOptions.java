package vn.ioc.warehouse.server;

import vn.ioc.warehouse.engine.Access;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How to serve the warehouse.
 *
 * @param host            address to bind; anything but loopback needs configured passwords
 * @param port            0 picks a free port
 * @param dataFolder      the warehouse's data folder (see {@link DataDirectory})
 * @param credentials     a credentials file to use instead of the environment or a generated one
 * @param readers         read-only engine connections (queries that run at once)
 * @param writers         write connections
 * @param queryTimeout    the longest a query may run: the writer's limit, and the engine's own
 * @param readerQueryTimeout the longest a reader's query may run (the engine's limit caps it)
 * @param connectionWait  how long a request waits for a free connection before it is refused
 * @param maxQueryBytes   the largest query text accepted (INSERT data after FORMAT is not counted)
 * @param maxInsertBytes  the largest INSERT body accepted
 * @param tls             a certificate to serve HTTPS with instead of HTTP; anything but loopback needs one
 */
public record ServerOptions(String host, int port, Path dataFolder, Optional<Path> credentials, int readers, int writers,
                            Duration queryTimeout, Duration readerQueryTimeout, Duration connectionWait, long maxQueryBytes, long maxInsertBytes,
                            Optional<TlsCertificate> tls) {
    public static final int DEFAULT_PORT = 8123;

    public ServerOptions {
        requireNonNull(host, "host");
        requireNonNull(dataFolder, "dataFolder");
        requireNonNull(credentials, "credentials");
        requireNonNull(queryTimeout, "queryTimeout");
        requireNonNull(readerQueryTimeout, "readerQueryTimeout");
        requireNonNull(connectionWait, "connectionWait");
        requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
    }

    public static ServerOptions defaults(Path dataFolder) {
        return new ServerOptions("127.0.0.1", DEFAULT_PORT, dataFolder, Optional.empty(), 8, 4,
                Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(30), 64L << 20, 16L << 30, Optional.empty());
    }

    /** How long a query of an account with that access may run. */
    public Duration queryTimeout(Access access) {
        if (access == Access.WRITE) {
            return queryTimeout;
        }
        return readerQueryTimeout.compareTo(queryTimeout) < 0 ? readerQueryTimeout : queryTimeout;
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, dataFolder, credentials, readers, writers, queryTimeout, readerQueryTimeout, connectionWait,
                maxQueryBytes, maxInsertBytes, tls);
    }
}
