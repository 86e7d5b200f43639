package vn.ioc.analytics.ranking;

import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.analytics.values.KpiValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rankings of provinces nationally and of communes within a province or nationally, with rank change against the
 * previous period, peer-group filters and laggard alerts. The current and previous periods are read in one query.
 */
public final class Rankings {
    private final KpiValues values;

    public Rankings(KpiValues values) {
        this.values = Objects.requireNonNull(values, "values");
    }

    /** Ranks the units of level {@code by} inside {@code scope} that are in every one of {@code peerGroups}. */
    public Ranking rank(String kpiId, UnitLevel by, Unit scope, Period period, Set<String> peerGroups) {
        if (by == UnitLevel.NATION) {
            throw new IllegalArgumentException("rankings are of provinces or communes");
        }
        peerGroups.forEach(group -> {
            if (values.units().group(group).level() != by) {
                throw new IllegalArgumentException("peer group '" + group + "' is not a group of " + by.name().toLowerCase(Locale.ROOT) + "s");
            }
        });
        Kpi kpi = values.catalogue().kpi(kpiId);
        List<List<KpiValue>> both = values.values(kpiId, by, scope, List.of(period.previous(), period));
        Map<String, KpiValue> previous = new LinkedHashMap<>();
        Map<String, KpiValue> current = new LinkedHashMap<>();
        both.get(0).stream().filter(value -> value.unit().tags().containsAll(peerGroups)).forEach(value -> previous.put(value.unit().code(), value));
        both.get(1).stream().filter(value -> value.unit().tags().containsAll(peerGroups)).forEach(value -> current.put(value.unit().code(), value));
        Map<String, Integer> ranks = CompetitionRanks.of(valuesOf(current), kpi.direction());
        Map<String, Integer> previousRanks = CompetitionRanks.of(valuesOf(previous), kpi.direction());
        List<RankedUnit> ranked = new ArrayList<>();
        current.forEach((code, value) -> {
            Integer rank = ranks.get(code);
            Integer before = previousRanks.get(code);
            Double previousValue = previous.get(code).value();
            ranked.add(new RankedUnit(value, rank, before, rank != null && before != null ? before - rank : null, previousValue,
                    value.value() != null && previousValue != null ? value.value() - previousValue : null));
        });
        ranked.sort(Comparator.comparing((RankedUnit unit) -> unit.rank() == null ? Integer.MAX_VALUE : unit.rank())
                .thenComparing(unit -> unit.value().unit().code()));
        return new Ranking(kpiId, by, scope, period, peerGroups, ranked);
    }

    /**
     * The laggards of a ranking: units in the red band, and units whose value got worse (in the indicator's
     * direction) by at least {@code fallPoints} against the previous period.
     */
    public List<Alert> laggards(Ranking ranking, double fallPoints) {
        return laggards(ranking, values.catalogue().kpi(ranking.kpi()), fallPoints);
    }

    /** {@link #laggards(Ranking, double)} where the ranking's indicator is at hand: no query, only the ranking. */
    public static List<Alert> laggards(Ranking ranking, Kpi kpi, double fallPoints) {
        List<Alert> alerts = new ArrayList<>();
        for (RankedUnit unit : ranking.units()) {
            if (unit.value().status() == Status.RED) {
                alerts.add(new Alert(unit.value(), Alert.Reason.BELOW_THRESHOLD, unit.previousValue()));
            }
            if (unit.change() != null && (kpi.direction() == Direction.HIGHER ? -unit.change() : unit.change()) >= fallPoints) {
                alerts.add(new Alert(unit.value(), Alert.Reason.FELL, unit.previousValue()));
            }
        }
        return alerts;
    }

    private static Map<String, Double> valuesOf(Map<String, KpiValue> values) {
        Map<String, Double> plain = new LinkedHashMap<>();
        values.forEach((code, value) -> plain.put(code, value.value()));
        return plain;
    }
}
