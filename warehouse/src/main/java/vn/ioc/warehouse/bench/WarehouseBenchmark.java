package vn.ioc.warehouse.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.Access;
import vn.ioc.warehouse.engine.Engine;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.engine.Statement;
import vn.ioc.warehouse.server.ServerOptions;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code ioc bench warehouse}: what the HTTP interface and the JDBC driver cost over calling the engine
 * directly, measured side by side in one run on the same data, and how fast data goes in.
 */
@Command(name = "warehouse", mixinStandardHelpOptions = true,
        description = "Aggregate queries through JDBC vs direct engine calls (target: <= 5%% overhead, warm); "
                + "insert throughput through JDBC batches and FORMAT Parquet (target: >= 1 M rows/s).")
public final class WarehouseBenchmark implements Runnable {
    private static final List<String> QUERIES = List.of(
            "SELECT province, sum(n) FROM bench.facts GROUP BY province ORDER BY province",
            "SELECT commune, sum(n) AS total FROM bench.facts WHERE province = 'P07' GROUP BY commune ORDER BY total DESC LIMIT 20",
            "SELECT toStartOfMonth(day) AS month, sex, sum(n) FROM bench.facts GROUP BY month, sex ORDER BY month, sex",
            "SELECT province, age_band, avg(n), count() FROM bench.facts WHERE day >= '2026-01-01' GROUP BY province, age_band ORDER BY province, age_band",
            "SELECT province, rank() OVER (ORDER BY total DESC) FROM (SELECT province, sum(n) AS total FROM bench.facts GROUP BY province)");

    @Option(names = "--rows", description = "rows of facts to query (default: ${DEFAULT-VALUE})", defaultValue = "10000000")
    long rows;

    @Option(names = "--runs", description = "timed runs of each query per path (default: ${DEFAULT-VALUE})", defaultValue = "7")
    int runs;

    @Option(names = "--warm-up-seconds", description = "SELECT 1 over both paths before the warm measurements (default: ${DEFAULT-VALUE})",
            defaultValue = "30")
    long warmUpSeconds;

    @Option(names = "--insert-rows", description = "rows per insert measurement (default: ${DEFAULT-VALUE})", defaultValue = "2000000")
    long insertRows;

