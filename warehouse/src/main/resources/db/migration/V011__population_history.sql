-- The population registry's snapshots of the months before an extract are told from the dates it carries (see
-- docs/ingest.md); when a record was last updated before such a month it does not say, so `updated_last_year` is
-- null there (no value for the month), not 0.
ALTER TABLE population_facts DROP PROJECTION IF EXISTS by_province;

ALTER TABLE population_facts MODIFY COLUMN updated_last_year Nullable(UInt64);

ALTER TABLE population_facts ADD PROJECTION IF NOT EXISTS by_province
(
    SELECT period, province_code, sex, age, residence_type, sum(residents), sum(verified), sum(id_card), sum(vneid_level2),
           sum(insurance_linked), sum(updated_last_year), sum(from_pre_reform_code)
    GROUP BY period, province_code, sex, age, residence_type
);

ALTER TABLE population_facts MATERIALIZE PROJECTION by_province;
