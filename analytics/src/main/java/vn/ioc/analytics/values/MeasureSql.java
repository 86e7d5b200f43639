package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Fact;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.units.UnitLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of an indicator's two sides over a selection, in one statement: for each side ({@code 'n'} or {@code 'd'}),
 * one row per time bucket, unit and dimension value, with the side's aggregate and the rows mapped from pre-reform
 * codes. Everything a user chooses (dates, unit codes) is a {@code ?} parameter; the rest comes from the checked
 * catalogue.
 */
final class MeasureSql {
    private final StringBuilder sql = new StringBuilder();
    private final List<String> parameters = new ArrayList<>();

    private MeasureSql() {
    }

    /** The query and its parameters, in order. */
    record Query(String sql, List<String> parameters) {
    }

    /** One side of an indicator to read: its name in the result, its measure, and the buckets of time it reads. */
    record Side(String name, Measure measure, Buckets buckets) {
    }

    /** The sides' rows, one side after the other; each side must have buckets to read. */
    static Query of(List<Side> sides, Selection selection) {
        MeasureSql query = new MeasureSql();
        for (Side side : sides) {
            query.sql.append(query.sql.isEmpty() ? "" : " UNION ALL ");
            query.side(side.name(), side.measure(), selection, side.buckets());
        }
        return new Query(query.sql.toString(), List.copyOf(query.parameters));
    }

    private void side(String side, Measure measure, Selection selection, Buckets buckets) {
        Fact fact = measure.fact();
        boolean split = selection.dimension() != null && fact.dimension(selection.dimension()).isPresent();
        // A value that looks at key columns (a conditional sum, a distinct count) is taken in two steps: sums per bucket,
        // unit, part and those keys first, which a projection of the fact can answer, then the value over those rows.
        List<String> keys = measure.columns().stream().filter(fact.keys()::contains).toList();
        List<String> counts = measure.columns().stream().filter(column -> !fact.keys().contains(column)).toList();
        boolean twoSteps = !keys.isEmpty() && measure.overSums();
        String keyList = keys.isEmpty() ? "" : ", " + String.join(", ", keys);
        String sums = counts.stream().map(column -> ", sum(" + column + ") AS " + column).reduce("", String::concat);
        sql.append("SELECT '").append(side).append("' AS side, ");
        if (twoSteps) {
            sql.append("bucket, unit, part, toFloat64(").append(measure.value()).append(") AS v, toFloat64(sum(mapped_rows)) AS mapped FROM (SELECT ");
        }
        List<LocalDate> bounds = buckets.bounds();
        // Whole months are compared as months, so that ClickHouse can answer from a fact's monthly projection.
        boolean months = fact.time() == Fact.Time.FLOW && bounds.stream().allMatch(bound -> bound.plusDays(1).getDayOfMonth() == 1);
        String time = months ? "toStartOfMonth(" + fact.timeColumn() + ")" : fact.timeColumn();
        if (fact.time() == Fact.Time.NONE || bounds.size() <= 2) {
            sql.append("1");
        } else {
            sql.append("multiIf(");
            for (int k = 1; k < bounds.size() - 1; k++) {
                sql.append(time).append(" <= toDate(?), ").append(k).append(", ");
                parameters.add(bound(bounds.get(k), months));
            }
            sql.append(bounds.size() - 1).append(")");
        }
        String mapped = fact.columns().contains("from_pre_reform_code") ? "sum(from_pre_reform_code)" : "0";
        sql.append(" AS bucket, ").append(unitColumn(fact, selection.by())).append(" AS unit, ")
                .append(split ? fact.dimension(selection.dimension()).orElseThrow() : "''").append(" AS part, ")
                .append(twoSteps ? keyList.substring(2) + sums + ", " + mapped + " AS mapped_rows"
                        : "toFloat64(" + measure.value() + ") AS v, toFloat64(" + mapped + ") AS mapped")
                .append(" FROM ").append(fact.table()).append(" WHERE 1");
        if (selection.scope().level() != UnitLevel.NATION) {
            sql.append(" AND ").append(unitColumn(fact, selection.scope().level())).append(" = ?");
            parameters.add(selection.scope().code());
        }
        if (fact.time() != Fact.Time.NONE) {
            if (bounds.getFirst().isAfter(Buckets.EPOCH)) {
                sql.append(" AND ").append(time).append(" > toDate(?)");
                parameters.add(bound(bounds.getFirst(), months));
            }
            sql.append(" AND ").append(time).append(" <= toDate(?)");
            parameters.add(bound(bounds.getLast(), months));
        }
        if (measure.where() != null) {
            sql.append(" AND (").append(measure.where()).append(")");
        }
        sql.append(" GROUP BY bucket, unit, part").append(twoSteps ? keyList + ") GROUP BY bucket, unit, part" : "");
    }

    /** A bucket's last day, or the first day of its month where the time is compared by month. */
    private static String bound(LocalDate day, boolean months) {
        return (months ? day.withDayOfMonth(1) : day).toString();
    }

    private static String unitColumn(Fact fact, UnitLevel level) {
        return switch (level) {
            case NATION -> "'VN'";
            case PROVINCE -> fact.provinceColumn();
            case COMMUNE -> fact.communeColumn().orElseThrow(() -> new IllegalArgumentException(fact.table() + " is kept by province only"));
        };
    }
}
