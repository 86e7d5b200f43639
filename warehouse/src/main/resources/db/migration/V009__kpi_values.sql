-- Each KPI's numerator and denominator per unit (nation, province, commune) and month, computed from the facts by
-- `ioc analytics refresh` after every ingest, so that dashboards read a few rows instead of the facts. Replaced whole
-- (staged, then swapped in); kpi_store_state records when, so that a store older than the last ingest is not used.
CREATE TABLE IF NOT EXISTS kpi_values
(
    kpi                  LowCardinality(String),
    level                LowCardinality(String),
    province_code        LowCardinality(String),
    unit_code            String,
    month                Date,
    numerator            Float64,
    denominator          Float64,
    numerator_present    UInt8,
    denominator_present  UInt8,
    from_pre_reform_code UInt8
)
ENGINE = MergeTree
ORDER BY (kpi, level, province_code, month, unit_code);

CREATE TABLE IF NOT EXISTS kpi_store_state
(
    built_at    DateTime64(3, 'Asia/Ho_Chi_Minh'),
    first_month Date,
    last_month  Date,
    kpi_rows    UInt64
)
ENGINE = MergeTree
ORDER BY built_at;
