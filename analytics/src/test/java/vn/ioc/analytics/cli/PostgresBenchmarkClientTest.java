package vn.ioc.analytics.cli;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.comparison.DashboardQueries;
import vn.ioc.analytics.comparison.PostgresComparison;
import vn.ioc.analytics.comparison.QueryComparison;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the benchmark's client measured comes back to the benchmark's JVM whole (the report is made from it). */
class PostgresBenchmarkClientTest {

    @Test
    void theOutcomeComesBackAsTheClientMeasuredIt() {
        QueryComparison.Times fast = new QueryComparison.Times(List.of(2.5, 1.25, 3.0));
        QueryComparison.Times slow = new QueryComparison.Times(List.of(40.0, 38.5));
        QueryComparison.Result store = new QueryComparison.Result(new DashboardQueries.Query("KPI store: every KPI of the province",
                "SELECT kpi FROM kpi_values WHERE province_code = ?", List.of("79"), true), 33, fast, slow, "", Optional.of(fast));
        QueryComparison.Result scan = new QueryComparison.Result(new DashboardQueries.Query("chip-ID rate 14+, nation", "SELECT 1", List.of()),
                1, fast, slow, "row 1: [1] from ClickHouse, [2] from PostgreSQL", Optional.empty());
        PostgresComparison.Outcome outcome = new PostgresComparison.Outcome("26.7.2.1", "PostgreSQL 15.18", List.of(), LocalDate.of(2026, 10, 1), "79",
                List.of(store, scan), scan);

        PostgresComparison.Outcome back = PostgresBenchmarkClient.fromJson(PostgresBenchmarkClient.toJson(outcome));

        assertEquals(outcome, back);
        assertEquals(outcome.worstFirstRead(), back.worstFirstRead());
    }
}
