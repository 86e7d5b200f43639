package vn.ioc.warehouse.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import vn.ioc.warehouse.engine.EngineException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One request to ClickHouse's HTTP interface, as its URL parameters and headers describe it:
 * credentials, database, formats, compression, query id, {@code param_*} values, and every other
 * parameter as a query-level setting.
 */
record HttpQueryRequest(boolean get, String user, String password, Optional<String> database, String requestedFormat,
                        boolean compressResponse, boolean decompressRequest, boolean httpCompression, int compressionLevel,
                        boolean waitEndOfQuery, boolean readOnlyRequested, String queryId, Optional<String> sessionId,
                        Duration sessionTimeout, boolean sessionCheck,
                        Optional<String> queryParameter, Map<String, String> parameters, Map<String, String> settings) {

    /**
     * URL parameters that steer the HTTP interface itself rather than the query. {@code client_protocol_version}, which
     * the Python client sends with {@code FORMAT Native} (54405), is accepted: the engine's Native blocks name each
     * column's type and send LowCardinality in its own encoding, as a client of that revision reads them (seen with
     * {@code toLowCardinality}); no custom serialization flags, which only later revisions ask for.
     */
    private static final Set<String> INTERFACE_PARAMETERS = Set.of("query", "database", "default_format", "compress",
            "decompress", "query_id", "session_id", "session_timeout", "session_check", "user", "password", "quota_key",
            "buffer_size", "wait_end_of_query", "role", "stacktrace", "enable_http_compression", "readonly",
            "http_response_buffer_size", "http_wait_end_of_query", "http_native_compression_disable_checksumming_on_decompress",
            "client_protocol_version");

    static HttpQueryRequest parse(HttpExchange exchange) {
        Map<String, String> url = urlParameters(exchange.getRequestURI().getRawQuery());
        Headers headers = exchange.getRequestHeaders();
        String user = firstOf(headers.getFirst("X-ClickHouse-User"), url.get("user"));
        String password = firstOf(headers.getFirst("X-ClickHouse-Key"), url.get("password"));
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw EngineException.of(516, "AUTHENTICATION_FAILED", "the Authorization header is not valid Basic credentials");
            }
            int colon = decoded.indexOf(':');
            user = colon < 0 ? decoded : decoded.substring(0, colon);
            password = colon < 0 ? "" : decoded.substring(colon + 1);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        url.forEach((name, value) -> {
            if (name.startsWith("param_")) {
                parameters.put(name.substring("param_".length()), value);
            } else if (!INTERFACE_PARAMETERS.contains(name)) {
                settings.put(name, value);
            }
        });
        String readonly = url.getOrDefault("readonly", "0");
        return new HttpQueryRequest(
                exchange.getRequestMethod().equalsIgnoreCase("GET"),
                user == null ? "default" : user,
                password == null ? "" : password,
                Optional.ofNullable(firstOf(headers.getFirst("X-ClickHouse-Database"), url.get("database"))),
                firstOf(headers.getFirst("X-ClickHouse-Format"), url.get("default_format"), "TabSeparated"),
                isTrue(url.get("compress")),
                isTrue(url.get("decompress")),
                isTrue(url.get("enable_http_compression")),
                HttpEncoding.level(url.get("http_zlib_compression_level")),
                isTrue(url.get("wait_end_of_query")),
                !readonly.equals("0"),
                firstOf(headers.getFirst("X-ClickHouse-Query-Id"), url.get("query_id"), UUID.randomUUID().toString()),
                Optional.ofNullable(url.get("session_id")).filter(s -> !s.isEmpty()),
                sessionTimeout(url.get("session_timeout")),
                isTrue(url.get("session_check")),
                Optional.ofNullable(url.get("query")),
                Map.copyOf(parameters),
                Map.copyOf(settings));
    }

    private static Map<String, String> urlParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.put(name, value);
            } catch (IllegalArgumentException e) {
                throw EngineException.of(36, "BAD_ARGUMENTS", "malformed URL parameter '" + pair + "': " + e.getMessage());
            }
        }
        return parameters;
    }

    private static Duration sessionTimeout(String seconds) {
        if (seconds == null || seconds.isEmpty()) {
            return Sessions.DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            throw EngineException.of(36, "BAD_ARGUMENTS", "session_timeout must be a number of seconds, not '" + seconds + "'");
        }
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
