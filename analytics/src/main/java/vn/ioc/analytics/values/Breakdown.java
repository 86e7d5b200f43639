package vn.ioc.analytics.values;

import java.util.List;

/** A value split by one dimension: the total and its parts, small person counts suppressed. */
public record Breakdown(KpiValue total, String dimension, List<BreakdownCell> cells) {
    public Breakdown {
        cells = List.copyOf(cells);
    }
}
