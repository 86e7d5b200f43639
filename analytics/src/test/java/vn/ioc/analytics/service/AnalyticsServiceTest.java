package vn.ioc.analytics.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.warehouse.server.TestWarehouse;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service API as the dashboard will call it: codes in, records out, as the warehouse's read-only user. */
class AnalyticsServiceTest {
    private static AnalyticsService service;
    private final AnalyticsFixture fixture = AnalyticsFixture.get();

    @BeforeAll
    static void open() throws Exception {
        AnalyticsFixture.get();
        service = AnalyticsService.open(TestWarehouse.reader("analytics_test"), 10);
    }

    @AfterAll
    static void close() throws Exception {
        service.close();
    }

    @Test
    void answersAreTheSameAsTheServicesBehindIt() {
        KpiValue value = service.value(new AnalyticsService.ValueQuery("services.on_time_rate", "79", "2026-10"));
        assertEquals(fixture.values.value("services.on_time_rate", fixture.values.units().province("79"), Period.parse("2026-10")), value);
        assertEquals("Hồ Chí Minh", value.unit().name());
        List<KpiValue> series = service.series(new AnalyticsService.SeriesQuery("services.on_time_rate", "79", "2026-10", 6));
        assertEquals(6, series.size());
        assertEquals(value, series.getLast());

        Ranking ranking = service.ranking(new AnalyticsService.RankingQuery("population.verified_rate", UnitLevel.COMMUNE, "48", "2026-10", Set.of("xa")));
        assertTrue(ranking.units().stream().allMatch(unit -> unit.value().unit().type().equals("Xã")));
        List<IndexScore> scores = service.index(new AnalyticsService.IndexQuery("index_766", UnitLevel.PROVINCE, "VN", "2026-10"));
        assertEquals(34, scores.size());
        assertTrue(service.kpis().size() >= 25);
        assertEquals(2, service.indices().size());
        assertTrue(service.peerGroups(UnitLevel.COMMUNE).stream().anyMatch(group -> group.name().en().equals("Urban wards")));
        assertEquals(service.communes("48").size(), fixture.values.units().communesOf(fixture.values.units().province("48")).size());
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.unit("Hà Nội")).getMessage().contains("'Hà Nội' is not a unit code"));
        assertTrue(assertThrows(NoSuchElementException.class, () -> service.unit("99")).getMessage().contains("no province with code '99'"));
        assertTrue(assertThrows(NoSuchElementException.class,
                () -> service.value(new AnalyticsService.ValueQuery("nope", "VN", "2026-10"))).getMessage().contains("no KPI 'nope'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> service.value(new AnalyticsService.ValueQuery("services.on_time_rate", "VN", "2026-13"))).getMessage().contains("not a period"));
        assertThrows(IllegalArgumentException.class,
                () -> service.ranking(new AnalyticsService.RankingQuery("services.on_time_rate", UnitLevel.PROVINCE, "48", "2026-10", Set.of())));
        assertThrows(IllegalArgumentException.class,
                () -> service.ranking(new AnalyticsService.RankingQuery("services.on_time_rate", UnitLevel.NATION, "VN", "2026-10", Set.of())));
        assertEquals(Unit.NATION, service.unit("vn"));
        IllegalArgumentException byCommune = assertThrows(IllegalArgumentException.class,
                () -> service.ranking(new AnalyticsService.RankingQuery("vaccination.doses_delivered", UnitLevel.COMMUNE, "79", "2026-10", Set.of())));
        assertTrue(byCommune.getMessage().contains("is kept by province only"), byCommune.getMessage());
    }

    @Test
    void userTextNeverReachesTheSqlUnquoted() {
        assertThrows(IllegalArgumentException.class, () -> service.unit("01' OR 1=1 --"));
        KpiValue none = service.value(new AnalyticsService.ValueQuery("services.on_time_rate", "VN", "2026-10-31"));
        assertTrue(none.denominator() == null || none.denominator() >= 0);
    }
}
