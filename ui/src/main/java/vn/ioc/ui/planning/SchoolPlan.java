package vn.ioc.ui.planning;

import vn.ioc.analytics.planning.SchoolAssumptions;
import vn.ioc.analytics.planning.SchoolGap;
import vn.ioc.analytics.planning.SchoolLevel;
import vn.ioc.analytics.planning.SchoolPlaceProjection;
import vn.ioc.analytics.planning.SchoolPlaces;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * School places of a province's communes projected for the next five school years: per level, the places missing and
 * spare, the classrooms to build, and the communes ranked by their gap.
 */
public record SchoolPlan(List<CommuneGaps> communes, SchoolAssumptions assumptions, int currentSchoolYear) {
    /** A commune's gaps at one level for each year ahead (index 0 = one year ahead). */
    public record CommuneGaps(SchoolPlaces commune, SchoolLevel level, List<SchoolGap> byYear) {
        public SchoolGap in(int yearsAhead) {
            return byYear.get(yearsAhead - 1);
        }

        /** Seats to spare in every year ahead: nothing to build here. */
        public boolean surplusThroughout() {
            return SchoolPlaceProjection.surplusThroughout(byYear, level);
        }
    }

    /** One level over all communes in one year ahead. */
    public record LevelSummary(SchoolLevel level, double pupils, long seats, double seatsMissing, double seatsSpare, long classroomsMissing,
                               long communesShort, long communesSurplus) {
    }

    /** Projects every commune; the current school year is the one begun in September of the month's year (or the year before). */
    public static SchoolPlan project(List<SchoolPlaces> places, SchoolAssumptions assumptions, YearMonth asOf) {
        List<CommuneGaps> communes = places.stream().flatMap(commune -> {
            List<SchoolGap> gaps = SchoolPlaceProjection.project(commune, assumptions);
            return Arrays.stream(SchoolLevel.values()).map(level -> new CommuneGaps(commune, level,
                    gaps.stream().filter(gap -> gap.level() == level).sorted(Comparator.comparingInt(SchoolGap::yearsAhead)).toList()));
        }).toList();
        return new SchoolPlan(communes, assumptions, asOf.getMonthValue() >= 9 ? asOf.getYear() : asOf.getYear() - 1);
    }

    /** The school year {@code yearsAhead} years on, as its first calendar year (2027 for 2027–2028). */
    public int schoolYear(int yearsAhead) {
        return currentSchoolYear + yearsAhead;
    }

    public List<CommuneGaps> at(SchoolLevel level) {
        return communes.stream().filter(gaps -> gaps.level() == level).toList();
    }

    /** The communes of a level, the largest gap in the year ahead first. */
    public List<CommuneGaps> ranking(SchoolLevel level, int yearsAhead) {
        return at(level).stream().sorted(Comparator.comparingDouble((CommuneGaps gaps) -> -gaps.in(yearsAhead).seatGap())
                .thenComparing(gaps -> gaps.commune().code())).toList();
    }

    public List<LevelSummary> summaries(int yearsAhead) {
        return Arrays.stream(SchoolLevel.values()).map(level -> {
            List<CommuneGaps> communes = at(level);
            List<SchoolGap> year = communes.stream().map(gaps -> gaps.in(yearsAhead)).toList();
            return new LevelSummary(level, year.stream().mapToDouble(SchoolGap::pupils).sum(), year.stream().mapToLong(SchoolGap::seats).sum(),
                    year.stream().mapToDouble(gap -> Math.max(0, gap.seatGap())).sum(), year.stream().mapToDouble(gap -> Math.max(0, -gap.seatGap())).sum(),
                    year.stream().mapToLong(SchoolGap::classroomsMissing).sum(), year.stream().filter(gap -> gap.seatGap() > 0).count(),
                    communes.stream().filter(CommuneGaps::surplusThroughout).count());
        }).toList();
    }

    public static List<Integer> yearsAhead() {
        return IntStream.rangeClosed(1, SchoolPlaceProjection.YEARS).boxed().toList();
    }
}
