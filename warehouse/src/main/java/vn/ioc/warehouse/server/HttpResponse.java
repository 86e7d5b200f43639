package vn.ioc.warehouse.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import vn.ioc.warehouse.engine.EngineException;
import vn.ioc.warehouse.engine.QueryStatistics;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer to one request, with the headers a ClickHouse server sends. The body is opened on the
 * first byte of a result, so that an error before it still gets a proper status and headers.
 */
final class HttpResponse {
    private final HttpExchange exchange;
    private byte[] copyBuffer = new byte[0];
    private HttpQueryRequest request;
    private OutputStream body;
    private QueryStatistics finished = QueryStatistics.NONE;
    private EngineException failure;

    HttpResponse(HttpExchange exchange, String displayName, String timezone) {
        this.exchange = exchange;
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-ClickHouse-Server-Display-Name", displayName);
        headers.set("X-ClickHouse-Timezone", timezone);
        headers.set("Keep-Alive", "timeout=10");
    }

    /** Whether the answer's body has begun (a failure now reaches the client inside it). */
    boolean begun() {
        return body != null;
    }

    void describe(HttpQueryRequest request) {
        this.request = request;
        exchange.getResponseHeaders().set("X-ClickHouse-Query-Id", request.queryId());
    }

    /** Opens the body with status 200 for a result in {@code format}. */
    OutputStream open(String format, QueryStatistics statistics) throws IOException {
        if (body == null) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-ClickHouse-Format", format);
            headers.set("Content-Type", contentType(format));
            headers.set("X-ClickHouse-Summary", summary(statistics));
            body = start(200, request != null && request.compressResponse());
        }
        return body;
    }

    /** ClickHouse's liveness answer, {@code Ok.}, as {@code /ping}, {@code /replicas_status} and a bare {@code GET /} give it. */
    static void ok(HttpExchange exchange) throws IOException {
        answer(exchange, "text/html; charset=UTF-8", "Ok.\n");
    }

    /** Prometheus's text format (what {@code GET /metrics} answers). */
    static void text(HttpExchange exchange, String metrics) throws IOException {
        answer(exchange, "text/plain; version=0.0.4; charset=utf-8", metrics);
    }

    private static void answer(HttpExchange exchange, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** True once the status line and a first byte of the result have gone out. */
    boolean started() {
        return body != null;
    }

    void write(String format, QueryStatistics statistics, ByteBuffer chunk) throws IOException {
        OutputStream out = open(format, statistics);
        if (copyBuffer.length < Math.min(chunk.remaining(), 64 * 1024)) {
            copyBuffer = new byte[Math.min(chunk.remaining(), 64 * 1024)];
        }
        while (chunk.hasRemaining()) {
            int n = Math.min(chunk.remaining(), copyBuffer.length);
            chunk.get(copyBuffer, 0, n);
            out.write(copyBuffer, 0, n);
        }
    }

    /** What the engine reported of the statement this response finished ({@link QueryStatistics#NONE} before). */
    QueryStatistics finished() {
        return finished;
    }

    /** The error this response reported, if it did. */
    Optional<EngineException> failure() {
        return Optional.ofNullable(failure);
    }

    void finish(String format, QueryStatistics statistics) throws IOException {
        finished = statistics;
        open(format, statistics).close();
    }

    /**
     * Reports an error: with its status and {@code X-ClickHouse-Exception-Code} when nothing was sent
     * yet; appended to the body (as ClickHouse does) when the result had already begun.
     */
    void fail(EngineException error) throws IOException {
        failure = error;
        byte[] text = (error.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-ClickHouse-Exception-Code", Integer.toString(error.code()));
            headers.set("Content-Type", "text/plain; charset=UTF-8");
            headers.remove("X-ClickHouse-Format");
            // Error bodies go out as plain text even when compress=1, which is what the official driver reads.
            try (OutputStream out = start(HttpStatuses.of(error.code()), false)) {
                out.write(text);
            }
        } else {
            body.write(text);
            body.flush();
            // Leave the chunked body unterminated: the client must see a broken result, not a short one.
            throw new IOException("query failed after its result had begun: " + error.getMessage());
        }
    }

    private OutputStream start(int status, boolean compressedBlocks) throws IOException {
        Optional<HttpEncoding> encoding = request != null && request.httpCompression()
                ? HttpEncoding.forAnswer(exchange.getRequestHeaders().getFirst("Accept-Encoding")) : Optional.empty();
        encoding.ifPresent(e -> exchange.getResponseHeaders().set("Content-Encoding", e.headerName()));
        exchange.sendResponseHeaders(status, 0);
        OutputStream out = encoding.isPresent() ? encoding.get().encode(exchange.getResponseBody(), request.compressionLevel())
                : exchange.getResponseBody();
        if (compressedBlocks) {
            out = new CompressedBlockOutputStream(out);
        }
        return new BufferedOutputStream(out, 16 * 1024);
    }

    static String summary(QueryStatistics s) {
        return String.format(Locale.ROOT, "{\"read_rows\":\"%d\",\"read_bytes\":\"%d\",\"written_rows\":\"%d\",\"written_bytes\":\"%d\","
                        + "\"total_rows_to_read\":\"0\",\"result_rows\":\"%d\",\"result_bytes\":\"0\",\"elapsed_ns\":\"%d\"}",
                s.rowsRead(), s.bytesRead(), s.rowsWritten(), s.bytesWritten(), s.rowsWritten(), (long) (s.elapsedSeconds() * 1e9));
    }

    static String contentType(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        }
        if (f.startsWith("csv")) {
            return "text/csv; charset=UTF-8; header=" + (f.contains("withnames") ? "present" : "absent");
        }
        if (f.startsWith("json") || f.startsWith("ndjson")) {
            return "application/json; charset=UTF-8";
        }
        if (f.startsWith("pretty") || f.equals("vertical") || f.equals("markdown") || f.equals("values") || f.startsWith("lineasstring")) {
            return "text/plain; charset=UTF-8";
        }
        if (f.equals("xml")) {
            return "application/xml; charset=UTF-8";
        }
        return "application/octet-stream";
    }
}
