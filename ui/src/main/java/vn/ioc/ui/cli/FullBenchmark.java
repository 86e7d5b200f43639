package vn.ioc.ui.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.cli.NationalWarehouse;
import vn.ioc.analytics.cli.PostgresBenchmark;
import vn.ioc.warehouse.cli.ChildJvm;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ioc bench all}: the whole product at national scale on this machine, step by step (ingest of generated
 * extracts; the dashboard's queries on ClickHouse and on PostgreSQL over the same facts; the dashboard's views, then
 * its load of many sessions), each step's figures printed as it goes and gathered into a Markdown report with a chart.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Every benchmark at national scale (ingest, ClickHouse against PostgreSQL, the dashboard's views and its load), "
                + "written up as a Markdown report with a chart in a results folder.")
final class FullBenchmark implements Callable<Integer> {
    @Option(names = "--provinces", split = ",",
            description = "ingest only these provinces' national-scale extracts (the whole country takes hours on 2 cores; the report extrapolates)")
    List<String> provinces = List.of();

    @Option(names = "--skip-ingest", description = "leave the ingest step out")
    boolean skipIngest;

    @Option(names = "--runs", description = "timed runs of each query on each database (default: ${DEFAULT-VALUE})", defaultValue = "40")
    int runs;

    @Option(names = "--view-runs", description = "visits of each view in a single session (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int viewRuns;

    @Option(names = "--sessions", description = "concurrent dashboard sessions of the load (as `bench load`; default: ${DEFAULT-VALUE})", defaultValue = "100")
    int sessions;

    @Option(names = "--seconds", description = "how long the load's sessions go on (default: ${DEFAULT-VALUE})", defaultValue = "300")
    int seconds;

    @Option(names = "--results", description = "folder the report goes into (default: results/<date-time>)")
    Path results;

    @Option(names = "--keep", description = "keep the national warehouse in this folder, and reuse it when it is there")
    Path keep;

    @Override
    public Integer call() throws Exception {
        Path folder = results != null ? results
                : Path.of("results", LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")));
        Files.createDirectories(folder);
        NationalReport report = new NationalReport(folder);
        if (!skipIngest) {
            List<String> arguments = new ArrayList<>(List.of("bench", "ingest", "--scale", "national"));
            if (!provinces.isEmpty()) {
                arguments.addAll(List.of("--provinces", String.join(",", provinces)));
            }
            report.ingest(provinces, ChildJvm.run(arguments, Map.of()));
        }
        NationalWarehouse.serve(keep, "all", server -> {
            report.facts(captured(() -> {
                NationalWarehouse.prepare(server, System.out);
                return null;
            }).printed());
            report.queries(PostgresBenchmark.compare(server, keep, runs, PostgresBenchmark.WARM_UP, System.out), runs);
            UiBenchmark views = new UiBenchmark();
            views.runs = viewRuns;
            Captured<Object> timed = captured(() -> {
                views.measure(server);
                return null;
            });
            // Last: it pins this JVM to one core.
            LoadBenchmark load = new LoadBenchmark();
            load.sessions = sessions;
            load.seconds = seconds;
            load.think = 5;
            load.capacitySeconds = 60;
            load.warmUpSeconds = 60;
            Captured<LoadBenchmark.Outcome> loaded = captured(() -> load.measure(server));
            report.dashboard(timed.printed(), loaded.printed(), loaded.value());
        });
        Path written = report.write();
        System.out.println("report: " + written.toAbsolutePath());
        return 0;
    }

    /** What a step returned and what it printed. */
    private record Captured<T>(T value, String printed) {
    }

    /** Runs a step with what it prints both shown and kept. */
    private static <T> Captured<T> captured(Callable<T> step) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                kept.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                console.write(bytes, offset, length);
                kept.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            T value = step.call();
            System.out.flush();
            return new Captured<>(value, kept.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }
}
