-- Online public-service applications received per commune and day, by service, channel and status,
-- with what the service KPIs need. Loaded by ingest, one month per partition.
CREATE TABLE IF NOT EXISTS service_facts
(
    day                  Date,
    province_code        LowCardinality(String),
    commune_code         String,
    service_code         LowCardinality(String),
    channel              LowCardinality(String),
    full_online          UInt8,
    status               LowCardinality(String),
    applications         UInt64,
    resolved             UInt64,
    resolved_on_time     UInt64,
    overdue              UInt64,
    digitised            UInt64,
    satisfaction_sum     UInt64,
    satisfaction_count   UInt64,
    from_pre_reform_code UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (province_code, commune_code, day, service_code);
