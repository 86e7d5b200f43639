package vn.ioc.ui.wall;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** The wall screens showing now ({@code ioc_dashboard_wall_screens}): a wall that drops off shows as one fewer. */
@Component
public final class WallScreens {
    private final AtomicInteger showing = new AtomicInteger();

    public WallScreens(MeterRegistry meters) {
        Gauge.builder("ioc.dashboard.wall.screens", showing, AtomicInteger::get).description("wall screens showing now").register(meters);
    }

    void attached() {
        showing.incrementAndGet();
    }

    void detached() {
        showing.decrementAndGet();
    }
}
