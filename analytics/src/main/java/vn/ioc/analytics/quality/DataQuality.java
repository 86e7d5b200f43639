package vn.ioc.analytics.quality;

import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.analytics.values.WarehouseQueryException;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads what ingest recorded about the data: rule checks per source, the run log, and how current the store is. */
public final class DataQuality {
    private final Connection connection;

    public DataQuality(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Checked and failed rows per source and rule, for a unit (nation, province or commune) over a period. */
    public List<RuleQuality> rules(Unit unit, Period period) {
        String where = switch (unit.level()) {
            case NATION -> "1 = 1";
            case PROVINCE -> "province_code = ?";
            case COMMUNE -> "commune_code = ?";
        };
        String sql = "SELECT source, rule, sum(checked), sum(failed) FROM data_quality_facts WHERE " + where
                + " AND period BETWEEN ? AND ? GROUP BY source, rule ORDER BY source, rule";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (unit.level() != UnitLevel.NATION) {
                statement.setString(i++, unit.code());
            }
            statement.setDate(i++, Date.valueOf(period.start().withDayOfMonth(1)));
            statement.setDate(i, Date.valueOf(period.end()));
            List<RuleQuality> rules = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rules.add(new RuleQuality(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
                }
            }
            return rules;
        } catch (SQLException e) {
            throw new WarehouseQueryException("the data-quality facts could not be read: " + e.getMessage(), e);
        }
    }

    /** The latest runs, newest first. */
    public List<IngestRunSummary> recentRuns(int limit) {
        // Times as epoch milliseconds: the driver reads a zoned DateTime64 in the JVM's zone, not the column's.
        String sql = "SELECT source, period, toUnixTimestamp64Milli(finished_at), status, rows_read, rows_loaded_from, rows_quarantined, rows_duplicate, error "
                + "FROM ingest_runs ORDER BY finished_at DESC LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            List<IngestRunSummary> runs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    runs.add(new IngestRunSummary(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getString(9)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new WarehouseQueryException("the ingest run log could not be read: " + e.getMessage(), e);
        }
    }

    /** Each source's last run, and when one of its runs last succeeded; sources by name. */
    public List<SourceRuns> lastRunOfEachSource() {
        String sql = "SELECT source, argMax(period, finished_at), toUnixTimestamp64Milli(max(finished_at)), argMax(status, finished_at), "
                + "argMax(rows_read, finished_at), argMax(rows_loaded_from, finished_at), argMax(rows_quarantined, finished_at), "
                + "argMax(rows_duplicate, finished_at), argMax(error, finished_at), argMax(duration_ms, finished_at), "
                + "toUnixTimestamp64Milli(maxIf(finished_at, status = 'ok')), countIf(status = 'ok') FROM ingest_runs GROUP BY source ORDER BY source";
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            List<SourceRuns> sources = new ArrayList<>();
            while (rows.next()) {
                IngestRunSummary last = new IngestRunSummary(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4),
                        rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getString(9));
                sources.add(new SourceRuns(last, Duration.ofMillis(rows.getLong(10)),
                        rows.getLong(12) == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(rows.getLong(11)))));
            }
            return sources;
        } catch (SQLException e) {
            throw new WarehouseQueryException("the ingest run log could not be read: " + e.getMessage(), e);
        }
    }

    public DataFreshness freshness() {
        String sql = "SELECT (SELECT max(last_month) FROM kpi_store_state), (SELECT toUnixTimestamp64Milli(max(built_at)) FROM kpi_store_state), "
                + "(SELECT toUnixTimestamp64Milli(max(finished_at)) FROM ingest_runs WHERE status = 'ok'), (SELECT count() FROM kpi_store_state), "
                + "(SELECT countIf(status = 'ok') FROM ingest_runs), (SELECT sum(sampled) / sum(population) FROM sample_design), "
                + "(SELECT count() FROM sample_design)";
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            boolean built = rows.getLong(4) > 0;
            boolean ingested = rows.getLong(5) > 0;
            return new DataFreshness(built ? Optional.of(YearMonth.from(rows.getObject(1, LocalDate.class))) : Optional.empty(),
                    built ? Optional.of(Instant.ofEpochMilli(rows.getLong(2))) : Optional.empty(),
                    ingested ? Optional.of(Instant.ofEpochMilli(rows.getLong(3))) : Optional.empty(),
                    rows.getLong(7) > 0 ? OptionalDouble.of(rows.getDouble(6)) : OptionalDouble.empty());
        } catch (SQLException e) {
            throw new WarehouseQueryException("the state of the KPI store could not be read: " + e.getMessage(), e);
        }
    }
}
