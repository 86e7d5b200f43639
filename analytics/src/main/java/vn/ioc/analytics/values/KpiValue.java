package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;

/**
 * An indicator's value for a unit and period: {@code numerator / denominator x factor} (null where the denominator
 * is 0 or there are no facts), the year's target, the legend band, and whether it includes records of a pre-reform
 * commune that was split between new ones (such records are assigned whole to the largest successor).
 */
public record KpiValue(String kpi, Unit unit, Period period, Double value, double numerator, Double denominator, Double target,
                       Status status, boolean fromSplitCommune) {
}
