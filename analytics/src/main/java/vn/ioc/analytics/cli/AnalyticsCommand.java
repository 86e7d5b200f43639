package vn.ioc.analytics.cli;

import picocli.CommandLine.Command;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.values.KpiStoreRefresh;
import vn.ioc.warehouse.WarehouseConnection;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Locale;

/** {@code ioc analytics refresh}: rebuilds the KPI store of the warehouse at {@code IOC_WAREHOUSE_URL}. */
@Command(name = "analytics", mixinStandardHelpOptions = true, description = "The KPI store the dashboards read.",
        subcommands = AnalyticsCommand.Refresh.class)
final class AnalyticsCommand {
    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Recompute every KPI per unit and month from the facts into kpi_values (ioc ingest does it after loading).")
    static final class Refresh implements Runnable {
        @Override
        public void run() {
            refresh(WarehouseConnection.fromEnvironment(), System.out);
        }
    }

    static void refresh(WarehouseConnection writer, PrintStream out) {
        refresh(new KpiStoreRefresh(writer, KpiCatalogue.standard()), writer, out);
    }

    private static void refresh(KpiStoreRefresh refresh, WarehouseConnection writer, PrintStream out) {
        try {
            KpiStoreRefresh.Outcome outcome = refresh.refresh();
            out.printf(Locale.ROOT, "kpi store: %,d values of %s to %s in %.1f s%n", outcome.rows(), outcome.first(), outcome.last(),
                    outcome.millis() / 1000.0);
        } catch (SQLException e) {
            throw new IllegalStateException("the KPI store could not be rebuilt at " + writer.url() + ": " + e.getMessage(), e);
        }
    }

    /** Rebuilds the store unless it is already newer than the last ingest. */
    static void refreshIfStale(WarehouseConnection writer, PrintStream out) {
        KpiStoreRefresh refresh = new KpiStoreRefresh(writer, KpiCatalogue.standard());
        try {
            if (refresh.current()) {
                out.println("kpi store: current");
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the KPI store's state at " + writer.url() + ": " + e.getMessage(), e);
        }
        refresh(refresh, writer, out);
    }
}
