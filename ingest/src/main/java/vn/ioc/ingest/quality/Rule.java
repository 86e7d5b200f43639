package vn.ioc.ingest.quality;

/** A validation rule: an id that the quarantine and the data-quality facts carry, and what it asks of a row. */
public record Rule(String id, String description) {
}
