package vn.ioc.ui.cli;

import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.cli.LauncherModule;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The dashboard's part of the launcher: {@code ioc serve}, {@code ioc bench ui}, and the dashboard as the demo's last step. */
public final class UiLauncher implements LauncherModule {
    /** The province outlines the demo draws, from the shared reference data when it is there. */
    static final String BOUNDARIES = "boundaries/provinces_34_thanglequoc_v4.2.0.geojson";

    @Override
    public List<Object> commands() {
        return List.of(new ServeCommand());
    }

    @Override
    public List<Object> benchmarks() {
        return List.of(new UiBenchmark(), new LoadBenchmark(), new FullBenchmark());
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of((server, out) -> {
            Dashboard.Options options = Dashboard.Options.local(server.connection(WarehouseUsers.READER, "ioc"),
                    Integer.parseInt(System.getenv().getOrDefault("IOC_DASHBOARD_PORT", "8080")), sharedBoundaries());
            out.println("dashboard: starting...");
            Dashboard.start(options);
            Dashboard.printAccess(options, out);
        });
    }

    static Optional<Path> sharedBoundaries() {
        return SharedReferenceData.locate(Optional.empty()).map(shared -> shared.root().resolve(BOUNDARIES)).filter(Files::isRegularFile);
    }
}
