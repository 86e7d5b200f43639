package vn.ioc.analytics.planning;

import java.util.Map;
import java.util.Objects;

/** A commune's residents by single year of age (index = age, up to 17 at least) and its seats and classrooms per level. */
public record SchoolPlaces(String code, String name, long[] residentsByAge, Map<SchoolLevel, Long> seats,
                           Map<SchoolLevel, Long> classrooms) {
    public SchoolPlaces {
        Objects.requireNonNull(code, "code");
        residentsByAge = residentsByAge.clone();
        if (residentsByAge.length <= SchoolLevel.UPPER_SECONDARY.lastAge()) {
            throw new IllegalArgumentException("commune " + code + ": residents by age must reach age " + SchoolLevel.UPPER_SECONDARY.lastAge());
        }
        seats = Map.copyOf(seats);
        classrooms = Map.copyOf(classrooms);
    }
}
