package vn.ioc.analytics.planning;

/**
 * One commune, level and school year ahead: pupils expected, seats, the gap (positive: places missing), and the
 * classrooms needed at the planned class size beyond those there.
 */
public record SchoolGap(String commune, SchoolLevel level, int yearsAhead, double pupils, long seats, long classrooms, long classroomsMissing) {
    public double seatGap() {
        return pupils - seats;
    }
}
