package vn.ioc.ui.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import vn.ioc.ui.live.LiveBoard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far the live feed is behind ({@code ioc_live_feed_lag_seconds}): the age of the newest event Druid holds, read as
 * the live page reads it (shared for a few seconds). Registered only where a live source is configured; no value while
 * the stream has no event.
 */
@Component
public final class LiveFeedLag {
    public LiveFeedLag(LiveBoard live, MeterRegistry meters) {
        if (live.configured()) {
            Gauge.builder("ioc.live.feed.lag", live, LiveFeedLag::lagSeconds).baseUnit("seconds")
                    .description("age of the newest event the live source holds").register(meters);
        }
    }

    private static double lagSeconds(LiveBoard live) {
        return live.read(Optional.empty()).figures()
                .map(figures -> Duration.between(figures.asOf(), Instant.now()).toMillis() / 1000.0).orElse(Double.NaN);
    }
}
