package vn.ioc.analytics.planning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projections checked against hand computations on a commune with 10 x (age + 1) residents of each age. */
class SchoolPlaceProjectionTest {
    private static final Map<SchoolLevel, Double> ALL_ENROLLED = Map.of(SchoolLevel.PRESCHOOL, 1.0, SchoolLevel.PRIMARY, 1.0,
            SchoolLevel.LOWER_SECONDARY, 1.0, SchoolLevel.UPPER_SECONDARY, 1.0);

    private static SchoolPlaces commune() {
        long[] residents = new long[18];
        for (int age = 0; age < residents.length; age++) {
            residents[age] = 10L * (age + 1);
        }
        return new SchoolPlaces("00001", "Phúc Xá", residents,
                Map.of(SchoolLevel.PRIMARY, 380L, SchoolLevel.LOWER_SECONDARY, 1000L),
                Map.of(SchoolLevel.PRIMARY, 18L, SchoolLevel.LOWER_SECONDARY, 40L));
    }

    private static SchoolGap gap(List<SchoolGap> gaps, SchoolLevel level, int ahead) {
        return gaps.stream().filter(gap -> gap.level() == level && gap.yearsAhead() == ahead).findFirst().orElseThrow();
    }

    @Test
    void cohortsAgeIntoTheirLevels() {
        List<SchoolGap> gaps = SchoolPlaceProjection.project(commune(), new SchoolAssumptions(ALL_ENROLLED, 0, 1, 20));
        assertEquals(5 * 4, gaps.size());
        SchoolGap primary = gap(gaps, SchoolLevel.PRIMARY, 1);
        assertEquals(60 + 70 + 80 + 90 + 100, primary.pupils(), 1e-9, "ages 6-10 next year are 5-9 now");
        assertEquals(20, primary.seatGap(), 1e-9);
        assertEquals(2, primary.classroomsMissing(), "400 pupils in classes of 20 need 20 rooms; 18 exist");
        assertEquals(120, gap(gaps, SchoolLevel.PRESCHOOL, 1).pupils(), 1e-9, "ages 3-5 next year are 2-4 now");
        assertEquals(30, gap(gaps, SchoolLevel.PRESCHOOL, 5).pupils(), 1e-9, "two cohorts not born yet, as many as this year's 10 infants, and the infants");
        assertTrue(SchoolPlaceProjection.surplusThroughout(gaps, SchoolLevel.LOWER_SECONDARY), "1,000 seats for at most 600 pupils");
        assertFalse(SchoolPlaceProjection.surplusThroughout(gaps, SchoolLevel.PRIMARY));
    }

    @Test
    void migrationBirthsAndEnrolmentScaleTheCohorts() {
        List<SchoolGap> migrating = SchoolPlaceProjection.project(commune(), new SchoolAssumptions(ALL_ENROLLED, 0.1, 1, 20));
        assertEquals((140 + 150 + 160) * 1.21, gap(migrating, SchoolLevel.UPPER_SECONDARY, 2).pupils(), 1e-9);
        List<SchoolGap> moreBirths = SchoolPlaceProjection.project(commune(), new SchoolAssumptions(ALL_ENROLLED, 0, 2, 20));
        assertEquals(20 + 10 + 20, gap(moreBirths, SchoolLevel.PRESCHOOL, 4).pupils(), 1e-9, "age 3 not born yet: twice this year's infants");
        Map<SchoolLevel, Double> partly = new java.util.EnumMap<>(ALL_ENROLLED);
        partly.put(SchoolLevel.UPPER_SECONDARY, 0.5);
        assertEquals((140 + 150 + 160) / 2.0, gap(SchoolPlaceProjection.project(commune(), new SchoolAssumptions(partly, 0, 1, 20)),
                SchoolLevel.UPPER_SECONDARY, 2).pupils(), 1e-9);
    }

    @Test
    void impossibleAssumptionsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SchoolAssumptions(ALL_ENROLLED, 0, 1, 0)).getMessage().contains("class size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SchoolAssumptions(Map.of(SchoolLevel.PRIMARY, 1.0), 0, 1, 30))
                .getMessage().contains("PRESCHOOL"));
        assertThrows(IllegalArgumentException.class, () -> new SchoolAssumptions(ALL_ENROLLED, -1, 1, 30));
    }
}
