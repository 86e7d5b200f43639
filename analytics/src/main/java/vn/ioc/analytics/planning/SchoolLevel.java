package vn.ioc.analytics.planning;

/** Vietnam's school levels and the ages that attend them (the school year a child turns the first age). */
public enum SchoolLevel {
    /** Mầm non (mẫu giáo): ages 3 to 5. */
    PRESCHOOL(3, 5),
    /** Tiểu học: ages 6 to 10. */
    PRIMARY(6, 10),
    /** Trung học cơ sở: ages 11 to 14. */
    LOWER_SECONDARY(11, 14),
    /** Trung học phổ thông: ages 15 to 17. */
    UPPER_SECONDARY(15, 17);

    private final int firstAge;
    private final int lastAge;

    SchoolLevel(int firstAge, int lastAge) {
        this.firstAge = firstAge;
        this.lastAge = lastAge;
    }

    public int firstAge() {
        return firstAge;
    }

    public int lastAge() {
        return lastAge;
    }
}
