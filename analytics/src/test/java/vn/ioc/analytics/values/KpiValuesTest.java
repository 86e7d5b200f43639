package vn.ioc.analytics.values;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KPI values read from facts the real ingest loaded, against the same figures counted row by row in the extracts. */
class KpiValuesTest {
    private static final Period OCTOBER = Period.month(YearMonth.of(2026, 10));
    private final AnalyticsFixture fixture = AnalyticsFixture.get();

    /** numerator and denominator per key. */
    /** Counts a record of a commune as the warehouse does: as many people as the commune's sample weight. */
    private void count(Map<String, double[]> counts, String key, boolean numerator, boolean denominator, String commune) {
        long weight = fixture.weight(commune);
        double[] pair = counts.computeIfAbsent(key, k -> new double[2]);
        pair[0] += numerator && denominator ? weight : 0;
        pair[1] += denominator ? weight : 0;
    }

    private static Map<String, Double> rates(Map<String, double[]> counts, double factor) {
        Map<String, Double> rates = new TreeMap<>();
        counts.forEach((key, pair) -> rates.put(key, pair[1] == 0 ? null : pair[0] / pair[1] * factor));
        return rates;
    }

    private Map<String, Double> provinceValues(String kpi, Period period) {
        Map<String, Double> found = new TreeMap<>();
        for (KpiValue value : fixture.values.values(kpi, UnitLevel.PROVINCE, Unit.NATION, List.of(period)).getFirst()) {
            if (value.value() != null) {
                found.put(value.unit().code(), value.value());
            }
        }
        return found;
    }

    private static int age(String birthDate) {
        return java.time.Period.between(LocalDate.parse(birthDate), AnalyticsFixture.AS_OF).getYears();
    }

