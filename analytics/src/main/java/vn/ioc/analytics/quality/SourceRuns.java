package vn.ioc.analytics.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A source's last ingest run as the run log recorded it at its end, how long it took, and when one last succeeded. */
public record SourceRuns(IngestRunSummary last, Duration took, Optional<Instant> lastSuccess) {
}
