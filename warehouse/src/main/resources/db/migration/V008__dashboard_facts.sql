-- What dashboards read, kept compact. Vaccination facts by day instead of month, so that the KPIs of doses in the last
-- 7 and 30 days can be read off them; partitioned by year, with monthly projections by province and by commune, so
-- that cumulative coverage (every dose since 2021) is read from a few compact parts. The monthly table is replaced;
-- its data comes back with the next vaccination ingest (the demo reloads a source whose facts are empty). Service
-- facts get a monthly projection by province, population snapshots a projection by province. ClickHouse reads a
-- projection instead of the table wherever it answers the query.
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

ALTER TABLE service_facts ADD PROJECTION IF NOT EXISTS by_province_month
(
    SELECT toStartOfMonth(day), province_code, service_code, channel, full_online, status, sum(applications), sum(resolved),
           sum(resolved_on_time), sum(overdue), sum(digitised), sum(satisfaction_sum), sum(satisfaction_count), sum(from_pre_reform_code)
    GROUP BY toStartOfMonth(day), province_code, service_code, channel, full_online, status
);

ALTER TABLE service_facts MATERIALIZE PROJECTION by_province_month;

ALTER TABLE population_facts ADD PROJECTION IF NOT EXISTS by_province
(
    SELECT period, province_code, sex, age, residence_type, sum(residents), sum(verified), sum(id_card), sum(vneid_level2),
           sum(insurance_linked), sum(updated_last_year), sum(from_pre_reform_code)
    GROUP BY period, province_code, sex, age, residence_type
);

ALTER TABLE population_facts MATERIALIZE PROJECTION by_province;
