package vn.ioc.datasets.generator;

import java.util.List;

/** The source extracts the generator writes, with their columns in file order. */
public enum Source {
    POPULATION_REGISTRY("population_registry", List.of("personal_id", "full_name", "sex", "birth_date", "commune_code",
            "residence_type", "record_status", "id_card_issued_on", "vneid_level", "health_insurance_linked", "updated_at",
            "collected_on", "verified_on", "vneid_level2_on", "insurance_linked_on", "closed_on")),
    VACCINATION_REGISTER("vaccination_register", List.of("event_id", "personal_id", "vaccine", "dose_number", "vaccinated_on",
            "facility", "commune_code", "recorded_on")),
    SCHOOL_CENSUS("school_census", List.of("school_id", "school_name", "level", "commune_code", "ownership", "school_year",
            "pupils_preschool", "pupils_g1", "pupils_g2", "pupils_g3", "pupils_g4", "pupils_g5", "pupils_g6", "pupils_g7",
            "pupils_g8", "pupils_g9", "pupils_g10", "pupils_g11", "pupils_g12", "teachers", "classes", "classrooms", "seats")),
    PUBLIC_SERVICE_APPLICATIONS("public_service_applications", List.of("application_id", "service_code", "service_name",
            "full_online", "channel", "commune_code", "province_code", "received_at", "due_at", "resolved_at", "status",
            "result_digitised", "satisfaction")),
    VACCINE_SUPPLY("vaccine_supply", List.of("province_code", "vaccine", "month", "doses_delivered", "doses_held"));

    private final String fileName;
    private final List<String> columns;

    Source(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }
}
