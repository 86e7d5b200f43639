package vn.ioc.ui.wall;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.ingest.IngestJob;
import vn.ioc.ingest.spark.LocalSpark;
import vn.ioc.ingest.vaccination.VaccineSupplyPipeline;
import vn.ioc.ui.BrowserTest;
import vn.ioc.ui.DashboardTestData;
import vn.ioc.ui.Relay;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wall screen in a real browser against {@code ioc serve} in a child JVM, reached through a relay that can be cut: it
 * turns its slides; after an ingest and a KPI-store build it shows the new build and its "updated at" by server push,
 * within the wall's refresh interval ({@link WallView#REFRESH_INTERVAL}); cut off from the server during another
 * ingest, it shows that one as soon as it is reconnected; it keeps its picture while the server is down and comes back
 * by itself after a restart.
 */
class WallBrowserTest {
    /** What the browser script allows between the store's build (or the wall's reconnection) and the wall showing it. */
    private static final long BOUND_MILLIS = WallView.REFRESH_INTERVAL.toMillis();

    @Test
    void turnsShowsNewDataAndSurvivesARestart(@TempDir Path folder) throws Exception {
        AnalyticsFixture fixture = DashboardTestData.fixture();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path signals = Files.createDirectories(folder.resolve("signals"));
        List<String> arguments = List.of("--demo-users", "--port", Integer.toString(port), "--walls", Path.of("src/test/resources/walls.json").toAbsolutePath().toString(),
                "--device-key", folder.resolve("device.key").toString(), "--scenarios", folder.resolve("scenarios").toString());
        Process server = serve(arguments);
        Relay network = new Relay(port);
        Process browser = BrowserTest.startScript("wall.mjs", "http://127.0.0.1:" + network.port(), signals.toString() + "," + BOUND_MILLIS);
        try {
            await(signals.resolve("rotated"), browser);
            ingestAgain(fixture, folder, signals.resolve("ingested"));
            await(signals.resolve("updated"), browser);

            network.cut();
            await(signals.resolve("offline"), browser);
            ingestAgain(fixture, folder, signals.resolve("ingested-offline"));
            network.restore();
            Files.writeString(signals.resolve("reconnected"), Long.toString(System.currentTimeMillis()));
            await(signals.resolve("caught-up"), browser);

            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped");
            Files.writeString(signals.resolve("stopped"), "");
            server = serve(arguments);
            Files.writeString(signals.resolve("restarted"), "");
            assertTrue(browser.waitFor(300, TimeUnit.SECONDS), "the browser script finished");
            String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.err.println("wall test: " + output.strip());
            assertEquals(0, browser.exitValue(), output);
            assertTrue(output.contains("ok:"), output);
            for (String shot : List.of("11-wall-board", "12-wall-rotated", "12b-wall-alert", "13-wall-updated", "13b-wall-offline", "13c-wall-caught-up",
                    "14-wall-server-down", "15-wall-recovered")) {
                assertTrue(Files.size(BrowserTest.SHOTS.resolve(shot + ".png")) > 10_000, shot + " saved");
            }
        } finally {
            browser.destroyForcibly();
            network.close();
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Ingests the vaccine supply again and rebuilds the KPI store, then tells the script which build the wall must now
     * show (the store's {@code built_at}, as the wall's {@code data-built} gives it) and when it was done.
     */
    private static void ingestAgain(AnalyticsFixture fixture, Path folder, Path signal) throws Exception {
        SparkSession spark = LocalSpark.session("wall-test");
        try {
            new IngestJob(spark, fixture.writer, folder.resolve("quarantine"), message -> { })
                    .run(new VaccineSupplyPipeline(), fixture.extracts, AnalyticsFixture.PERIOD, AnalyticsFixture.AS_OF);
        } finally {
            spark.stop();
        }
        fixture.refreshStore();
        Instant built;
        try (Connection connection = fixture.writer.open(); ResultSet row = connection.createStatement()
                .executeQuery("SELECT toUnixTimestamp64Milli(max(built_at)) FROM kpi_store_state")) {
            row.next();
            built = Instant.ofEpochMilli(row.getLong(1));
        }
        System.err.println("wall test: ingested and store built at " + built + "; told the browser at " + Instant.now());
        Files.writeString(signal, built + "\n" + System.currentTimeMillis());
    }

    /** Waits for the script's signal; fails at once if the script has failed. */
    private static void await(Path signal, Process browser) throws Exception {
        for (int i = 0; i < 1200 && !Files.exists(signal); i++) {
            if (!browser.isAlive()) {
                throw new AssertionError("the browser script stopped before " + signal.getFileName() + ":\n"
                        + new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            Thread.sleep(250);
        }
        assertTrue(Files.exists(signal), "no " + signal.getFileName() + " from the browser script within 5 minutes");
    }

    /** {@code ioc serve} in a child JVM over the fixture's warehouse, once it says it is ready. */
    private static Process serve(List<String> arguments) throws Exception {
        Process server = DashboardTestData.serve(arguments);
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("ready")) {
            seen.append(line).append('\n');
        }
        assertTrue(line != null, "the dashboard started:\n" + seen);
        Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> { }));
        return server;
    }
}
