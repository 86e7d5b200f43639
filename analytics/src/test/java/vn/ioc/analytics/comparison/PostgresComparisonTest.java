package vn.ioc.analytics.comparison;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.warehouse.server.TestWarehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL side of the national benchmark on the analytics fixture (tiny extracts ingested by the real Spark
 * jobs): a real PostgreSQL from Debian's packages gets the same facts, and every dashboard query answers the same on
 * both databases.
 */
class PostgresComparisonTest {
    private static PostgresCluster postgres;
    private static Connection clickHouse;
    private static Connection writer;
    private static Connection postgresConnection;
    private static PostgresComparison.Outcome outcome;

    @BeforeAll
    static void compare() throws SQLException {
        AnalyticsFixture fixture = AnalyticsFixture.get();
        postgres = PostgresCluster.start(message -> { });
        clickHouse = TestWarehouse.reader("analytics_test").open();
        writer = fixture.writer.open();
        postgresConnection = postgres.open();
        outcome = PostgresComparison.run(clickHouse, writer, postgresConnection, 2, Duration.ofSeconds(1), message -> { });
    }

    @AfterAll
    static void stop() throws SQLException {
        postgresConnection.close();
        writer.close();
        clickHouse.close();
        postgres.close();
    }

    @Test
    void everyTableArrivesWhole() throws SQLException {
        for (FactCopy.Copied copied : outcome.copied()) {
            assertTrue(copied.rows() > 0, copied.table());
            assertEquals(count(clickHouse, copied.table()), copied.rows(), copied.table());
            assertEquals(count(postgresConnection, copied.table()), copied.rows(), copied.table());
        }
    }

    @Test
    void bothDatabasesGiveTheSameAnswers() {
        assertEquals(AnalyticsFixture.PERIOD, outcome.month());
        assertEquals(DashboardQueries.of(outcome.month(), outcome.province()).size(), outcome.results().size());
        for (QueryComparison.Result result : outcome.results()) {
            assertEquals("", result.difference(), result.query().name());
            assertTrue(result.rows() > 0, result.query().name() + " answers with rows on the fixture");
            assertEquals(result.query().store(), result.kept().isPresent(), result.query().name() + ": a KPI-store read is also timed as kept");
            assertEquals(2, result.clickHouse().sorted().size());
            assertEquals(2, result.postgres().sorted().size());
        }
    }

    @Test
    void aDifferenceIsReported() throws SQLException {
        List<DashboardQueries.Query> queries = DashboardQueries.of(outcome.month(), outcome.province());
        try {
            postgresConnection.setAutoCommit(false);
            postgresConnection.createStatement().execute("UPDATE population_facts SET id_card = id_card + 1 WHERE age >= 14");
            List<String> differing = new ArrayList<>();
            for (DashboardQueries.Query query : queries) {
                if (!new QueryComparison(clickHouse, postgresConnection).compare(query, 1, "build").difference().isEmpty()) {
                    differing.add(query.name());
                }
            }
            assertTrue(differing.contains("chip-ID rate 14+, nation"), differing.toString());
            assertFalse(differing.contains("doses in the last 30 days, provinces"), differing.toString());
        } finally {
            postgresConnection.rollback();
            postgresConnection.setAutoCommit(true);
        }
    }

    @Test
    void aKeptClusterStartsAgainWithWhatWasCopiedIntoIt(@TempDir Path folder) throws SQLException {
        FactCopy.Table schools = DashboardQueries.TABLES.stream().filter(table -> table.name().equals("school_facts")).findFirst().orElseThrow();
        try (PostgresCluster kept = PostgresCluster.startKept(folder, message -> { }); Connection connection = kept.open()) {
            assertFalse(new FactCopy(writer, connection).copy(schools).reused());
        }
        try (PostgresCluster again = PostgresCluster.startKept(folder, message -> { }); Connection connection = again.open()) {
            FactCopy.Copied copied = new FactCopy(writer, connection).copy(schools);
            assertTrue(copied.reused(), "copied by the first run");
            assertEquals(count(clickHouse, "school_facts"), copied.rows());
            assertEquals(count(clickHouse, "school_facts"), count(connection, "school_facts"));
            // Other indexes asked for: copied again.
            assertFalse(new FactCopy(writer, connection).copy(new FactCopy.Table("school_facts", List.of(List.of("province_code")))).reused());
        }
    }

    @Test
    void aColumnWithoutAPostgresTypeIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FactCopy.postgresType("population_facts", "tags", "Array(String)"));
        assertTrue(error.getMessage().contains("population_facts.tags"), error.getMessage());
        assertEquals("text", FactCopy.postgresType("t", "c", "LowCardinality(String)"));
        assertEquals("bigint", FactCopy.postgresType("t", "c", "UInt64"));
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
