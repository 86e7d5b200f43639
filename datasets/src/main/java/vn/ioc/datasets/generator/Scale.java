package vn.ioc.datasets.generator;

import java.time.LocalDate;

/**
 * How much to generate. {@code national} is the real size (~100 M residents with the real commune
 * populations), {@code demo} 1% of it across every province and commune, {@code tiny} a few residents
 * per commune, for tests.
 */
public enum Scale {
    TINY(0.0003, LocalDate.of(2024, 9, 1)),
    DEMO(0.01, LocalDate.of(2023, 1, 1)),
    NATIONAL(1.0, LocalDate.of(2023, 1, 1));

    private final double fraction;
    private final LocalDate historyFrom;

    Scale(double fraction, LocalDate historyFrom) {
        this.fraction = fraction;
        this.historyFrom = historyFrom;
    }

    /** Share of the real population generated. */
    public double fraction() {
        return fraction;
    }

    /** First day of the event history (applications) and first school year in the extracts: across the 2025 reform, and 24 months back. */
    public LocalDate historyFrom() {
        return historyFrom;
    }
}
