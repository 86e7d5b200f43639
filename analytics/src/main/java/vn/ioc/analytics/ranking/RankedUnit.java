package vn.ioc.analytics.ranking;

import vn.ioc.analytics.values.KpiValue;

/**
 * A unit's place in a ranking: its rank (null without a value), its rank in the previous period among the same units,
 * how many places it rose (negative: fell), and its value's change against the previous period.
 */
public record RankedUnit(KpiValue value, Integer rank, Integer previousRank, Integer rankChange, Double previousValue, Double change) {
}
