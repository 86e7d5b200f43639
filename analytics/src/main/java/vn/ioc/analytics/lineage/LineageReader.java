package vn.ioc.analytics.lineage;

import vn.ioc.analytics.catalogue.Direction;
import vn.ioc.analytics.catalogue.Fact;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.Measure;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.KpiValue;
import vn.ioc.analytics.values.KpiValues;
import vn.ioc.analytics.values.WarehouseQueryException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads a figure's lineage from what ingest recorded: which run last replaced each partition of a table
 * ({@code fact_loads}), the runs themselves ({@code ingest_runs}) and what their rules did per unit
 * ({@code data_quality_facts}).
 */
public final class LineageReader {
    /** The source the statistics office's populations come from: the reference units, not an ingest. */
    public static final String REFERENCE_SOURCE = "reference_units";

    private final Connection connection;
    private final KpiValues values;

    public LineageReader(Connection connection, KpiValues values) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.values = Objects.requireNonNull(values, "values");
    }

    /** The lineage of a value (as the service computed it); {@code sample}: whether the data is a weighted sample. */
    public Lineage of(KpiValue value, boolean sample) {
        Kpi kpi = values.catalogue().kpi(value.kpi());
        Kpi read = kpi.communeShare() == null ? kpi : values.catalogue().kpi(kpi.communeShare().kpi());
        Lineage.Side numerator;
        Lineage.Side denominator;
        if (kpi.communeShare() == null) {
            numerator = side(kpi.numerator(), value, value.numerator());
            denominator = kpi.denominator() == null ? null : side(kpi.denominator(), value, value.denominator());
        } else {
            numerator = new Lineage.Side("kpi_values", "countIf(" + read.id() + (read.direction() == Direction.LOWER ? " <= " : " >= ")
                    + kpi.communeShare().bar() + ")", null, null, null, false, value.numerator());
            denominator = new Lineage.Side("kpi_values", "countIf(" + read.id() + " IS NOT NULL)", null, null, null, false, value.denominator());
        }
        Map<String, Lineage.Load> loads = new LinkedHashMap<>();
        for (Measure measure : Stream.of(read.numerator(), read.denominator()).filter(Objects::nonNull).toList()) {
            for (Lineage.Load load : loads(measure, value)) {
                loads.putIfAbsent(load.table() + "/" + load.runId(), load);
            }
        }
        long mapped = loads.values().stream().mapToLong(load -> load.rows().mapped()).sum();
        return new Lineage(kpi.id(), value.unit(), value.period(), value.value(), numerator, denominator, kpi.factor(), List.copyOf(loads.values()),
                new Lineage.Crosswalk(mapped, value.fromSplitCommune()), new Lineage.Suppression(values.suppressionK(), kpi.persons()), sample);
    }

    private Lineage.Side side(Measure measure, KpiValue value, Double amount) {
        Optional<KpiValues.DaysRead> days = measure.fact().time() == Fact.Time.NONE ? Optional.empty() : values.daysRead(measure, value.period());
        return new Lineage.Side(measure.fact().table(), measure.value(), measure.where(), days.map(KpiValues.DaysRead::from).orElse(null),
                days.map(KpiValues.DaysRead::to).orElse(null), measure.fact().time() == Fact.Time.SNAPSHOT, amount);
    }

    /** The runs that loaded what a side reads for the value's period; the reference units for the statistics office's figures. */
    private List<Lineage.Load> loads(Measure measure, KpiValue value) {
        Fact fact = measure.fact();
        if (fact.time() == Fact.Time.NONE) {
            return List.of(new Lineage.Load(REFERENCE_SOURCE, fact.table(), null, null, null, null, List.of(), 0, Lineage.Rows.NONE));
        }
        Optional<KpiValues.DaysRead> days = values.daysRead(measure, value.period());
        if (days.isEmpty()) {
            return List.of();
        }
        // A partition's last run that succeeded: a run failing after it recorded its partitions never swapped them in.
        String sql = "SELECT run_id, source, period, as_of, toUnixTimestamp64Milli(finished_at), input_files FROM ingest_runs "
                + "WHERE status = 'ok' AND run_id IN (SELECT argMax(run_id, loaded_at) FROM fact_loads "
                + "WHERE fact_table = ? AND run_id IN (SELECT run_id FROM ingest_runs WHERE status = 'ok') AND partition_id IN ("
                + "SELECT partition_id FROM system.parts WHERE database = currentDatabase() AND table = ? AND active "
                + "AND (min_date = toDate(0) OR (max_date >= ? AND min_date <= ?))) GROUP BY partition_id) ORDER BY finished_at DESC";
        List<Lineage.Load> loads = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, fact.table());
            statement.setString(2, fact.table());
            statement.setDate(3, Date.valueOf(days.get().from()));
            statement.setDate(4, Date.valueOf(days.get().to()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String source = rows.getString(2);
                    String extractMonth = rows.getString(3);
                    List<String> files = strings(rows.getArray(6));
                    loads.add(new Lineage.Load(source, fact.table(), rows.getObject(1, UUID.class), extractMonth, rows.getObject(4, LocalDate.class),
                            Instant.ofEpochMilli(rows.getLong(5)), filesOf(files, value.unit()), files.size(), null));
                }
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the loads of " + fact.table() + " could not be read: " + e.getMessage(), e);
        }
        return loads.stream().map(load -> new Lineage.Load(load.source(), load.table(), load.runId(), load.extractMonth(), load.asOf(),
                load.loadedAt(), load.files(), load.filesInRun(), rows(load.source(), load.extractMonth(), value.unit()))).toList();
    }

    /** The extract files of the unit's province, where the extract is cut by province folder; all of them otherwise. */
    private static List<String> filesOf(List<String> files, Unit unit) {
        if (unit.level() == UnitLevel.NATION) {
            return files;
        }
        String folder = "/province=" + (unit.level() == UnitLevel.PROVINCE ? unit.code() : unit.provinceCode()) + "/";
        List<String> own = files.stream().filter(file -> file.replace('\\', '/').contains(folder)).toList();
        return own.isEmpty() ? files : own;
    }

    /** What a run's rules did to a unit's rows: every rule checks each row read, failing rows counted by the rule's effect. */
    private Lineage.Rows rows(String source, String extractMonth, Unit unit) {
        String where = switch (unit.level()) {
            case NATION -> "";
            case PROVINCE -> " AND province_code = ?";
            case COMMUNE -> " AND commune_code = ?";
        };
        String sql = "SELECT max(checked), sumIf(failed, effect = 'quarantined'), sumIf(failed, effect = 'duplicate'), sumIf(failed, effect = 'mapped'), "
                + "sumIf(failed, effect = 'counted') FROM (SELECT rule, any(effect) AS effect, sum(checked) AS checked, sum(failed) AS failed "
                + "FROM data_quality_facts WHERE source = ? AND period = ?" + where + " GROUP BY rule)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, source);
            statement.setDate(2, Date.valueOf(extractMonth + "-01"));
            if (unit.level() != UnitLevel.NATION) {
                statement.setString(3, unit.code());
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Lineage.Rows(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)) : Lineage.Rows.NONE;
            }
        } catch (SQLException e) {
            throw new WarehouseQueryException("the data-quality facts of " + source + " could not be read: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        Object items = array.getArray();
        return items instanceof Object[] objects ? Arrays.stream(objects).map(String::valueOf).toList() : List.of();
    }
}
