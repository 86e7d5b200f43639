package vn.ioc.ui.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.ioc.analytics.quality.SourceRuns;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.WarehouseUnavailableException;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Each source's last ingest run, as the run log recorded it at the run's end, as gauges by source: when it ended and
 * whether it failed, rows read and quarantined, how long it took, when a run of the source last succeeded. Read from
 * the warehouse every {@code ioc.metrics.ingest-refresh} (30 s); while the warehouse is away the last values stay.
 */
@Component
public final class IngestRunGauges {
    private final DashboardData data;
    private final List<Gauge> gauges;

    private record Gauge(MultiGauge meter, ToDoubleFunction<SourceRuns> value) {
    }

    public IngestRunGauges(DashboardData data, MeterRegistry meters) {
        this.data = data;
        this.gauges = List.of(
                gauge(meters, "ioc.ingest.last.run.timestamp", "seconds", "when the source's last run ended (Unix time)",
                        runs -> runs.last().finishedAt().toEpochMilli() / 1000.0),
                gauge(meters, "ioc.ingest.last.run.failed", null, "1 when the source's last run failed, else 0",
                        runs -> "ok".equals(runs.last().status()) ? 0 : 1),
                gauge(meters, "ioc.ingest.last.run.rows.read", null, "rows the source's last run read", runs -> runs.last().read()),
                gauge(meters, "ioc.ingest.last.run.rows.quarantined", null, "rows the source's last run quarantined", runs -> runs.last().quarantined()),
                gauge(meters, "ioc.ingest.last.run.duration", "seconds", "how long the source's last run took", runs -> runs.took().toMillis() / 1000.0),
                gauge(meters, "ioc.ingest.last.success.timestamp", "seconds", "when a run of the source last succeeded (Unix time; 0 never)",
                        runs -> runs.lastSuccess().map(at -> at.toEpochMilli() / 1000.0).orElse(0.0)));
    }

    private static Gauge gauge(MeterRegistry meters, String name, String unit, String description, ToDoubleFunction<SourceRuns> value) {
        return new Gauge(MultiGauge.builder(name).baseUnit(unit).description(description).register(meters), value);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${ioc.metrics.ingest-refresh:PT30S}")
    public void refresh() {
        List<SourceRuns> sources;
        try {
            sources = data.lastRunOfEachSource().value();
        } catch (WarehouseUnavailableException e) {
            return;
        }
        for (Gauge gauge : gauges) {
            gauge.meter().register(sources.stream()
                    .map(runs -> MultiGauge.Row.of(Tags.of("source", runs.last().source()), gauge.value().applyAsDouble(runs))).toList(), true);
        }
    }
}
