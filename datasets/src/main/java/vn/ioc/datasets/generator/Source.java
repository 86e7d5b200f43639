package vn.ioc.datasets.generator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The source extracts the generator writes, with their columns in file order and their types (see {@link FieldType}). */
public enum Source {
    POPULATION_REGISTRY("population_registry", List.of("personal_id", "full_name", "sex", "birth_date", "commune_code",
            "residence_type", "record_status", "id_card_issued_on", "vneid_level", "health_insurance_linked", "updated_at",
            "collected_on", "verified_on", "vneid_level2_on", "insurance_linked_on", "closed_on"),
            Map.ofEntries(Map.entry("birth_date", FieldType.DATE), Map.entry("id_card_issued_on", FieldType.DATE),
                    Map.entry("vneid_level", FieldType.INTEGER), Map.entry("health_insurance_linked", FieldType.INTEGER),
                    Map.entry("updated_at", FieldType.TIMESTAMP), Map.entry("collected_on", FieldType.DATE), Map.entry("verified_on", FieldType.DATE),
                    Map.entry("vneid_level2_on", FieldType.DATE), Map.entry("insurance_linked_on", FieldType.DATE), Map.entry("closed_on", FieldType.DATE))),
    VACCINATION_REGISTER("vaccination_register", List.of("event_id", "personal_id", "vaccine", "dose_number", "vaccinated_on",
            "facility", "commune_code", "recorded_on"),
            Map.of("dose_number", FieldType.INTEGER, "vaccinated_on", FieldType.DATE, "recorded_on", FieldType.DATE)),
    SCHOOL_CENSUS("school_census", List.of("school_id", "school_name", "level", "commune_code", "ownership", "school_year",
            "pupils_preschool", "pupils_g1", "pupils_g2", "pupils_g3", "pupils_g4", "pupils_g5", "pupils_g6", "pupils_g7",
            "pupils_g8", "pupils_g9", "pupils_g10", "pupils_g11", "pupils_g12", "teachers", "classes", "classrooms", "seats"),
            Map.of()) {
        @Override
        public FieldType type(String column) {
            // Every count is a whole number; the rest (ids, names, the school year 2025-2026) is text.
            return column.startsWith("pupils_") || List.of("teachers", "classes", "classrooms", "seats").contains(column)
                    ? FieldType.INTEGER : FieldType.TEXT;
        }
    },
    PUBLIC_SERVICE_APPLICATIONS("public_service_applications", List.of("application_id", "service_code", "service_name",
            "full_online", "channel", "commune_code", "province_code", "received_at", "due_at", "resolved_at", "status",
            "result_digitised", "satisfaction"),
            Map.of("full_online", FieldType.INTEGER, "received_at", FieldType.TIMESTAMP, "due_at", FieldType.TIMESTAMP,
                    "resolved_at", FieldType.TIMESTAMP, "result_digitised", FieldType.INTEGER, "satisfaction", FieldType.INTEGER)),
    VACCINE_SUPPLY("vaccine_supply", List.of("province_code", "vaccine", "month", "doses_delivered", "doses_held"),
            Map.of("doses_delivered", FieldType.INTEGER, "doses_held", FieldType.INTEGER));

    private final String fileName;
    private final List<String> columns;
    private final Map<String, FieldType> typed;

    /** @param typed the columns that are not text, and their types */
    Source(String fileName, List<String> columns, Map<String, FieldType> typed) {
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
        this.typed = Map.copyOf(typed);
    }

    /** The source whose files have this name, if any. */
    public static Optional<Source> named(String fileName) {
        return Arrays.stream(values()).filter(source -> source.fileName.equals(fileName)).findFirst();
    }

    /** The type of one of its columns in a typed extract. */
    public FieldType type(String column) {
        return typed.getOrDefault(column, FieldType.TEXT);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }
}
