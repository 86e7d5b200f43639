package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Fact;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.catalogue.Window;
import vn.ioc.analytics.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs indicator queries over one JDBC connection to the warehouse (the driver's connection is safe to share): both
 * sides of an indicator in one statement, grouped by time bucket, then put together per period here. The dates of a
 * snapshot fact's snapshots are kept for a few seconds, so that each query can name the snapshots it reads.
 */
final class FactReader {

    private final Connection connection;
    /** By fact, and the column that must be known in them (empty for any snapshot). */
    private final Map<List<Object>, Recent<TreeSet<LocalDate>>> snapshots = new HashMap<>();
    private final Map<Fact, Recent<Optional<Buckets.Window>>> coverage = new EnumMap<>(Fact.class);

    /** One side's aggregate and pre-reform rows, per bucket. */
    private record Cell(double[] values, double[] mapped, boolean[] present) {
        Cell(int buckets) {
            this(new double[buckets + 1], new double[buckets + 1], new boolean[buckets + 1]);
        }
    }

    FactReader(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** The numerator and denominator of each unit and dimension value with facts, for each period of the selection. */
    List<MeasureRow> read(Kpi kpi, Selection selection) {
        return readAll(List.of(kpi), selection).get(kpi.id());
    }

    /** {@link #read} for several indicators at once: one statement, one round trip to the warehouse. */
    Map<String, List<MeasureRow>> readAll(List<Kpi> kpis, Selection selection) {
        List<Plan> plans = new ArrayList<>();
        List<MeasureSql.Side> sides = new ArrayList<>();
        for (Kpi kpi : kpis) {
            Plan plan = new Plan(kpi, buckets(kpi, kpi.numerator(), selection.periods()),
                    kpi.denominator() == null ? null : buckets(kpi, kpi.denominator(), selection.periods()));
            if (!plan.numerator().empty()) {
                sides.add(new MeasureSql.Side("n" + plans.size(), kpi.numerator(), plan.numerator()));
            }
            if (plan.denominator() != null && !plan.denominator().empty()) {
                sides.add(new MeasureSql.Side("d" + plans.size(), kpi.denominator(), plan.denominator()));
            }
            plans.add(plan);
        }
        if (!sides.isEmpty()) {
            query(kpis, MeasureSql.of(sides, selection), plans);
        }
        Map<String, List<MeasureRow>> rows = new HashMap<>();
        for (Plan plan : plans) {
            rows.put(plan.kpi().id(), plan.rows(selection));
        }
        return rows;
    }

    /** What is read for one indicator, and its cells once read. */
    private record Plan(Kpi kpi, Buckets numerator, Buckets denominator, Map<List<String>, Cell> numerators,
                        Map<List<String>, Cell> denominators) {
        Plan(Kpi kpi, Buckets numerator, Buckets denominator) {
            this(kpi, numerator, denominator, new HashMap<>(), new HashMap<>());
        }

        List<MeasureRow> rows(Selection selection) {
            boolean denominatorSplit = denominator != null && selection.dimension() != null
                    && kpi.denominator().fact().dimension(selection.dimension()).isPresent();
            Set<List<String>> keys = new LinkedHashSet<>(numerators.keySet());
            if (selection.dimension() == null || denominatorSplit) {
                keys.addAll(denominators.keySet());
            }
            List<MeasureRow> rows = new ArrayList<>();
            for (int i = 0; i < selection.periods().size(); i++) {
                for (List<String> key : keys) {
                    Cell top = numerators.get(key);
                    Cell bottom = denominator == null ? null : denominators.get(denominatorSplit ? key : List.of(key.getFirst(), ""));
                    List<Integer> over = numerator.members().get(i);
                    List<Integer> under = denominator == null ? List.of() : denominator.members().get(i);
                    if (present(top, over) || present(bottom, under)) {
                        rows.add(new MeasureRow(i, key.getFirst(), key.get(1), sum(top, over, false), sum(bottom, under, false),
                                sum(top, over, true) + sum(bottom, under, true) > 0));
                    }
                }
            }
            return rows;
        }
    }

    private void query(List<Kpi> kpis, MeasureSql.Query query, List<Plan> plans) {
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setString(i + 1, query.parameters().get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String side = result.getString(1);
                    Plan plan = plans.get(Integer.parseInt(side.substring(1)));
                    boolean isNumerator = side.charAt(0) == 'n';
                    int bucket = result.getInt(2);
                    Cell cell = (isNumerator ? plan.numerators() : plan.denominators()).computeIfAbsent(
                            List.of(result.getString(3), result.getString(4)),
                            key -> new Cell((isNumerator ? plan.numerator() : plan.denominator()).bounds().size()));
                    cell.values()[bucket] += result.getDouble(5);
                    cell.mapped()[bucket] += result.getDouble(6);
                    cell.present()[bucket] = true;
                }
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("KPI " + kpis.stream().map(Kpi::id).toList() + " could not be read from the warehouse: "
                    + e.getMessage(), e);
        }
    }

    private static boolean present(Cell cell, List<Integer> buckets) {
        return cell != null && buckets.stream().anyMatch(bucket -> cell.present()[bucket]);
    }

    private static double sum(Cell cell, List<Integer> buckets, boolean mapped) {
        double sum = 0;
        if (cell != null) {
            for (int bucket : buckets) {
                sum += mapped ? cell.mapped()[bucket] : cell.values()[bucket];
            }
        }
        return sum;
    }

    /**
     * The last day a side reads for a period, which its value is "as of": the latest snapshot taken inside the period,
     * or before it while that snapshot still stands ({@link Fact#snapshotMonths()}: a school census for its school year),
     * never one older; for events, the period's end, but for a running total or the last N
     * days no later than the end of the month of the fact's last day. Empty where the period has none of the side's data.
     */
    Optional<LocalDate> asOf(Measure measure, Period period) {
        return switch (measure.fact().time()) {
            case NONE -> Optional.of(period.end());
            case SNAPSHOT -> Optional.ofNullable(snapshots(measure).floor(period.end())).filter(day -> !day.isBefore(period.start())
                    || period.end().isBefore(day.plusMonths(measure.fact().snapshotMonths())));
            case FLOW -> coverage(measure.fact()).filter(days -> !period.end().isBefore(days.from()) && !period.start().isAfter(days.to()))
                    .map(days -> measure.window() == Window.PERIOD ? period.end()
                            : Collections.min(List.of(period.end(), days.to().with(TemporalAdjusters.lastDayOfMonth()))));
        };
    }

    /** The days a measure reads for a period (the epoch's first for a fact not dated); empty where the period has none of its data. */
    Optional<Buckets.Window> days(Measure measure, Period period) {
        return asOf(measure, period).map(end -> switch (measure.fact().time()) {
            case NONE -> new Buckets.Window(Buckets.EPOCH, Buckets.EPOCH);
            case SNAPSHOT -> new Buckets.Window(end, end);
            case FLOW -> new Buckets.Window(switch (measure.window()) {
                case PERIOD -> period.start();
                case CUMULATIVE -> Buckets.EPOCH;
                case LAST_7_DAYS, LAST_30_DAYS, LAST_365_DAYS -> end.minusDays(measure.window().days() - 1L);
            }, end);
        });
    }

    /** The days a measure reads for each period, cut into buckets. */
    private Buckets buckets(Kpi kpi, Measure measure, List<Period> periods) {
        List<Buckets.Window> windows = new ArrayList<>();
        for (Period period : periods) {
            windows.add(days(measure, period).orElse(null));
        }
        Buckets buckets = Buckets.of(windows);
        if (!measure.additive() && !buckets.oneBucketEach()) {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' counts distinct values, which cannot be added up over "
                    + "overlapping periods " + periods);
        }
        return buckets;
    }

    /** The first and last day of an event fact with events, read again when older than a few seconds. */
    private Optional<Buckets.Window> coverage(Fact fact) {
        Recent<Optional<Buckets.Window>> range;
        synchronized (coverage) {
            range = coverage.computeIfAbsent(fact, table -> new Recent<>(() -> readCoverage(table)));
        }
        return range.get();
    }

    /** The first and last day of an event fact: from its parts' date ranges where the table is partitioned by date, else from its rows. */
    private Optional<Buckets.Window> readCoverage(Fact fact) {
        try (PreparedStatement parts = connection.prepareStatement("SELECT count(), min(min_date), max(max_date), countIf(min_date = toDate(0)) "
                + "FROM system.parts WHERE database = currentDatabase() AND table = ? AND active")) {
            parts.setString(1, fact.table());
            try (ResultSet rows = parts.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return Optional.empty();
                }
                if (rows.getLong(4) == 0) {
                    return Optional.of(new Buckets.Window(rows.getObject(2, LocalDate.class), rows.getObject(3, LocalDate.class)));
                }
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT count(), toDate(min(" + fact.timeColumn() + ")), toDate(max(" + fact.timeColumn() + ")) FROM " + fact.table())) {
                rows.next();
                return rows.getLong(1) == 0 ? Optional.empty()
                        : Optional.of(new Buckets.Window(rows.getObject(2, LocalDate.class), rows.getObject(3, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the days of " + fact.table() + " could not be read from the warehouse: " + e.getMessage(), e);
        }
    }

    /**
     * The dates of the snapshots a measure can read, read again when older than a few seconds: from the table's parts
     * where each part holds one date (a snapshot per partition, as ingest loads them), else from the rows; for a measure
     * reading a column known in some snapshots only, those where it is.
     */
    private TreeSet<LocalDate> snapshots(Measure measure) {
        Fact fact = measure.fact();
        String known = measure.columns().stream().filter(fact.knownInOwnMonthOnly()::contains).findFirst().orElse("");
        Recent<TreeSet<LocalDate>> dates;
        synchronized (snapshots) {
            dates = snapshots.computeIfAbsent(List.of(fact, known), key -> new Recent<>(() -> known.isEmpty() ? readSnapshots(fact)
                    : readSnapshots(fact, "SELECT DISTINCT " + fact.timeColumn() + " FROM " + fact.table() + " WHERE " + known + " IS NOT NULL")));
        }
        return dates.get();
    }

    private TreeSet<LocalDate> readSnapshots(Fact fact, String sql) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                dates.add(rows.getObject(1, LocalDate.class));
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the snapshots of " + fact.table() + " could not be read from the warehouse: " + e.getMessage(), e);
        }
        return dates;
    }

    private TreeSet<LocalDate> readSnapshots(Fact fact) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        try (PreparedStatement parts = connection.prepareStatement("SELECT DISTINCT min_date, max_date FROM system.parts "
                + "WHERE database = currentDatabase() AND table = ? AND active")) {
            parts.setString(1, fact.table());
            boolean onePerPart = true;
            try (ResultSet rows = parts.executeQuery()) {
                while (rows.next()) {
                    LocalDate first = rows.getObject(1, LocalDate.class);
                    onePerPart &= first.equals(rows.getObject(2, LocalDate.class));
                    dates.add(first);
                }
            }
            if (!onePerPart) {
                return readSnapshots(fact, "SELECT DISTINCT " + fact.timeColumn() + " FROM " + fact.table());
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the snapshots of " + fact.table() + " could not be read from the warehouse: " + e.getMessage(), e);
        }
        return dates;
    }

    /** How many people each record of a commune stands for: its sample weight when the data is a sample, else 1. */
    double sampleWeight(String commune) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT max(weight) FROM sample_design WHERE commune_code = ?")) {
            statement.setString(1, commune);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0 ? rows.getLong(1) : 1;
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the sample weight of " + commune + " could not be read: " + e.getMessage(), e);
        }
    }
}
