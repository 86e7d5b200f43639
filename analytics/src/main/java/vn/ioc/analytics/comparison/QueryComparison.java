package vn.ioc.analytics.comparison;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.ioc.analytics.service.KeptAnswers;

/**
 * Runs each query on ClickHouse and on PostgreSQL in turn, run after run, so that both see the same moments of a
 * shared machine; times each from sending it to having read every row, and checks that both answer the same.
 */
public final class QueryComparison {
    private static final int WARM_UP = 3;
    /**
     * A query whose runs have taken this long in all (PostgreSQL scans the facts for a minute and more) warms up no more
     * and stops after {@link #FEWEST_RUNS} timed runs.
     */
    private static final long BUDGET_NANOS = 120_000_000_000L;
    private static final int FEWEST_RUNS = 5;
    /** Rates are computed in floating point on one side and in exact decimals on the other. */
    private static final MathContext SIGNIFICANT = new MathContext(9);

    private final Connection clickHouse;
    private final Connection postgres;

    public QueryComparison(Connection clickHouse, Connection postgres) {
        this.clickHouse = clickHouse;
        this.postgres = postgres;
    }

    /** Times in milliseconds, sorted. */
    public record Times(List<Double> sorted) {
        public Times {
            sorted = sorted.stream().sorted().toList();
        }

        /** The nearest-rank percentile. */
        public double percentile(double p) {
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /**
     * One query's times on both sides; {@code difference} says where the answers differ, empty when they agree;
     * {@code kept}: for a KPI-store read, the dashboard's read of it once kept (see {@link #kept}), else empty.
     */
    public record Result(DashboardQueries.Query query, int rows, Times clickHouse, Times postgres, String difference, Optional<Times> kept) {
        /** How many times longer PostgreSQL takes at the 95th percentile. */
        public double ratio() {
            return postgres.percentile(0.95) / clickHouse.percentile(0.95);
        }

        /** Over the dashboard's target on ClickHouse. */
        public boolean slow() {
            return clickHouse.percentile(0.95) > PostgresComparison.TARGET_MS;
        }

        /** A scan of the facts less than {@link PostgresComparison#TARGET_RATIO} times faster on ClickHouse. */
        public boolean close() {
            return !query.store() && ratio() < PostgresComparison.TARGET_RATIO;
        }

        /**
         * A KPI-store read that misses its targets: first read over {@link PostgresComparison#FIRST_READ_MS}, or as the
         * dashboard reads it (kept) over {@link PostgresComparison#KEPT_READ_MS} or slower than PostgreSQL.
         */
        public boolean storeMissed() {
            return kept.filter(times -> clickHouse.percentile(0.95) > PostgresComparison.FIRST_READ_MS
                    || times.percentile(0.95) > Math.min(PostgresComparison.KEPT_READ_MS, postgres.percentile(0.95))).isPresent();
        }
    }

    /** The query timed on both sides, and for a KPI-store read also as kept from {@code build} (see {@link #kept}). */
    public Result compare(DashboardQueries.Query query, int runs, Object build) throws SQLException {
        List<Double> onClickHouse = new ArrayList<>();
        List<Double> onPostgres = new ArrayList<>();
        List<List<Object>> clickHouseAnswer = null;
        List<List<Object>> postgresAnswer = null;
        long begun = System.nanoTime();
        for (int run = 0; run < WARM_UP + runs; run++) {
            long start = System.nanoTime();
            clickHouseAnswer = answer(clickHouse, query);
            long middle = System.nanoTime();
            postgresAnswer = answer(postgres, query);
            long end = System.nanoTime();
            if (run >= WARM_UP) {
                onClickHouse.add((middle - start) / 1e6);
                onPostgres.add((end - middle) / 1e6);
            }
            if (end - begun > BUDGET_NANOS) {
                if (run < WARM_UP) {
                    run = WARM_UP - 1;
                } else if (onClickHouse.size() >= Math.min(FEWEST_RUNS, runs)) {
                    break;
                }
            }
        }
        return new Result(query, clickHouseAnswer.size(), new Times(onClickHouse), new Times(onPostgres),
                difference(clickHouseAnswer, postgresAnswer), query.store() ? Optional.of(kept(query, runs, build)) : Optional.empty());
    }

    /**
     * The dashboard's read of a query once its answer is kept ({@link KeptAnswers}, by the query and the build of the
     * warehouse, as the dashboard keeps them): the first read asks ClickHouse, the timed ones find it kept.
     */
    private Times kept(DashboardQueries.Query query, int runs, Object build) throws SQLException {
        KeptAnswers<List<List<Object>>> kept = new KeptAnswers<>(1_000_000, List::size);
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < WARM_UP + runs; run++) {
            long start = System.nanoTime();
            List<Object> question = List.of(query.sql(), query.parameters());
            if (kept.from(question, build).isEmpty()) {
                kept.keep(question, build, answer(clickHouse, query));
            }
            if (run >= WARM_UP) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        return new Times(times);
    }

    private static List<List<Object>> answer(Connection connection, DashboardQueries.Query query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setString(i + 1, query.parameters().get(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(comparable(result.getObject(column)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new SQLException("query \"" + query.name() + "\" failed on " + connection.getMetaData().getDatabaseProductName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Numbers to 9 significant digits, dates and text as text: what both databases must agree on. */
    private static Object comparable(Object value) {
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString()).round(SIGNIFICANT);
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        return value == null ? null : value.toString();
    }

    private static String difference(List<List<Object>> clickHouse, List<List<Object>> postgres) {
        if (clickHouse.size() != postgres.size()) {
            return clickHouse.size() + " rows from ClickHouse, " + postgres.size() + " from PostgreSQL";
        }
        for (int i = 0; i < clickHouse.size(); i++) {
            if (!Objects.equals(clickHouse.get(i), postgres.get(i))) {
                return "row " + (i + 1) + ": " + clickHouse.get(i) + " from ClickHouse, " + postgres.get(i) + " from PostgreSQL";
            }
        }
        return "";
    }
}
