package vn.ioc.analytics.period;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodTest {
    @Test
    void everyKindParsesAndPrintsBack() {
        for (String code : List.of("2026-10-05", "2026-10", "2026-Q3", "2026", "2026-10-YTD")) {
            assertEquals(code, Period.parse(code).code());
        }
        assertEquals(new Period(Period.Kind.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), Period.parse("2026-q3"));
        assertEquals(new Period(Period.Kind.YEAR_TO_DATE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31)), Period.parse("2026-10-YTD"));
    }

    @Test
    void previousPeriodsStepBackByTheirKind() {
        assertEquals("2026-01-31", Period.parse("2026-02-01").previous().code());
        assertEquals("2025-12", Period.parse("2026-01").previous().code());
        assertEquals("2025-Q4", Period.parse("2026-Q1").previous().code());
        assertEquals("2025", Period.parse("2026").previous().code());
        assertEquals("2025-10-YTD", Period.parse("2026-10-YTD").previous().code());
        assertEquals(List.of("2026-08", "2026-09", "2026-10"), Period.parse("2026-10").trailing(3).stream().map(Period::code).toList());
    }

    @Test
    void badPeriodsAreRefusedWithTheFormsThatWork() {
        for (String bad : List.of("2026-13", "2026-Q5", "yesterday", "2026-02-30", "")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Period.parse(bad));
            assertTrue(error.getMessage().contains("2026-Q3"), error.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2026").trailing(0));
    }
}