    @Override
    public void run() {
        try {
            Path data = Files.createTempDirectory("ioc-bench-warehouse-");
            try (WarehouseServer server = WarehouseServer.start(ServerOptions.defaults(data).withPort(0),
                    EngineLibrary.fromEnvironment(System.err::println).resolve(), System.err::println)) {
                measure(server);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        }
    }

    private void measure(WarehouseServer server) throws SQLException, IOException, InterruptedException {
        Engine engine = server.engine();
        engine.execute(Access.WRITE, Statement.of("CREATE DATABASE bench"));
        engine.execute(Access.WRITE, Statement.of(table("bench.facts")));
        long start = System.nanoTime();
        engine.execute(Access.WRITE, Statement.of("INSERT INTO bench.facts SELECT " + generated() + " FROM numbers(" + rows + ")"));
        System.out.printf(Locale.ROOT, "data: %,d rows of facts (34 provinces x 3,321 communes x 365 days x sex x age band), generated in %.1f s%n",
                rows, seconds(start));
        System.out.printf(Locale.ROOT, "engine: ClickHouse %s (chDB, embedded); %d cores; JDK %s%n%n", engine.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        WarehouseConnection reader = server.connection(WarehouseUsers.READER, "bench");
        String credentials = WarehouseUsers.READER + ":" + server.users().password(WarehouseUsers.READER);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(server.url() + "/?database=bench&compress=1&default_format=RowBinaryWithNamesAndTypes"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try (Connection connection = reader.open(); HttpClient client = HttpClient.newHttpClient()) {
            System.out.println("(a) aggregate queries, median of " + runs + " runs each: a direct engine call; the same query over the HTTP"
                    + " interface (RowBinaryWithNamesAndTypes, compress=1, as the driver asks); and through the JDBC driver");
            System.out.println("cold: the server and the client just started, their code not yet compiled by the JVM");
            aggregates(engine, connection, client, http, false);
            warmUp(connection, client, http);
            System.out.println("warm: after " + warmUpSeconds + " s of SELECT 1 over both paths, as a server that runs all day is"
                    + " (the target is read here)");
            aggregates(engine, connection, client, http, true);
        }
        pointReads(engine, reader);

        System.out.println("(b) inserts of " + String.format(Locale.ROOT, "%,d", insertRows) + " rows");
        WarehouseConnection writer = server.connection(WarehouseUsers.WRITER, "bench");
        engine.execute(Access.WRITE, Statement.of(table("bench.jdbc_insert")));
        double jdbcRate = jdbcBatchInsert(writer);
        System.out.printf(Locale.ROOT, "JDBC PreparedStatement batches:  %,12.0f rows/s%n", jdbcRate);
        engine.execute(Access.WRITE, Statement.of(table("bench.parquet_insert")));
        byte[] parquet = engine.execute(Access.READ, Statement.of("SELECT " + generated() + " FROM numbers(" + insertRows + ") FORMAT Parquet")).data();
        double parquetRate = parquetInsert(server, parquet);
        System.out.printf(Locale.ROOT, "HTTP INSERT ... FORMAT Parquet:  %,12.0f rows/s (%,d bytes of Parquet)   target >= 1,000,000 rows/s: %s%n",
                parquetRate, parquet.length, parquetRate >= 1_000_000 ? "met" : "MISSED by " + String.format(Locale.ROOT, "%,.0f rows/s", 1_000_000 - parquetRate));
    }

    /** The five aggregates over the three paths, runs interleaved; with {@code judged}, the total against the target. */
    private void aggregates(Engine engine, Connection connection, HttpClient client, HttpRequest.Builder http, boolean judged)
            throws SQLException, IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%-4s %10s %10s %10s %10s %10s%n", "q", "direct ms", "http ms", "jdbc ms", "http +%", "jdbc +%");
        double directTotal = 0;
        double httpTotal = 0;
        double jdbcTotal = 0;
        for (int q = 0; q < QUERIES.size(); q++) {
            String sql = QUERIES.get(q);
            HttpRequest request = http.copy().POST(HttpRequest.BodyPublishers.ofString(sql)).build();
            directQuery(engine, sql);
            httpQuery(client, request);
            jdbcQuery(connection, sql);
            double[] direct = new double[runs];
            double[] overHttp = new double[runs];
            double[] jdbc = new double[runs];
            for (int r = 0; r < runs; r++) {
                // Interleave the paths so that machine noise falls on all of them alike.
                direct[r] = directQuery(engine, sql);
                overHttp[r] = httpQuery(client, request);
                jdbc[r] = jdbcQuery(connection, sql);
            }
            double d = median(direct);
            double h = median(overHttp);
            double j = median(jdbc);
            directTotal += d;
            httpTotal += h;
            jdbcTotal += j;
            System.out.printf(Locale.ROOT, "Q%-3d %10.1f %10.1f %10.1f %9.1f%% %9.1f%%%n", q + 1, d, h, j, 100 * (h / d - 1), 100 * (j / d - 1));
        }
        double overhead = 100 * (jdbcTotal / directTotal - 1);
        System.out.printf(Locale.ROOT, "all  %10.1f %10.1f %10.1f %9.1f%% %9.1f%%%s%n%n", directTotal, httpTotal, jdbcTotal,
                100 * (httpTotal / directTotal - 1), overhead, !judged ? ""
                        : "   target (jdbc) <= 5%: " + (overhead <= 5 ? "met" : "MISSED by " + String.format(Locale.ROOT, "%.1f points", overhead - 5)));
    }

    /** {@code SELECT 1} over HTTP and JDBC in turn for {@link #warmUpSeconds}: the server's and the clients' code compiled. */
    private void warmUp(Connection connection, HttpClient client, HttpRequest.Builder http) throws SQLException, IOException, InterruptedException {
        HttpRequest request = http.copy().POST(HttpRequest.BodyPublishers.ofString("SELECT 1")).build();
        long end = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            httpQuery(client, request);
            jdbcQuery(connection, "SELECT 1");
        }
    }

    /**
     * One commune's figure for one day, as a drill-down asks it, and {@code SELECT 1}, each directly and through the
     * driver in turn: what the engine alone takes for them is the floor under any path.
     */
    private void pointReads(Engine engine, WarehouseConnection reader) throws SQLException {
        int reads = Math.max(200, runs * 30);
        String sql = "SELECT sum(n) FROM bench.facts WHERE province = 'P07' AND commune = 'C01234' AND day = '2026-03-01'";
        double[] direct = new double[reads];
        double[] jdbc = new double[reads];
        double[] directFloor = new double[reads];
        double[] jdbcFloor = new double[reads];
        try (Connection connection = reader.open(); PreparedStatement read = connection.prepareStatement(
                "SELECT sum(n) FROM facts WHERE province = ? AND commune = ? AND day = ?")) {
            read.setString(1, "P07");
            read.setString(2, "C01234");
            read.setObject(3, LocalDate.of(2026, 3, 1));
            for (int r = -20; r < reads; r++) {
                double d = directQuery(engine, sql);
                long start = System.nanoTime();
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    rows.getLong(1);
                }
                double j = millis(start);
                double floor = directQuery(engine, "SELECT 1");
                double jdbcOne = jdbcQuery(connection, "SELECT 1");
                if (r >= 0) {
                    direct[r] = d;
                    jdbc[r] = j;
                    directFloor[r] = floor;
                    jdbcFloor[r] = jdbcOne;
                }
            }
        }
        double p50 = median(jdbc);
        System.out.printf(Locale.ROOT, "(a') point reads, %d each after 20 to warm up: direct engine p50 %.2f ms; JDBC PreparedStatement p50 %.2f ms, p95 %.2f ms"
                        + "   target (jdbc p50) <= 2 ms: %s%n", reads, median(direct), p50, percentile(jdbc, 0.95),
                p50 <= 2 ? "met" : "MISSED by " + String.format(Locale.ROOT, "%.2f ms", p50 - 2));
        System.out.printf(Locale.ROOT, "     the floor, in turn with them: SELECT 1 direct engine p50 %.2f ms, JDBC p50 %.2f ms (the path: %.2f ms);"
                        + " the engine's point read alone is %.1fx the target%n%n", median(directFloor), median(jdbcFloor),
                median(jdbcFloor) - median(directFloor), median(direct) / 2);
    }

