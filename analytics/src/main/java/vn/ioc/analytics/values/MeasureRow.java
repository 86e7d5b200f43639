package vn.ioc.analytics.values;

/**
 * One row of an indicator query: a period's index in the selection, a unit, a dimension value, the two sides, and
 * whether any of the rows read were mapped from pre-reform codes.
 */
record MeasureRow(int period, String unit, String part, double numerator, double denominator, boolean fromPreReformCode) {
}
