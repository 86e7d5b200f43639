package vn.ioc.ui.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;
import vn.ioc.ui.data.WarehouseUnavailableException;

/**
 * Readiness: the warehouse answers (the freshness question every page asks, kept a few seconds, so a monitor's polls
 * cost it nothing more). While it does not, the dashboard shows its last figures marked stale: out of service.
 */
@Component
public final class WarehouseHealthIndicator implements HealthIndicator {
    private final DashboardData data;

    public WarehouseHealthIndicator(DashboardData data) {
        this.data = data;
    }

    @Override
    public Health health() {
        try {
            Fresh<DataFreshness> freshness = data.freshness();
            if (freshness.stale()) {
                return Health.outOfService().withDetail("problem", "the warehouse does not answer; pages show the last figures, marked stale")
                        .withDetail("lastAnswer", freshness.asOf().toString()).build();
            }
            return Health.up().withDetail("answeredAt", freshness.asOf().toString()).build();
        } catch (WarehouseUnavailableException e) {
            return Health.outOfService().withDetail("problem", e.getMessage()).build();
        }
    }
}
