-- One row per ingest run: what was read, what was loaded, quarantined or dropped as duplicate, and how it ended.
-- Counts reconcile: rows_read = rows_loaded_from + rows_quarantined + rows_duplicate.
CREATE TABLE IF NOT EXISTS ingest_runs
(
    run_id           UUID,
    source           LowCardinality(String),
    period           String,
    started_at       DateTime64(3, 'Asia/Ho_Chi_Minh'),
    finished_at      DateTime64(3, 'Asia/Ho_Chi_Minh'),
    input_files      Array(String),
    input_checksums  Array(String),
    rows_read        UInt64,
    rows_loaded_from UInt64,
    rows_quarantined UInt64,
    rows_duplicate   UInt64,
    rows_written     UInt64,
    duration_ms      UInt64,
    status           LowCardinality(String),
    error            String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY (source, started_at, run_id);
