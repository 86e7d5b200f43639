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

    public record Outcome(List<FactCopy.Copied> copied, LocalDate month, String province, List<QueryComparison.Result> results) {
        public Outcome {
            copied = List.copyOf(copied);
            results = List.copyOf(results);
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
        return new Outcome(copied, month, province, results);
    }
}
