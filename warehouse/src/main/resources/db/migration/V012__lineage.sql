-- Where every figure comes from (docs/analytics.md, "Where a figure comes from"): the extract's as-of date of each run,
-- what each rule did to the rows it failed (quarantined, dropped as a duplicate, code mapped by the 2025 crosswalk, or
-- only counted; rows loaded before this column are classified by the rule's id), and which run last replaced each
-- partition of each table.
ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS as_of Nullable(Date);

ALTER TABLE data_quality_facts ADD COLUMN IF NOT EXISTS effect LowCardinality(String)
    DEFAULT multiIf(endsWith(rule, '-DUP'), 'duplicate', endsWith(rule, '-PREREFORM'), 'mapped',
                    rule IN ('POP-NFC', 'VAC-LATE', 'VAC-GAP'), 'counted', 'quarantined');

CREATE TABLE IF NOT EXISTS fact_loads
(
    fact_table   LowCardinality(String),
    partition_id String,
    run_id       UUID,
    loaded_at    DateTime64(3, 'Asia/Ho_Chi_Minh')
)
ENGINE = MergeTree
ORDER BY (fact_table, partition_id, loaded_at);
