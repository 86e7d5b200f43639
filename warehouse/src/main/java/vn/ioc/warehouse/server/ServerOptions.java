package vn.ioc.warehouse.server;

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
 * @param queryTimeout    default per-query limit
 * @param connectionWait  how long a request waits for a free connection before it is refused
 * @param maxQueryBytes   the largest query text accepted (INSERT data after FORMAT is not counted)
 * @param maxInsertBytes  the largest INSERT body accepted
 * @param tls             a certificate to serve HTTPS with instead of HTTP; anything but loopback needs one
 */
public record ServerOptions(String host, int port, Path dataFolder, Optional<Path> credentials, int readers, int writers,
                            Duration queryTimeout, Duration connectionWait, long maxQueryBytes, long maxInsertBytes,
                            Optional<TlsCertificate> tls) {
    public static final int DEFAULT_PORT = 8123;

    public ServerOptions {
        requireNonNull(host, "host");
        requireNonNull(dataFolder, "dataFolder");
        requireNonNull(credentials, "credentials");
        requireNonNull(queryTimeout, "queryTimeout");
        requireNonNull(connectionWait, "connectionWait");
        requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
    }

    public static ServerOptions defaults(Path dataFolder) {
        return new ServerOptions("127.0.0.1", DEFAULT_PORT, dataFolder, Optional.empty(), 8, 4,
                Duration.ofMinutes(5), Duration.ofSeconds(30), 64L << 20, 16L << 30, Optional.empty());
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, dataFolder, credentials, readers, writers, queryTimeout, connectionWait,
                maxQueryBytes, maxInsertBytes, tls);
    }
}
