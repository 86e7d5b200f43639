package vn.ioc.analytics.comparison;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The warehouse's facts copied into PostgreSQL, then the dashboard's query set run on both for the last month of the
 * facts and the province with the most communes (where the dashboard works hardest).
 */
public final class PostgresComparison {
    private PostgresComparison() {
    }

    /** Every dashboard query within this p95 on ClickHouse. */
    public static final double TARGET_MS = 50;
    /** ClickHouse at least this many times faster than PostgreSQL at p95. */
    public static final double TARGET_RATIO = 10;

    /** @param postgresVersion and {@code clickHouseVersion}: as each server says, without the compiler PostgreSQL names */
    public record Outcome(String clickHouseVersion, String postgresVersion, List<FactCopy.Copied> copied, LocalDate month, String province,
                          List<QueryComparison.Result> results) {
        public Outcome {
            copied = List.copyOf(copied);
            results = List.copyOf(results);
        }

        /** Queries over {@link #TARGET_MS} at p95 on ClickHouse. */
        public long slow() {
            return results.stream().filter(QueryComparison.Result::slow).count();
        }

        /** Queries less than {@link #TARGET_RATIO} times faster on ClickHouse. */
        public long close() {
            return results.stream().filter(result -> result.ratio() < TARGET_RATIO).count();
        }

        public double worstClickHouseP95() {
            return results.stream().mapToDouble(result -> result.clickHouse().percentile(0.95)).max().orElse(0);
        }

        public double leastRatio() {
            return results.stream().mapToDouble(QueryComparison.Result::ratio).min().orElse(0);
        }
    }

    /**
     * @param clickHouse the warehouse as the dashboard reads it
     * @param writer     the warehouse as a writer, which may read its system tables and stream whole tables out
     */
    public static Outcome run(Connection clickHouse, Connection writer, Connection postgres, int runs, Consumer<String> progress) throws SQLException {
        FactCopy copy = new FactCopy(writer, postgres);
        List<FactCopy.Copied> copied = new ArrayList<>();
        for (FactCopy.Table table : DashboardQueries.TABLES) {
            FactCopy.Copied done = copy.copy(table);
            copied.add(done);
            progress.accept(String.format(Locale.ROOT, "postgres: %s, %,d rows copied in %.1f s, indexed and analysed in %.1f s", done.table(),
                    done.rows(), done.copySeconds(), done.indexSeconds()));
        }
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
        QueryComparison comparison = new QueryComparison(clickHouse, postgres);
        List<QueryComparison.Result> results = new ArrayList<>();
        for (DashboardQueries.Query query : DashboardQueries.of(month, province)) {
            results.add(comparison.compare(query, runs));
        }
        return new Outcome(version(clickHouse), version(postgres), copied, month, province, results);
    }

    private static String version(Connection connection) throws SQLException {
        try (ResultSet version = connection.createStatement().executeQuery("SELECT version()")) {
            version.next();
            return version.getString(1).replaceAll(" on .*", "");
        }
    }
}
