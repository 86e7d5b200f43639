package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Fact;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.catalogue.Window;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The KPI values kept per unit and month in {@code kpi_values} (see {@link KpiStoreRefresh}), read instead of the
 * facts where they answer exactly: no breakdown, whole months, a store built after the last ingest. A period of
 * several months adds up the months of a side that sums its period (additive values only) and takes, for a side that
 * reads a snapshot, a running total or the last N days, the month its value is as of (its last snapshot in the period,
 * its last month of events). Whether the store is current is checked
 * at most every few seconds.
 */
final class KpiStore {
    private final Connection connection;
    private final Recent<State> state;

    /** The months the store holds, null when it is not current. */
    private record State(YearMonth first, YearMonth last) {
        boolean current() {
            return first != null;
        }
    }

    KpiStore(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.state = new Recent<>(this::readState);
    }

    /** Whether the store was built after the last ingest. */
    boolean current() {
        return state.get().current();
    }

    /** Whether the store answers these indicators over this selection exactly as the facts would. */
    boolean answers(List<Kpi> kpis, Selection selection) {
        if (selection.dimension() != null) {
            return false;
        }
        State current = state.get();
        if (!current.current()) {
            return false;
        }
        for (Period period : selection.periods()) {
            if (period.kind() == Period.Kind.DAY || YearMonth.from(period.start()).isBefore(current.first())
                    || YearMonth.from(period.end()).isAfter(current.last())) {
                return false;
            }
            boolean severalMonths = !YearMonth.from(period.start()).equals(YearMonth.from(period.end()));
            for (Kpi kpi : kpis) {
                if (severalMonths && (summed(kpi.numerator()) && !kpi.numerator().additive()
                        || kpi.denominator() != null && summed(kpi.denominator()) && !kpi.denominator().additive())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The rows {@code kpis} would read off the facts over the selection, from the store's months.
     *
     * @param asOf the last day a side reads for a period, as the facts define it ({@link FactReader#asOf})
     */
    Map<String, List<MeasureRow>> read(List<Kpi> kpis, Selection selection, BiFunction<Measure, Period, Optional<LocalDate>> asOf) {
        // From the earliest month a side is as of: a school census read for October was taken in September.
        LocalDate first = selection.periods().stream().flatMap(period -> kpis.stream().flatMap(kpi -> Stream.of(kpi.numerator(), kpi.denominator()))
                        .filter(Objects::nonNull).map(side -> asOf.apply(side, period).orElse(period.start()))
                        .map(day -> day.isBefore(period.start()) ? day : period.start()))
                .min(LocalDate::compareTo).orElseThrow().withDayOfMonth(1);
        LocalDate last = selection.periods().stream().map(Period::end).max(LocalDate::compareTo).orElseThrow().withDayOfMonth(1);
        StringBuilder sql = new StringBuilder("SELECT kpi, unit_code, month, numerator, denominator, from_pre_reform_code FROM kpi_values WHERE kpi IN (");
        List<String> parameters = new ArrayList<>();
        for (Kpi kpi : kpis) {
            sql.append(parameters.isEmpty() ? "?" : ", ?");
            parameters.add(kpi.id());
        }
        sql.append(") AND level = ? AND month >= toDate(?) AND month <= toDate(?)");
        parameters.addAll(List.of(selection.by().name(), first.toString(), last.toString()));
        Unit scope = selection.scope();
        if (scope.level() != UnitLevel.NATION) {
            // The province first, as the store is ordered for reads (level, province, KPI, month, unit).
            sql.append(" AND province_code = ?");
            parameters.add(scope.provinceCode());
            if (scope.level() == UnitLevel.COMMUNE || selection.by() == UnitLevel.PROVINCE) {
                sql.append(" AND unit_code = ?");
                parameters.add(scope.code());
            }
        }
        Map<String, Map<String, TreeMap<LocalDate, double[]>>> months = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    months.computeIfAbsent(rows.getString(1), kpi -> new HashMap<>()).computeIfAbsent(rows.getString(2), unit -> new TreeMap<>())
                            .put(rows.getObject(3, LocalDate.class), new double[] {rows.getDouble(4), rows.getDouble(5), rows.getInt(6)});
                }
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the KPI store could not be read: " + e.getMessage(), e);
        }
        Map<String, List<MeasureRow>> result = new HashMap<>();
        for (Kpi kpi : kpis) {
            List<MeasureRow> rows = new ArrayList<>();
            months.getOrDefault(kpi.id(), Map.of()).forEach((unit, byMonth) -> {
                for (int i = 0; i < selection.periods().size(); i++) {
                    Period period = selection.periods().get(i);
                    Map<LocalDate, double[]> inside = byMonth.subMap(period.start().withDayOfMonth(1), true, period.end().withDayOfMonth(1), true);
                    // A side that is not summed is read in the month it is as of (its last snapshot, its last month of events).
                    double[] numeratorMonth = asOfMonth(byMonth, asOf.apply(kpi.numerator(), period));
                    double[] denominatorMonth = kpi.denominator() == null ? null : asOfMonth(byMonth, asOf.apply(kpi.denominator(), period));
                    boolean anySummed = summed(kpi.numerator()) || kpi.denominator() != null && summed(kpi.denominator());
                    double[] lastMonth = numeratorMonth != null ? numeratorMonth : denominatorMonth;
                    if (anySummed ? !inside.isEmpty() : lastMonth != null) {
                        boolean mapped = anySummed ? inside.values().stream().anyMatch(month -> month[2] > 0) : lastMonth[2] > 0;
                        rows.add(new MeasureRow(i, unit, "", side(kpi.numerator(), inside, numeratorMonth, 0),
                                kpi.denominator() == null ? 0 : side(kpi.denominator(), inside, denominatorMonth, 1), mapped));
                    }
                }
            });
            result.put(kpi.id(), rows);
        }
        return result;
    }

    private static double[] asOfMonth(TreeMap<LocalDate, double[]> byMonth, Optional<LocalDate> day) {
        return day.map(last -> byMonth.get(last.withDayOfMonth(1))).orElse(null);
    }

    /** A side's value over a period: its months added up, or the month it is as of. */
    private static double side(Measure measure, Map<LocalDate, double[]> inside, double[] lastMonth, int index) {
        if (summed(measure)) {
            return inside.values().stream().mapToDouble(month -> month[index]).sum();
        }
        return lastMonth == null ? 0 : lastMonth[index];
    }

    /** Whether a side's value over several months is the sum of its months (a flow read over the period). */
    private static boolean summed(Measure measure) {
        return measure.fact().time() == Fact.Time.FLOW && measure.window() == Window.PERIOD;
    }

    private State readState() {
        String sql = "SELECT first_month, last_month, built_at >= (SELECT max(finished_at) FROM ingest_runs) "
                + "FROM kpi_store_state ORDER BY built_at DESC LIMIT 1";
        YearMonth first = null;
        YearMonth last = null;
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            if (rows.next() && rows.getBoolean(3)) {
                first = YearMonth.from(rows.getObject(1, LocalDate.class));
                last = YearMonth.from(rows.getObject(2, LocalDate.class));
            }
        } catch (SQLException e) {
            // No store to read (a schema before it, or the warehouse is away): the facts are read, and say what is wrong.
            first = null;
            last = null;
        }
        return new State(first, last);
    }
}
