package vn.ioc.analytics.ranking;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rankings against ranks worked out by hand from the extracts' rows. */
class RankingsTest {
    private static final Period OCTOBER = Period.month(YearMonth.of(2026, 10));
    private final AnalyticsFixture fixture = AnalyticsFixture.get();

    /** On-time rate per province for each month, counted from the applications. */
    private Map<YearMonth, Map<String, Double>> onTimeByMonth() throws Exception {
        Map<YearMonth, Map<String, long[]>> counts = new HashMap<>();
        fixture.forEachRecord("public_service_applications", row -> {
            if (!row.get("status").equals("đã giải quyết") || row.get("resolved_at").isEmpty()) {
                return;
            }
            YearMonth month = YearMonth.from(LocalDate.parse(row.get("received_at").substring(0, 10)));
            String commune = fixture.current(row.get("commune_code"));
            long[] pair = counts.computeIfAbsent(month, m -> new HashMap<>()).computeIfAbsent(fixture.provinceOf(commune), p -> new long[2]);
            pair[0] += row.get("resolved_at").compareTo(row.get("due_at")) <= 0 ? fixture.weight(commune) : 0;
            pair[1] += fixture.weight(commune);
        });
        Map<YearMonth, Map<String, Double>> rates = new HashMap<>();
        counts.forEach((month, byProvince) -> byProvince.forEach((province, pair) ->
                rates.computeIfAbsent(month, m -> new TreeMap<>()).put(province, pair[0] * 100.0 / pair[1])));
        return rates;
    }

    @Test
    void provincesAreRankedNationallyWithRankChangesAgainstTheMonthBefore() throws Exception {
        Map<YearMonth, Map<String, Double>> rates = onTimeByMonth();
        Map<String, Double> october = rates.get(YearMonth.of(2026, 10));
        Map<String, Double> september = rates.get(YearMonth.of(2026, 9));
        Map<String, Integer> expected = CompetitionRanks.of(october, Direction.HIGHER);
        Map<String, Integer> expectedBefore = CompetitionRanks.of(september, Direction.HIGHER);

        Ranking ranking = fixture.rankings.rank("services.on_time_rate", UnitLevel.PROVINCE, Unit.NATION, OCTOBER, Set.of());
        assertEquals(34, ranking.units().size(), "every province is listed, those without facts unranked");
        for (RankedUnit unit : ranking.units()) {
            String code = unit.value().unit().code();
            assertEquals(expected.get(code), unit.rank(), code);
            assertEquals(expectedBefore.get(code), unit.previousRank(), code);
            if (october.containsKey(code)) {
                assertEquals(october.get(code), unit.value().value(), 1e-9);
                assertEquals(expectedBefore.get(code) - expected.get(code), unit.rankChange());
                assertEquals(october.get(code) - september.get(code), unit.change(), 1e-9);
            } else {
                assertNull(unit.value().value());
            }
        }
        assertEquals(ranking.units().subList(0, 2), ranking.top(2));
        assertEquals(expected.size(), ranking.top(100).size());
        assertEquals(ranking.top(100).getLast(), ranking.bottom(1).getFirst());
    }

    @Test
    void peerGroupsKeepOnlyTheirMembersAndRankWithinThem() {
        Ranking cities = fixture.rankings.rank("services.on_time_rate", UnitLevel.PROVINCE, Unit.NATION, OCTOBER, Set.of("thanh_pho"));
        assertTrue(cities.units().stream().allMatch(unit -> unit.value().unit().tags().contains("thanh_pho")));
        assertTrue(cities.units().stream().noneMatch(unit -> unit.value().unit().code().equals("08")), "Tuyên Quang is a tỉnh");
        assertEquals(1, cities.top(1).getFirst().rank());
        assertEquals(3, cities.top(10).size(), "Hà Nội, Đà Nẵng and Hồ Chí Minh have facts");

        Unit daNang = fixture.values.units().province("48");
        Ranking wards = fixture.rankings.rank("population.verified_rate", UnitLevel.COMMUNE, daNang, OCTOBER, Set.of("phuong"));
        assertTrue(wards.units().stream().allMatch(unit -> unit.value().unit().type().equals("Phường")
                && unit.value().unit().provinceCode().equals("48")));
        assertTrue(wards.top(1).getFirst().value().value() >= wards.bottom(1).getFirst().value().value());

        assertThrows(IllegalArgumentException.class,
                () -> fixture.rankings.rank("services.on_time_rate", UnitLevel.PROVINCE, Unit.NATION, OCTOBER, Set.of("phuong")));
        assertThrows(NoSuchElementException.class,
                () -> fixture.rankings.rank("services.on_time_rate", UnitLevel.PROVINCE, Unit.NATION, OCTOBER, Set.of("atlantis")));
    }

    @Test
    void communesAreRankedWithinTheirProvinceAndNationally() {
        Unit hanoi = fixture.values.units().province("01");
        Ranking inProvince = fixture.rankings.rank("population.id_card_rate_14plus", UnitLevel.COMMUNE, hanoi, OCTOBER, Set.of());
        Ranking national = fixture.rankings.rank("population.id_card_rate_14plus", UnitLevel.COMMUNE, Unit.NATION, OCTOBER, Set.of());
        assertEquals(fixture.values.units().communesOf(hanoi).size(), inProvince.units().size());
        assertEquals(3321, national.units().size());
        Map<String, Double> values = new HashMap<>();
        inProvince.units().forEach(unit -> values.put(unit.value().unit().code(), unit.value().value()));
        Map<String, Integer> expected = CompetitionRanks.of(values, Direction.HIGHER);
        inProvince.units().forEach(unit -> assertEquals(expected.get(unit.value().unit().code()), unit.rank()));
        int previous = 0;
        for (RankedUnit unit : national.top(Integer.MAX_VALUE)) {
            assertTrue(unit.rank() >= previous, "ranks never go down the list");
            previous = unit.rank();
        }
    }

    @Test
    void laggardsAreTheRedUnitsAndThoseThatFellFarEnough() {
        Ranking ranking = fixture.rankings.rank("services.on_time_rate", UnitLevel.PROVINCE, Unit.NATION, OCTOBER, Set.of());
        List<Alert> alerts = fixture.rankings.laggards(ranking, 0.5);
        for (RankedUnit unit : ranking.units()) {
            boolean red = unit.value().status() == Status.RED;
            boolean fell = unit.change() != null && unit.change() <= -0.5;
            assertEquals(red, alerts.stream().anyMatch(alert -> alert.value().equals(unit.value()) && alert.reason() == Alert.Reason.BELOW_THRESHOLD));
            assertEquals(fell, alerts.stream().anyMatch(alert -> alert.value().equals(unit.value()) && alert.reason() == Alert.Reason.FELL));
        }
        assertTrue(fixture.rankings.laggards(ranking, Double.MAX_VALUE).stream().noneMatch(alert -> alert.reason() == Alert.Reason.FELL));
    }
}
