package vn.ioc.analytics.planning;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.warehouse.server.TestWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planning inputs read from the fixture's real warehouse: school places by commune, vaccination sites from a coverage KPI. */
class PlanningFactsTest {
    private final AnalyticsFixture fixture = AnalyticsFixture.get();
    private final String period = AnalyticsFixture.PERIOD.toString().substring(0, 7);

    private long scalar(Connection connection, String sql) throws Exception {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void schoolPlacesHoldEveryCommuneWithItsChildrenAndSeats() throws Exception {
        try (AnalyticsService service = AnalyticsService.open(TestWarehouse.reader("analytics_test"), 10);
             Connection connection = TestWarehouse.reader("analytics_test").open()) {
            List<SchoolPlaces> places = service.schoolPlaces("01", period);
            Unit hanoi = fixture.values.units().province("01");
            assertEquals(fixture.values.units().communesOf(hanoi).size(), places.size(), "every commune, with or without schools");
            long primaryAge = places.stream().mapToLong(commune -> java.util.stream.IntStream.rangeClosed(6, 10).mapToLong(age -> commune.residentsByAge()[age]).sum()).sum();
            assertEquals(scalar(connection, "SELECT sum(residents) FROM population_facts WHERE province_code = '01' AND age BETWEEN 6 AND 10 "
                    + "AND period = (SELECT max(period) FROM population_facts WHERE province_code = '01')"), primaryAge);
            assertTrue(primaryAge > 0);
            long primarySeats = places.stream().mapToLong(commune -> commune.seats().getOrDefault(SchoolLevel.PRIMARY, 0L)).sum();
            assertEquals(scalar(connection, "SELECT sum(seats) FROM school_facts WHERE province_code = '01' AND level = 'Tiểu học' "
                    + "AND school_year = (SELECT max(school_year) FROM school_facts WHERE province_code = '01')"), primarySeats);
            assertTrue(primarySeats > 0);
            assertThrows(IllegalArgumentException.class, () -> service.schoolPlaces("VN", period));
        }
    }

    @Test
    void vaccinationSitesCarryTheCoverageKpisTargetAndCovered() throws Exception {
        try (AnalyticsService service = AnalyticsService.open(TestWarehouse.reader("analytics_test"), 10)) {
            List<VaccinationSite> sites = service.vaccinationSites("vaccination.covid_first_dose", "79", period);
            Unit hcm = fixture.values.units().province("79");
            KpiValue whole = fixture.values.value("vaccination.covid_first_dose", hcm, Period.parse(period));
            assertEquals(fixture.values.units().communesOf(hcm).size(), sites.size());
            assertEquals(Math.round(whole.denominator()), sites.stream().mapToLong(VaccinationSite::targetResidents).sum());
            assertEquals(Math.round(whole.numerator()), sites.stream().mapToLong(VaccinationSite::covered).sum());
            assertTrue(sites.stream().allMatch(site -> site.capacity().equals(OptionalLong.empty()) && site.held() == 0));
            assertThrows(IllegalArgumentException.class, () -> service.vaccinationSites("services.applications", "79", period));
        }
    }
}
