-- Residents of each commune at the end of a month, by single year of age (for school planning), sex and
-- residence type, with the counts the identity KPIs need. Loaded by ingest, one month per partition.
CREATE TABLE IF NOT EXISTS population_facts
(
    period               Date,
    province_code        LowCardinality(String),
    commune_code         String,
    sex                  LowCardinality(String),
    age                  UInt8,
    residence_type       LowCardinality(String),
    residents            UInt64,
    verified             UInt64,
    id_card              UInt64,
    vneid_level2         UInt64,
    insurance_linked     UInt64,
    updated_last_year    UInt64,
    from_pre_reform_code UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(period)
ORDER BY (province_code, commune_code, age, sex, residence_type);

-- What each validation rule checked and failed, per source, unit and month (commune '' when unknown).
CREATE TABLE IF NOT EXISTS data_quality_facts
(
    source        LowCardinality(String),
    period        Date,
    province_code LowCardinality(String),
    commune_code  String,
    rule          LowCardinality(String),
    checked       UInt64,
    failed        UInt64
)
ENGINE = MergeTree
PARTITION BY (source, toYYYYMM(period))
ORDER BY (source, rule, province_code, commune_code);
