package vn.ioc.analytics.values;

import java.util.List;

/**
 * A value split by one dimension: the total and its parts, small person counts suppressed. The total is null where a
 * lone suppressed part could otherwise be read off it (a breakdown of one part, or of one non-empty part).
 */
public record Breakdown(KpiValue total, String dimension, List<BreakdownCell> cells) {
    public Breakdown {
        cells = List.copyOf(cells);
    }
}
