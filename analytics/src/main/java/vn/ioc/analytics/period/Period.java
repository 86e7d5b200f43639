package vn.ioc.analytics.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a day, month, quarter, year or year to date, from {@code start} to {@code end}
 * inclusive. Written as {@code 2026-10-05}, {@code 2026-10}, {@code 2026-Q3}, {@code 2026} or
 * {@code 2026-10-YTD} (1 January to the end of October).
 */
public record Period(Kind kind, LocalDate start, LocalDate end) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR_TO_DATE = Pattern.compile("(\\d{4}-\\d{2})-YTD");

    public enum Kind { DAY, MONTH, QUARTER, YEAR, YEAR_TO_DATE }

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** Where the product's days begin and end: a period has begun once its first day has in Vietnam. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** {@link #parse}, refusing a period that has not begun in Vietnam today: no source can have figures for it. */
    public static Period parseBegun(String text) {
        return parse(text).begun(LocalDate.now(VIETNAM));
    }

    /** This period, or a refusal naming it when it begins after {@code today}. */
    public Period begun(LocalDate today) {
        if (start.isAfter(today)) {
            throw new IllegalArgumentException("the period " + code() + " has not begun yet (today is " + today
                    + "): there are no figures for it");
        }
        return this;
    }

    public static Period parse(String text) {
        Objects.requireNonNull(text, "period");
        String code = text.strip().toUpperCase(Locale.ROOT);
        try {
            Matcher quarter = QUARTER.matcher(code);
            Matcher toDate = YEAR_TO_DATE.matcher(code);
            if (quarter.matches()) {
                return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
            } else if (toDate.matches()) {
                return yearToDate(YearMonth.parse(toDate.group(1)));
            } else if (code.matches("\\d{4}")) {
                return year(Integer.parseInt(code));
            } else if (code.matches("\\d{4}-\\d{2}")) {
                return month(YearMonth.parse(code));
            } else if (code.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return day(LocalDate.parse(code));
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a period: write 2026-10-05, 2026-10, 2026-Q3, 2026 or 2026-10-YTD");
    }

    public static Period day(LocalDate day) {
        return new Period(Kind.DAY, day, day);
    }

    public static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period yearToDate(YearMonth through) {
        return new Period(Kind.YEAR_TO_DATE, through.atDay(1).withDayOfYear(1), through.atEndOfMonth());
    }

    /** The period before this one of the same kind (for year to date: the same months a year earlier). */
    public Period previous() {
        return switch (kind) {
            case DAY -> day(start.minusDays(1));
            case MONTH -> month(YearMonth.from(start).minusMonths(1));
            case QUARTER -> quarter(start.minusMonths(3).getYear(), start.minusMonths(3).get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> year(start.getYear() - 1);
            case YEAR_TO_DATE -> yearToDate(YearMonth.from(end).minusYears(1));
        };
    }

    /** The {@code count} periods of this kind ending with this one, oldest first. */
    public List<Period> trailing(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a series needs at least one period, not " + count);
        }
        List<Period> periods = new ArrayList<>();
        Period period = this;
        for (int i = 0; i < count; i++) {
            periods.addFirst(period);
            period = period.previous();
        }
        return periods;
    }

    public String code() {
        return switch (kind) {
            case DAY -> start.toString();
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> Integer.toString(start.getYear());
            case YEAR_TO_DATE -> YearMonth.from(end) + "-YTD";
        };
    }

    @Override
    public String toString() {
        return code();
    }
}
