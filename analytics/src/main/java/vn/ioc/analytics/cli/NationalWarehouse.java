package vn.ioc.analytics.cli;

import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.engine.EngineLibrary;
import vn.ioc.warehouse.files.FileTrees;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.schema.MigrationRunner;
import vn.ioc.warehouse.server.ServerOptions;
import vn.ioc.warehouse.server.WarehouseServer;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A benchmark's warehouse at national scale: the schema, the real units, synthesised facts and their KPI store. */
public final class NationalWarehouse {
    private NationalWarehouse() {
    }

    /** What a benchmark does with its warehouse. */
    @FunctionalInterface
    public interface Use {
        void with(WarehouseServer server) throws Exception;
    }

    /**
     * Runs {@code use} with a warehouse server of its own: in {@code keep} (made, or reused when an earlier run left
     * it there), or else in a temporary folder deleted afterwards. Failures come back naming the benchmark.
     */
    public static void serve(Path keep, String benchmark, Use use) {
        try {
            Path data = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("ioc-bench-" + benchmark + "-");
            try (WarehouseServer server = WarehouseServer.start(ServerOptions.defaults(data).withPort(0),
                    EngineLibrary.fromEnvironment(System.err::println).resolve(), System.err::println)) {
                use.with(server);
            } finally {
                if (keep == null) {
                    FileTrees.delete(data);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(benchmark + " benchmark failed: " + e.getMessage(), e);
        }
    }

    /** Fills the warehouse, unless an earlier run (kept with {@code --keep}) already did. */
    public static void prepare(WarehouseServer server, PrintStream out) throws SQLException {
        WarehouseConnection writer = server.connection(WarehouseUsers.WRITER, "ioc");
        new MigrationRunner(writer).migrate();
        try (Connection connection = writer.open(); ResultSet built = connection.createStatement().executeQuery("SELECT count() FROM kpi_store_state")) {
            built.next();
            if (built.getLong(1) > 0) {
                out.println("data: the national facts and KPI store kept by an earlier run");
                awaitMerged(writer, out);
                return;
            }
        }
        new ReferenceUnitsLoader(writer).load(ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)),
                SharedReferenceData.locate(Optional.empty())));
        Map<String, Long> rows;
        try (Connection connection = writer.open()) {
            rows = NationalFacts.insert(connection, out);
        }
        out.printf(Locale.ROOT, "data: %,d fact rows at national scale (34 provinces, 3,321 communes), synthesised in ClickHouse%n",
                rows.values().stream().mapToLong(Long::longValue).sum());
        AnalyticsCommand.refresh(writer, out);
        awaitMerged(writer, out);
    }

    /**
     * Waits until the engine has merged each partition of the facts into one part (it does so once the parts are a
     * minute old, migration V014), as a warehouse is between ingests: nothing is timed while it merges.
     */
    private static void awaitMerged(WarehouseConnection writer, PrintStream out) throws SQLException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(15).toNanos();
        try (Connection connection = writer.open(); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet unmerged = statement.executeQuery("SELECT count() FROM (SELECT 1 FROM system.parts WHERE database = currentDatabase() "
                        + "AND active AND table LIKE '%\\_facts' GROUP BY table, partition_id HAVING count() > 1)")) {
                    unmerged.next();
                    long partitions = unmerged.getLong(1);
                    if (partitions == 0 || System.nanoTime() > deadline) {
                        out.printf(Locale.ROOT, "data: %s after %d s%n", partitions == 0 ? "each partition of the facts in one part"
                                : partitions + " partitions of the facts still in several parts", Duration.ofNanos(System.nanoTime() - started).toSeconds());
                        return;
                    }
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the engine merged the facts' parts", e);
                }
            }
        }
    }
}
