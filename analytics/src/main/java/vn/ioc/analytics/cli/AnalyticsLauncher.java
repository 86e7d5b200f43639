package vn.ioc.analytics.cli;

import vn.ioc.warehouse.cli.LauncherModule;

import java.util.List;

/** The analytics module's part of the launcher: {@code ioc bench analytics}. */
public final class AnalyticsLauncher implements LauncherModule {
    @Override
    public List<Object> benchmarks() {
        return List.of(new AnalyticsBenchmark());
    }
}
