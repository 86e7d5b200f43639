-- Schools per commune and school year, by level and ownership: pupils, teachers, classes, classrooms and
-- seats, and how many schools hold more pupils than seats. Loaded by ingest, one school year per partition.
CREATE TABLE IF NOT EXISTS school_facts
(
    school_year          Date,
    province_code        LowCardinality(String),
    commune_code         String,
    level                LowCardinality(String),
    ownership            LowCardinality(String),
    schools              UInt64,
    pupils               UInt64,
    teachers             UInt64,
    classes              UInt64,
    classrooms           UInt64,
    seats                UInt64,
    over_capacity        UInt64,
    from_pre_reform_code UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(school_year)
ORDER BY (province_code, commune_code, level, school_year);
