package vn.ioc.datasets.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.ioc.warehouse.WarehouseConnection;

import java.nio.file.Path;
import java.util.Optional;

/** {@code ioc datasets ...}: the reference units. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Reference units and the 2025 crosswalk.",
        subcommands = DatasetsCommand.Load.class)
final class DatasetsCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load the 34 provinces, 3,321 communes and the old-to-new crosswalk into the warehouse at IOC_WAREHOUSE_URL, "
                    + "checked before they replace the previous ones.")
    static final class Load implements Runnable {
        @Option(names = "--reference-data", description = "folder of the shared reference data (default: IOC_REFERENCE_DATA or ../shared/datasets)")
        Path referenceData;

        @Override
        public void run() {
            DatasetsLauncher.loadReferenceUnits(WarehouseConnection.fromEnvironment(), Optional.ofNullable(referenceData), System.out);
        }
    }
}
