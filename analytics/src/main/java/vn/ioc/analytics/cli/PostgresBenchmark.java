package vn.ioc.analytics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.comparison.PostgresCluster;
import vn.ioc.analytics.comparison.PostgresComparison;
import vn.ioc.analytics.comparison.QueryComparison;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * {@code ioc bench postgres}: the national-scale facts of {@code ioc bench analytics} copied into a PostgreSQL from
 * Debian's packages on loopback, with indexes, and the dashboard's query set run on both, turn about.
 */
@Command(name = "postgres", mixinStandardHelpOptions = true,
        description = "The dashboard's queries on ClickHouse and on PostgreSQL over the same national-scale facts "
                + "(targets: p95 <= 50 ms on ClickHouse, at least 10x faster than PostgreSQL).")
public final class PostgresBenchmark implements Runnable {
    public static final double TARGET_MS = 50;
    public static final double TARGET_RATIO = 10;

    @Option(names = "--runs", description = "timed runs of each query on each side after 3 warm-up runs (default: ${DEFAULT-VALUE})", defaultValue = "40")
    int runs;

    @Option(names = "--keep", description = "keep the benchmark's warehouse in this folder, or reuse the one kept there")
    Path keep;

    @Override
    public void run() {
        NationalWarehouse.serve(keep, "postgres", server -> {
            NationalWarehouse.prepare(server, System.out);
            try (PostgresCluster postgres = PostgresCluster.start(System.out::println);
                 Connection clickHouse = server.connection(WarehouseUsers.READER, "ioc").open();
                 Connection writer = server.connection(WarehouseUsers.WRITER, "ioc").open();
                 Connection postgresConnection = postgres.open()) {
                print(PostgresComparison.run(clickHouse, writer, postgresConnection, runs, System.out::println), postgres.version(), runs, System.out);
            }
        });
    }

    /** Prints the comparison with its targets. */
    public static void print(PostgresComparison.Outcome outcome, String postgresVersion, int runs, PrintStream out) {
        out.printf(Locale.ROOT, "queries: month %s, province %s; %d timed runs on each side after 3 warm-up runs, ClickHouse and PostgreSQL "
                + "%s in turn, through their JDBC drivers (ms)%n", outcome.month().toString().substring(0, 7), outcome.province(), runs, postgresVersion);
        out.printf(Locale.ROOT, "%-62s %6s %8s %8s %8s %8s %8s %8s %8s%n", "query", "rows", "CH p50", "CH p95", "CH p99", "PG p50", "PG p95", "PG p99",
                "ratio");
        List<QueryComparison.Result> results = outcome.results();
        for (QueryComparison.Result result : results) {
            out.printf(Locale.ROOT, "%-62s %6d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %7.1fx%s%s%n", result.query(), result.rows(),
                    result.clickHouse().percentile(0.5), result.clickHouse().percentile(0.95), result.clickHouse().percentile(0.99),
                    result.postgres().percentile(0.5), result.postgres().percentile(0.95), result.postgres().percentile(0.99), result.ratio(),
                    result.clickHouse().percentile(0.95) > TARGET_MS ? "  over 50 ms" : "",
                    result.difference().isEmpty() ? "" : "  ANSWERS DIFFER: " + result.difference());
        }
        long slow = results.stream().filter(result -> result.clickHouse().percentile(0.95) > TARGET_MS).count();
        long close = results.stream().filter(result -> result.ratio() < TARGET_RATIO).count();
        double worst = results.stream().mapToDouble(result -> result.clickHouse().percentile(0.95)).max().orElse(0);
        double least = results.stream().mapToDouble(QueryComparison.Result::ratio).min().orElse(0);
        out.printf(Locale.ROOT, "target ClickHouse p95 <= %.0f ms: %s (%d of %d over; worst %.1f ms)%n", TARGET_MS, slow == 0 ? "met" : "MISSED", slow,
                results.size(), worst);
        out.printf(Locale.ROOT, "target >= %.0fx faster than PostgreSQL: %s (%d of %d below; least %.1fx)%n", TARGET_RATIO, close == 0 ? "met" : "MISSED",
                close, results.size(), least);
    }
}
