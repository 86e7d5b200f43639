package vn.ioc.analytics.service;

import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.index.CompositeIndices;
import vn.ioc.analytics.index.IndexDefinition;
import vn.ioc.analytics.index.IndexDefinitions;
import vn.ioc.analytics.index.IndexScore;
import vn.ioc.analytics.pace.Pace;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.planning.PlanningFacts;
import vn.ioc.analytics.planning.SchoolPlaces;
import vn.ioc.analytics.planning.VaccinationSite;
import vn.ioc.analytics.privacy.SmallCountSuppression;
import vn.ioc.analytics.lineage.Lineage;
import vn.ioc.analytics.lineage.LineageReader;
import vn.ioc.analytics.quality.DataFreshness;
import vn.ioc.analytics.quality.DataQuality;
import vn.ioc.analytics.quality.IngestRunSummary;
import vn.ioc.analytics.quality.RuleQuality;
import vn.ioc.analytics.quality.SourceRuns;
import vn.ioc.analytics.ranking.Alert;
import vn.ioc.analytics.ranking.Ranking;
import vn.ioc.analytics.ranking.Rankings;
import vn.ioc.analytics.units.PeerGroup;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitDirectory;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.Breakdown;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.analytics.values.KpiValues;
import vn.ioc.warehouse.WarehouseConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * What the dashboard and the JSON API call: requests as records of codes (KPI ids, unit codes, period codes), answers
 * as records. Unknown KPIs, units, peer groups or indices raise {@link java.util.NoSuchElementException}; malformed
 * codes and impossible requests raise {@link IllegalArgumentException}; both name what is wrong.
 */
public final class AnalyticsService implements AutoCloseable {
    private final Connection connection;
    private final KpiValues values;
    private final Rankings rankings;
    private final CompositeIndices indices;
    private final DataQuality quality;
    private final LineageReader lineage;
    private final PlanningFacts planning;

    public record ValueQuery(String kpi, String unit, String period) {
    }

    public record SeriesQuery(String kpi, String unit, String lastPeriod, int periods) {
    }

    /** {@code period}: the pace is read over the months to its last one. */
    public record PaceQuery(String kpi, String unit, String period) {
    }

    public record BreakdownQuery(String kpi, String unit, String period, String dimension) {
    }

    /** {@code scope}: {@code VN} or a province; {@code level}: the units ranked, provinces or communes. */
    public record RankingQuery(String kpi, UnitLevel level, String scope, String period, Set<String> peerGroups) {
        public RankingQuery {
            peerGroups = peerGroups == null ? Set.of() : Set.copyOf(peerGroups);
        }
    }

    /** Every KPI measured for {@code unit}, each as the series of {@code periods} periods ending with {@code lastPeriod}. */
    public record BoardQuery(String unit, String lastPeriod, int periods) {
    }

    public record IndexQuery(String index, UnitLevel level, String scope, String period) {
    }

    private AnalyticsService(Connection connection, KpiValues values, IndexDefinitions definitions) {
        this.connection = connection;
        this.values = values;
        this.rankings = new Rankings(values);
        this.indices = new CompositeIndices(values, definitions);
        this.quality = new DataQuality(connection);
        this.lineage = new LineageReader(connection, values);
        this.planning = new PlanningFacts(connection);
    }

    /**
     * Reads the catalogue, the index definitions and the units, and keeps one connection to the warehouse; values
     * come from the KPI store where it answers, from the facts otherwise.
     */
    public static AnalyticsService open(WarehouseConnection warehouse, int k) throws SQLException {
        return open(warehouse, k, true);
    }

