package vn.ioc.analytics.planning;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a projection of school places assumes: the share of each level's ages enrolled, the yearly net migration of
 * children (a rate: 0.01 adds 1 % a year), births each year relative to this year's infants, and the class size to
 * plan classrooms for.
 */
public record SchoolAssumptions(Map<SchoolLevel, Double> enrolment, double netMigration, double birthsRelative, int classSize) {
    public SchoolAssumptions {
        enrolment = Map.copyOf(new EnumMap<>(Objects.requireNonNull(enrolment, "enrolment")));
        for (SchoolLevel level : SchoolLevel.values()) {
            Double rate = enrolment.get(level);
            if (rate == null || rate < 0 || rate > 1.5) {
                throw new IllegalArgumentException("enrolment of " + level + " must be given as a share between 0 and 1.5, got " + rate);
            }
        }
        if (netMigration <= -1 || netMigration > 1) {
            throw new IllegalArgumentException("net migration must be a yearly rate above -1 and at most 1, got " + netMigration);
        }
        if (birthsRelative < 0) {
            throw new IllegalArgumentException("births relative to this year's cannot be negative, got " + birthsRelative);
        }
        if (classSize < 1) {
            throw new IllegalArgumentException("the class size must be at least 1, got " + classSize);
        }
    }

    /** National norms: full enrolment to lower secondary, 80 % in upper secondary; no migration; births as this year; 35 a class. */
    public static SchoolAssumptions standard() {
        return new SchoolAssumptions(Map.of(SchoolLevel.PRESCHOOL, 0.95, SchoolLevel.PRIMARY, 1.0, SchoolLevel.LOWER_SECONDARY, 0.95,
                SchoolLevel.UPPER_SECONDARY, 0.8), 0, 1, 35);
    }
}
