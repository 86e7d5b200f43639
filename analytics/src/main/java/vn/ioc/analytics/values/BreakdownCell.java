package vn.ioc.analytics.values;

/** One part of a breakdown (a sex, an age band, a vaccine...); its value is null where it is suppressed. */
public record BreakdownCell(String part, Double value, Double numerator, Double denominator, boolean suppressed) {
}
