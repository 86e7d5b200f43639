package vn.ioc.analytics.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.analytics.catalogue.KpiCatalogue;
import vn.ioc.analytics.plausibility.PlausibilityCheck;
import vn.ioc.analytics.privacy.SmallCountSuppression;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.analytics.values.KpiStoreRefresh;
import vn.ioc.warehouse.WarehouseConnection;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ioc analytics refresh}: rebuilds the KPI store of the warehouse at {@code IOC_WAREHOUSE_URL}; {@code ioc analytics
 * check}: every province's indicators against their plausible ranges.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true, description = "The KPI store the dashboards read.",
        subcommands = {AnalyticsCommand.Refresh.class, AnalyticsCommand.Check.class})
final class AnalyticsCommand {
    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Recompute every KPI per unit and month from the facts into kpi_values (ioc ingest does it after loading).")
    static final class Refresh implements Runnable {
        @Override
        public void run() {
            refresh(WarehouseConnection.fromEnvironment(), System.out);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check every indicator of every province against the values real data can take (kpis.json: plausible); "
                    + "exits 1 when one lies outside.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--period", description = "the period to check (default: the last month the KPI store holds)")
        String period;

        @Override
        public Integer call() {
            return check(WarehouseConnection.fromEnvironment(), period, System.out) ? 0 : 1;
        }
    }

    /** Prints what the check found; true when every value lies in its range. */
    static boolean check(WarehouseConnection warehouse, String period, PrintStream out) {
        try (AnalyticsService service = AnalyticsService.open(warehouse, SmallCountSuppression.DEFAULT_K)) {
            String checked = period != null ? period
                    : service.freshness().latestMonth().map(YearMonth::toString).orElseThrow(() -> new IllegalStateException("the KPI store is empty"));
            PlausibilityCheck.Outcome outcome = new PlausibilityCheck(service).check(checked);
            out.printf(Locale.ROOT, "plausible: %,d province values of %d indicators for %s, %d outside their range%s%n", outcome.values(),
                    service.kpis().size(), checked, outcome.outliers().size(), outcome.outliers().isEmpty() ? "" : ":");
            outcome.outliers().forEach(outlier -> out.println("  " + outlier));
            return outcome.outliers().isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("the indicators could not be read at " + warehouse.url() + ": " + e.getMessage(), e);
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

    /** Rebuilds the store unless it is already newer than the last ingest, then checks its indicators are plausible. */
    static void refreshIfStale(WarehouseConnection writer, PrintStream out) {
        KpiStoreRefresh refresh = new KpiStoreRefresh(writer, KpiCatalogue.standard());
        try {
            if (refresh.current()) {
                out.println("kpi store: current");
            } else {
                refresh(refresh, writer, out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the KPI store's state at " + writer.url() + ": " + e.getMessage(), e);
        }
        check(writer, null, out);
    }
}
