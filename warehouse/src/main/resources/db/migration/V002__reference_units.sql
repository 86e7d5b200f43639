-- The administrative units of the 2025 reform and the crosswalk from the pre-reform communes.
-- Loaded whole by `ioc datasets load` (staged, checked, then swapped in).
CREATE TABLE IF NOT EXISTS provinces
(
    code        LowCardinality(String),
    name        String,
    full_name   String,
    name_en     String,
    unit_type   LowCardinality(String),
    population  UInt64,
    area_km2    Float64
)
ENGINE = MergeTree
ORDER BY code;

CREATE TABLE IF NOT EXISTS communes
(
    code          String,
    name          String,
    full_name     String,
    name_en       String,
    unit_type     LowCardinality(String),
    province_code LowCardinality(String),
    population    UInt64,
    area_km2      Float64
)
ENGINE = MergeTree
ORDER BY (province_code, code);

-- share: the part of the old commune that went to the new one (1 unless split); old_parts: how many old
-- communes merged into the new one; status: mapped, mapped_by_name or unmapped.
CREATE TABLE IF NOT EXISTS commune_crosswalk
(
    old_code          String,
    old_name          String,
    old_district      String,
    old_province      String,
    old_province_code LowCardinality(String),
    new_code          String,
    new_province_code LowCardinality(String),
    share             Float64,
    old_parts         UInt16,
    status            LowCardinality(String)
)
ENGINE = MergeTree
ORDER BY (old_code, new_code);
