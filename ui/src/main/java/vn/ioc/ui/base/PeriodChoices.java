package vn.ioc.ui.base;

import vn.ioc.analytics.period.Period;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The periods offered in period pickers around the latest month with data: months, quarters, years, year to date. */
public final class PeriodChoices {
    private PeriodChoices() {
    }

    public static List<Period> around(YearMonth latest) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            periods.add(Period.month(latest.minusMonths(i)));
        }
        periods.add(Period.yearToDate(latest));
        for (int i = 0; i < 8; i++) {
            YearMonth month = latest.minusMonths(3L * i);
            periods.add(Period.quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1));
        }
        for (int i = 0; i < 3; i++) {
            periods.add(Period.year(latest.getYear() - i));
        }
        return periods.stream().distinct().toList();
    }
}
