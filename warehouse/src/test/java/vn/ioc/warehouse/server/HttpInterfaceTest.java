package vn.ioc.warehouse.server;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.brotli.dec.BrotliInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ioc.warehouse.server.TestWarehouse.basic;
import static vn.ioc.warehouse.server.TestWarehouse.post;
import static vn.ioc.warehouse.server.TestWarehouse.send;
import static vn.ioc.warehouse.server.TestWarehouse.uri;

/** ClickHouse's HTTP interface as curl or any client sees it: raw requests, no driver in between. */
class HttpInterfaceTest {
    private static final String DB = "http_interface_test";
    private static final String WRITER = WarehouseUsers.WRITER;
    private static final String READER = WarehouseUsers.READER;

    @BeforeAll
    static void database() {
        TestWarehouse.freshDatabase(DB);
        ok(post(WRITER, "database=" + DB, "CREATE TABLE visits (commune String, day Date, n UInt32) ENGINE = MergeTree ORDER BY (commune, day)"));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static String q(String sql) {
        return "query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String user, String urlQuery) {
        return send(HttpRequest.newBuilder(uri(urlQuery)).header("Authorization", basic(user)).GET().build());
    }

    private static HttpResponse<String> postBytes(String user, String urlQuery, byte[] body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(urlQuery)).header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    private static void assertError(HttpResponse<String> response, int status, int code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(String.valueOf(code), response.headers().firstValue("X-ClickHouse-Exception-Code").orElse(""), response.body());
        assertTrue(response.body().startsWith("Code: " + code + ". DB::Exception: "), response.body());
    }

    @Test
    void pingAnswersOk() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("").resolve("/ping")).GET().build());
        assertEquals(200, response.statusCode());
        assertEquals("Ok.\n", response.body());
        HttpResponse<String> root = send(HttpRequest.newBuilder(uri("")).GET().build());
        assertEquals(200, root.statusCode());
        assertEquals("Ok.\n", root.body());
    }

    @Test
    void metricsAreAnsweredToASignedInAccountInPrometheusText() {
        ok(get(READER, q("SELECT number FROM numbers(1000) FORMAT Null")));
        assertError(get(READER, q("SELECT no_such_column")), 404, 47);
        assertError(send(HttpRequest.newBuilder(uri("").resolve("/metrics")).GET().build()), 403, 516);
        send(HttpRequest.newBuilder(uri("").resolve("/metrics?user=invented_name&password=x")).GET().build());

        HttpResponse<String> metrics = ok(send(HttpRequest.newBuilder(uri("").resolve("/metrics")).header("Authorization", basic(READER)).GET().build()));
        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
        assertTrue(text.contains("ioc_warehouse_queries_seconds_count{access=\"read\",user=\"" + READER + "\"}"), text);
        assertTrue(text.matches("(?s).*ioc_warehouse_read_rows_total\\{user=\"" + READER + "\"} [1-9][0-9]{3,}.*"), text);
        assertTrue(text.contains("ioc_warehouse_errors_total{code=\"47\",user=\"" + READER + "\"}"), text);
        assertTrue(text.contains("ioc_warehouse_refusals_total{code=\"516\",user=\"?\"}"), text);
        assertTrue(text.contains("ioc_warehouse_queries_running "), text);
        assertTrue(!text.contains("invented_name"), "a name that failed to sign in is not a series: " + text);
    }

    @Test
    void getRunsReadOnlyQueriesWithServerHeaders() {
        HttpResponse<String> response = ok(get(READER, q("SELECT 1 + 1")));
        assertEquals("2\n", response.body());
        assertEquals("TabSeparated", response.headers().firstValue("X-ClickHouse-Format").orElseThrow());
        assertTrue(response.headers().firstValue("X-ClickHouse-Query-Id").isPresent());
        assertTrue(response.headers().firstValue("X-ClickHouse-Timezone").isPresent());
        assertTrue(response.headers().firstValue("X-ClickHouse-Summary").orElseThrow().contains("read_rows"));
        assertError(get(WRITER, q("CREATE TABLE nope (a UInt8) ENGINE = Memory")), 403, 164);
    }

    @Test
    void anonymousAndWrongPasswordsAreRefused() {
        assertError(send(HttpRequest.newBuilder(uri(q("SELECT 1"))).GET().build()), 403, 516);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri(q("SELECT 1") + "&user=ioc_writer&password=guess")).GET().build());
        assertError(wrong, 403, 516);
        HttpResponse<String> headers = send(HttpRequest.newBuilder(uri(q("SELECT 7")))
                .header("X-ClickHouse-User", READER).header("X-ClickHouse-Key", TestWarehouse.server().users().password(READER)).GET().build());
        assertEquals("7\n", ok(headers).body());
    }

    @Test
    void formatsComeFromTheSqlTheHeaderOrTheParameter() {
        assertEquals("{\"x\":1}\n", ok(get(READER, q("SELECT 1 AS x FORMAT JSONEachRow"))).body());
        HttpResponse<String> header = send(HttpRequest.newBuilder(uri(q("SELECT 1 AS x")))
                .header("Authorization", basic(READER)).header("X-ClickHouse-Format", "CSVWithNames").GET().build());
        assertEquals("\"x\"\n1\n", ok(header).body());
        assertEquals("CSVWithNames", header.headers().firstValue("X-ClickHouse-Format").orElseThrow());
        HttpResponse<String> json = ok(get(READER, q("SELECT number FROM numbers(3)") + "&default_format=JSONCompact"));
        assertTrue(json.body().contains("\"rows\": 3"), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertError(get(READER, q("SELECT 1 FORMAT NoSuchFormat")), 404, 73);
    }

    @Test
    void streamedRowFormatsKeepOneHeader() {
        String body = ok(get(READER, q("SELECT number FROM numbers(300000) FORMAT TSVWithNames"))).body();
        String[] lines = body.split("\n");
        assertEquals(300_001, lines.length);
        assertEquals("number", lines[0]);
        assertEquals("299999", lines[lines.length - 1]);
    }

    @Test
    void queryParametersAreBoundByTheEngine() {
        String response = ok(get(READER, q("SELECT {x:UInt32} + 1, {name:String}") + "&param_x=41&param_name="
                + URLEncoder.encode("Thành phố Huế' OR 1=1", StandardCharsets.UTF_8))).body();
        assertEquals("42\tThành phố Huế\\' OR 1=1\n", response);
        assertError(get(READER, q("SELECT {x:UInt32}") + "&param_x=notanumber"), 400, 457);
    }

    @Test
    void insertsDataBodiesInManyFormats() throws IOException {
        String table = "database=" + DB + "&";
        ok(post(WRITER, table + q("INSERT INTO visits FORMAT CSV"), "Phường Ba Đình,2026-10-01,5\nXã Sóc Sơn,2026-10-01,7\n"));
        ok(post(WRITER, table, "INSERT INTO visits FORMAT TSV\nPhường Ba Đình\t2026-10-02\t11\n"));
        ok(post(WRITER, table, "INSERT INTO visits FORMAT JSONEachRow {\"commune\":\"Xã Sóc Sơn\",\"day\":\"2026-10-02\",\"n\":13}"));
        byte[] parquet = postBytesRaw(READER, q("SELECT 'Đặc khu Phú Quốc' AS commune, toDate('2026-10-03') AS day, toUInt32(number) AS n FROM numbers(100) FORMAT Parquet"));
        HttpResponse<String> inserted = ok(postBytes(WRITER, table + q("INSERT INTO visits FORMAT Parquet"), parquet));
        assertTrue(inserted.headers().firstValue("X-ClickHouse-Summary").orElseThrow().contains("\"written_rows\":\"100\""),
                inserted.headers().firstValue("X-ClickHouse-Summary").orElseThrow());
        byte[] gzipped = gzip("Phường Ba Đình,2026-10-04,1\n".getBytes(StandardCharsets.UTF_8));
        ok(postBytes(WRITER, table + q("INSERT INTO visits FORMAT CSV"), gzipped, "Content-Encoding", "gzip"));
        assertEquals("Phường Ba Đình\t17\nXã Sóc Sơn\t20\nĐặc khu Phú Quốc\t4950\n",
                ok(get(READER, table + q("SELECT commune, sum(n) FROM visits GROUP BY commune ORDER BY min(day), commune"))).body());
    }

    @Test
    void readerCannotInsertAndBadDataIsReportedWithoutLoss() {
        String table = "database=" + DB + "&";
        assertError(post(READER, table + q("INSERT INTO visits FORMAT CSV"), "x,2026-10-01,1\n"), 403, 164);
        HttpResponse<String> bad = post(WRITER, table + q("INSERT INTO visits FORMAT CSV"), "Xã A,not-a-date,1\n");
        assertTrue(bad.statusCode() >= 400, bad.body());
        assertTrue(bad.body().contains("DB::Exception"), bad.body());
        assertEquals("0\n", ok(get(READER, table + q("SELECT count() FROM visits WHERE commune = 'Xã A'"))).body());
    }

    @Test
    void settingsApplyToOneQueryOnly() {
        assertError(get(READER, q("SELECT number FROM numbers(100)") + "&max_result_rows=10&result_overflow_mode=throw"), 500, 396);
        assertEquals("100\n", ok(get(READER, q("SELECT count() FROM (SELECT number FROM numbers(100))"))).body());
        assertEquals("0\n", ok(get(READER, q("SELECT getSetting('max_result_rows')"))).body());
        assertError(get(READER, q("SELECT 1") + "&no_such_setting=1"), 400, 115);
        assertEquals("1\n", ok(get(READER, q("SELECT 1"))).body());
    }

    @Test
    void badRequestsGetClearErrorsAndTheServerKeepsServing() {
        assertError(post(WRITER, "", ""), 400, 62);
        assertError(post(WRITER, "", "SELECT 1; SELECT 2"), 400, 62);
        assertError(get(READER, q("SELECT * FROM file('/etc/passwd', 'LineAsString')")), 403, 497);
        assertError(get(READER, q("SELECT 1 INTO OUTFILE '/tmp/x'")), 403, 497);
        assertError(postBytes(WRITER, "decompress=1", "this is not compressed".getBytes(StandardCharsets.UTF_8)), 400, 271);
        assertError(get(READER, q("SELECT * FROM no_such_database.t")), 404, 81);
        assertError(postBytes(WRITER, "", "SELECT 1".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "snappy"), 400, 36);
        assertEquals("1\n", ok(get(READER, q("SELECT 1"))).body());
    }

    @Test
    void aQueryOverItsTimeLimitIsStoppedAndTheConnectionServesOn() {
        assertError(get(READER, q("SELECT count() FROM numbers(1000000000000)") + "&max_execution_time=1"), 500, 159);
        assertEquals("1\n", ok(get(READER, q("SELECT 1"))).body());
    }

    @Test
    void malformedHttpIsRejectedAndTheServerKeepsServing() throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestWarehouse.server().port())) {
            socket.getOutputStream().write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
        }
        assertEquals("1\n", ok(get(READER, q("SELECT 1"))).body());
    }

    @Test
    void sessionsKeepTheirStateAndBelongToOneClientAtATime() throws Exception {
        String s1 = "session_id=s1-" + System.nanoTime() + "&";
        String s2 = "session_id=s2-" + System.nanoTime() + "&";
        ok(post(WRITER, s1, "CREATE TEMPORARY TABLE picked (commune String)"));
        ok(post(WRITER, s1 + q("INSERT INTO picked FORMAT TSV"), "Phường Hoàn Kiếm\nXã Bát Tràng\n"));
        ok(post(WRITER, s1, "USE " + DB));
        ok(post(WRITER, s1, "SET max_threads = 1"));
        assertEquals("2\t1\t" + DB + "\n", ok(post(WRITER, s1, "SELECT count(), getSetting('max_threads'), currentDatabase() FROM picked")).body());
        assertError(post(WRITER, s2, "SELECT count() FROM picked"), 404, 60);
        assertEquals("default\n", ok(post(WRITER, "", "SELECT currentDatabase()")).body(), "USE in a session must not leak out of it");
        assertError(post(WRITER, "session_check=1&" + s2.replace("s2-", "never-"), "SELECT 1"), 500, 372);
        assertError(post(READER, s1, "SELECT count() FROM picked"), 404, 60);

        Thread slow = Thread.ofPlatform().start(() -> post(WRITER, s1, "SELECT sleepEachRow(0.5) FROM numbers(4)"));
        Thread.sleep(500);
        assertError(post(WRITER, s1, "SELECT 1"), 500, 373);
        slow.join();
        assertEquals("1\n", ok(post(WRITER, s1, "SELECT 1")).body());
    }

    @Test
    void aStreamedQueryIsCancelledWhenItsClientGoesAway() throws Exception {
        String marker = "cancel_probe_" + System.nanoTime();
        String sql = "SELECT number, '" + marker + "' FROM numbers(100000000000)";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestWarehouse.server().port())) {
            String request = "GET /?" + q(sql) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(READER) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] some = socket.getInputStream().readNBytes(1 << 20);
            assertEquals(1 << 20, some.length);
            assertTrue(running(marker) > 0, "the query should be running while its client reads");
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (running(marker) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, running(marker), "the query must stop once its client has gone");
    }

    /**
     * A read answered whole (JSON) or computing long before its first rows writes nothing to its client until it ends: it
     * is cancelled once the client has gone all the same. A write whose client goes runs to its end, as on ClickHouse.
     */
    @Test
    void aQueryAnsweredWholeIsCancelledWhenItsClientGoesAway() throws Exception {
        for (String format : List.of("JSON", "TSV")) {
            String marker = "whole_cancel_probe_" + format + System.nanoTime();
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestWarehouse.server().port())) {
                sendRaw(socket, READER, "SELECT sum(sleepEachRow(0.5)), '" + marker + "' FROM numbers(60) SETTINGS max_block_size = 1 FORMAT " + format);
                awaitRunning(marker);
            }
            long closed = System.nanoTime();
            while (running(marker) > 0 && System.nanoTime() - closed < java.util.concurrent.TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(100);
            }
            assertEquals(0, running(marker), format + ": the query must stop once its client has gone, not 30 s later");
        }
        String table = DB + ".written_after_client_left";
        ok(post(WRITER, "", "CREATE TABLE " + table + " (n UInt64) ENGINE = MergeTree ORDER BY n"));
        String marker = "write_probe_" + System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", TestWarehouse.server().port())) {
            sendRaw(socket, WRITER, "INSERT INTO " + table + " SELECT number + sleepEachRow(0.2) * 0 FROM numbers(10) WHERE '" + marker
                    + "' != '' SETTINGS max_block_size = 1");
            awaitRunning(marker);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (running(marker) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("10\n", ok(post(WRITER, "", "SELECT count() FROM " + table)).body(), "the write must run to its end");
    }

    private static void sendRaw(java.net.Socket socket, String user, String sql) throws IOException {
        byte[] body = sql.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(user) + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    private static void awaitRunning(String marker) throws InterruptedException {
        for (int i = 0; i < 100 && running(marker) == 0; i++) {
            Thread.sleep(50);
        }
        assertTrue(running(marker) > 0, marker + " never showed as running");
    }

    private static int running(String marker) {
        String count = ok(get(WRITER, q("SELECT count() FROM system.processes WHERE query LIKE '%" + marker
                + "%' AND query NOT LIKE '%system.processes%'"))).body().strip();
        return Integer.parseInt(count);
    }

    /** A limit a request sets (below the account's) ends with the request: the next one has the account's own again. */
    @Test
    void aLimitSetForOneRequestEndsWithIt() {
        for (String user : List.of(READER, WRITER)) {
            String limit = ok(post(user, "", "SELECT getSetting('max_execution_time')")).body();
            for (int i = 0; i < 3; i++) {
                assertEquals("7\n", ok(post(user, "max_execution_time=7", "SELECT getSetting('max_execution_time')")).body());
                assertEquals(limit, ok(post(user, "", "SELECT getSetting('max_execution_time')")).body(), user);
            }
        }
    }

    @Test
    void aReadersSessionCannotWrite() {
        String session = "session_id=r-" + System.nanoTime() + "&";
        assertError(post(READER, session + "database=" + DB + "&" + q("INSERT INTO visits FORMAT CSV"), "x,2026-10-01,1\n"), 403, 164);
        assertError(post(READER, session + "database=" + DB, "DROP TABLE visits"), 403, 164);
        assertEquals("1\n", ok(post(READER, session, "SELECT 1")).body());
    }

    @Test
    void refusesOversizeQueryText() {
        String huge = "SELECT '" + "x".repeat(65 << 20) + "'";
        assertError(post(WRITER, "", huge), 413, 393);
    }

    /**
     * HTTP compression as a ClickHouse server has it: request bodies in every encoding it reads; answers in each it writes,
     * chosen by the server's order of preference (zstd, br, lz4, gzip, deflate, xz, bz2) among those the client accepts,
     * at {@code http_zlib_compression_level}. Answers are read back with other decoders than the server's where there are
     * (Google's Java Brotli decoder for br).
     */
    @Test
    void httpCompressionBothWays() throws IOException {
        ok(post(WRITER, "database=" + DB, "CREATE TABLE http_compression (commune String, n UInt32) ENGINE = MergeTree ORDER BY n"));
        String insert = "database=" + DB + "&" + q("INSERT INTO http_compression FORMAT CSV");
        List<String> encodings = List.of("zstd", "br", "lz4", "gzip", "deflate", "xz", "bz2");
        StringBuilder expected = new StringBuilder();
        for (int n = 0; n < encodings.size(); n++) {
            String row = "Xã Đông Anh " + encodings.get(n) + "," + n + "\n";
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            try (OutputStream out = encoder(encodings.get(n), encoded)) {
                out.write(row.getBytes(StandardCharsets.UTF_8));
            }
            ok(postBytes(WRITER, insert, encoded.toByteArray(), "Content-Encoding", encodings.get(n)));
            expected.append(row.replace(',', '\t'));
        }
        String query = "database=" + DB + "&enable_http_compression=1&" + q("SELECT commune, n FROM http_compression ORDER BY n");
        for (String accepted : encodings) {
            assertEquals(expected.toString(), answer(query, accepted, accepted));
        }
        assertEquals(expected.toString(), answer(query + "&http_zlib_compression_level=9", "gzip", "gzip"));
        assertEquals(expected.toString(), answer(query, "gzip, deflate, br;q=0.1", "br"), "the server's order, not the client's weights");
        assertEquals(expected.toString(), answer(query, "deflate, gzip", "gzip"));
        assertEquals(expected.toString(), answer(query, "zstd;q=0, bz2", "bz2"), "q=0 refuses an encoding");
        assertEquals(expected.toString(), answer(query, "snappy, compress", "identity"));
        assertError(get(READER, query + "&http_zlib_compression_level=0"), 400, 36);
    }

    private static OutputStream encoder(String encoding, OutputStream out) throws IOException {
        return switch (encoding) {
            case "zstd" -> new ZstdOutputStream(out);
            case "br" -> {
                Brotli4jLoader.ensureAvailability();
                yield new BrotliOutputStream(out, new Encoder.Parameters());
            }
            case "lz4" -> new FramedLZ4CompressorOutputStream(out);
            case "gzip" -> new GZIPOutputStream(out);
            case "deflate" -> new DeflaterOutputStream(out);
            case "xz" -> new XZOutputStream(out, new LZMA2Options());
            case "bz2" -> new BZip2CompressorOutputStream(out);
            default -> throw new IllegalArgumentException(encoding);
        };
    }

    /** The answer's text, checking that it came in {@code expectedEncoding}. */
    private static String answer(String query, String acceptEncoding, String expectedEncoding) throws IOException {
        try (var client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(query)).header("Authorization", basic(READER))
                    .header("Accept-Encoding", acceptEncoding).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
            assertEquals(expectedEncoding, encoding, acceptEncoding);
            InputStream body = new ByteArrayInputStream(response.body());
            InputStream decoded = switch (encoding) {
                case "zstd" -> new ZstdInputStream(body);
                case "br" -> new BrotliInputStream(body);
                case "lz4" -> new FramedLZ4CompressorInputStream(body);
                case "gzip" -> new GZIPInputStream(body);
                case "deflate" -> new InflaterInputStream(body);
                case "xz" -> new XZInputStream(body);
                case "bz2" -> new BZip2CompressorInputStream(body);
                default -> body;
            };
            return new String(decoded.readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the Python client (clickhouse-connect, SQLAlchemy's reflection) sends, replayed as raw HTTP. */
    @Test
    void thePythonClientsRequestsAreAnswered() {
        String nativeRequest = "client_protocol_version=54405&database=" + DB + "&default_format=Native&";
        for (String sql : List.of("SELECT toLowCardinality('Hà Nội') AS province, 1 AS n", "SHOW DATABASES", "SHOW TABLES FROM " + DB,
                "EXISTS TABLE " + DB + ".visits", "DESCRIBE TABLE " + DB + ".visits", "SELECT version()")) {
            HttpResponse<String> response = post(READER, nativeRequest + "session_id=py-" + System.nanoTime(), sql);
            assertEquals(200, response.statusCode(), sql + ": " + response.body());
            assertEquals("Native", response.headers().firstValue("X-ClickHouse-Format").orElse(""), sql);
        }
    }

    @Test
    void compressedResponsesUseClickHouseBlocks() throws IOException {
        byte[] body = postBytesRaw(READER, q("SELECT number FROM numbers(5) FORMAT TSV") + "&compress=1");
        try (InputStream in = new CompressedBlockInputStream(new java.io.ByteArrayInputStream(body))) {
            assertEquals("0\n1\n2\n3\n4\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // Several blocks: the first buffers grow to ClickHouse's 1 MiB block and more blocks follow.
        String large = q("SELECT number, repeat('Xã Đông Anh ', 3) FROM numbers(300000) FORMAT TSV");
        byte[] plain = postBytesRaw(READER, large);
        assertTrue(plain.length > 3 * CompressedBlockOutputStream.BLOCK_SIZE, "several blocks' worth: " + plain.length);
        try (InputStream in = new CompressedBlockInputStream(new java.io.ByteArrayInputStream(postBytesRaw(READER, large + "&compress=1")))) {
            assertTrue(java.util.Arrays.equals(plain, in.readAllBytes()), "the blocks decompress to the plain answer");
        }
        ok(post(WRITER, "database=" + DB, "CREATE TABLE compressed_visits AS visits"));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (CompressedBlockOutputStream out = new CompressedBlockOutputStream(compressed)) {
            out.write("INSERT INTO compressed_visits FORMAT CSV\nXã Compressed,2026-10-05,3\n".getBytes(StandardCharsets.UTF_8));
        }
        ok(postBytes(WRITER, "database=" + DB + "&decompress=1", compressed.toByteArray()));
        assertEquals("3\n", ok(get(READER, "database=" + DB + "&" + q("SELECT sum(n) FROM compressed_visits WHERE commune = 'Xã Compressed'"))).body());
    }

    private static byte[] postBytesRaw(String user, String urlQuery) {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(urlQuery)).header("Authorization", basic(user))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }
}
