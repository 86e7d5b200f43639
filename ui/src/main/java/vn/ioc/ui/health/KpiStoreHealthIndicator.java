package vn.ioc.ui.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.WarehouseUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Readiness: the KPI store the pages read was built after the last successful ingest, and is not older than
 * {@code ioc.health.store-max-age} (two days by default); otherwise out of service, with its age in the details.
 */
@Component
public final class KpiStoreHealthIndicator implements HealthIndicator {
    private final DashboardData data;
    private final Duration maxAge;
    private final Clock clock;

    public KpiStoreHealthIndicator(DashboardData data, @Value("${ioc.health.store-max-age:P2D}") Duration maxAge) {
        this.data = data;
        this.maxAge = maxAge;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Health health() {
        DataFreshness freshness;
        try {
            freshness = data.freshness().value();
        } catch (WarehouseUnavailableException e) {
            return Health.unknown().withDetail("problem", "the warehouse does not answer").build();
        }
        if (freshness.storeBuiltAt().isEmpty()) {
            return Health.outOfService().withDetail("problem", "no KPI store has been built (ioc analytics refresh)").build();
        }
        Instant built = freshness.storeBuiltAt().get();
        Duration age = Duration.between(built, Instant.now(clock));
        Health.Builder health = Health.up().withDetail("builtAt", built.toString()).withDetail("age", age.withNanos(0).toString())
                .withDetail("maxAge", maxAge.toString());
        freshness.lastIngest().ifPresent(ingest -> health.withDetail("lastIngest", ingest.toString()));
        if (freshness.lastIngest().filter(ingest -> ingest.isAfter(built)).isPresent()) {
            return health.outOfService().withDetail("problem", "the store was built before the last ingest: rebuild it (ioc analytics refresh)").build();
        }
        if (age.compareTo(maxAge) > 0) {
            return health.outOfService().withDetail("problem", "the store is older than " + maxAge).build();
        }
        return health.build();
    }
}
