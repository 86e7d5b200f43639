package vn.ioc.distribution;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tarball as an operator installs it: unpacked into a folder of its own, far from the source checkout, its launcher
 * says its version, finds every module's commands, and starts the embedded warehouse, which answers; no WARN on the way.
 */
class TarballIT {
    @TempDir
    static Path installed;
    private static Path home;

    @BeforeAll
    static void unpack() throws IOException {
        Path tarball = Path.of(System.getProperty("ioc.tarball"));
        assertTrue(Files.isRegularFile(tarball), "built by `./mvnw package`: " + tarball);
        try (InputStream file = Files.newInputStream(tarball); TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = installed.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(installed), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        home = installed.resolve("ioc-" + System.getProperty("ioc.version"));
    }

    /** Runs {@code bin/ioc arguments...} from a working folder outside the installation. */
    private static Process launch(String... arguments) throws IOException {
        return launch(Map.of(), arguments);
    }

    private static Process launch(Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/ioc").toString()));
        command.addAll(List.of(arguments));
        Path work = Files.createDirectories(installed.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Reads what a process prints, line by line, until a line matches; that match (or a failure naming what was printed). */
    private static Matcher awaitLine(BufferedReader lines, List<String> printed, Pattern wanted) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            printed.add(line);
            Matcher match = wanted.matcher(line);
            if (match.find()) {
                return match;
            }
        }
        throw new AssertionError("ended without printing " + wanted + ":\n" + String.join("\n", printed));
    }

    /** Lines a normal run must not print: the logs' warnings and errors, the JVM's warnings. */
    private static void assertQuiet(List<String> printed) {
        List<String> loud = printed.stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("WARNING")).toList();
        assertTrue(loud.isEmpty(), "warnings in a normal run:\n" + String.join("\n", loud));
    }

    private static String run(String... arguments) throws Exception {
        Process process = launch(arguments);
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "ioc " + String.join(" ", arguments) + " ended");
        assertEquals(0, process.exitValue(), printed);
        return printed;
    }

    @Test
    void holdsTheLauncherTheJarsTheConfigurationAndTheDocs() {
        for (String part : List.of("bin/ioc", "bin/jdk.sh", "conf/jvm-flags", "conf/ioc.env", "lib/classpath", "README.md", "docs/operations.md")) {
            assertTrue(Files.isRegularFile(home.resolve(part)), part);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/ioc")));
        for (String module : List.of("warehouse", "datasets", "ingest", "analytics", "ui")) {
            assertTrue(Files.isRegularFile(home.resolve("lib/ioc-" + module + "-" + System.getProperty("ioc.version") + ".jar")), module);
        }
    }

    @Test
    void saysItsVersionAndFindsEveryModulesCommands() throws Exception {
        assertEquals("ioc " + System.getProperty("ioc.version"), run("--version").strip());
        String help = run("--help");
        for (String command : List.of("demo", "warehouse", "generate", "ingest", "analytics", "serve")) {
            assertTrue(Pattern.compile("^\\s+" + command + "\\b", Pattern.MULTILINE).matcher(help).find(), command + " in:\n" + help);
        }
    }

    /** The embedded warehouse starts and answers; with {@code IOC_LOG_FORMAT=json} its log lines (a refusal here) are JSON. */
    @Test
    void startsTheEmbeddedWarehouseLoggingJson() throws Exception {
        Path data = installed.resolve("warehouse-data");
        Process warehouse = launch(Map.of("IOC_LOG_FORMAT", "json"), "warehouse", "start", "--data", data.toString(), "--port", "0");
        List<String> printed = new ArrayList<>();
        try {
            URI url = URI.create(awaitLine(warehouse.inputReader(StandardCharsets.UTF_8), printed, Pattern.compile("^ready: (http://\\S+)")).group(1));
            HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/ping")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("Ok.\n", ping.body());
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/?query=SELECT%201&user=ioc_reader&password=guess")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String refusal = awaitLine(warehouse.inputReader(StandardCharsets.UTF_8), printed, Pattern.compile("^\\{.*refused ioc_reader.*$")).group();
            assertTrue(refusal.contains("\"log.level\":\"WARN\"") && refusal.contains("\"@timestamp\"") && refusal.endsWith("}"), refusal);
        } finally {
            warehouse.destroy();
            assertTrue(warehouse.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
        }
        assertTrue(Files.isDirectory(data), "its data folder");
    }

    /**
     * {@code bin/ioc demo} on the tests' tiny extracts (put where the demo looks for its own, so that it loads them
     * instead of generating a 1 % sample): the whole product comes up, a monitor sees it ready, an admin's scrape holds
     * the metrics of what it did, and nothing it printed on the way was a warning.
     */
    @Test
    void theDemoComesUpReadyWithItsMetricsAndWithoutAWarning() throws Exception {
        assertQuiet(run("generate", "--scale", "tiny", "--out", "var/extracts").lines().toList());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process demo = launch(Map.of("IOC_DASHBOARD_PORT", Integer.toString(port)), "demo", "--port", "0", "--data", "var/clickhouse");
        List<String> printed = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        URI dashboard = URI.create("http://127.0.0.1:" + port);
        try {
            BufferedReader lines = demo.inputReader(StandardCharsets.UTF_8);
            awaitLine(lines, printed, Pattern.compile("^Stop with Ctrl-C"));
            Thread printing = Thread.ofVirtual().start(() -> lines.lines().forEach(printed::add));

            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(dashboard.resolve("/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            for (int tries = 0; ready.statusCode() != 200 && tries < 60; tries++) {
                Thread.sleep(1000);
                ready = http.send(HttpRequest.newBuilder(dashboard.resolve("/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(200, ready.statusCode(), ready.body());

            String admin = "Basic " + Base64.getEncoder().encodeToString("quantri:demo-quantri".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(dashboard.resolve("/api/kpis")).header("Authorization", admin).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), api.body());
            String metrics = http.send(HttpRequest.newBuilder(dashboard.resolve("/actuator/prometheus")).header("Authorization", admin).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String metric : List.of("ioc_ingest_last_run_rows_read{source=\"population_registry\"}", "ioc_ingest_last_success_timestamp_seconds{",
                    "ioc_dashboard_warehouse_query_seconds_count{kind=\"catalogue\"", "http_server_requests_seconds_count{", "ioc_dashboard_wall_screens ",
                    "tomcat_sessions_active_current_sessions ")) {
                assertTrue(metrics.contains(metric), metric + " in:\n" + metrics);
            }
            demo.destroy();
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
            printing.join(Duration.ofSeconds(10));
        } finally {
            demo.destroyForcibly();
        }
        assertQuiet(printed);
    }
}
