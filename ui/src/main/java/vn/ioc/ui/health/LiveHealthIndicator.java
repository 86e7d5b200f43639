package vn.ioc.ui.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.ioc.ui.live.LiveBoard;

import java.util.Optional;

/** Readiness: the live source (Druid) answers, when one is configured; without one, nothing to check. */
@Component
public final class LiveHealthIndicator implements HealthIndicator {
    private final LiveBoard live;

    public LiveHealthIndicator(LiveBoard live) {
        this.live = live;
    }

    @Override
    public Health health() {
        if (!live.configured()) {
            return Health.up().withDetail("live", "no live source configured").build();
        }
        LiveBoard.Reading reading = live.read(Optional.empty());
        return reading.stale() ? Health.outOfService().withDetail("problem", reading.problem()).build() : Health.up().build();
    }
}
