package vn.ioc.warehouse.live;

import java.net.URI;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a Druid answers: its SQL (a broker or a router) and its task API (an overlord or a router). A province's
 * own Druid is usually one router URL serving both.
 */
public record DruidEndpoint(URI sql, URI tasks) {
    public DruidEndpoint {
        requireNonNull(sql, "sql");
        requireNonNull(tasks, "tasks");
    }

    /** The province's own Druid when {@code IOC_DRUID_URL} names its router; nothing when it is not set. */
    public static Optional<DruidEndpoint> configured() {
        String url = System.getenv("IOC_DRUID_URL");
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(router(url.strip()));
    }

    /** A Druid behind one router URL, such as {@code http://druid.example:8888}. */
    public static DruidEndpoint router(String url) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Druid URL '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Druid URL '" + url + "' must be http(s)://host:port");
        }
        return new DruidEndpoint(uri, uri);
    }

    /** The local cluster of {@link LocalDruid}: the broker for SQL, the coordinator (as overlord) for tasks. */
    public static DruidEndpoint local() {
        return new DruidEndpoint(loopback(DruidRole.BROKER), loopback(DruidRole.COORDINATOR));
    }

    private static URI loopback(DruidRole role) {
        return URI.create("http://127.0.0.1:" + role.port());
    }
}
