package vn.ioc.analytics.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * School-age residents projected by cohort ageing: whoever is age {@code a} now is age {@code a + k} in {@code k}
 * years, times the migration factor {@code (1 + m)^k}; children not born yet are this year's infants times the births
 * assumption. Pupils of a level are its ages' residents times its enrolment; the gap is pupils less seats, and
 * classrooms are needed for pupils at the planned class size.
 */
public final class SchoolPlaceProjection {
    public static final int YEARS = 5;

    private SchoolPlaceProjection() {
    }

    /** Residents of one age {@code yearsAhead} years from now. */
    static double residents(SchoolPlaces commune, SchoolAssumptions assumptions, int age, int yearsAhead) {
        int ageNow = age - yearsAhead;
        double migration = Math.pow(1 + assumptions.netMigration(), yearsAhead);
        if (ageNow >= 0) {
            return commune.residentsByAge()[ageNow] * migration;
        }
        // Born after now: as many as this year's infants, times the births assumption, having lived here |ageNow| fewer years.
        return commune.residentsByAge()[0] * assumptions.birthsRelative() * Math.pow(1 + assumptions.netMigration(), age);
    }

    /** The gaps of a commune for each level and each of the next {@link #YEARS} school years (1 to 5 years ahead). */
    public static List<SchoolGap> project(SchoolPlaces commune, SchoolAssumptions assumptions) {
        List<SchoolGap> gaps = new ArrayList<>();
        for (int ahead = 1; ahead <= YEARS; ahead++) {
            for (SchoolLevel level : SchoolLevel.values()) {
                double pupils = 0;
                for (int age = level.firstAge(); age <= level.lastAge(); age++) {
                    pupils += residents(commune, assumptions, age, ahead);
                }
                pupils *= assumptions.enrolment().get(level);
                long classrooms = commune.classrooms().getOrDefault(level, 0L);
                long needed = (long) Math.ceil(pupils / assumptions.classSize() - 1e-9);
                gaps.add(new SchoolGap(commune.code(), level, ahead, pupils, commune.seats().getOrDefault(level, 0L), classrooms,
                        Math.max(0, needed - classrooms)));
            }
        }
        return gaps;
    }

    /** Whether a commune has seats to spare at a level in every projected year (so nothing should be built there). */
    public static boolean surplusThroughout(List<SchoolGap> gaps, SchoolLevel level) {
        return gaps.stream().filter(gap -> gap.level() == level).allMatch(gap -> gap.seatGap() < 0);
    }
}
