package vn.ioc.analytics.index;

/**
 * What one indicator adds to a unit's index score: its value (null where the unit has none, which adds nothing),
 * its normalised score, its share of the index's weight, and the points it contributes.
 */
public record Contribution(String group, String kpi, Double value, double normalised, double weight, double points) {
}