    private static void assertClose(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "units with a value");
        expected.forEach((key, value) -> assertEquals(value, actual.get(key), 1e-9, key));
    }

    /**
     * A period's value comes from its own data: the monthly registry has nothing for the month after its last snapshot
     * or for years before its first (vaccinations go back to the residents' births); a school census stands for its school year, so October reads September's census
     * and says so; events have nothing for a month after the last day they cover.
     */
    @Test
    void aPeriodShowsOnlyItsOwnDataOrACensusStillStanding() {
        Unit hanoi = fixture.values.units().province("01");
        Period next = Period.month(YearMonth.from(AnalyticsFixture.AS_OF).plusMonths(1));
        Map<String, Period> without = Map.of("population.verified_rate", Period.month(YearMonth.of(2020, 1)),
                "services.online_application_rate", Period.month(YearMonth.of(2020, 1)));
        for (String kpi : List.of("population.verified_rate", "population.collection_rate", "vaccination.doses_in_period", "vaccination.covid_first_dose",
                "services.online_application_rate")) {
            for (Period period : without.containsKey(kpi) ? List.of(next, without.get(kpi)) : List.of(next)) {
                KpiValue value = fixture.values.value(kpi, hanoi, period);
                assertNull(value.value(), kpi + " " + period + ": " + value);
                assertNull(value.asOf(), kpi + " " + period);
            }
        }
        // Told from an October extract, September's registry has its residents but not when each record was last updated.
        Period september = Period.month(YearMonth.from(AnalyticsFixture.AS_OF).minusMonths(1));
        assertNotNull(fixture.values.value("population.verified_rate", hanoi, september).value());
        assertNull(fixture.values.value("population.current_rate", hanoi, september).value());
        assertTrue(fixture.values.breakdown("population.current_rate", hanoi, september, "sex").cells().isEmpty(), "no parts of no value");
        assertNotNull(fixture.values.value("population.current_rate", hanoi, OCTOBER).value());
        KpiValue october = fixture.values.value("population.verified_rate", hanoi, OCTOBER);
        assertFalse(october.asOfEarlierMonth(), "the registry's October figure is October's: " + october);
        KpiValue pupils = fixture.values.value("education.pupils_per_class", hanoi, OCTOBER);
        assertTrue(pupils.value() != null && pupils.asOfEarlierMonth(), "the census stands for its school year: " + pupils);
        assertEquals(9, pupils.asOf().getMonthValue(), "read from the census taken when the school year began: " + pupils);
    }

    @Test
    void everyIndicatorHas24MonthsForATrendAndTheYearBefore() {
        List<Period> months = new ArrayList<>();
        for (int back = 23; back >= 0; back--) {
            months.add(Period.month(YearMonth.from(AnalyticsFixture.AS_OF).minusMonths(back)));
        }
        for (Kpi kpi : KpiCatalogue.standard().all()) {
            List<KpiValue> series = fixture.values.series(kpi.id(), Unit.NATION, months);
            long missing = series.stream().filter(value -> value.value() == null).count();
            // Records updated in the last year are known only in a snapshot taken in its own month: the extract's.
            assertEquals(kpi.id().equals("population.current_rate") ? 23 : 0, missing, kpi.id() + ": " + series);
        }
    }

    @Test
    void chipCardRateOfResidentsAged14AndOverPerProvince() throws Exception {
        Map<String, double[]> counts = new HashMap<>();
        fixture.forEachResident(row -> count(counts, fixture.provinceOf(fixture.current(row.get("commune_code"))),
                !row.get("id_card_issued_on").isEmpty(), age(row.get("birth_date")) >= 14, fixture.current(row.get("commune_code"))));
        assertClose(rates(counts, 100), provinceValues("population.id_card_rate_14plus", OCTOBER));
    }

    @Test
    void verifiedRatePerCommuneOfAProvinceAndBySex() throws Exception {
        Map<String, double[]> byCommune = new HashMap<>();
        Map<String, double[]> bySex = new HashMap<>();
        fixture.forEachResident(row -> {
            String commune = fixture.current(row.get("commune_code"));
            boolean verified = row.get("record_status").equals("đã xác thực");
            if (fixture.provinceOf(commune).equals("48")) {
                count(byCommune, commune, verified, true, commune);
            }
            count(bySex, row.get("sex"), verified, true, commune);
        });
        Map<String, Double> communes = new TreeMap<>();
        Unit daNang = fixture.values.units().province("48");
        for (KpiValue value : fixture.values.values("population.verified_rate", UnitLevel.COMMUNE, daNang, List.of(OCTOBER)).getFirst()) {
            if (value.value() != null) {
                communes.put(value.unit().code(), value.value());
            }
        }
        assertClose(rates(byCommune, 100), communes);

        Breakdown breakdown = fixture.values.breakdown("population.verified_rate", Unit.NATION, OCTOBER, "sex");
        Map<String, Double> cells = new TreeMap<>();
        breakdown.cells().forEach(cell -> cells.put(cell.part(), cell.value()));
        assertClose(rates(bySex, 100), cells);
        KpiValue total = fixture.values.value("population.verified_rate", Unit.NATION, OCTOBER);
        assertEquals(total.numerator(), breakdown.total().numerator(), 1e-9, "the parts add up to the value");
        assertEquals(total.value(), breakdown.total().value(), 1e-9);
    }

    @Test
    void covidFirstDoseCoverageIsCumulativeOverResidentsAged5AndOver() throws Exception {
        Map<String, double[]> counts = new HashMap<>();
        fixture.forEachResident(row -> {
            if (age(row.get("birth_date")) >= 5) {
                count(counts, fixture.provinceOf(fixture.current(row.get("commune_code"))), false, true, fixture.current(row.get("commune_code")));
            }
        });
        fixture.forEachRecord("vaccination_register", row -> {
            if (row.get("vaccine").startsWith("COVID-19") && row.get("dose_number").equals("1")
                    && !LocalDate.parse(row.get("vaccinated_on")).isAfter(OCTOBER.end())) {
                String commune = fixture.current(row.get("commune_code"));
                counts.computeIfAbsent(fixture.provinceOf(commune), k -> new double[2])[0] += fixture.weight(commune);
            }
        });
        assertClose(rates(counts, 100), provinceValues("vaccination.covid_first_dose", OCTOBER));
    }

    @Test
    void onlineApplicationRateForAQuarterAndItsMonthlySeries() throws Exception {
        Period quarter = Period.parse("2026-Q3");
        Map<String, double[]> byProvince = new HashMap<>();
        Map<YearMonth, double[]> byMonth = new TreeMap<>();
        fixture.forEachRecord("public_service_applications", row -> {
            LocalDate received = LocalDate.parse(row.get("received_at").substring(0, 10));
            String commune = fixture.current(row.get("commune_code"));
            String province = fixture.provinceOf(commune);
            boolean online = row.get("channel").equals("trực tuyến");
            if (!received.isBefore(quarter.start()) && !received.isAfter(quarter.end())) {
                count(byProvince, province, online, true, commune);
            }
            if (province.equals("79")) {
                double[] pair = byMonth.computeIfAbsent(YearMonth.from(received), k -> new double[2]);
                pair[0] += online ? fixture.weight(commune) : 0;
                pair[1] += fixture.weight(commune);
            }
        });
        assertClose(rates(byProvince, 100), provinceValues("services.online_application_rate", quarter));

        List<Period> months = OCTOBER.trailing(12);
        List<KpiValue> series = fixture.values.series("services.online_application_rate", fixture.values.units().province("79"), months);
        assertEquals(12, series.size());
        for (int i = 0; i < months.size(); i++) {
            double[] pair = byMonth.get(YearMonth.from(months.get(i).start()));
            assertEquals(months.get(i), series.get(i).period());
            assertEquals(pair[0] / pair[1] * 100, series.get(i).value(), 1e-9, months.get(i).code());
        }
    }

    @Test
    void dosesInTheLast30DaysAndInTheLast7() throws Exception {
        long[] doses = new long[2];
        fixture.forEachRecord("vaccination_register", row -> {
            LocalDate given = LocalDate.parse(row.get("vaccinated_on"));
            long weight = fixture.weight(fixture.current(row.get("commune_code")));
            doses[0] += !given.isAfter(OCTOBER.end()) && given.isAfter(OCTOBER.end().minusDays(30)) ? weight : 0;
            doses[1] += !given.isAfter(OCTOBER.end()) && given.isAfter(OCTOBER.end().minusDays(7)) ? weight : 0;
        });
        assertTrue(doses[0] > doses[1] && doses[1] > 0, "the tiny data has recent doses");
        assertEquals(doses[0], fixture.values.value("vaccination.doses_last_30_days", Unit.NATION, OCTOBER).value(), 1e-9);
        assertEquals(doses[1], fixture.values.value("vaccination.doses_last_7_days", Unit.NATION, OCTOBER).value(), 1e-9);
    }

    @Test
    void aPeriodWithoutFactsHasNoValueAndUnknownNamesAreRefused() {
        KpiValue before = fixture.values.value("services.on_time_rate", Unit.NATION, Period.parse("1999"));
        assertNull(before.value());
        assertThrows(NoSuchElementException.class, () -> fixture.values.value("no.such_kpi", Unit.NATION, OCTOBER));
        IllegalArgumentException breakdown = assertThrows(IllegalArgumentException.class,
                () -> fixture.values.breakdown("services.on_time_rate", Unit.NATION, OCTOBER, "sex"));
        assertTrue(breakdown.getMessage().contains("sex"), breakdown.getMessage());
        assertThrows(NoSuchElementException.class, () -> fixture.values.units().province("99"));
        assertFalse(fixture.values.catalogue().all().isEmpty());
    }

    @Test
    void seriesInTodaysUnitsAreFlaggedWhereTheyHoldRecordsOfASplitCommune() throws Exception {
        Period year = Period.year(2024);
        Map<String, Boolean> mappedFromOld = new HashMap<>();
        fixture.forEachRecord("vaccination_register", row -> {
            if (LocalDate.parse(row.get("vaccinated_on")).getYear() == 2024 && !fixture.current(row.get("commune_code")).equals(row.get("commune_code"))) {
                mappedFromOld.put(fixture.current(row.get("commune_code")), true);
            }
        });
        int flagged = 0;
        for (KpiValue value : fixture.values.values("vaccination.doses_in_period", UnitLevel.COMMUNE, Unit.NATION, List.of(year)).getFirst()) {
            String code = value.unit().code();
            boolean expected = mappedFromOld.containsKey(code) && fixture.values.units().receivedSplit(code);
            assertEquals(expected, value.fromSplitCommune(), code);
            flagged += expected ? 1 : 0;
        }
        assertTrue(flagged > 0, "some communes of the tiny data took part of a split commune");
        assertTrue(fixture.values.value("vaccination.doses_in_period", fixture.values.units().province("01"), year).fromSplitCommune());
    }

    @Test
    void theShareOfCommunesAtCoverageIsCountedFromTheCommunesValues() {
        Unit hanoi = fixture.values.units().province("01");
        List<KpiValue> communes = fixture.values.values("vaccination.covid_primary_series", UnitLevel.COMMUNE, hanoi, List.of(OCTOBER)).getFirst();
        long withData = communes.stream().filter(value -> value.value() != null).count();
        long covered = communes.stream().filter(value -> value.value() != null && value.value() >= 80).count();
        KpiValue share = fixture.values.value("vaccination.communes_covered_80", hanoi, OCTOBER);
        assertEquals(covered * 100.0 / withData, share.value(), 1e-9);
        assertEquals(withData, share.denominator());
    }

    @Test
    void smallPersonCountsInACommuneBreakdownAreSuppressedWithAComplement() {
        Unit daNang = fixture.values.units().province("48");
        int suppressedSomewhere = 0;
        for (Unit commune : fixture.values.units().communesOf(daNang)) {
            Breakdown breakdown = fixture.values.breakdown("population.id_card_rate_14plus", commune, OCTOBER, "age_band");
            long suppressed = breakdown.cells().stream().filter(BreakdownCell::suppressed).count();
            assertTrue(suppressed != 1 || breakdown.total() == null, commune.code() + ": a lone suppressed part could be worked out from the total");
            for (BreakdownCell cell : breakdown.cells()) {
                if (!cell.suppressed()) {
                    long weight = fixture.weight(commune.code());
                    assertFalse(cell.numerator() / weight >= 1 && cell.numerator() / weight < 10, commune.code() + " " + cell);
                    assertFalse(cell.denominator() / weight >= 1 && cell.denominator() / weight < 10, commune.code() + " " + cell);
                } else {
                    assertNull(cell.value());
                }
            }
            suppressedSomewhere += (int) suppressed;
        }
        assertTrue(suppressedSomewhere > 0, "tiny communes have small age bands");
        Breakdown province = fixture.values.breakdown("population.id_card_rate_14plus", daNang, OCTOBER, "age_band");
        assertTrue(province.cells().stream().noneMatch(BreakdownCell::suppressed), "suppression is for commune breakdowns");
    }

    @Test
    void distinctCountsAndConditionalSumsAreTakenInTwoStepsWithTheSameResult() throws Exception {
        Map<String, Set<String>> services = new HashMap<>();
        Map<String, Set<String>> fullOnline = new HashMap<>();
        fixture.forEachRecord("public_service_applications", row -> {
            LocalDate received = LocalDate.parse(row.get("received_at").substring(0, 10));
            if (YearMonth.from(received).equals(YearMonth.of(2026, 10))) {
                String province = fixture.provinceOf(fixture.current(row.get("commune_code")));
                services.computeIfAbsent(province, p -> new HashSet<>()).add(row.get("service_code"));
                if (row.get("full_online").equals("1")) {
                    fullOnline.computeIfAbsent(province, p -> new HashSet<>()).add(row.get("service_code"));
                }
            }
        });
        Map<String, Double> availability = new TreeMap<>();
        services.forEach((province, all) -> availability.put(province, fullOnline.getOrDefault(province, Set.of()).size() * 100.0 / all.size()));
        assertClose(availability, provinceValues("services.full_online_availability", OCTOBER));

        long[] dtp = new long[2];
        fixture.forEachRecord("vaccination_register", row -> {
            LocalDate given = LocalDate.parse(row.get("vaccinated_on"));
            if (row.get("vaccine").equals("DTP-HepB-Hib") && !given.isAfter(OCTOBER.end()) && given.isAfter(OCTOBER.end().minusDays(365))) {
                long weight = fixture.weight(fixture.current(row.get("commune_code")));
                dtp[0] += row.get("dose_number").equals("1") ? weight : 0;
                dtp[1] += row.get("dose_number").equals("3") ? weight : 0;
            }
        });
        assertTrue(dtp[0] > 0);
        assertEquals((dtp[0] - dtp[1]) * 100.0 / dtp[0], fixture.values.value("vaccination.dtp_dropout", Unit.NATION, OCTOBER).value(), 1e-9);
    }

    @Test
    void dosesDeliveredAreKeptByProvince() throws Exception {
        Map<String, Double> delivered = new TreeMap<>();
        fixture.forEachRecord("vaccine_supply", row -> {
            if (row.get("month").startsWith("2026-10")) {
                delivered.merge(row.get("province_code"), Double.parseDouble(row.get("doses_delivered")), Double::sum);
            }
        });
        assertFalse(delivered.isEmpty());
        assertClose(delivered, provinceValues("vaccination.doses_delivered", OCTOBER));
    }
}
