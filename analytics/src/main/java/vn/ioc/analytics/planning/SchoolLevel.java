package vn.ioc.analytics.planning;

import java.util.Arrays;
import java.util.Optional;

/** Vietnam's school levels and the ages that attend them (the school year a child turns the first age). */
public enum SchoolLevel {
    /** Mầm non (mẫu giáo): ages 3 to 5. */
    PRESCHOOL("Mầm non", 3, 5),
    /** Tiểu học: ages 6 to 10. */
    PRIMARY("Tiểu học", 6, 10),
    /** Trung học cơ sở: ages 11 to 14. */
    LOWER_SECONDARY("THCS", 11, 14),
    /** Trung học phổ thông: ages 15 to 17. */
    UPPER_SECONDARY("THPT", 15, 17);

    private final String census;
    private final int firstAge;
    private final int lastAge;

    SchoolLevel(String census, int firstAge, int lastAge) {
        this.census = census;
        this.firstAge = firstAge;
        this.lastAge = lastAge;
    }

    /** The level as the school census names it ({@code school_facts.level}). */
    public String census() {
        return census;
    }

    public static Optional<SchoolLevel> fromCensus(String name) {
        return Arrays.stream(values()).filter(level -> level.census.equals(name)).findFirst();
    }

    public int firstAge() {
        return firstAge;
    }

    public int lastAge() {
        return lastAge;
    }
}
