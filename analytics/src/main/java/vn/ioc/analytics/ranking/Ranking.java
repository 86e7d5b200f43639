package vn.ioc.analytics.ranking;

import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import java.util.List;
import java.util.Set;

/** The units of a level inside a scope (and in every listed peer group), ranked on one indicator, best first. */
public record Ranking(String kpi, UnitLevel level, Unit scope, Period period, Set<String> peerGroups, List<RankedUnit> units) {
    public Ranking {
        peerGroups = Set.copyOf(peerGroups);
        units = List.copyOf(units);
    }

    /** The {@code n} best ranked units. */
    public List<RankedUnit> top(int n) {
        return ranked().stream().limit(n).toList();
    }

    /** The {@code n} worst ranked units, worst last. */
    public List<RankedUnit> bottom(int n) {
        List<RankedUnit> ranked = ranked();
        return ranked.subList(Math.max(0, ranked.size() - n), ranked.size());
    }

    private List<RankedUnit> ranked() {
        return units.stream().filter(unit -> unit.rank() != null).toList();
    }
}
