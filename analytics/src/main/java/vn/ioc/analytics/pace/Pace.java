package vn.ioc.analytics.pace;

import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.PlausibleRange;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.values.KpiValue;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether a unit reaches an indicator's target in time at its recent pace: the Theil–Sen trend of its monthly values
 * over the last {@value #MONTHS} months (months without a value left out, and said: {@code gaps}), the month the trend
 * line reaches the target, and the verdict against the deadline. A year's target is due at the end of that year (the
 * programme sets targets by year); the target followed is the one of the month's year, else the next year that has one.
 * <p>
 * {@code perMonth}: the pace in the indicator's unit a month, with {@code slowest}..{@code fastest} its 95 % band;
 * {@code reaches}: the month the line reaches the target (empty when reached already, or not within
 * {@value #HORIZON_MONTHS} months at this pace);
 * {@code monthsLate}: months after the deadline it reaches the target (negative: early), empty when never;
 * {@code projection}: the line and its band from the month asked to the deadline or the month reached, whichever is
 * later (five years at most), inside the indicator's plausible range.
 */
public record Pace(String kpi, String unit, YearMonth month, Double value, Double target, Optional<YearMonth> deadline,
                   Verdict verdict, int months, boolean gaps, OptionalDouble perMonth, OptionalDouble slowest, OptionalDouble fastest,
                   Optional<YearMonth> reaches, Optional<Long> monthsLate, List<Projected> projection) {
    /** The months a pace is read over, at most, and the least it needs. */
    public static final int MONTHS = 12;
    public static final int FEWEST_MONTHS = 6;
    /** The furthest ahead a target is said to be reached at a pace, in months: later counts as not at this pace. */
    public static final int HORIZON_MONTHS = 60;

    public enum Verdict {
        /** The last value meets the target. */
        REACHED,
        /** Reaches the target by the deadline at its pace. */
        ON_TRACK,
        /** Late at its pace, in time at the fast end of the band. */
        AT_RISK,
        /** Late (or never) even at the fast end of the band. */
        OFF_TRACK,
        /** Fewer than {@value #FEWEST_MONTHS} months with a value. */
        TOO_FEW_MONTHS,
        /** No target for this year or later. */
        NO_TARGET
    }

    /** A month of the trend line carried on to the deadline (or the month the target is reached), with its band. */
    public record Projected(YearMonth month, double value, double low, double high) {
    }

    public Pace {
        Objects.requireNonNull(verdict, "verdict");
        projection = List.copyOf(projection);
    }

    /**
     * Units the furthest behind first: not at this pace, then by months late, each the furthest from its target first;
     * reached last, those without a verdict after.
     */
    public static final Comparator<Pace> SLIPPING = Comparator.comparing(Pace::withoutVerdict)
            .thenComparing(Comparator.comparingDouble(Pace::monthsBehind).reversed())
            .thenComparing(Comparator.comparingDouble(Pace::shortOfTarget).reversed());

    /** Whether the unit is behind: at risk or off track. */
    public boolean slipping() {
        return verdict == Verdict.AT_RISK || verdict == Verdict.OFF_TRACK;
    }

    private boolean withoutVerdict() {
        return verdict == Verdict.TOO_FEW_MONTHS || verdict == Verdict.NO_TARGET;
    }

    /** How far the last value is from the target (0 without either). */
    private double shortOfTarget() {
        if (value == null || target == null) {
            return 0;
        }
        return Math.abs(target - value);
    }

    /** Months late at this pace: infinite when never, minus infinite when reached. */
    private double monthsBehind() {
        return verdict == Verdict.REACHED ? Double.NEGATIVE_INFINITY : monthsLate.map(Long::doubleValue).orElse(Double.POSITIVE_INFINITY);
    }

    /** Whether an indicator has a target for the month's year or a later one (else every pace says {@link Verdict#NO_TARGET}). */
    public static boolean targetAhead(Kpi kpi, YearMonth month) {
        return kpi.targets().keySet().stream().anyMatch(year -> year >= month.getYear());
    }

    /**
     * The pace a view shows for a series ending with {@code period}: none for a quarter or a year (a pace is read by
     * month) or for an indicator without a target ahead.
     */
    public static Optional<Pace> shown(Kpi kpi, Period period, List<KpiValue> series) {
        boolean monthly = period.kind() == Period.Kind.MONTH;
        return monthly && targetAhead(kpi, YearMonth.from(period.end())) ? Optional.of(of(kpi, series)) : Optional.empty();
    }

    /**
     * The pace of one unit from its values of consecutive months ending with the month asked ({@code series}, oldest
     * first, as {@code AnalyticsService.series} answers): only the last {@value #MONTHS} count.
     */
    public static Pace of(Kpi kpi, List<KpiValue> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a pace needs the series of at least one month");
        }
        KpiValue last = series.getLast();
        YearMonth month = YearMonth.from(last.period().end());
        String unit = last.unit().code();
        List<KpiValue> recent = series.subList(Math.max(0, series.size() - MONTHS), series.size());
        List<KpiValue> measured = recent.stream().filter(value -> value.value() != null).toList();
        boolean gaps = measured.size() < recent.size();
        Optional<Integer> year = kpi.targets().keySet().stream().filter(y -> y >= month.getYear()).min(Comparator.naturalOrder());
        if (year.isEmpty()) {
            return withoutLine(kpi, last, null, Optional.empty(), Verdict.NO_TARGET, measured.size(), gaps);
        }
        double target = kpi.targets().get(year.get());
        YearMonth deadline = YearMonth.of(year.get(), 12);
        if (last.value() != null && kpi.direction().meets(last.value(), target)) {
            return withoutLine(kpi, last, target, Optional.of(deadline), Verdict.REACHED, measured.size(), gaps);
        }
        if (measured.size() < FEWEST_MONTHS) {
            return withoutLine(kpi, last, target, Optional.of(deadline), Verdict.TOO_FEW_MONTHS, measured.size(), gaps);
        }
        double[] x = new double[measured.size()];
        double[] y = new double[measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            x[i] = -ChronoUnit.MONTHS.between(YearMonth.from(measured.get(i).period().end()), month);
            y[i] = measured.get(i).value();
        }
        TheilSen line = TheilSen.fit(x, y);
        Direction direction = kpi.direction();
        Optional<Long> reachIn = monthsToReach(line.at(0), line.slope(), target, direction);
        Optional<Long> reachFastIn = monthsToReach(line.at(0), direction == Direction.HIGHER ? line.fastSlope() : line.slowSlope(), target, direction);
        long left = ChronoUnit.MONTHS.between(month, deadline);
        Verdict verdict = reachIn.filter(in -> in <= left).isPresent() ? Verdict.ON_TRACK
                : reachFastIn.filter(in -> in <= left).isPresent() ? Verdict.AT_RISK : Verdict.OFF_TRACK;
        Optional<YearMonth> reaches = reachIn.map(month::plusMonths);
        long horizon = Math.max(left, reachIn.orElse(left));
        List<Projected> projection = new ArrayList<>();
        for (long ahead = 0; ahead <= Math.min(horizon, HORIZON_MONTHS); ahead++) {
            double low = line.at(0) + Math.min(line.slowSlope(), line.fastSlope()) * ahead;
            double high = line.at(0) + Math.max(line.slowSlope(), line.fastSlope()) * ahead;
            projection.add(new Projected(month.plusMonths(ahead), within(kpi, line.at(ahead)), within(kpi, low), within(kpi, high)));
        }
        return new Pace(kpi.id(), unit, month, last.value(), target, Optional.of(deadline), verdict, measured.size(), gaps,
                OptionalDouble.of(line.slope()), OptionalDouble.of(line.slowSlope()), OptionalDouble.of(line.fastSlope()),
                reaches, reachIn.map(in -> in - left), projection);
    }

    /** A verdict read without a trend line. */
    private static Pace withoutLine(Kpi kpi, KpiValue last, Double target, Optional<YearMonth> deadline, Verdict verdict, int months, boolean gaps) {
        return new Pace(kpi.id(), last.unit().code(), YearMonth.from(last.period().end()), last.value(), target, deadline, verdict, months, gaps,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** A projected value kept inside the values the indicator can take (a rate never passes 100). */
    private static double within(Kpi kpi, double value) {
        PlausibleRange range = kpi.plausible();
        return Math.clamp(value, range.min() == null ? Double.NEGATIVE_INFINITY : range.min(), range.max() == null ? Double.POSITIVE_INFINITY : range.max());
    }

    /**
     * Whole months from the line's level now until it meets the target at {@code slope} a month (at least one); empty
     * when never, or not within {@value #HORIZON_MONTHS} months.
     */
    private static Optional<Long> monthsToReach(double level, double slope, double target, Direction direction) {
        if (direction.meets(level, target)) {
            return Optional.of(1L);
        }
        boolean towards = direction == Direction.HIGHER ? slope > 0 : slope < 0;
        if (!towards) {
            return Optional.empty();
        }
        double months = Math.ceil((target - level) / slope - 1e-9);
        return months > HORIZON_MONTHS ? Optional.empty() : Optional.of(Math.max(1L, (long) months));
    }
}
