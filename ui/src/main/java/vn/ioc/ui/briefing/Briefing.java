package vn.ioc.ui.briefing;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.index.IndexDefinition;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Alert;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.values.KpiValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * What a province's briefing says for a period: every indicator with its target, status and national rank; the
 * communes ranked by the composite index; the trends of the key indicators; the laggards; and, when the data is the
 * generator's simulated sample, the share of the population drawn; {@code sources}: where each indicator's value comes
 * from (indicators reading the same facts share one lineage).
 */
public record Briefing(Unit province, Period period, Instant asOf, boolean stale, List<Line> lines, Optional<IndexDefinition> index,
                       List<IndexScore> communes, List<Trend> trends, List<Alert> alerts, OptionalDouble simulatedSample,
                       Map<String, Lineage> sources) {
    /** Where the figures of these indicators come from: the lineages of the province's values, each once. */
    public List<Lineage> sourcesOf(Stream<String> kpis) {
        return kpis.map(sources::get).filter(Objects::nonNull).distinct().toList();
    }

    /**
     * One indicator: its value in the period and the period before, its rank among the provinces, and for a month its
     * pace to target.
     */
    public record Line(Kpi kpi, KpiValue value, Double previousValue, Integer nationalRank, Integer rankChange, int provincesRanked,
                       Optional<Pace> pace) {
        public Double change() {
            return value.value() == null || previousValue == null ? null : value.value() - previousValue;
        }
    }

    /** A key indicator over the last periods. */
    public record Trend(Kpi kpi, List<KpiValue> series) {
    }
}