    private static String table(String name) {
        return "CREATE TABLE " + name + " (province LowCardinality(String), commune LowCardinality(String), day Date, "
                + "sex UInt8, age_band UInt8, n UInt32) ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY (province, commune, day)";
    }

    private static String generated() {
        return "concat('P', leftPad(toString(number % 34), 2, '0')) AS province, "
                + "concat('C', leftPad(toString(number % 3321), 5, '0')) AS commune, "
                + "toDate('2026-01-01') + intDiv(number, 3321) % 365 AS day, toUInt8(number % 2) AS sex, "
                + "toUInt8(number % 7) AS age_band, toUInt32(cityHash64(number) % 1000) AS n";
    }

    private static double directQuery(Engine engine, String sql) {
        long start = System.nanoTime();
        engine.execute(Access.READ, Statement.of(sql, "RowBinaryWithNamesAndTypes"));
        return millis(start);
    }

    private static double jdbcQuery(Connection connection, String sql) throws SQLException {
        long start = System.nanoTime();
        try (java.sql.Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
        return millis(start);
    }

    private static double httpQuery(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("query failed: " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return millis(start);
    }

    private double jdbcBatchInsert(WarehouseConnection writer) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = writer.open();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO jdbc_insert (province, commune, day, sex, age_band, n) VALUES (?, ?, ?, ?, ?, ?)")) {
            LocalDate first = LocalDate.of(2026, 1, 1);
            for (long i = 0; i < insertRows; i++) {
                insert.setString(1, "P" + (i % 34));
                insert.setString(2, "C" + (i % 3321));
                insert.setObject(3, first.plusDays((i / 3321) % 365));
                insert.setInt(4, (int) (i % 2));
                insert.setInt(5, (int) (i % 7));
                insert.setLong(6, i % 1000);
                insert.addBatch();
                if ((i + 1) % 100_000 == 0 || i + 1 == insertRows) {
                    insert.executeBatch();
                }
            }
        }
        return insertRows / seconds(start);
    }

    private double parquetInsert(WarehouseServer server, byte[] parquet) throws IOException, InterruptedException {
        String credentials = WarehouseUsers.WRITER + ":" + server.users().password(WarehouseUsers.WRITER);
        URI uri = URI.create(server.url() + "/?database=bench&query=" + URLEncoder.encode("INSERT INTO parquet_insert FORMAT Parquet", StandardCharsets.UTF_8));
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(parquet)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Parquet insert failed: " + response.body());
            }
        }
        return insertRows / seconds(start);
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
