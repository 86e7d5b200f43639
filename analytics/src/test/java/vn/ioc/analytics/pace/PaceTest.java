package vn.ioc.analytics.pace;

import org.junit.jupiter.api.Test;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.pace.Pace.Verdict;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paces of hand-made series with known answers, asked in June 2025: the verified-record rate's 2025 target is 95 %,
 * due in December 2025, six months on; the DTP drop-out rate's is at most 10 %.
 */
class PaceTest {
    private static final KpiCatalogue CATALOGUE = KpiCatalogue.standard();
    private static final Kpi VERIFIED = CATALOGUE.kpi("population.verified_rate");
    private static final Kpi DROPOUT = CATALOGUE.kpi("vaccination.dtp_dropout");
    private static final YearMonth ASKED = YearMonth.of(2025, 6);
    private static final Unit HANOI = new Unit(UnitLevel.PROVINCE, "01", "Hà Nội", "Ha Noi", "Thành phố", "01", Set.of());

    /** Twelve months to {@link #ASKED}, month {@code k} (0 the oldest) valued {@code value.apply(k)}. */
    private static List<KpiValue> series(Kpi kpi, IntFunction<Double> value) {
        List<KpiValue> series = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            Period month = Period.month(ASKED.minusMonths(11 - k));
            Double v = value.apply(k);
            series.add(new KpiValue(kpi.id(), HANOI, month, v, v == null ? 0 : v, 100.0, null, Status.NONE, false, v == null ? null : month.end()));
        }
        return series;
    }

    @Test
    void aStraightLineReachesTheTargetWhereItCrossesIt() {
        Pace pace = Pace.of(VERIFIED, series(VERIFIED, k -> 80.0 + k));
        assertEquals(Verdict.ON_TRACK, pace.verdict());
        assertEquals(1.0, pace.perMonth().orElseThrow(), 1e-9);
        assertEquals(Optional.of(YearMonth.of(2025, 10)), pace.reaches(), "91 in June, one point a month: 95 in October");
        assertEquals(Optional.of(-2L), pace.monthsLate(), "two months before the December deadline");
        assertEquals(12, pace.months());
        assertFalse(pace.gaps());
        assertEquals(95.0, pace.target());
        assertEquals(Optional.of(YearMonth.of(2025, 12)), pace.deadline());
        assertEquals(YearMonth.of(2025, 12), pace.projection().getLast().month(), "projected to the deadline");
        assertEquals(97.0, pace.projection().getLast().value(), 1e-9);
    }

    @Test
    void oneWildMonthDoesNotBendThePace() {
        Pace pace = Pace.of(VERIFIED, series(VERIFIED, k -> k == 5 ? 20.0 : 80.0 + k));
        assertEquals(1.0, pace.perMonth().orElseThrow(), 1e-9);
        assertEquals(Optional.of(YearMonth.of(2025, 10)), pace.reaches());
    }

    @Test
    void tooSlowIsLateAndANoisyPaceThatCouldMakeItIsAtRisk() {
        Pace slow = Pace.of(VERIFIED, series(VERIFIED, k -> 85.0 + 0.5 * k));
        assertEquals(Verdict.OFF_TRACK, slow.verdict(), "90.5, half a point a month: 95 in March 2026, its band no wider");
        assertEquals(Optional.of(YearMonth.of(2026, 3)), slow.reaches());
        assertEquals(Optional.of(3L), slow.monthsLate());

        double[] noisy = {85.5, 84.1, 85.7, 88.3, 84.9, 88.5, 88.1, 87.7, 91.3, 87.9, 91.5, 91.1};
        Pace risky = Pace.of(VERIFIED, series(VERIFIED, k -> noisy[k]));
        assertEquals(Verdict.AT_RISK, risky.verdict(), "0.6 a month: a month late; the fast end of its band in time");
        assertEquals(0.6, risky.perMonth().orElseThrow(), 1e-9);
        assertEquals(Optional.of(YearMonth.of(2026, 1)), risky.reaches());
        assertTrue(risky.fastest().orElseThrow() > 0.8 && risky.slowest().orElseThrow() < 0.2, risky.toString());
        Pace.Projected deadline = risky.projection().getLast();
        assertTrue(deadline.low() < deadline.value() && deadline.value() < deadline.high(), "the band around the line");
    }

    @Test
    void aPlateauOrADeclineNeverGetsThere() {
        Pace flat = Pace.of(VERIFIED, series(VERIFIED, k -> 90.0));
        assertEquals(Verdict.OFF_TRACK, flat.verdict());
        assertEquals(Optional.empty(), flat.reaches());
        assertEquals(Optional.empty(), flat.monthsLate());
        assertEquals(0.0, flat.perMonth().orElseThrow());

        Pace crawling = Pace.of(VERIFIED, series(VERIFIED, k -> 89.0 + 0.05 * k));
        assertEquals(Verdict.OFF_TRACK, crawling.verdict());
        assertEquals(Optional.empty(), crawling.reaches(), "89.55, 0.05 a month: 95 only in 9 years, past the horizon of " + Pace.HORIZON_MONTHS);

        Pace falling = Pace.of(VERIFIED, series(VERIFIED, k -> 92.0 - 0.5 * k));
        assertEquals(Verdict.OFF_TRACK, falling.verdict());
        assertEquals(-0.5, falling.perMonth().orElseThrow(), 1e-9);
        assertEquals(Optional.empty(), falling.reaches());
    }

    @Test
    void tooFewMonthsGiveNoPaceAndGapsAreSaid() {
        Pace few = Pace.of(VERIFIED, series(VERIFIED, k -> k < 7 ? null : 80.0 + k));
        assertEquals(Verdict.TOO_FEW_MONTHS, few.verdict());
        assertEquals(5, few.months());
        assertTrue(few.perMonth().isEmpty());
        assertTrue(few.projection().isEmpty());

        Pace gapped = Pace.of(VERIFIED, series(VERIFIED, k -> k == 2 || k == 6 || k == 9 ? null : 80.0 + k));
        assertEquals(Verdict.ON_TRACK, gapped.verdict());
        assertEquals(9, gapped.months(), "projected over the months it has");
        assertTrue(gapped.gaps());
        assertEquals(1.0, gapped.perMonth().orElseThrow(), 1e-9);
    }

    @Test
    void aTargetMetIsReachedWhicheverWayIsBetter() {
        Pace met = Pace.of(VERIFIED, series(VERIFIED, k -> 90.0 + k * 0.5));
        assertEquals(Verdict.REACHED, met.verdict(), "95.5 in June");
        assertTrue(met.projection().isEmpty());

        assertEquals(Verdict.REACHED, Pace.of(DROPOUT, series(DROPOUT, k -> 20.0 - k)).verdict(), "a drop-out of 9 %, at most 10 wanted");
        Pace falling = Pace.of(DROPOUT, series(DROPOUT, k -> 25.0 - k));
        assertEquals(Verdict.ON_TRACK, falling.verdict(), "14 % in June, a point less a month: 10 in October");
        assertEquals(Optional.of(YearMonth.of(2025, 10)), falling.reaches());
    }

    @Test
    void theSlippingComeFirst() {
        Pace never = Pace.of(VERIFIED, series(VERIFIED, k -> 90.0));
        Pace late = Pace.of(VERIFIED, series(VERIFIED, k -> 85.0 + 0.5 * k));
        Pace early = Pace.of(VERIFIED, series(VERIFIED, k -> 80.0 + k));
        Pace reached = Pace.of(VERIFIED, series(VERIFIED, k -> 96.0));
        Pace unknown = Pace.of(VERIFIED, series(VERIFIED, k -> k < 8 ? null : 90.0));
        assertEquals(List.of(never, late, early, reached, unknown),
                java.util.stream.Stream.of(reached, unknown, early, never, late).sorted(Pace.SLIPPING).toList());
    }

    @Test
    void noTargetAheadNoVerdict() {
        Kpi doses = CATALOGUE.kpi("vaccination.doses_in_period");
        assertEquals(Verdict.NO_TARGET, Pace.of(doses, series(doses, k -> 100.0 + k)).verdict());
    }
}
