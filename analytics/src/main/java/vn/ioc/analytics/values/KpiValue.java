package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;

/**
 * An indicator's value for a unit and period: {@code numerator / denominator x factor} (null where the denominator
 * is 0 or there are no facts), the year's target and the legend band. {@code fromSplitCommune} flags a value in
 * today's units that holds records made under pre-reform codes, for a unit that is or holds a commune formed from a
 * split one: the ingest gives a split commune's records whole to its largest successor, so such figures are approximate.
 */
public record KpiValue(String kpi, Unit unit, Period period, Double value, double numerator, Double denominator, Double target,
                       Status status, boolean fromSplitCommune) {
}
