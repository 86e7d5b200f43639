-- Vaccination facts by day instead of month, so that the KPIs of doses in the last 7 and 30 days can be read off
-- them. The monthly table is replaced; its data comes back with the next vaccination ingest.
DROP TABLE IF EXISTS vaccination_facts;

CREATE TABLE vaccination_facts
(
    day                  Date,
    province_code        LowCardinality(String),
    commune_code         String,
    vaccine              LowCardinality(String),
    dose_number          UInt8,
    age_group            LowCardinality(String),
    doses                UInt64,
    recorded_late        UInt64,
    from_pre_reform_code UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (province_code, commune_code, vaccine, dose_number, day);
