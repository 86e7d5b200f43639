package vn.ioc.analytics.quality;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.AnalyticsFixture;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.warehouse.server.TestWarehouse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The times of the run log and the store, read as the instants they were written (the columns are zoned to Vietnam). */
class DataFreshnessTest {
    @Test
    void loadsAndTheStoreAreDatedWhenTheyHappened() throws Exception {
        Instant before = Instant.now();
        AnalyticsFixture fixture = AnalyticsFixture.get();
        fixture.refreshStore();
        Instant after = Instant.now();
        try (AnalyticsService service = AnalyticsService.open(TestWarehouse.reader("analytics_test"), 2)) {
            DataFreshness freshness = service.freshness();
            Instant built = freshness.storeBuiltAt().orElseThrow();
            assertTrue(!built.isBefore(before.minusSeconds(1)) && !built.isAfter(after.plusSeconds(1)), "the store was built between " + before + " and " + after + ", not " + built);
            Instant loaded = freshness.lastIngest().orElseThrow();
            assertTrue(loaded.isBefore(after) && loaded.isAfter(after.minus(Duration.ofHours(3))), "the last load was this run's, not " + loaded);
            List<IngestRunSummary> runs = service.recentRuns(1);
            assertEquals(loaded, runs.getFirst().finishedAt());
        }
    }
}
