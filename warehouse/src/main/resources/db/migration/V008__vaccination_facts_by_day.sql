-- Vaccination facts by day instead of month, so that the KPIs of doses in the last 7 and 30 days can be read off
-- them; partitioned by year, with monthly projections by province and by commune, so that cumulative coverage
-- (every dose since 2021) is read from a few compact parts. The monthly table is replaced; its data comes back
-- with the next vaccination ingest (the demo reloads a source whose facts are empty).
DROP TABLE IF EXISTS vaccination_facts;

CREATE TABLE IF NOT EXISTS vaccination_facts
(
    day                  Date,
    province_code        LowCardinality(String),
    commune_code         String,
    vaccine              LowCardinality(String),
    dose_number          UInt8,
    age_group            LowCardinality(String),
    doses                UInt64,
    recorded_late        UInt64,
    from_pre_reform_code UInt64,
    PROJECTION by_province_month
    (
        SELECT toStartOfMonth(day), province_code, vaccine, dose_number, age_group, sum(doses), sum(recorded_late), sum(from_pre_reform_code)
        GROUP BY toStartOfMonth(day), province_code, vaccine, dose_number, age_group
    ),
    PROJECTION by_commune_month
    (
        SELECT toStartOfMonth(day), province_code, commune_code, vaccine, dose_number, age_group, sum(doses), sum(recorded_late),
               sum(from_pre_reform_code)
        GROUP BY toStartOfMonth(day), province_code, commune_code, vaccine, dose_number, age_group
    )
)
ENGINE = MergeTree
PARTITION BY toYear(day)
ORDER BY (province_code, commune_code, vaccine, dose_number, day);
