package vn.ioc.analytics.lineage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.datasets.generator.Manifest;
import vn.ioc.warehouse.server.TestWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A figure's lineage against what the generator wrote and the ingest's run log, read independently. */
class LineageTest {
    private static AnalyticsFixture fixture;
    private static Connection connection;
    private static LineageReader reader;
    private static final Period MONTH = Period.month(YearMonth.from(AnalyticsFixture.PERIOD));

    @BeforeAll
    static void ingest() throws Exception {
        fixture = AnalyticsFixture.get();
        connection = TestWarehouse.reader("analytics_test").open();
        reader = new LineageReader(connection, fixture.values);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static Lineage lineage(String kpi, Unit unit, Period period) {
        return reader.of(fixture.values.value(kpi, unit, period), true);
    }

    private static Unit province(String code) {
        return fixture.values.units().unit(UnitLevel.PROVINCE, code);
    }

    @Test
    void aProvincesFigureNamesItsRunItsExtractsAndTheRowsReadForIt() throws SQLException {
        KpiValue value = fixture.values.value("population.verified_rate", province("01"), MONTH);
        Lineage lineage = reader.of(value, true);
        assertEquals(value.numerator(), lineage.numerator().amount());
        assertEquals(value.denominator(), lineage.denominator().amount());
        assertEquals("population_facts", lineage.numerator().table());
        assertEquals(lineage.numerator().from(), lineage.numerator().to(), "a registry figure reads one snapshot");
        assertEquals(YearMonth.from(AnalyticsFixture.AS_OF), YearMonth.from(lineage.numerator().to()));
        Lineage.Load load = lineage.loads().getFirst();
        assertEquals(1, lineage.loads().size(), "one run loaded the registry's snapshot: " + lineage.loads());
        assertEquals("population_registry", load.source());
        assertEquals(lastRun("population_registry"), load.runId());
        assertEquals(AnalyticsFixture.AS_OF, load.asOf());
        assertEquals(AnalyticsFixture.PERIOD.toString().substring(0, 7), load.extractMonth());
        assertEquals(AnalyticsFixture.PROVINCES.size(), load.filesInRun());
        assertTrue(!load.files().isEmpty() && load.files().stream().allMatch(file -> file.contains("/province=01/")), load.files().toString());
        long written = fixture.manifest.sources().get("population_registry").files().stream().filter(file -> file.province().equals("01"))
                .mapToLong(Manifest.FileEntry::rows).sum();
        assertEquals(written, load.rows().read(), "rows read for Hà Nội: the generator's lines in its files");
        assertTrue(lineage.sample());
        assertTrue(lineage.suppression().persons());
    }

    @Test
    void theNationsRowsReconcileWithTheRunLog() throws SQLException {
        Lineage lineage = lineage("vaccination.covid_first_dose", Unit.NATION, MONTH);
        Lineage.Load vaccination = lineage.loads().stream().filter(load -> load.source().equals("vaccination_register")).findFirst().orElseThrow();
        try (Statement statement = connection.createStatement(); ResultSet run = statement.executeQuery(
                "SELECT rows_read, rows_quarantined, rows_duplicate FROM ingest_runs WHERE run_id = '" + vaccination.runId() + "'")) {
            run.next();
            assertEquals(run.getLong(1), vaccination.rows().read());
            assertEquals(run.getLong(2), vaccination.rows().quarantined());
            assertEquals(run.getLong(3), vaccination.rows().duplicates());
        }
        assertEquals(fixture.manifest.sources().get("vaccination_register").rows(), vaccination.rows().read());
        assertEquals(AnalyticsFixture.PROVINCES.size(), vaccination.files().size(), "the nation's figure reads every province's file");
        assertTrue(lineage.loads().stream().anyMatch(load -> load.source().equals("population_registry")), "coverage's denominator: residents");
    }

    @Test
    void theStatisticsOfficesPopulationAndSharesOfCommunesSayWhatTheyRead() {
        Lineage collection = lineage("population.collection_rate", province("79"), MONTH);
        assertTrue(collection.loads().stream().anyMatch(load -> load.source().equals(LineageReader.REFERENCE_SOURCE) && load.runId() == null));
        assertNull(collection.denominator().from(), "the reference population is not dated");

        Lineage covered = lineage("vaccination.communes_covered_80", province("79"), MONTH);
        assertEquals("kpi_values", covered.numerator().table());
        assertTrue(covered.numerator().expression().contains("vaccination."), covered.numerator().expression());
        assertFalse(covered.loads().isEmpty(), "the communes' coverage comes from the vaccination register");
    }

    @Test
    void aYearOfEventsReadsTheDaysOfTheYearAndAPeriodWithoutDataHasNoLoads() {
        Lineage year = lineage("services.online_application_rate", province("48"), Period.year(AnalyticsFixture.PERIOD.getYear()));
        assertEquals(LocalDate.of(AnalyticsFixture.PERIOD.getYear(), 1, 1), year.numerator().from());
        assertTrue(year.loads().stream().allMatch(load -> load.source().equals("public_service_applications")), year.loads().toString());
        assertFalse(year.loads().isEmpty());

        Lineage none = lineage("services.online_application_rate", province("48"), Period.year(2020));
        assertNull(none.value());
        assertEquals(List.of(), none.loads());
    }

    private static UUID lastRun(String source) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet run = statement.executeQuery(
                "SELECT run_id FROM ingest_runs WHERE source = '" + source + "' AND status = 'ok' ORDER BY finished_at DESC LIMIT 1")) {
            run.next();
            return run.getObject(1, UUID.class);
        }
    }
}
