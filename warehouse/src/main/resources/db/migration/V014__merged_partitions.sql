-- Each partition of the facts merged into one part by the engine once its parts are a minute old: an ingest swaps in
-- partitions of many parts (its fact files are sent a few at once), the engine's own merges leave a few parts of like
-- size apart, and a query over a year of a national table then opens five times the parts (and their projections'
-- parts) it needs. A minute lets the reads right after an ingest go on from the parts as they came.
ALTER TABLE population_facts MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;

ALTER TABLE data_quality_facts MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;

ALTER TABLE service_facts MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;

ALTER TABLE vaccination_facts MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;

ALTER TABLE school_facts MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;

ALTER TABLE vaccine_supply_facts MODIFY SETTING min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1;
