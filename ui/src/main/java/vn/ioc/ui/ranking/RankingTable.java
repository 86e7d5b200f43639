package vn.ioc.ui.ranking;

import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.service.AnalyticsService.IndexQuery;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.ui.export.Table;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The rows of a ranking of provinces or communes by a KPI or by a composite index (whose ids the catalogue tells apart);
 * for a KPI with a target ahead read by month, each with its pace to target.
 */
public final class RankingTable {
    private RankingTable() {
    }

    public static Fresh<List<RankingRow>> rows(DashboardData data, String indicator, UnitLevel level, String scope, Period period, Set<String> groups) {
        if (data.catalogue().index(indicator).isPresent()) {
            Fresh<List<IndexScore>> scores = data.index(new IndexQuery(indicator, level, scope, period.code()));
            List<RankingRow> rows = scores.value().stream()
                    .filter(score -> score.unit().tags().containsAll(groups)).map(RankingRow::of).toList();
            return new Fresh<>(rows, scores.asOf(), scores.stale());
        }
        RankingQuery query = new RankingQuery(indicator, level, scope, period.code(), groups);
        boolean paced = period.kind() == Period.Kind.MONTH && Pace.targetAhead(data.catalogue().kpi(indicator), YearMonth.from(period.end()));
        CompletableFuture<Fresh<List<Pace>>> askedPaces = paced ? data.ask(() -> data.paces(query)) : null;
        Fresh<Ranking> ranking = data.ranking(query);
        Map<String, Pace> paces = paced ? DashboardData.answer(askedPaces).value().stream().collect(Collectors.toMap(Pace::unit, pace -> pace)) : Map.of();
        return new Fresh<>(ranking.value().units().stream().map(ranked -> RankingRow.of(ranked, paces.get(ranked.value().unit().code()))).toList(),
                ranking.asOf(), ranking.stale());
    }

    /** A ranking to download, one line per unit. */
    public static Table export(List<RankingRow> rows, String indicator, String period) {
        return new Table(indicator, List.of("indicator", "period", "rank", "rank_change", "unit_code", "unit_name", "value", "previous_value", "change",
                "status", "pace", "target_reached_in", "months_late"), rows.stream().map(row -> Arrays.asList(indicator, period, row.rank(), row.rankChange(),
                row.unit().code(), row.unit().name(), row.value(), row.previousValue(), row.change(), row.status(),
                row.pace() == null ? null : row.pace().verdict(), row.pace() == null ? null : row.pace().reaches().map(YearMonth::toString).orElse(null),
                row.pace() == null ? null : row.pace().monthsLate().orElse(null))).toList());
    }
}
