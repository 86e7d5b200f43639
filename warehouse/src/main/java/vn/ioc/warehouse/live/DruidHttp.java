package vn.ioc.warehouse.live;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * JSON over HTTP to one Druid service, with a timeout on every request. Failures become {@link DruidException}s
 * that say which URL, and Druid's own error JSON (its error code and message) when it sent one.
 */
public final class DruidHttp {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How Druid SQL says a FROM names no datasource it serves. */
    private static final Pattern NO_SUCH_TABLE = Pattern.compile("Object '[^']+' not found");

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;

    public DruidHttp(URI base, Duration timeout) {
        this.base = requireNonNull(base, "base");
        this.timeout = requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    public JsonNode post(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)), path)
                .orElseThrow(() -> new DruidException("Druid at " + base.resolve(path) + " has no such resource (HTTP 404)", false, null));
    }

    /** The answer, or nothing when Druid answers 404 (no such task, datasource, ...). */
    public Optional<JsonNode> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    private Optional<JsonNode> send(HttpRequest.Builder request, String path) {
        URI uri = base.resolve(path);
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DruidException("Druid at " + uri + " did not answer within " + timeout.toMillis() + " ms", true, e);
        } catch (IOException e) {
            throw new DruidException("Druid at " + uri + " is not reachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DruidException("interrupted while waiting for Druid at " + uri, true, e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status / 100 != 2) {
            // 503: a service not (yet) leading or not ready; 504: Druid's own query timeout.
            String error = errorText(response.body());
            throw new DruidException("Druid at " + uri + " answered HTTP " + status + ": " + error, status == 503,
                    status == 400 && NO_SUCH_TABLE.matcher(error).find(), null);
        }
        try {
            return Optional.of(response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (JacksonException e) {
            throw new DruidException("Druid at " + uri + " answered with something that is not JSON: " + abbreviate(response.body()), false, e);
        }
    }

    /** Druid's error JSON, {@code {"error": ..., "errorCode": ..., "errorMessage": ...}}, as one line; else the body itself. */
    static String errorText(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.isObject()) {
                String code = error.path("errorCode").asString(error.path("error").asString(""));
                String message = error.path("errorMessage").asString("");
                if (!message.isEmpty()) {
                    return (code.isEmpty() ? "" : code + ": ") + message;
                }
            }
        } catch (JacksonException e) {
            // not JSON: shown as it is
        }
        return abbreviate(body);
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
