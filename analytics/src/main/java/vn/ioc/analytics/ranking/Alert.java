package vn.ioc.analytics.ranking;

import vn.ioc.analytics.values.KpiValue;

/** A laggard: a unit whose value is in the red band, or got worse by at least the alert's number of points. */
public record Alert(KpiValue value, Reason reason, Double previousValue) {
    public enum Reason { BELOW_THRESHOLD, FELL }
}
