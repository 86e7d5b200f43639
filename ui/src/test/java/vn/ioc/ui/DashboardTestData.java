package vn.ioc.ui;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.server.TestWarehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The dashboard's tests run over the analytics fixture: tiny generated extracts of four provinces (01, 08, 48, 79)
 * ingested by the real Spark jobs into the real embedded warehouse, KPI store built; read as the read-only user.
 */
public final class DashboardTestData {
    public static final String BOUNDARIES = "boundaries/provinces_34_thanglequoc_v4.2.0.geojson";

    private DashboardTestData() {
    }

    public static AnalyticsFixture fixture() {
        return AnalyticsFixture.get();
    }

    public static void register(DynamicPropertyRegistry registry) {
        fixture();
        WarehouseConnection reader = TestWarehouse.reader("analytics_test");
        registry.add("ioc.warehouse.url", reader::url);
        registry.add("ioc.warehouse.user", reader::user);
        registry.add("ioc.warehouse.password", reader::password);
        registry.add("ioc.demo-users", () -> "true");
        registry.add("ioc.scenarios", DashboardTestData::scenarios);
        registry.add("ioc.boundaries", () -> SharedReferenceData.locate(Optional.empty()).orElseThrow().root().resolve(BOUNDARIES).toString());
    }

    /** A fresh folder for the planners' saved scenarios, one per test context. */
    private static String scenarios() {
        try {
            return Files.createTempDirectory("ioc-scenarios").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The period the fixture's facts are for, as a period code ({@code 2026-10}). */
    public static String period() {
        return AnalyticsFixture.PERIOD.toString().substring(0, 7);
    }
}
