package vn.ioc.ui.briefing;

import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.index.IndexDefinition;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.ranking.Alert;
import vn.ioc.analytics.ranking.RankedUnit;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.service.AnalyticsService.BoardQuery;
import vn.ioc.analytics.service.AnalyticsService.IndexQuery;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.ui.charts.TrendChart;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.ui.data.DashboardData;
import vn.ioc.ui.data.Fresh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Gathers a province's briefing from the dashboard's data service, asking its questions at once. */
public final class BriefingAssembler {
    /** A commune that fell by this many points is a laggard whatever its band, as on the province page. */
    private static final double FALL_POINTS = 5;

    private final DashboardData data;

    public BriefingAssembler(DashboardData data) {
        this.data = data;
    }

    public Briefing assemble(Unit province, Period period) {
        List<Kpi> kpis = data.catalogue().kpis();
        List<Kpi> key = keyIndicators(kpis);
        CompletableFuture<Fresh<Map<String, List<KpiValue>>>> askedBoard = data.ask(() -> data.board(new BoardQuery(province.code(), period.code(), TrendChart.length(period) * 2)));
        Map<String, CompletableFuture<Fresh<Ranking>>> askedNational = new LinkedHashMap<>();
        for (Kpi kpi : kpis) {
            askedNational.put(kpi.id(), data.ask(() -> data.ranking(new RankingQuery(kpi.id(), UnitLevel.PROVINCE, Unit.NATION.code(), period.code(), Set.of()))));
        }
        Map<String, CompletableFuture<Fresh<Ranking>>> askedCommunes = new LinkedHashMap<>();
        for (Kpi kpi : key) {
            askedCommunes.put(kpi.id(), data.ask(() -> data.ranking(new RankingQuery(kpi.id(), UnitLevel.COMMUNE, province.code(), period.code(), Set.of()))));
        }
        Optional<IndexDefinition> index = data.catalogue().indices().stream().findFirst();
        Optional<CompletableFuture<Fresh<List<IndexScore>>>> askedIndex = index.map(definition ->
                data.ask(() -> data.index(new IndexQuery(definition.id(), UnitLevel.COMMUNE, province.code(), period.code()))));

        List<Fresh<?>> answers = new ArrayList<>();
        Fresh<Map<String, List<KpiValue>>> board = DashboardData.answer(askedBoard);
        answers.add(board);
        List<Briefing.Line> lines = new ArrayList<>();
        for (Kpi kpi : kpis) {
            List<KpiValue> series = board.value().getOrDefault(kpi.id(), List.of());
            if (series.isEmpty()) {
                continue;
            }
            Fresh<Ranking> national = DashboardData.answer(askedNational.get(kpi.id()));
            answers.add(national);
            Optional<RankedUnit> ranked = national.value().units().stream().filter(unit -> unit.value().unit().equals(province)).findFirst();
            long provincesRanked = national.value().units().stream().filter(unit -> unit.rank() != null).count();
            lines.add(new Briefing.Line(kpi, series.getLast(), series.size() > 1 ? series.get(series.size() - 2).value() : null,
                    ranked.map(RankedUnit::rank).orElse(null), ranked.map(RankedUnit::rankChange).orElse(null), (int) provincesRanked,
                    Pace.shown(kpi, period, series)));
        }
        List<Alert> alerts = new ArrayList<>();
        for (Kpi kpi : key) {
            Fresh<Ranking> communes = DashboardData.answer(askedCommunes.get(kpi.id()));
            answers.add(communes);
            alerts.addAll(data.laggards(communes.value(), FALL_POINTS));
        }
        List<IndexScore> scores = List.of();
        if (askedIndex.isPresent()) {
            Fresh<List<IndexScore>> answered = DashboardData.answer(askedIndex.get());
            answers.add(answered);
            scores = answered.value().stream().filter(score -> score.rank() != null).sorted(Comparator.comparing(IndexScore::rank)).toList();
        }
        List<Briefing.Trend> trends = key.stream().map(kpi -> new Briefing.Trend(kpi, board.value().getOrDefault(kpi.id(), List.of()))).toList();
        Map<String, Lineage> sources = sources(province, period, lines);
        Instant asOf = answers.stream().map(Fresh::asOf).min(Comparator.naturalOrder()).orElseGet(Instant::now);
        Fresh<DataFreshness> freshness = data.freshness();
        answers.add(freshness);
        return new Briefing(province, period, asOf, answers.stream().anyMatch(Fresh::stale), lines, index, scores, trends, alerts,
                freshness.value().simulatedSample(), sources);
    }

    /**
     * Where each indicator's value comes from: asked once for each set of facts and windows the indicators read (their
     * extracts, runs and rows are the same), at once.
     */
    private Map<String, Lineage> sources(Unit province, Period period, List<Briefing.Line> lines) {
        Map<String, CompletableFuture<Fresh<Lineage>>> asked = new LinkedHashMap<>();
        Map<String, String> readsOf = new LinkedHashMap<>();
        for (Briefing.Line line : lines) {
            if (line.value().value() == null) {
                continue;
            }
            String reads = reads(line.kpi());
            readsOf.put(line.kpi().id(), reads);
            asked.computeIfAbsent(reads, any -> data.ask(() -> data.lineage(new ValueQuery(line.kpi().id(), province.code(), period.code()))));
        }
        Map<String, Lineage> sources = new LinkedHashMap<>();
        readsOf.forEach((kpi, reads) -> sources.put(kpi, DashboardData.answer(asked.get(reads)).value()));
        return sources;
    }

    /** The facts and windows an indicator reads (through the indicator a share of communes counts on). */
    private String reads(Kpi kpi) {
        Kpi read = kpi.communeShare() == null ? kpi : data.catalogue().kpi(kpi.communeShare().kpi());
        return Stream.of(read.numerator(), read.denominator()).filter(Objects::nonNull)
                .map(measure -> measure.fact() + ":" + measure.window()).collect(Collectors.joining("/"));
    }

    /** The first indicator of each domain. */
    static List<Kpi> keyIndicators(List<Kpi> kpis) {
        Map<String, Kpi> first = new LinkedHashMap<>();
        kpis.forEach(kpi -> first.putIfAbsent(kpi.domain(), kpi));
        return List.copyOf(first.values());
    }

    /** Indicators off target in the province (red band), to head the alerts. */
    static Stream<Briefing.Line> offTarget(Briefing briefing) {
        return briefing.lines().stream().filter(line -> line.value().status() == Status.RED);
    }
}
