package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An indicator's value for a unit and period: {@code numerator / denominator x factor} (null where the denominator
 * is 0 or there are no facts), the year's target and the legend band. {@code fromSplitCommune} flags a value in
 * today's units that holds records made under pre-reform codes, for a unit that is or holds a commune formed from a
 * split one: the ingest gives a split commune's records whole to its largest successor, so such figures are approximate.
 * {@code asOf}: the last day the value reads (a registry's latest snapshot inside the period, the last month of
 * events), null without a value; before the period's last month, the figure says "as of" it.
 */
public record KpiValue(String kpi, Unit unit, Period period, Double value, double numerator, Double denominator, Double target,
                       Status status, boolean fromSplitCommune, LocalDate asOf) {
    /** Whether the value is as of a month before the period's last one (a quarter read from its first month's snapshot). */
    public boolean asOfEarlierMonth() {
        return asOf != null && YearMonth.from(asOf).isBefore(YearMonth.from(period.end()));
    }
}
