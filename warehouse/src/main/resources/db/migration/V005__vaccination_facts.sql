-- Vaccine doses given per commune and month, by vaccine, dose number and age group at vaccination
-- (from the birth year in the personal ID). Persons covered follow from the doses: each person has one
-- first dose of a vaccine, one second, and so on. Loaded by ingest, one month per partition.
CREATE TABLE IF NOT EXISTS vaccination_facts
(
    month                Date,
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
PARTITION BY toYYYYMM(month)
ORDER BY (province_code, commune_code, vaccine, dose_number, month);
