package vn.ioc.ui.data;

import vn.ioc.analytics.units.PeerGroup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.planning.SchoolPlaces;
import vn.ioc.analytics.planning.VaccinationSite;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.analytics.quality.IngestRunSummary;
import vn.ioc.analytics.quality.RuleQuality;
import vn.ioc.analytics.quality.SourceRuns;
import vn.ioc.analytics.ranking.Alert;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.ranking.Rankings;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.analytics.service.AnalyticsService.BoardQuery;
import vn.ioc.analytics.service.AnalyticsService.BreakdownQuery;
import vn.ioc.analytics.service.AnalyticsService.IndexQuery;
import vn.ioc.analytics.service.AnalyticsService.PaceQuery;
import vn.ioc.analytics.service.AnalyticsService.RankingQuery;
import vn.ioc.analytics.service.AnalyticsService.SeriesQuery;
import vn.ioc.analytics.service.AnalyticsService.ValueQuery;
import vn.ioc.analytics.service.KeptAnswers;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.Breakdown;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.analytics.values.WarehouseQueryException;
import vn.ioc.ui.access.CurrentUser;
import vn.ioc.ui.access.Refusals;
import vn.ioc.ui.access.ScopeRefusal;
import vn.ioc.ui.access.ScopeRefusal.Reason;
import vn.ioc.ui.access.DashboardUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What every view and the JSON API read, for the signed-in user: scoping is enforced here (a provincial leader is
 * refused other provinces' communes, and the refusal is logged), and when the warehouse cannot be reached the last
 * answer to the same question is returned, marked stale, so that screens keep their figures and recover by themselves.
 * <p>
 * The figures change only when an ingest lands or the KPI store is rebuilt, so an answer is kept (for every user: the
 * scope is checked before) with the build it was read from, and given again without asking the warehouse while
 * {@link #freshness()} still reports that build. The answers kept are bounded by their rows ({@code maxRows}).
 */
public final class DashboardData implements AutoCloseable {
    /** How long an answer to {@link #freshness()} is kept before the warehouse is asked again. */
    public static final Duration FRESHNESS_KEPT = Duration.ofSeconds(5);

    private final AnalyticsPool pool;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Refusals refusals;
    private final MeterRegistry meters;
    /** The last good answer to each question, with the build it was read from (null: not reused, only kept for outages). */
    private final KeptAnswers<Fresh<?>> answers;
    private final Counter hits;
    private final Counter misses;
    /** Questions asked at once (see {@link #ask}). */
    private final ExecutorService askers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Catalogue catalogue;
    private volatile Fresh<DataFreshness> freshness;

    /**
     * {@code meters}: each question's time by kind ({@code ioc_dashboard_warehouse_query_seconds}), answers given from
     * memory or asked ({@code ioc_dashboard_answer_cache_total}), last answers served stale; {@code maxRows}: how many
     * rows the answers kept may hold in all.
     */
    public DashboardData(AnalyticsPool pool, CurrentUser currentUser, Clock clock, Refusals refusals, MeterRegistry meters, long maxRows) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.answers = new KeptAnswers<>(maxRows, answer -> rows(answer.value()));
        this.hits = meters.counter("ioc.dashboard.answer.cache", "result", "hit");
        this.misses = meters.counter("ioc.dashboard.answer.cache", "result", "miss");
        meters.gauge("ioc.dashboard.answer.cache.rows", answers, KeptAnswers::weight);
    }

    public Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known == null) {
            known = fetch("catalogue", service -> {
                Map<UnitLevel, List<PeerGroup>> groups = new EnumMap<>(UnitLevel.class);
                for (UnitLevel level : List.of(UnitLevel.PROVINCE, UnitLevel.COMMUNE)) {
                    groups.put(level, service.peerGroups(level));
                }
                Map<String, Unit> communes = service.communes(Unit.NATION.code()).stream()
                        .collect(Collectors.toMap(Unit::code, unit -> unit, (a, b) -> a, LinkedHashMap::new));
                return new Catalogue(service.kpis(), service.indices(), service.provinces(), communes, groups);
            }).value();
            catalogue = known;
        }
        return known;
    }

    /** The month dashboards open on: the last the KPI store holds, else the last complete month. */
    public YearMonth latestMonth() {
        try {
            return freshness().value().latestMonth().orElseGet(() -> YearMonth.now(clock).minusMonths(1));
        } catch (WarehouseUnavailableException e) {
            return YearMonth.now(clock).minusMonths(1);
        }
    }

    /** How current the warehouse is; asked at most every few seconds, as every view wants it. */
    public Fresh<DataFreshness> freshness() {
        Fresh<DataFreshness> known = freshness;
        if (known == null || known.stale() || known.asOf().plus(FRESHNESS_KEPT).isBefore(Instant.now(clock))) {
            known = fetch("freshness", AnalyticsService::freshness);
            freshness = known;
        }
        return known;
    }

    public Fresh<KpiValue> value(ValueQuery query) {
        allowUnit(query.unit());
        return kept(query, service -> service.value(query));
    }

    public Fresh<Map<String, List<KpiValue>>> board(BoardQuery query) {
        allowUnit(query.unit());
        return kept(query, service -> service.board(query));
    }

    public Fresh<List<KpiValue>> series(SeriesQuery query) {
        allowUnit(query.unit());
        return kept(query, service -> service.series(query));
    }

    public Fresh<Pace> pace(PaceQuery query) {
        allowUnit(query.unit());
        return kept(query, service -> service.pace(query));
    }

    public Fresh<Breakdown> breakdown(BreakdownQuery query) {
        allowUnit(query.unit());
        return kept(query, service -> service.breakdown(query));
    }

    public Fresh<Ranking> ranking(RankingQuery query) {
        allowRanking(query.level(), query.scope());
        return kept(query, service -> service.ranking(query));
    }

    /** The pace to target of every unit of a ranking (see {@link AnalyticsService#paces}). */
    public Fresh<List<Pace>> paces(RankingQuery query) {
        allowRanking(query.level(), query.scope());
        return kept(List.of("paces", query), service -> service.paces(query));
    }

    /** The laggards of a ranking already read (no query). */
    public List<Alert> laggards(Ranking ranking, double fallPoints) {
        return Rankings.laggards(ranking, catalogue().kpi(ranking.kpi()), fallPoints);
    }

    public Fresh<List<IndexScore>> index(IndexQuery query) {
        allowRanking(query.level(), query.scope());
        return kept(query, service -> service.index(query));
    }

    public record QualityQuery(String unit, String period) {
    }

    /** A unit's data quality: the nation's for national roles, a province's for its own leaders and national roles. */
    public Fresh<List<RuleQuality>> quality(QualityQuery query) {
        Unit unit = catalogue().unit(query.unit());
        if (!seesDetailOf(unit)) {
            throw refusal(Reason.QUALITY, unit, "the data quality of " + unit.name());
        }
        return kept(query, service -> service.quality(query.unit(), query.period()));
    }

    /**
     * Where a value comes from: its formula's amounts, the extracts and ingest runs behind it and what validation did to
     * its unit's rows, which is the unit's data quality: for those who see the unit's detail.
     */
    public Fresh<Lineage> lineage(ValueQuery query) {
        Unit unit = catalogue().unit(query.unit());
        if (!seesDetailOf(unit)) {
            throw refusal(Reason.QUALITY, unit, "where the figures of " + unit.name() + " come from");
        }
        return kept(List.of("lineage", query), service -> service.lineage(query));
    }

    public Fresh<List<IngestRunSummary>> recentRuns(int limit) {
        return fetch(List.of("runs", limit), service -> service.recentRuns(limit));
    }

    /** Each source's last ingest run (for the operations room's metrics). */
    public Fresh<List<SourceRuns>> lastRunOfEachSource() {
        return fetch("runs-by-source", AnalyticsService::lastRunOfEachSource);
    }

    public record SitesQuery(String coverageKpi, String scope, String period) {
    }

    /** The provinces of the nation, or the communes of a province, as vaccination sites for a coverage KPI (planners only). */
    public Fresh<List<VaccinationSite>> vaccinationSites(SitesQuery query) {
        allowPlanning("vaccination sites");
        return kept(query, service -> service.vaccinationSites(query.coverageKpi(), query.scope(), query.period()));
    }

    public record SchoolQuery(String province, String period) {
    }

    /** A province's communes with their children by age and their seats and classrooms (planners only). */
    public Fresh<List<SchoolPlaces>> schoolPlaces(SchoolQuery query) {
        allowPlanning("school places");
        return kept(query, service -> service.schoolPlaces(query.province(), query.period()));
    }

    /** The indicators measured for a unit: all of them, or those kept by commune for a commune. */
    public List<Kpi> kpisOf(Unit unit) {
        return catalogue().kpis().stream().filter(kpi -> unit.level() != UnitLevel.COMMUNE || kpi.keptByCommune()).toList();
    }

    /** Asks a question on another thread (the pool has several connections), so that a view can ask several at once. */
    public <T> CompletableFuture<T> ask(Supplier<T> question) {
        DashboardUser asking = currentUser.get();
        return CompletableFuture.supplyAsync(() -> currentUser.as(asking, question), askers);
    }

    /** The answer to a question asked with {@link #ask}, failing as the question itself failed. */
    public static <T> T answer(CompletableFuture<T> asked) {
        try {
            return asked.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    public DashboardUser user() {
        return currentUser.get();
    }

    /**
     * Whether the signed-in user sees the detail of a unit: its communes (and so a province's briefing), its data quality,
     * its live detail. Everyone sees every province's province-level figures; a provincial leader (or a wall bound to a
     * province) sees the detail of their own province only, national roles everything.
     */
    public boolean seesDetailOf(Unit unit) {
        DashboardUser user = currentUser.get();
        return switch (unit.level()) {
            case NATION -> user.province().isEmpty();
            case PROVINCE -> user.seesCommunesOf(unit.code());
            case COMMUNE -> user.seesCommunesOf(unit.provinceCode());
        };
    }

    /** Refuses (and logs) a commune the signed-in user may not see. */
    private void allowUnit(String code) {
        Unit unit = catalogue().unit(code);
        if (unit.level() == UnitLevel.COMMUNE && !seesDetailOf(unit)) {
            throw refusal(Reason.COMMUNES, catalogue().parent(unit), "commune " + unit.code());
        }
    }

    private void allowPlanning(String what) {
        if (!currentUser.get().role().plans()) {
            throw refusal(Reason.PLANNING, Unit.NATION, what + ", a planning tool");
        }
    }

    private void allowRanking(UnitLevel level, String scope) {
        Unit unit = catalogue().unit(scope);
        if (level == UnitLevel.COMMUNE && !seesDetailOf(unit)) {
            throw refusal(Reason.COMMUNES, unit, "the communes of " + unit.name());
        }
    }

    /** Logs a refusal and makes the exception that says it. */
    private ScopeRefusal refusal(Reason reason, Unit asked, String what) {
        DashboardUser user = currentUser.get();
        refusals.refused(reason, user, what);
        return new ScopeRefusal(reason, asked.code(), user.province(), user.name() + " may not see " + what
                + user.province().map(own -> " (may see the detail of province " + own + " only)").orElse(""));
    }

    /**
     * The answer kept for a question if it was read from the build the warehouse reports now (dated by that report),
     * else asked.
     */
    @SuppressWarnings("unchecked")
    private <T> Fresh<T> kept(Object question, Function<AnalyticsService, T> work) {
        DataFreshness build = null;
        try {
            Fresh<DataFreshness> now = freshness();
            if (!now.stale()) {
                build = now.value();
                Optional<Fresh<?>> kept = answers.from(question, build);
                if (kept.isPresent()) {
                    hits.increment();
                    return new Fresh<>((T) kept.get().value(), now.asOf(), false);
                }
            }
        } catch (WarehouseUnavailableException e) {
            // Not known which build the warehouse holds: ask the question itself (and fall back as it does).
        }
        misses.increment();
        return fetch(question, build, work);
    }

    private <T> Fresh<T> fetch(Object question, Function<AnalyticsService, T> work) {
        return fetch(question, null, work);
    }

    /** Asks the warehouse; if it cannot answer, gives the last answer to the same question, marked stale. */
    @SuppressWarnings("unchecked")
    private <T> Fresh<T> fetch(Object question, DataFreshness build, Function<AnalyticsService, T> work) {
        String kind = kind(question);
        Timer.Sample asked = Timer.start(meters);
        try {
            Fresh<T> answer = new Fresh<>(pool.apply(work), Instant.now(clock), false);
            asked.stop(meters.timer("ioc.dashboard.warehouse.query", "kind", kind, "outcome", "answered"));
            answers.keep(question, build, answer);
            return answer;
        } catch (WarehouseQueryException | WarehouseUnavailableException e) {
            asked.stop(meters.timer("ioc.dashboard.warehouse.query", "kind", kind, "outcome", "failed"));
            Fresh<T> earlier = (Fresh<T>) answers.last(question).orElse(null);
            if (earlier == null) {
                throw e instanceof WarehouseUnavailableException unavailable ? unavailable
                        : new WarehouseUnavailableException("the warehouse did not answer: " + e.getMessage(), e);
            }
            meters.counter("ioc.dashboard.answers.stale", "kind", kind).increment();
            return new Fresh<>(earlier.value(), earlier.asOf(), true);
        }
    }

    /** How many rows an answer holds, as the answers kept are bounded by. */
    private static int rows(Object answer) {
        return 1 + switch (answer) {
            case Collection<?> rows -> rows.size();
            case Map<?, ?> groups -> groups.values().stream().mapToInt(DashboardData::rows).sum();
            case Ranking ranking -> ranking.units().size();
            case Breakdown breakdown -> breakdown.cells().size();
            default -> 0;
        };
    }

    /** A question's kind, as its time is kept by: {@code value}, {@code ranking}, ..., {@code freshness}, {@code catalogue}. */
    private static String kind(Object question) {
        return switch (question) {
            case String name -> name;
            case List<?> named -> String.valueOf(named.getFirst());
            default -> question.getClass().getSimpleName().replaceFirst("Query$", "").toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public void close() {
        askers.close();
        pool.close();
    }
}
