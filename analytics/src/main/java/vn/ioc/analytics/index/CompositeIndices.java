package vn.ioc.analytics.index;

import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.CompetitionRanks;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.analytics.values.KpiValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores units on a composite index: the component indicators are read for the units (current and previous period,
 * all components in one query), normalised, weighted and added up; each score keeps its contributions.
 */
public final class CompositeIndices {
    private final KpiValues values;
    private final IndexDefinitions definitions;

    public CompositeIndices(KpiValues values, IndexDefinitions definitions) {
        this.values = Objects.requireNonNull(values, "values");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
    }

    public IndexDefinitions definitions() {
        return definitions;
    }

    /** The scores on one of the definitions (checked when they were read). */
    public List<IndexScore> scores(String indexId, UnitLevel by, Unit scope, Period period) {
        return score(definitions.index(indexId), by, scope, period);
    }

    /** The scores on an index built by the caller, checked against the catalogue first. */
    public List<IndexScore> scores(IndexDefinition index, UnitLevel by, Unit scope, Period period) {
        IndexDefinitions.check(index, "index '" + index.id() + "'", values.catalogue());
        return score(index, by, scope, period);
    }

    /** The scores of the units of level {@code by} inside {@code scope}, best first; units without any value last, unranked. */
    private List<IndexScore> score(IndexDefinition index, UnitLevel by, Unit scope, Period period) {
        List<String> kpis = index.groups().stream().flatMap(group -> group.components().stream()).map(IndexDefinition.Component::kpi).toList();
        Map<String, List<List<KpiValue>>> components = values.values(kpis, by, scope, List.of(period.previous(), period));
        Map<String, List<Contribution>> previous = contributions(index, components, 0);
        Map<String, List<Contribution>> current = contributions(index, components, 1);
        Map<String, Integer> previousRanks = CompetitionRanks.of(totals(previous), Direction.HIGHER);
        Map<String, Integer> ranks = CompetitionRanks.of(totals(current), Direction.HIGHER);
        List<IndexScore> scores = new ArrayList<>();
        List<KpiValue> anyComponent = components.values().iterator().next().get(1);
        for (KpiValue unitValue : anyComponent) {
            String code = unitValue.unit().code();
            List<Contribution> parts = current.get(code);
            scores.add(new IndexScore(unitValue.unit(), parts.stream().mapToDouble(Contribution::points).sum(), ranks.get(code),
                    previousRanks.get(code), parts));
        }
        scores.sort(Comparator.comparing((IndexScore score) -> score.rank() == null ? Integer.MAX_VALUE : score.rank())
                .thenComparing(score -> score.unit().code()));
        return scores;
    }

    /** Each unit's contributions in one of the two periods read (0: previous, 1: current). */
    private Map<String, List<Contribution>> contributions(IndexDefinition index, Map<String, List<List<KpiValue>>> components, int periodIndex) {
        Map<String, List<Contribution>> byUnit = new LinkedHashMap<>();
        for (IndexDefinition.Group group : index.groups()) {
            for (IndexDefinition.Component component : group.components()) {
                Kpi kpi = values.catalogue().kpi(component.kpi());
                List<KpiValue> unitValues = components.get(component.kpi()).get(periodIndex);
                double weight = index.scale() * group.weight() / index.groupWeights() * component.weight() / group.componentWeights();
                DoubleSummaryStatistics spread = unitValues.stream().filter(value -> value.value() != null)
                        .mapToDouble(KpiValue::value).summaryStatistics();
                double deviation = standardDeviation(unitValues, spread.getAverage());
                for (KpiValue value : unitValues) {
                    double normalised = value.value() == null ? 0 : normalise(index.normalisation(), kpi, value, spread, deviation);
                    byUnit.computeIfAbsent(value.unit().code(), code -> new ArrayList<>())
                            .add(new Contribution(group.id(), kpi.id(), value.value(), normalised, weight, normalised * weight));
                }
            }
        }
        return byUnit;
    }

    private static double normalise(Normalisation normalisation, Kpi kpi, KpiValue value, DoubleSummaryStatistics spread, double deviation) {
        double v = value.value();
        boolean higher = kpi.direction() == Direction.HIGHER;
        return switch (normalisation) {
            case TARGET_RATIO -> {
                double target = value.target() != null ? value.target() : kpi.thresholds().green();
                if (higher) {
                    yield target <= 0 ? 1 : Math.clamp(v / target, 0, 1);
                }
                yield v <= 0 || v <= target ? 1 : Math.clamp(target / v, 0, 1);
            }
            case MIN_MAX -> {
                double range = spread.getMax() - spread.getMin();
                yield range == 0 ? 1 : (higher ? v - spread.getMin() : spread.getMax() - v) / range;
            }
            case Z_SCORE -> deviation == 0 ? 0 : (higher ? v - spread.getAverage() : spread.getAverage() - v) / deviation;
        };
    }

    private static double standardDeviation(List<KpiValue> values, double mean) {
        double sum = 0;
        int count = 0;
        for (KpiValue value : values) {
            if (value.value() != null) {
                sum += (value.value() - mean) * (value.value() - mean);
                count++;
            }
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    /** Score per unit, null for units with no value on any component. */
    private static Map<String, Double> totals(Map<String, List<Contribution>> contributions) {
        Map<String, Double> totals = new LinkedHashMap<>();
        contributions.forEach((code, parts) -> totals.put(code, parts.stream().allMatch(part -> part.value() == null) ? null
                : parts.stream().mapToDouble(Contribution::points).sum()));
        return totals;
    }
}