    /** {@link #open(WarehouseConnection, int)}, reading the facts only when {@code useStore} is false. */
    public static AnalyticsService open(WarehouseConnection warehouse, int k, boolean useStore) throws SQLException {
        KpiCatalogue catalogue = KpiCatalogue.standard();
        IndexDefinitions definitions = IndexDefinitions.standard(catalogue);
        // Answers are a few thousand rows at most: compressing them costs the driver more time than it saves.
        Properties driver = new Properties();
        driver.setProperty("compress", "false");
        Connection connection = warehouse.open(driver);
        try {
            KpiValues values = new KpiValues(catalogue, UnitDirectory.read(connection), connection, new SmallCountSuppression(k), useStore);
            return new AnalyticsService(connection, values, definitions);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public List<Kpi> kpis() {
        return values.catalogue().all();
    }

    public List<IndexDefinition> indices() {
        return indices.definitions().all();
    }

    public List<PeerGroup> peerGroups(UnitLevel level) {
        return values.units().groups(level);
    }

    public Unit unit(String code) {
        UnitRef ref = UnitRef.parse(code);
        return values.units().unit(ref.level(), ref.code());
    }

    /** The communes of a province (or of the nation, for {@code VN}). */
    public List<Unit> communes(String scope) {
        return values.units().communesOf(unit(scope));
    }

    public List<Unit> provinces() {
        return values.units().provinces();
    }

    public KpiValue value(ValueQuery query) {
        return values.value(query.kpi(), unit(query.unit()), Period.parseBegun(query.period()));
    }

    /** Where a value comes from: its formula's amounts, the extracts and ingest runs behind it, what validation did to the unit's rows. */
    public Lineage lineage(ValueQuery query) {
        return lineage.of(value(query), quality.freshness().simulated());
    }

    public List<KpiValue> series(SeriesQuery query) {
        return values.series(query.kpi(), unit(query.unit()), Period.parseBegun(query.lastPeriod()).trailing(query.periods()));
    }

    /** Whether a unit reaches an indicator's target in time at its pace over the {@value Pace#MONTHS} months to the period's last. */
    public Pace pace(PaceQuery query) {
        Period month = Period.month(YearMonth.from(Period.parseBegun(query.period()).end()));
        return Pace.of(values.catalogue().kpi(query.kpi()), values.series(query.kpi(), unit(query.unit()), month.trailing(Pace.MONTHS)));
    }

    /** The pace of every unit of a ranking (its peer groups left to the caller), in the directory's order. */
    public List<Pace> paces(RankingQuery query) {
        Kpi kpi = values.catalogue().kpi(query.kpi());
        Period month = Period.month(YearMonth.from(Period.parseBegun(query.period()).end()));
        List<List<KpiValue>> byMonth = values.values(kpi.id(), query.level(), scope(query.scope(), query.level()), month.trailing(Pace.MONTHS));
        return IntStream.range(0, byMonth.getFirst().size()).mapToObj(unit -> Pace.of(kpi, byMonth.stream().map(units -> units.get(unit)).toList())).toList();
    }

    /** {@link BoardQuery}: in one query; a commune gets the KPIs kept by commune only. Keyed by KPI id, in catalogue order. */
    public Map<String, List<KpiValue>> board(BoardQuery query) {
        Unit unit = unit(query.unit());
        List<String> kpis = kpis().stream().filter(kpi -> unit.level() != UnitLevel.COMMUNE || kpi.keptByCommune()).map(Kpi::id).toList();
        Map<String, List<KpiValue>> board = new LinkedHashMap<>();
        List<Period> periods = Period.parseBegun(query.lastPeriod()).trailing(query.periods());
        values.values(kpis, unit.level(), unit, periods).forEach((kpi, byPeriod) -> board.put(kpi, byPeriod.stream().map(List::getFirst).toList()));
        return board;
    }

    public Breakdown breakdown(BreakdownQuery query) {
        return values.breakdown(query.kpi(), unit(query.unit()), Period.parseBegun(query.period()), query.dimension());
    }

    public Ranking ranking(RankingQuery query) {
        return rankings.rank(query.kpi(), query.level(), scope(query.scope(), query.level()), Period.parseBegun(query.period()), query.peerGroups());
    }

    /** The laggards of a ranking: red units, and units that got worse by at least {@code fallPoints}. */
    public List<Alert> laggards(RankingQuery query, double fallPoints) {
        return rankings.laggards(ranking(query), fallPoints);
    }

    public List<IndexScore> index(IndexQuery query) {
        return indices.scores(query.index(), query.level(), scope(query.scope(), query.level()), Period.parseBegun(query.period()));
    }

    /** Rule checks recorded by ingest for a unit (nation, province or commune) over a period. */
    public List<RuleQuality> quality(String unit, String period) {
        return quality.rules(unit(unit), Period.parseBegun(period));
    }

    public List<IngestRunSummary> recentRuns(int limit) {
        return quality.recentRuns(limit);
    }

    public DataFreshness freshness() {
        return quality.freshness();
    }

    public List<SourceRuns> lastRunOfEachSource() {
        return quality.lastRunOfEachSource();
    }

    /**
     * The communes of a province (or the provinces of the nation) as vaccination sites for a coverage KPI: its
     * denominator is the target residents, its numerator those covered, in the period given.
     */
    public List<VaccinationSite> vaccinationSites(String coverageKpi, String within, String period) {
        Kpi kpi = values.catalogue().kpi(coverageKpi);
        if (!kpi.persons() || kpi.denominator() == null || !kpi.unit().equals("%") || kpi.direction() != Direction.HIGHER) {
            throw new IllegalArgumentException("KPI '" + coverageKpi + "' is not a coverage of persons (covered / target residents)");
        }
        UnitLevel level = unit(within).level() == UnitLevel.NATION ? UnitLevel.PROVINCE : UnitLevel.COMMUNE;
        return values.values(coverageKpi, level, scope(within, level), List.of(Period.parseBegun(period))).getFirst().stream()
                .map(value -> new VaccinationSite(value.unit().code(), value.unit().name(), Math.round(value.denominator() == null ? 0 : value.denominator()),
                        Math.round(value.numerator()), 0, OptionalLong.empty()))
                .toList();
    }

    /** A province's communes for school planning: residents by single year of age and seats and classrooms by level. */
    public List<SchoolPlaces> schoolPlaces(String province, String month) {
        Unit unit = unit(province);
        if (unit.level() != UnitLevel.PROVINCE) {
            throw new IllegalArgumentException("school places are planned for the communes of a province, not for " + unit.name());
        }
        return planning.schoolPlaces(unit, communes(province), YearMonth.from(Period.parseBegun(month).end()));
    }

    private Unit scope(String code, UnitLevel level) {
        Unit scope = unit(code);
        if (scope.level() == UnitLevel.COMMUNE || (scope.level() == UnitLevel.PROVINCE && level != UnitLevel.COMMUNE)) {
            throw new IllegalArgumentException(Objects.requireNonNull(level, "level").name().toLowerCase(Locale.ROOT)
                    + "s are ranked within the nation" + (level == UnitLevel.COMMUNE ? " or a province" : "") + ", not within " + scope.name());
        }
        return scope;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
