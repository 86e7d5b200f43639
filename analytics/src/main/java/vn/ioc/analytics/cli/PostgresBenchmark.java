package vn.ioc.analytics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.comparison.FactCopy;
import vn.ioc.analytics.comparison.PostgresCluster;
import vn.ioc.analytics.comparison.PostgresComparison;
import vn.ioc.analytics.comparison.QueryComparison;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.process.Cores;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code ioc bench postgres}: the national-scale facts of {@code ioc bench analytics} copied into a PostgreSQL from
 * Debian's packages on loopback, with indexes, and the dashboard's query set run on both, turn about.
 */
@Command(name = "postgres", mixinStandardHelpOptions = true,
        description = "The dashboard's queries on ClickHouse and on PostgreSQL over the same national-scale facts "
                + "(targets: p95 <= 50 ms on ClickHouse, at least 10x faster than PostgreSQL).")
public final class PostgresBenchmark implements Runnable {
    @Option(names = "--runs", description = "timed runs of each query on each side after 3 warm-up runs (default: ${DEFAULT-VALUE}; a query "
            + "whose runs pass 2 minutes in all warms up no more and stops after 5)", defaultValue = "40")
    int runs;

    /** What {@code --warm-up-seconds} is when not given. */
    public static final Duration WARM_UP = Duration.ofSeconds(30);

    @Option(names = "--warm-up-seconds", description = "SELECT 1 on both in turn before anything is timed (default: ${DEFAULT-VALUE})")
    long warmUpSeconds = WARM_UP.toSeconds();

    @Option(names = "--keep", description = "keep the benchmark's warehouse in this folder, and the PostgreSQL with its copy of the facts "
            + "in its postgres folder; or reuse those kept there")
    Path keep;

    @Override
    public void run() {
        NationalWarehouse.serve(keep, "postgres", server -> {
            NationalWarehouse.prepare(server, System.out);
            compare(server, keep, runs, Duration.ofSeconds(warmUpSeconds), System.out);
        });
    }

    /**
     * Starts a PostgreSQL (kept in {@code keep}'s postgres folder when {@code keep} is given), copies the warehouse's facts
     * into it unless it holds them, then runs the query set on both and prints the comparison with its targets. The
     * timed part puts both servers on core 0 (this JVM, which embeds the warehouse, and PostgreSQL's processes) and the
     * client that times them in a JVM of its own on the last core ({@link PostgresBenchmarkClient}): a client must not
     * share the servers' core. On one core, or without {@code taskset}, the client runs in this JVM.
     */
    public static PostgresComparison.Outcome compare(WarehouseServer server, Path keep, int runs, Duration warmUp, PrintStream out)
            throws Exception {
        try (PostgresCluster postgres = keep == null ? PostgresCluster.start(out::println) : PostgresCluster.startKept(keep.resolve("postgres"), out::println)) {
            WarehouseConnection reader = server.connection(WarehouseUsers.READER, "ioc");
            List<FactCopy.Copied> copied;
            try (Connection writer = server.connection(WarehouseUsers.WRITER, "ioc").open(); Connection postgresConnection = postgres.open()) {
                copied = PostgresComparison.copy(writer, postgresConnection, out::println);
            }
            List<ProcessHandle> servers = List.of(postgres.server());
            OptionalInt clientCore = Cores.pinServers(servers);
            try {
                if (clientCore.isEmpty()) {
                    out.println("one core only (or no taskset): the servers and the client share the machine");
                    try (Connection clickHouse = reader.open(); Connection postgresConnection = postgres.open()) {
                        return time(clickHouse, postgresConnection, copied, runs, warmUp, out);
                    }
                }
                out.println("servers (ClickHouse in this JVM, PostgreSQL) on core 0, the client timing them on core " + clientCore.getAsInt()
                        + " in a JVM of its own");
                return PostgresBenchmarkClient.run(clientCore.getAsInt(), reader, postgres, runs, warmUp).withCopied(copied);
            } finally {
                Cores.unpinServers(servers);
            }
        }
    }

    /** Runs the query set on both and prints the comparison with its targets. */
    static PostgresComparison.Outcome time(Connection clickHouse, Connection postgres, List<FactCopy.Copied> copied, int runs, Duration warmUp,
                                           PrintStream out) throws SQLException {
        PostgresComparison.Outcome outcome = PostgresComparison.time(clickHouse, postgres, copied, runs, warmUp, out::println);
        print(outcome, runs, out);
        return outcome;
    }

    /** Prints the comparison with its targets. */
    private static void print(PostgresComparison.Outcome outcome, int runs, PrintStream out) {
        out.printf(Locale.ROOT, "queries: month %s, province %s; %d timed runs on each side after 3 warm-up runs, ClickHouse %s and %s "
                + "in turn, through their JDBC drivers (ms); a KPI-store read also as the dashboard reads it once kept (kept p95)%n",
                outcome.month().toString().substring(0, 7), outcome.province(), runs, outcome.clickHouseVersion(), outcome.postgresVersion());
        out.printf(Locale.ROOT, "%-62s %6s %8s %8s %8s %8s %8s %8s %8s %9s%n", "query", "rows", "CH p50", "CH p95", "CH p99", "PG p50", "PG p95", "PG p99",
                "ratio", "kept p95");
        for (QueryComparison.Result result : outcome.results()) {
            int timed = result.clickHouse().sorted().size();
            out.println(line(result) + (result.slow() ? "  over 50 ms" : "") + (timed < runs ? "  (" + timed + " runs: over 2 min in all)" : "")
                    + (result.difference().isEmpty() ? "" : "  ANSWERS DIFFER: " + result.difference()));
        }
        out.println(line(outcome.floor()) + "  (what any query costs)");
        out.printf(Locale.ROOT, "target ClickHouse p95 <= %.0f ms: %s (%d of %d over; worst %.1f ms)%n", PostgresComparison.TARGET_MS,
                outcome.slow() == 0 ? "met" : "MISSED", outcome.slow(), outcome.results().size(), outcome.worstClickHouseP95());
        out.printf(Locale.ROOT, "target scans of the facts >= %.0fx faster than PostgreSQL: %s (%d of %d below; least %.1fx)%n",
                PostgresComparison.TARGET_RATIO, outcome.close() == 0 ? "met" : "MISSED", outcome.close(), outcome.scans(), outcome.leastRatio());
        out.printf(Locale.ROOT, "target KPI-store reads first p95 <= %.0f ms, kept p95 <= %.0f ms and not slower than PostgreSQL: %s (%d of %d miss; "
                        + "worst first %.1f ms, worst kept %.3f ms)%n", PostgresComparison.FIRST_READ_MS, PostgresComparison.KEPT_READ_MS,
                outcome.storeMissed() == 0 ? "met" : "MISSED", outcome.storeMissed(), outcome.storeReads(), outcome.worstFirstRead(), outcome.worstKeptRead());
    }

    private static String line(QueryComparison.Result result) {
        return String.format(Locale.ROOT, "%-62s %6d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %7.1fx %9s", result.query().name(), result.rows(),
                result.clickHouse().percentile(0.5), result.clickHouse().percentile(0.95), result.clickHouse().percentile(0.99),
                result.postgres().percentile(0.5), result.postgres().percentile(0.95), result.postgres().percentile(0.99), result.ratio(),
                result.kept().map(times -> String.format(Locale.ROOT, "%.3f", times.percentile(0.95))).orElse(""));
    }
}
