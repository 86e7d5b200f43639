package vn.ioc.analytics.values;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.warehouse.server.TestWarehouse;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KPI store gives what the facts give, and is not used once an ingest has run after it was built. */
class KpiStoreTest {
    private final AnalyticsFixture fixture = AnalyticsFixture.get();

    @Test
    void everyKpiReadFromTheStoreEqualsTheFacts() {
        List<Period> periods = List.of(Period.parse("2026-10"), Period.parse("2026-Q3"), Period.parse("2026"), Period.parse("2026-10-YTD"),
                Period.parse("2025-12"));
        Unit daNang = fixture.values.units().province("48");
        int compared = 0;
        for (Kpi kpi : fixture.values.catalogue().all()) {
            for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.COMMUNE)) {
                if (kpi.id().equals("vaccination.doses_delivered") && level == UnitLevel.COMMUNE) {
                    continue;
                }
                Unit scope = level == UnitLevel.PROVINCE ? Unit.NATION : daNang;
                for (Period period : periods) {
                    List<KpiValue> stored = fixture.values.values(kpi.id(), level, scope, List.of(period)).getFirst();
                    List<KpiValue> facts = fixture.factsOnly.values(kpi.id(), level, scope, List.of(period)).getFirst();
                    for (int u = 0; u < stored.size(); u++) {
                        KpiValue a = stored.get(u);
                        KpiValue b = facts.get(u);
                        String where = kpi.id() + " " + a.unit().code() + " " + period;
                        assertEquals(b.value() == null, a.value() == null, where + " store " + a + " facts " + b);
                        if (b.value() != null) {
                            assertEquals(b.value(), a.value(), 1e-9 * Math.max(1, Math.abs(b.value())), where);
                            assertEquals(b.numerator(), a.numerator(), 1e-6, where);
                            compared++;
                        }
                        assertEquals(b.fromSplitCommune(), a.fromSplitCommune(), where);
                    }
                }
            }
        }
        assertTrue(compared > 5_000, compared + " values compared");
    }

    @Test
    void anIngestAfterTheBuildMakesTheStoreStaleUntilItIsRebuilt() throws Exception {
        Selection october = new Selection(UnitLevel.PROVINCE, Unit.NATION, List.of(Period.parse("2026-10")), null);
        List<Kpi> kpis = List.of(fixture.values.catalogue().kpi("services.on_time_rate"));
        try (Connection reader = TestWarehouse.reader("analytics_test").open(); Connection writer = fixture.writer.open()) {
            assertTrue(new KpiStore(reader).answers(kpis, october));
            assertFalse(new KpiStore(reader).answers(kpis, new Selection(UnitLevel.PROVINCE, Unit.NATION, List.of(Period.parse("2026-10-05")), null)),
                    "days are read from the facts");
            assertFalse(new KpiStore(reader).answers(kpis, new Selection(UnitLevel.PROVINCE, Unit.NATION, List.of(Period.parse("2026-10")), "service")),
                    "breakdowns are read from the facts");
            writer.createStatement().execute("INSERT INTO ingest_runs (run_id, source, period, started_at, finished_at, status) "
                    + "VALUES (generateUUIDv4(), 'public_service_applications', '2026-10', now64(3), now64(3), 'ok')");
            assertFalse(new KpiStore(reader).answers(kpis, october), "an ingest ran after the store was built");
            fixture.refreshStore();
            assertTrue(new KpiStore(reader).answers(kpis, october));
        }
    }
}
