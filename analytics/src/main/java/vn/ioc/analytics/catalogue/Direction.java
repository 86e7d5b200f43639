package vn.ioc.analytics.catalogue;

/** Whether a higher or a lower value of an indicator is better. */
public enum Direction {
    HIGHER, LOWER;

    /** Whether {@code value} is at least as good as {@code bar}. */
    public boolean meets(double value, double bar) {
        return this == HIGHER ? value >= bar : value <= bar;
    }
}
