package vn.ioc.ui.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.cli.AnalyticsBenchmark;
import vn.ioc.analytics.cli.NationalWarehouse;
import vn.ioc.ui.base.ViewBuildTimes;
import vn.ioc.warehouse.files.IocCache;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ioc bench ui}: the dashboard over national-scale facts, driven by headless chromium through every view; prints
 * the server's build time per view (p50, p95) against the 150 ms target.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Time the dashboard's views at national scale (server-side build, p95 target 150 ms); needs chromium and npm.")
final class UiBenchmark implements Runnable {
    private static final double TARGET_MS = 150;
    private static final String PERIOD = "2026-10";
    private static final String PLAYWRIGHT = "playwright-core@1.65.1";

    @Option(names = "--runs", description = "visits of each view after one warm-up visit (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int runs;

    @Option(names = "--keep", description = "keep the national warehouse in this folder, and reuse it when it is there (as `bench analytics --keep`)")
    Path keep;

    @Override
    public void run() {
        NationalWarehouse.serve(keep, "ui", server -> {
            NationalWarehouse.prepare(server, System.out);
            measure(server);
        });
    }

    /** Times every view in one session (many sessions: {@code bench load}). */
    void measure(WarehouseServer server) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Dashboard.Options options = Dashboard.Options.local(server.connection(WarehouseUsers.READER, "ioc"), port, UiLauncher.sharedBoundaries());
        System.setProperty("ioc.view-build-times", "true");
        try (ConfigurableApplicationContext dashboard = Dashboard.start(options)) {
            List<String> locations = locations(server);
            Path driver = driver();
            drive(driver, port, 1, locations);
            ViewBuildTimes times = dashboard.getBean(ViewBuildTimes.class);
            times.drain();
            drive(driver, port, runs, locations);
            report(times.drain(), locations);
        } finally {
            System.clearProperty("ioc.view-build-times");
        }
    }

    /** The twelve views: the nation's and a province's overview, rankings (all communes, the 766 index), unit pages, map, quality, definitions. */
    static List<String> locations(WarehouseServer server) throws Exception {
        String commune;
        try (Connection connection = server.connection(WarehouseUsers.READER, "ioc").open();
             ResultSet first = connection.createStatement().executeQuery("SELECT min(code) FROM communes WHERE province_code = '79'")) {
            first.next();
            commune = first.getString(1);
        }
        return List.of("/?unit=VN&period=" + PERIOD, "/?unit=79&period=" + PERIOD,
                "/rankings?kpi=population.verified_rate&period=" + PERIOD,
                "/rankings?kpi=population.verified_rate&level=commune&scope=79&period=" + PERIOD,
                "/rankings?kpi=population.verified_rate&level=commune&scope=VN&period=" + PERIOD,
                "/rankings?kpi=index_766&period=" + PERIOD,
                "/province/79?kpi=vaccination.covid_primary_series&period=" + PERIOD,
                "/province/01?kpi=services.online_application_rate&period=" + PERIOD,
                "/commune/" + commune + "?kpi=population.verified_rate&period=" + PERIOD,
                "/map?kpi=population.verified_rate&period=" + PERIOD,
                "/quality?unit=VN&period=" + PERIOD,
                "/definitions");
    }

    /** The driver script beside playwright-core, fetched with npm into the cache folder once. */
    private static Path driver() throws Exception {
        Path home = IocCache.root().resolve("bench-ui");
        Files.createDirectories(home);
        if (!Files.isDirectory(home.resolve("node_modules/playwright-core"))) {
            run(home, List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", home.toString(), PLAYWRIGHT));
        }
        try (InputStream in = UiBenchmark.class.getResourceAsStream("/bench/drive.mjs")) {
            Files.write(home.resolve("drive.mjs"), in.readAllBytes());
        }
        return home.resolve("drive.mjs");
    }

    private static void drive(Path script, int port, int runs, List<String> locations) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script.toString(), "http://127.0.0.1:" + port, Integer.toString(runs)));
        command.addAll(locations);
        run(script.getParent(), command);
    }

    /** Runs a command to its end and returns what it printed. */
    static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ioc-bench-ui-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return output;
    }

    /** The times of the locations visited (signing in is not a view of the dashboard). */
    private static void report(Map<String, List<Double>> times, List<String> locations) {
        System.out.printf(Locale.ROOT, "%-90s %5s %9s %9s%n", "view (server-side build, BeforeEnter to AfterNavigation)", "runs", "p50 ms", "p95 ms");
        int over = 0;
        double worst = 0;
        int views = 0;
        for (String location : locations) {
            List<Double> sorted = times.getOrDefault(ViewBuildTimes.key(location), List.of()).stream().sorted().toList();
            if (sorted.isEmpty()) {
                throw new IllegalStateException("no build times were recorded for " + location);
            }
            views++;
            double p95 = AnalyticsBenchmark.percentile(sorted, 0.95);
            worst = Math.max(worst, p95);
            over += p95 > TARGET_MS ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-90s %5d %9.1f %9.1f%s%n", location, sorted.size(), AnalyticsBenchmark.percentile(sorted, 0.5), p95,
                    p95 > TARGET_MS ? "  over target" : "");
        }
        System.out.printf(Locale.ROOT, "%d views, worst p95 %.1f ms: %s (target: p95 <= %.0f ms each)%n", views, worst,
                over == 0 ? "all within target" : over + " over target", TARGET_MS);
    }
}
