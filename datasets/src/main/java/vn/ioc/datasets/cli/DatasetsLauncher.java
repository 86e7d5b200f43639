package vn.ioc.datasets.cli;

import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.cli.LauncherModule;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The datasets module's part of the launcher: {@code datasets load}, {@code generate}, {@code bench generate}. */
public final class DatasetsLauncher implements LauncherModule {
    @Override
    public List<Object> commands() {
        return List.of(new DatasetsCommand(), new GenerateCommand());
    }

    @Override
    public List<Object> benchmarks() {
        return List.of(new GenerateBenchmark());
    }

    @Override
    public List<DemoStep> demoSteps() {
        return List.of((server, out) -> loadReferenceUnits(server.connection(WarehouseUsers.WRITER, "ioc"), Optional.empty(), out));
    }

    /** Builds the reference units and loads them; fails, naming the failed checks, if they do not pass. */
    static void loadReferenceUnits(WarehouseConnection warehouse, Optional<Path> referenceData, PrintStream out) {
        Optional<SharedReferenceData> shared = SharedReferenceData.locate(referenceData);
        ReferenceUnits units = ReferenceUnits.build(AddressDatabase.fetch(NpmPackageCache.fromEnvironment(System.err::println)), shared);
        out.println("reference units: " + units.provinces().size() + " provinces, " + units.communes().size() + " communes, "
                + units.crosswalk().size() + " crosswalk lines; " + shared.map(s -> "calibrated with " + s.root())
                .orElse("populations estimated (no reference data folder: set IOC_REFERENCE_DATA)"));
        List<ReferenceUnitsLoader.Check> checks = new ReferenceUnitsLoader(warehouse).load(units);
        checks.forEach(check -> out.println("  check " + check));
        if (!checks.stream().allMatch(ReferenceUnitsLoader.Check::passed)) {
            throw new IllegalStateException("the reference units failed their checks and were not loaded; the previous units stay in place");
        }
        out.println("reference units loaded into " + warehouse.url());
    }
}
