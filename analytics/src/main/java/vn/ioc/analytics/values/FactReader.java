package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Fact;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs indicator queries over one JDBC connection to the warehouse (the driver's connection is safe to share): both
 * sides of an indicator in one statement, grouped by time bucket, then put together per period here. The dates of a
 * snapshot fact's snapshots are kept for a few seconds, so that each query can name the snapshots it reads.
 */
final class FactReader {

    private final Connection connection;
    private final Map<Fact, Recent<TreeSet<LocalDate>>> snapshots = new EnumMap<>(Fact.class);

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

    /** The days a measure reads for each period, cut into buckets. */
    private Buckets buckets(Kpi kpi, Measure measure, List<Period> periods) {
        List<Buckets.Window> windows = new ArrayList<>();
        for (Period period : periods) {
            windows.add(switch (measure.fact().time()) {
                case NONE -> new Buckets.Window(Buckets.EPOCH, Buckets.EPOCH);
                case SNAPSHOT -> {
                    LocalDate snapshot = snapshots(measure.fact()).floor(period.end());
                    yield snapshot == null ? null : new Buckets.Window(snapshot, snapshot);
                }
                case FLOW -> new Buckets.Window(switch (measure.window()) {
                    case PERIOD -> period.start();
                    case CUMULATIVE -> Buckets.EPOCH;
                    case LAST_7_DAYS, LAST_30_DAYS, LAST_365_DAYS -> period.end().minusDays(measure.window().days() - 1L);
                }, period.end());
            });
        }
        Buckets buckets = Buckets.of(windows);
        if (!measure.additive() && !buckets.oneBucketEach()) {
            throw new IllegalArgumentException("KPI '" + kpi.id() + "' counts distinct values, which cannot be added up over "
                    + "overlapping periods " + periods);
        }
        return buckets;
    }

    /**
     * The snapshot dates of a snapshot fact, read again when older than a few seconds: from the table's parts where
     * each part holds one date (a snapshot per partition, as ingest loads them), else from the rows.
     */
    private TreeSet<LocalDate> snapshots(Fact fact) {
        Recent<TreeSet<LocalDate>> dates;
        synchronized (snapshots) {
            dates = snapshots.computeIfAbsent(fact, table -> new Recent<>(() -> readSnapshots(table)));
        }
        return dates.get();
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
                dates.clear();
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT DISTINCT " + fact.timeColumn() + " FROM " + fact.table())) {
                    while (rows.next()) {
                        dates.add(rows.getObject(1, LocalDate.class));
                    }
                }
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the snapshots of " + fact.table() + " could not be read from the warehouse: " + e.getMessage(), e);
        }
        return dates;
    }
}
