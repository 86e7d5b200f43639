package vn.ioc.analytics.values;

/** One row of an indicator query: a period's index in the selection, a unit, a dimension value and the two sides. */
record MeasureRow(int period, String unit, String part, double numerator, double denominator, boolean fromSplitCommune) {
}
