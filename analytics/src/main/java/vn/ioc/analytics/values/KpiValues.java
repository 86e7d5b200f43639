package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.CommuneShare;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.catalogue.Status;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.privacy.SmallCountSuppression;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitDirectory;
import vn.ioc.analytics.units.UnitLevel;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Values of the catalogue's indicators: for one unit and period, as a series of periods, for every unit of a level
 * inside a scope (what rankings read), and broken down by a dimension. One warehouse query per call, to the KPI store
 * where it answers, to the facts otherwise.
 */
public final class KpiValues {
    private final KpiCatalogue catalogue;
    private final UnitDirectory units;
    private final FactReader reader;
    private final KpiStore store;
    private final SmallCountSuppression suppression;

    /**
     * {@code useStore}: read {@code kpi_values} where it answers (see {@link KpiStoreRefresh}), the facts otherwise;
     * without it, always the facts.
     */
    public KpiValues(KpiCatalogue catalogue, UnitDirectory units, Connection connection, SmallCountSuppression suppression, boolean useStore) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.units = Objects.requireNonNull(units, "units");
        this.reader = new FactReader(connection);
        this.store = useStore ? new KpiStore(connection) : null;
        this.suppression = Objects.requireNonNull(suppression, "suppression");
    }

    public KpiCatalogue catalogue() {
        return catalogue;
    }

    public UnitDirectory units() {
        return units;
    }

    /** The days a side of an indicator reads for a period; empty where the period has none of its data. */
    public Optional<DaysRead> daysRead(Measure measure, Period period) {
        return reader.days(measure, period).map(days -> new DaysRead(days.from(), days.to()));
    }

    /** The first and last day a side of an indicator reads (the epoch's first for a running total, or for a fact not dated). */
    public record DaysRead(LocalDate from, LocalDate to) {
    }

    /** The smallest count of persons a breakdown's part shows. */
    public int suppressionK() {
        return suppression.k();
    }

    public KpiValue value(String kpi, Unit unit, Period period) {
        return series(kpi, unit, List.of(period)).getFirst();
    }

    /** The values of one unit for each period, in the order given; a period without facts has a null value. */
    public List<KpiValue> series(String kpiId, Unit unit, List<Period> periods) {
        Kpi kpi = catalogue.kpi(kpiId);
        List<Map<String, KpiValue>> byPeriod = compute(kpi, unit.level(), unit, periods);
        List<KpiValue> series = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            series.add(byPeriod.get(i).getOrDefault(unit.code(), empty(kpi, unit, periods.get(i))));
        }
        return series;
    }

    /**
     * The values of every unit of level {@code by} inside {@code scope} for each period (units without facts
     * included, with null values), in the directory's order.
     */
    public List<List<KpiValue>> values(String kpiId, UnitLevel by, Unit scope, List<Period> periods) {
        return values(List.of(kpiId), by, scope, periods).get(kpiId);
    }

    /** {@link #values(String, UnitLevel, Unit, List)} of several indicators, read in one query, by KPI id. */
    public Map<String, List<List<KpiValue>>> values(List<String> kpiIds, UnitLevel by, Unit scope, List<Period> periods) {
        List<Kpi> kpis = kpiIds.stream().distinct().map(catalogue::kpi).toList();
        List<Unit> inside = switch (by) {
            case NATION -> List.of(Unit.NATION);
            case PROVINCE -> scope.level() == UnitLevel.PROVINCE ? List.of(scope) : units.provinces();
            case COMMUNE -> scope.level() == UnitLevel.COMMUNE ? List.of(scope) : units.communesOf(scope);
        };
        Map<String, List<Map<String, KpiValue>>> computed = computeAll(kpis, by, scope, periods);
        Map<String, List<List<KpiValue>>> values = new LinkedHashMap<>();
        for (Kpi kpi : kpis) {
            List<List<KpiValue>> byPeriod = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                Map<String, KpiValue> found = computed.get(kpi.id()).get(i);
                Period period = periods.get(i);
                byPeriod.add(inside.stream().map(unit -> found.getOrDefault(unit.code(), empty(kpi, unit, period))).toList());
            }
            values.put(kpi.id(), byPeriod);
        }
        return values;
    }

    /**
     * A unit's value split by one of the indicator's breakdowns. In a commune, parts with small person counts are
     * suppressed, with a complement (another part, or the total where there is no other) so none can be worked out.
     */
    public Breakdown breakdown(String kpiId, Unit unit, Period period, String dimension) {
        Kpi kpi = catalogue.kpi(kpiId);
        if (!kpi.breakdowns().contains(dimension)) {
            throw new IllegalArgumentException("KPI '" + kpiId + "' has no breakdown by '" + dimension + "'; it has " + kpi.breakdowns());
        }
        if (reader.asOf(kpi.numerator(), period).isEmpty()) {
            // No numerator for the period: no parts either, not 0 over a denominator.
            return new Breakdown(value(kpiId, unit, period), dimension, List.of());
        }
        List<MeasureRow> rows = reader.read(kpi, new Selection(unit.level(), unit, List.of(period), dimension));
        KpiValue total = additive(kpi) ? total(kpi, unit, period, dimension, rows) : value(kpiId, unit, period);
        Set<String> suppressed = Set.of();
        if (kpi.persons() && unit.level() == UnitLevel.COMMUNE) {
            // What is counted is records: a sample's counts are divided back by the commune's weight.
            double weight = reader.sampleWeight(unit.code());
            suppressed = suppression.suppressed(rows.stream().map(row -> new SmallCountSuppression.Counts(row.part(), row.numerator() / weight,
                    kpi.denominator() == null ? null : row.denominator() / weight)).toList());
        }
        List<BreakdownCell> cells = new ArrayList<>();
        for (MeasureRow row : rows) {
            boolean hidden = suppressed.contains(row.part());
            Double denominator = kpi.denominator() == null ? null : row.denominator();
            cells.add(hidden ? new BreakdownCell(row.part(), null, null, null, true)
                    : new BreakdownCell(row.part(), ratio(kpi, row.numerator(), denominator), row.numerator(), denominator, false));
        }
        cells.sort(Comparator.comparing(BreakdownCell::part));
        return new Breakdown(suppressed.size() == 1 ? null : total, dimension, cells);
    }

    private List<Map<String, KpiValue>> compute(Kpi kpi, UnitLevel by, Unit scope, List<Period> periods) {
        return computeAll(List.of(kpi), by, scope, periods).get(kpi.id());
    }

    /** Each indicator's values per period and unit code; those read off facts in one query, shares of communes after. */
    private Map<String, List<Map<String, KpiValue>>> computeAll(List<Kpi> kpis, UnitLevel by, Unit scope, List<Period> periods) {
        for (Kpi kpi : kpis) {
            if ((by == UnitLevel.COMMUNE || scope.level() == UnitLevel.COMMUNE) && !kpi.keptByCommune()) {
                throw new IllegalArgumentException("KPI '" + kpi.id() + "' is kept by province only, not by commune");
            }
        }
        List<Kpi> plain = kpis.stream().filter(kpi -> kpi.communeShare() == null).toList();
        Selection selection = new Selection(by, scope, periods, null);
        // The store answers what it holds exactly; the rest (day windows, distinct counts over months...) is read off the facts.
        List<Kpi> stored = store == null ? List.of() : plain.stream().filter(kpi -> store.answers(List.of(kpi), selection)).toList();
        List<Kpi> fromFacts = plain.stream().filter(kpi -> !stored.contains(kpi)).toList();
        Map<String, List<MeasureRow>> rows = new HashMap<>();
        if (!stored.isEmpty()) {
            rows.putAll(store.read(stored, selection, reader::asOf));
        }
        if (!fromFacts.isEmpty()) {
            rows.putAll(reader.readAll(fromFacts, selection));
        }
        Map<String, List<Map<String, KpiValue>>> computed = new HashMap<>();
        for (Kpi kpi : kpis) {
            computed.put(kpi.id(), kpi.communeShare() != null ? communeShare(kpi, by, scope, periods) : toValues(kpi, by, periods, rows.get(kpi.id())));
        }
        return computed;
    }

    private List<Map<String, KpiValue>> toValues(Kpi kpi, UnitLevel by, List<Period> periods, List<MeasureRow> rows) {
        List<Map<String, KpiValue>> byPeriod = new ArrayList<>();
        periods.forEach(period -> byPeriod.add(new HashMap<>()));
        List<Optional<LocalDate>> asOf = periods.stream().map(period -> reader.asOf(kpi.numerator(), period)).toList();
        for (MeasureRow row : rows) {
            if (asOf.get(row.period()).isEmpty()) {
                // No numerator for the period (a registry without a snapshot in it): no value, not 0 over a denominator.
                continue;
            }
            units.find(by, row.unit()).ifPresent(unit -> {
                Double denominator = kpi.denominator() == null ? null : row.denominator();
                byPeriod.get(row.period()).put(unit.code(), valueOf(kpi, unit, periods.get(row.period()), row.numerator(), denominator,
                        row.fromPreReformCode() && units.holdsSplit(unit), asOf.get(row.period()).orElseThrow()));
            });
        }
        return byPeriod;
    }

    /** The share of a unit's communes whose value of another indicator meets the bar, in that indicator's direction. */
    private List<Map<String, KpiValue>> communeShare(Kpi kpi, UnitLevel by, Unit scope, List<Period> periods) {
        CommuneShare share = kpi.communeShare();
        Kpi base = catalogue.kpi(share.kpi());
        List<Map<String, KpiValue>> communes = compute(base, UnitLevel.COMMUNE, scope, periods);
        List<Map<String, KpiValue>> byPeriod = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Boolean> splitByUnit = new HashMap<>();
            for (KpiValue commune : communes.get(i).values()) {
                if (commune.value() == null) {
                    continue;
                }
                String unit = switch (by) {
                    case NATION -> Unit.NATION.code();
                    case PROVINCE -> commune.unit().provinceCode();
                    case COMMUNE -> commune.unit().code();
                };
                long[] count = counts.computeIfAbsent(unit, code -> new long[2]);
                count[0] += base.direction().meets(commune.value(), share.bar()) ? 1 : 0;
                count[1]++;
                splitByUnit.merge(unit, commune.fromSplitCommune(), Boolean::logicalOr);
            }
            Map<String, KpiValue> values = new HashMap<>();
            LocalDate asOf = asOf(base, period);
            counts.forEach((code, count) -> units.find(by, code).ifPresent(unit ->
                    values.put(code, valueOf(kpi, unit, period, count[0], (double) count[1], splitByUnit.get(code), asOf))));
            byPeriod.add(values);
        }
        return byPeriod;
    }

    private static boolean additive(Kpi kpi) {
        return kpi.numerator().additive() && (kpi.denominator() == null || kpi.denominator().additive());
    }

    /** A breakdown's total, added up from its parts (a denominator without the dimension is the same in every part). */
    private KpiValue total(Kpi kpi, Unit unit, Period period, String dimension, List<MeasureRow> rows) {
        if (rows.isEmpty()) {
            return empty(kpi, unit, period);
        }
        double numerator = rows.stream().mapToDouble(MeasureRow::numerator).sum();
        Double denominator = kpi.denominator() == null ? null : kpi.denominator().fact().dimension(dimension).isPresent()
                ? rows.stream().mapToDouble(MeasureRow::denominator).sum() : rows.getFirst().denominator();
        return valueOf(kpi, unit, period, numerator, denominator, rows.stream().anyMatch(MeasureRow::fromPreReformCode) && units.holdsSplit(unit),
                asOf(kpi, period));
    }

    private static KpiValue valueOf(Kpi kpi, Unit unit, Period period, double numerator, Double denominator, boolean fromSplitCommune,
                                    LocalDate asOf) {
        Double value = ratio(kpi, numerator, denominator);
        return new KpiValue(kpi.id(), unit, period, value, numerator, denominator, kpi.target(period.end().getYear()).orElse(null),
                kpi.status(value), fromSplitCommune, value == null ? null : asOf);
    }

    /** The last day an indicator's numerator reads for the period (see {@link FactReader#asOf}). */
    private LocalDate asOf(Kpi kpi, Period period) {
        return reader.asOf(kpi.numerator(), period).orElse(period.end());
    }

    /** The value of a unit and period without facts: no value, but the year's target. */
    private static KpiValue empty(Kpi kpi, Unit unit, Period period) {
        return new KpiValue(kpi.id(), unit, period, null, 0, null, kpi.target(period.end().getYear()).orElse(null), Status.NONE, false, null);
    }

    private static Double ratio(Kpi kpi, double numerator, Double denominator) {
        if (denominator == null) {
            return numerator * kpi.factor();
        }
        return denominator == 0 ? null : numerator / denominator * kpi.factor();
    }
}
