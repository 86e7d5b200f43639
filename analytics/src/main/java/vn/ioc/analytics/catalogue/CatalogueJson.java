package vn.ioc.analytics.catalogue;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the module's definition files (KPIs, indices) are read: enum values in any case, unknown fields refused (a
 * misspelt field is an error, not silently ignored), absent numbers read as 0 for the checks to catch.
 */
public final class CatalogueJson {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CatalogueJson() {
    }
}
