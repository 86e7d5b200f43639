package vn.ioc.analytics.cli;

import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.cli.LauncherModule;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.PrintStream;
import java.util.List;

/**
 * The analytics module's part of the launcher: {@code ioc analytics refresh}, {@code ioc bench analytics}, the KPI
 * store rebuilt after every ingest and by the demo once its facts are in.
 */
public final class AnalyticsLauncher implements LauncherModule {
    @Override
    public List<Object> commands() {
        return List.of(new AnalyticsCommand());
    }

    @Override
    public List<Object> benchmarks() {
        return List.of(new AnalyticsBenchmark(), new PostgresBenchmark(), new LiveBenchmark());
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of((server, out) -> AnalyticsCommand.refreshIfStale(server.connection(WarehouseUsers.WRITER, "ioc"), out));
    }

    @Override
    public void factsLoaded(WarehouseConnection writer, PrintStream out) {
        AnalyticsCommand.refresh(writer, out);
    }
}
