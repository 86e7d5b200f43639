-- When the extracts are a sample (the generator's demo and test data), the sample's design: for each commune, the
-- statistics office's population, the residents drawn, and the whole number of people each stands for. Ingest
-- multiplies the person counts of the facts by the weight (so figures show at the nation's size and a numerator
-- and its denominator come from one population) and replaces this table with each run's design, or empties it for
-- extracts that are not a sample. The dashboard labels figures as simulated while it holds rows.
CREATE TABLE IF NOT EXISTS sample_design
(
    commune_code  String,
    province_code LowCardinality(String),
    population    UInt64,
    sampled       UInt64,
    weight        UInt64
)
ENGINE = MergeTree
ORDER BY commune_code;
