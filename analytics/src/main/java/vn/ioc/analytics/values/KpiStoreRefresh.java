package vn.ioc.analytics.values;

import vn.ioc.analytics.catalogue.Fact;
import vn.ioc.analytics.catalogue.Kpi;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.period.Period;
import vn.ioc.analytics.units.Unit;
import vn.ioc.analytics.units.UnitDirectory;
import vn.ioc.analytics.units.UnitLevel;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.progress.Progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Rebuilds {@code kpi_values}: every KPI read off the facts (one scan per KPI and level) for the nation, the
 * provinces and the communes, for every month from the first month of facts to the last. The rows are staged and
 * swapped in whole, then the build is recorded with the time it started, so that an ingest finishing meanwhile makes
 * the store stale rather than wrong. Runs as the writer.
 */
public final class KpiStoreRefresh {
    private final WarehouseConnection writer;
    private final KpiCatalogue catalogue;

    /** What a refresh did. */
    public record Outcome(YearMonth first, YearMonth last, long rows, long millis) {
    }

    public KpiStoreRefresh(WarehouseConnection writer, KpiCatalogue catalogue) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /** Whether the store was built after the last ingest (and can be read). */
    public boolean current() throws SQLException {
        try (Connection connection = writer.open()) {
            return new KpiStore(connection).current();
        }
    }

    public Outcome refresh() throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = writer.open(); Statement statement = connection.createStatement()) {
            String startedAt = startedAt(statement);
            List<YearMonth> range = monthsWithFacts(statement);
            if (range.isEmpty()) {
                return new Outcome(null, null, 0, (System.nanoTime() - start) / 1_000_000);
            }
            List<Period> months = new ArrayList<>();
            for (YearMonth month = range.getFirst(); !month.isAfter(range.getLast()); month = month.plusMonths(1)) {
                months.add(Period.month(month));
            }
            UnitDirectory units = UnitDirectory.read(connection);
            FactReader reader = new FactReader(connection);
            statement.execute("DROP TABLE IF EXISTS kpi_values_staging");
            statement.execute("CREATE TABLE kpi_values_staging AS kpi_values");
            long rows = 0;
            List<Kpi> stored = catalogue.all().stream().filter(kpi -> kpi.communeShare() == null).toList();
            try (Progress progress = Progress.start("kpi store", "indicators", stored.size());
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO kpi_values_staging (kpi, level, province_code, unit_code, "
                    + "month, numerator, denominator, from_pre_reform_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Kpi kpi : stored) {
                    progress.say(kpi.id());
                    for (UnitLevel level : UnitLevel.values()) {
                        if (level == UnitLevel.COMMUNE && !kpi.keptByCommune()) {
                            continue;
                        }
                        long batched = 0;
                        for (MeasureRow row : reader.read(kpi, new Selection(level, Unit.NATION, months, null))) {
                            Unit unit = units.find(level, row.unit()).orElse(null);
                            if (unit == null) {
                                continue;
                            }
                            insert.setString(1, kpi.id());
                            insert.setString(2, level.name());
                            insert.setString(3, unit.provinceCode());
                            insert.setString(4, unit.code());
                            insert.setObject(5, months.get(row.period()).start());
                            insert.setDouble(6, row.numerator());
                            insert.setDouble(7, row.denominator());
                            insert.setInt(8, row.fromPreReformCode() ? 1 : 0);
                            insert.addBatch();
                            batched++;
                        }
                        if (batched > 0) {
                            insert.executeBatch();
                            rows += batched;
                        }
                    }
                    progress.stepBy(1);
                }
            }
            // One part: a point read then opens one part (and its projection's) instead of one per batch inserted.
            statement.execute("OPTIMIZE TABLE kpi_values_staging FINAL");
            statement.execute("ALTER TABLE kpi_values REPLACE PARTITION tuple() FROM kpi_values_staging");
            statement.execute("DROP TABLE kpi_values_staging");
            try (PreparedStatement state = connection.prepareStatement(
                    "INSERT INTO kpi_store_state (built_at, first_month, last_month, kpi_rows) VALUES (toDateTime64(?, 3, 'Asia/Ho_Chi_Minh'), ?, ?, ?)")) {
                state.setString(1, startedAt);
                state.setObject(2, range.getFirst().atDay(1));
                state.setObject(3, range.getLast().atDay(1));
                state.setLong(4, rows);
                state.executeUpdate();
            }
            return new Outcome(range.getFirst(), range.getLast(), rows, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String startedAt(Statement statement) throws SQLException {
        try (ResultSet now = statement.executeQuery("SELECT toString(now64(3, 'Asia/Ho_Chi_Minh'))")) {
            now.next();
            return now.getString(1);
        }
    }

    /** The first and last month holding any fact (empty without facts), read in one query over the dated facts. */
    private static List<YearMonth> monthsWithFacts(Statement statement) throws SQLException {
        String bounds = Arrays.stream(Fact.values()).filter(fact -> fact.time() != Fact.Time.NONE)
                .map(fact -> "SELECT min(" + fact.timeColumn() + ") AS low, max(" + fact.timeColumn() + ") AS high FROM " + fact.table()
                        + " HAVING count() > 0")
                .collect(Collectors.joining(" UNION ALL "));
        try (ResultSet range = statement.executeQuery("SELECT min(low), max(high), count() FROM (" + bounds + ")")) {
            range.next();
            return range.getLong(3) == 0 ? List.of()
                    : List.of(YearMonth.from(range.getObject(1, LocalDate.class)), YearMonth.from(range.getObject(2, LocalDate.class)));
        }
    }
}
