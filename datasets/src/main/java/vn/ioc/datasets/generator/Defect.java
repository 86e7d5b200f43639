package vn.ioc.datasets.generator;

import java.util.Locale;

/**
 * The defects real extracts have, which the generator injects at a configurable rate and counts
 * exactly. Row defects hit single rows; file defects hit whole files (one file each per run).
 */
public enum Defect {
    DUPLICATE_RESIDENT(false),
    UNKNOWN_COMMUNE_CODE(false),
    PRE_REFORM_COMMUNE_CODE(false),
    FUTURE_DATE(false),
    IMPOSSIBLE_DATE(false),
    DOSE_FOR_UNKNOWN_PERSON(false),
    DOSE_SEQUENCE_GAP(false),
    BLANK_REQUIRED_FIELD(false),
    NEGATIVE_COUNT(false),
    MALFORMED_CSV_LINE(true),
    NFD_TEXT(false),
    LATE_ARRIVING_RECORD(false),
    UTF8_BOM(false),
    LEGACY_ENCODING(false);

    private final boolean csvOnly;

    Defect(boolean csvOnly) {
        this.csvOnly = csvOnly;
    }

    /** Defects of the CSV text itself, which a Parquet file cannot carry. */
    public boolean csvOnly() {
        return csvOnly || this == UTF8_BOM || this == LEGACY_ENCODING;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
