package vn.ioc.analytics.catalogue;

/**
 * Which facts a measure reads for a period. {@code PERIOD}: those of the period (for a snapshot fact, the last
 * snapshot in it); {@code CUMULATIVE}: everything up to the period's end; {@code LAST_N_DAYS}: the N days ending
 * with the period's last day.
 */
public enum Window {
    PERIOD(0), CUMULATIVE(0), LAST_7_DAYS(7), LAST_30_DAYS(30), LAST_365_DAYS(365);

    private final int days;

    Window(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }
}
