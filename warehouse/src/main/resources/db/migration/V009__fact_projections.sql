-- What national dashboards read, kept compact: service facts with a monthly projection by province (the table is
-- rebuilt; its data comes back with the next applications ingest), and a projection of the population snapshots by
-- province. ClickHouse reads a projection instead of the table wherever it answers the query.
DROP TABLE IF EXISTS service_facts;

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
    from_pre_reform_code UInt64,
    PROJECTION by_province_month
    (
        SELECT toStartOfMonth(day), province_code, service_code, channel, full_online, status, sum(applications), sum(resolved),
               sum(resolved_on_time), sum(overdue), sum(digitised), sum(satisfaction_sum), sum(satisfaction_count), sum(from_pre_reform_code)
        GROUP BY toStartOfMonth(day), province_code, service_code, channel, full_online, status
    )
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (province_code, commune_code, day, service_code);

ALTER TABLE population_facts ADD PROJECTION IF NOT EXISTS by_province
(
    SELECT period, province_code, sex, age, residence_type, sum(residents), sum(verified), sum(id_card), sum(vneid_level2),
           sum(insurance_linked), sum(updated_last_year), sum(from_pre_reform_code)
    GROUP BY period, province_code, sex, age, residence_type
);

ALTER TABLE population_facts MATERIALIZE PROJECTION by_province;
