package vn.ioc.analytics.index;

import vn.ioc.analytics.units.Unit;

import java.util.List;

/** A unit's index score, its rank among the units scored, and the contributions that add up to the score. */
public record IndexScore(Unit unit, double score, Integer rank, Integer previousRank, List<Contribution> contributions) {
    public IndexScore {
        contributions = List.copyOf(contributions);
    }
}
