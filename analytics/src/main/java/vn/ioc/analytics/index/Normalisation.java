package vn.ioc.analytics.index;

/**
 * How a component's value becomes a 0-1 score before weighting. {@code TARGET_RATIO}: value / target capped at 1
 * (target / value for lower-is-better); {@code MIN_MAX}: position between the worst and best unit scored;
 * {@code Z_SCORE}: standard deviations from the mean of the units scored (not bounded).
 */
public enum Normalisation { TARGET_RATIO, MIN_MAX, Z_SCORE }
