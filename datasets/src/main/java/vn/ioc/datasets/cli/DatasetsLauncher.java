package vn.ioc.datasets.cli;

import vn.ioc.datasets.units.AddressDatabase;
import vn.ioc.datasets.units.ReferenceInputs;
import vn.ioc.datasets.units.ReferenceUnits;
import vn.ioc.datasets.units.ReferenceUnitsLoader;
import vn.ioc.datasets.units.SharedReferenceData;
import vn.ioc.warehouse.WarehouseConnection;
import vn.ioc.warehouse.cli.LauncherModule;
import vn.ioc.warehouse.npm.NpmPackageCache;
import vn.ioc.warehouse.server.WarehouseUsers;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        return List.of((server, out) -> loadReferenceUnitsUnlessLoaded(server.connection(WarehouseUsers.WRITER, "ioc"),
                server.dataDirectory().root().resolve("reference-units.inputs"), out));
    }

    /**
     * The demo's reference units, built and loaded again only when what they are built from has changed since the demo
     * last loaded them into this data folder ({@code loaded} records it), so that a restart does not rebuild them.
     */
    static void loadReferenceUnitsUnlessLoaded(WarehouseConnection warehouse, Path loaded, PrintStream out) {
        Path addressDatabase = NpmPackageCache.fromEnvironment(System.err::println).file(AddressDatabase.PACKAGE, "address.json");
        String inputs = ReferenceInputs.digest(addressDatabase, SharedReferenceData.locate(Optional.empty()).map(SharedReferenceData::root));
        try {
            if (Files.isRegularFile(loaded) && Files.readString(loaded).equals(inputs)) {
                out.println("reference units: as loaded before (their inputs have not changed)");
                return;
            }
            loadReferenceUnits(warehouse, Optional.empty(), out);
            Files.writeString(loaded, inputs);
        } catch (IOException e) {
            throw new UncheckedIOException("the record of the reference units loaded (" + loaded + ") could not be read or written: " + e.getMessage(), e);
        }
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
