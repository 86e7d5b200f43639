package vn.ioc.ui.ranking;

import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.ranking.RankedUnit;
import vn.ioc.analytics.units.Unit;

/**
 * One line of a ranking of a KPI or an index; {@code rankChange} &gt; 0 means the unit moved up; {@code pace}: its pace
 * to target, for a KPI with a target read by month (else null).
 */
public record RankingRow(Unit unit, Integer rank, Integer rankChange, Double value, Double previousValue, Double change, Status status, Pace pace) {
    public static RankingRow of(RankedUnit ranked, Pace pace) {
        return new RankingRow(ranked.value().unit(), ranked.rank(), ranked.rankChange(), ranked.value().value(), ranked.previousValue(),
                ranked.change(), ranked.value().status(), pace);
    }

    public static RankingRow of(IndexScore score) {
        Integer change = score.rank() != null && score.previousRank() != null ? score.previousRank() - score.rank() : null;
        return new RankingRow(score.unit(), score.rank(), change, score.score(), null, null, Status.NONE, null);
    }
}
