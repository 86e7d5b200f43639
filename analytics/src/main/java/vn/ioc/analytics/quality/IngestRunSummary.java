package vn.ioc.analytics.quality;

import java.time.Instant;

/** One ingest run as its log recorded it. */
public record IngestRunSummary(String source, String period, Instant finishedAt, String status, long read, long loadedFrom,
                               long quarantined, long duplicates, String error) {
}
