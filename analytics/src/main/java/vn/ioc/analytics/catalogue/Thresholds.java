package vn.ioc.analytics.catalogue;

/**
 * Legend bands: a value is green when it meets {@code green}, amber when it meets {@code amber}, red otherwise
 * ("meets" in the indicator's direction: at least for higher-is-better, at most for lower-is-better).
 */
public record Thresholds(Double green, Double amber) {
    public Status status(Direction direction, Double value) {
        if (value == null || value.isNaN()) {
            return Status.NONE;
        }
        if (direction.meets(value, green)) {
            return Status.GREEN;
        }
        return direction.meets(value, amber) ? Status.AMBER : Status.RED;
    }
}
