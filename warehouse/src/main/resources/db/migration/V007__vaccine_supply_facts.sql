-- Vaccine doses delivered to each province in a month and held at the month's end, for the allocation planner.
CREATE TABLE IF NOT EXISTS vaccine_supply_facts
(
    month           Date,
    province_code   LowCardinality(String),
    vaccine         LowCardinality(String),
    doses_delivered UInt64,
    doses_held      UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(month)
ORDER BY (province_code, vaccine, month);
