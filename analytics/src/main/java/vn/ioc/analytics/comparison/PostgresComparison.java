package vn.ioc.analytics.comparison;

import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.analytics.quality.DataQuality;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The warehouse's facts copied into PostgreSQL, then the dashboard's query set run on both for the last month of the
 * facts and the province with the most communes (where the dashboard works hardest).
 */
public final class PostgresComparison {
    private PostgresComparison() {
    }

    /** Every dashboard query within this p95 on ClickHouse. */
    public static final double TARGET_MS = 50;
    /** ClickHouse at least this many times faster than PostgreSQL at p95 on the scans of the facts. */
    public static final double TARGET_RATIO = 10;
    /** A KPI-store read asked of ClickHouse (not kept), at p95. */
    public static final double FIRST_READ_MS = 10;
    /** A KPI-store read as the dashboard reads it once kept, at p95 (and never slower than PostgreSQL). */
    public static final double KEPT_READ_MS = 1;

    /**
     * @param postgresVersion and {@code clickHouseVersion}: as each server says, without the compiler PostgreSQL names
     * @param floor           {@code SELECT 1} on both: what any query costs, through each driver and server
     */
    public record Outcome(String clickHouseVersion, String postgresVersion, List<FactCopy.Copied> copied, LocalDate month, String province,
                          List<QueryComparison.Result> results, QueryComparison.Result floor) {
        public Outcome {
            copied = List.copyOf(copied);
            results = List.copyOf(results);
        }

        /** The same measurements, with the facts' copy that preceded them. */
        public Outcome withCopied(List<FactCopy.Copied> facts) {
            return new Outcome(clickHouseVersion, postgresVersion, facts, month, province, results, floor);
        }

        /** Queries over {@link #TARGET_MS} at p95 on ClickHouse. */
        public long slow() {
            return results.stream().filter(QueryComparison.Result::slow).count();
        }

        /** Scans of the facts less than {@link #TARGET_RATIO} times faster on ClickHouse. */
        public long close() {
            return results.stream().filter(QueryComparison.Result::close).count();
        }

        public long scans() {
            return scansOfFacts().count();
        }

        /** KPI-store reads that miss their targets ({@link QueryComparison.Result#storeMissed}). */
        public long storeMissed() {
            return results.stream().filter(QueryComparison.Result::storeMissed).count();
        }

        public long storeReads() {
            return results.size() - scans();
        }

        public double worstClickHouseP95() {
            return results.stream().mapToDouble(result -> result.clickHouse().percentile(0.95)).max().orElse(0);
        }

        /** The least ratio among the scans of the facts. */
        public double leastRatio() {
            return scansOfFacts().mapToDouble(QueryComparison.Result::ratio).min().orElse(0);
        }

        /** The slowest KPI-store read asked of ClickHouse, and as kept, at p95. */
        public double worstFirstRead() {
            return results.stream().filter(result -> result.query().store()).mapToDouble(result -> result.clickHouse().percentile(0.95)).max().orElse(0);
        }

        public double worstKeptRead() {
            return results.stream().flatMap(result -> result.kept().stream()).mapToDouble(times -> times.percentile(0.95)).max().orElse(0);
        }

        private Stream<QueryComparison.Result> scansOfFacts() {
            return results.stream().filter(result -> !result.query().store());
        }
    }

    /**
     * @param clickHouse the warehouse as the dashboard reads it
     * @param writer     the warehouse as a writer, which may read its system tables and stream whole tables out
     * @param warmUp     how long {@code SELECT 1} goes to both in turn before anything is timed: the drivers' and the
     *                   warehouse server's code compiled, as in a dashboard that runs all day
     */
    public static Outcome run(Connection clickHouse, Connection writer, Connection postgres, int runs, Duration warmUp, Consumer<String> progress)
            throws SQLException {
        return time(clickHouse, postgres, copy(writer, postgres, progress), runs, warmUp, progress);
    }

    /** Copies the warehouse's facts into PostgreSQL, indexed and analysed, unless an earlier run did. */
    public static List<FactCopy.Copied> copy(Connection writer, Connection postgres, Consumer<String> progress) throws SQLException {
        FactCopy copy = new FactCopy(writer, postgres);
        List<FactCopy.Copied> copied = new ArrayList<>();
        for (FactCopy.Table table : DashboardQueries.TABLES) {
            FactCopy.Copied done = copy.copy(table);
            copied.add(done);
            progress.accept(done.reused() ? String.format(Locale.ROOT, "postgres: %s, %,d rows, copied by an earlier run", done.table(), done.rows())
                    : String.format(Locale.ROOT, "postgres: %s, %,d rows copied in %.1f s, indexed and analysed in %.1f s", done.table(),
                    done.rows(), done.copySeconds(), done.indexSeconds()));
        }
        return copied;
    }

    /** Runs the query set on both, the facts {@code copied} already, after {@code warmUp} of {@code SELECT 1} on both in turn. */
    public static Outcome time(Connection clickHouse, Connection postgres, List<FactCopy.Copied> copied, int runs, Duration warmUp,
                               Consumer<String> progress) throws SQLException {
        LocalDate month;
        String province;
        try (ResultSet last = clickHouse.createStatement().executeQuery("SELECT max(period) FROM population_facts");
             ResultSet largest = clickHouse.createStatement().executeQuery(
                     "SELECT province_code FROM communes GROUP BY province_code ORDER BY count() DESC, province_code LIMIT 1")) {
            last.next();
            largest.next();
            month = last.getObject(1, LocalDate.class);
            province = largest.getString(1);
        }
        // The dashboard keeps answers by the build the warehouse reports (an ingest, a KPI-store build).
        DataFreshness build = new DataQuality(clickHouse).freshness();
        QueryComparison comparison = new QueryComparison(clickHouse, postgres);
        progress.accept("warming up: SELECT 1 on both in turn for " + warmUp.toSeconds() + " s");
        warmUp(List.of(clickHouse, postgres), warmUp);
        QueryComparison.Result floor = comparison.compare(new DashboardQueries.Query("SELECT 1", "SELECT 1", List.of()), runs, build);
        List<QueryComparison.Result> results = new ArrayList<>();
        for (DashboardQueries.Query query : DashboardQueries.of(month, province)) {
            results.add(comparison.compare(query, runs, build));
        }
        return new Outcome(version(clickHouse), version(postgres), copied, month, province, results, floor);
    }

    private static void warmUp(List<Connection> connections, Duration length) throws SQLException {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            for (Connection connection : connections) {
                try (Statement statement = connection.createStatement(); ResultSet one = statement.executeQuery("SELECT 1")) {
                    one.next();
                }
            }
        }
    }

    private static String version(Connection connection) throws SQLException {
        try (ResultSet version = connection.createStatement().executeQuery("SELECT version()")) {
            version.next();
            return version.getString(1).replaceAll(" on .*", "");
        }
    }
}
