package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Fact;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.UnitLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one indicator over a selection: one row per period index, unit and dimension value, with the
 * numerator and the denominator. Each fact row is read once and counted in every requested period whose window
 * holds it ({@code ARRAY JOIN} over the matching period indexes), so a 12-month series is one scan. Everything a
 * user chooses (dates, unit codes) is a {@code ?} parameter; the rest comes from the checked catalogue.
 */
final class MeasureSql {
    private static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);
    /** The communes that took part of a pre-reform commune split between new ones. */
    private static final String SPLIT_RECEIVERS = "(SELECT new_code FROM commune_crosswalk WHERE old_code IN "
            + "(SELECT old_code FROM commune_crosswalk WHERE new_code != '' GROUP BY old_code HAVING count() > 1))";

    private final StringBuilder sql = new StringBuilder();
    private final List<String> parameters = new ArrayList<>();

    private MeasureSql() {
    }

    /** The query and its parameters, in order. */
    record Query(String sql, List<String> parameters) {
    }

    static Query of(Measure numerator, Measure denominator, Selection selection) {
        MeasureSql query = new MeasureSql();
        boolean denominatorSplit = denominator != null && split(denominator, selection);
        query.sql.append("SELECT idx, unit, ").append(denominator == null || denominatorSplit ? "part" : "n.part")
                .append(", n.v AS numerator, n.split AS from_split, ")
                .append(denominator == null ? "0" : "d.v").append(" AS denominator FROM (");
        query.measure(numerator, selection, split(numerator, selection));
        query.sql.append(") AS n");
        if (denominator != null) {
            query.sql.append(selection.dimension() == null || denominatorSplit ? " FULL OUTER JOIN (" : " LEFT JOIN (");
            query.measure(denominator, selection, denominatorSplit);
            query.sql.append(denominatorSplit ? ") AS d USING (idx, unit, part)" : ") AS d USING (idx, unit)");
        }
        return new Query(query.sql.toString(), List.copyOf(query.parameters));
    }

    private static boolean split(Measure measure, Selection selection) {
        return selection.dimension() != null && measure.fact().dimension(selection.dimension()).isPresent();
    }

    private void measure(Measure measure, Selection selection, boolean split) {
        Fact fact = measure.fact();
        List<Period> periods = selection.periods();
        String time = fact.timeColumn();
        if (fact.time() == Fact.Time.NONE) {
            sql.append("SELECT arrayJoin(range(1, ").append(periods.size() + 1).append(")) AS idx");
        } else {
            sql.append("WITH [");
            bounds(measure, periods, true);
            sql.append("] AS froms, [");
            bounds(measure, periods, false);
            sql.append("] AS tos SELECT arrayJoin(arrayFilter(i -> ").append(time).append(" >= froms[i] AND ").append(time)
                    .append(" <= tos[i], range(1, ").append(periods.size() + 1).append("))) AS idx");
        }
        sql.append(", ").append(unitColumn(fact, selection.by())).append(" AS unit, ")
                .append(split ? fact.dimension(selection.dimension()).orElseThrow() : "''").append(" AS part, ")
                .append(measure.value()).append(" AS v, ")
                .append(fact.columns().contains("from_pre_reform_code") && fact.communeColumn().isPresent()
                        ? "sumIf(from_pre_reform_code, " + fact.communeColumn().get() + " IN " + SPLIT_RECEIVERS + ")" : "0")
                .append(" AS split FROM ").append(fact.table()).append(" WHERE 1");
        if (selection.scope().level() != UnitLevel.NATION) {
            sql.append(" AND ").append(unitColumn(fact, selection.scope().level())).append(" = ?");
            parameters.add(selection.scope().code());
        }
        if (fact.time() == Fact.Time.FLOW) {
            sql.append(" AND ").append(time).append(" >= toDate(?) AND ").append(time).append(" <= toDate(?)");
            parameters.add(from(measure, periods.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow(),
                    periods.stream().map(Period::end).min(LocalDate::compareTo).orElseThrow()).toString());
            parameters.add(periods.stream().map(Period::end).max(LocalDate::compareTo).orElseThrow().toString());
        }
        if (measure.where() != null) {
            sql.append(" AND (").append(measure.where()).append(")");
        }
        sql.append(" GROUP BY idx, unit, part");
    }

    /** The first or last day of each period's window, as SQL array elements. */
    private void bounds(Measure measure, List<Period> periods, boolean first) {
        Fact fact = measure.fact();
        for (int i = 0; i < periods.size(); i++) {
            sql.append(i == 0 ? "" : ", ");
            Period period = periods.get(i);
            if (fact.time() == Fact.Time.SNAPSHOT) {
                sql.append("(SELECT max(").append(fact.timeColumn()).append(") FROM ").append(fact.table())
                        .append(" WHERE ").append(fact.timeColumn()).append(" <= toDate(?))");
                parameters.add(period.end().toString());
            } else {
                sql.append("toDate(?)");
                parameters.add((first ? from(measure, period.start(), period.end()) : period.end()).toString());
            }
        }
    }

    private static LocalDate from(Measure measure, LocalDate start, LocalDate end) {
        return switch (measure.window()) {
            case PERIOD -> start;
            case CUMULATIVE -> EPOCH;
            case LAST_7_DAYS, LAST_30_DAYS, LAST_365_DAYS -> end.minusDays(measure.window().days() - 1L);
        };
    }

    private static String unitColumn(Fact fact, UnitLevel level) {
        return switch (level) {
            case NATION -> "'VN'";
            case PROVINCE -> fact.provinceColumn();
            case COMMUNE -> fact.communeColumn().orElseThrow(() -> new IllegalArgumentException(fact.table() + " is kept by province only"));
        };
    }
}
